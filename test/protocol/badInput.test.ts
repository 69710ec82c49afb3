/**
 * Bad input answered clearly (docs/security.md): each input of test/fuzz/badInputs.ts, opened in
 * the bundled server, gives diagnostics or one clear notice, every range inside the document,
 * and the server still answers the next request. The CLI reads the same files from disk.
 * Times are measured by scripts/bad-input-timing.ts, not asserted here.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { BAD_INPUTS, binaryBytes, invalidUtf8Bytes, STORY } from '../fuzz/badInputs';
import { LspClient, ROOT, testUri, withServer } from './lspClient';

const CLI = join(ROOT, 'dist', 'cli.js');

function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => String(d.code));
}

describe('protocol: bad input', function () {
  this.timeout(60_000);
  let client: LspClient;
  withServer((started) => (client = started));

  for (const [i, input] of BAD_INPUTS.entries()) {
    it(`${input.name}: ${typeof input.expect === 'string' ? 'diagnostics' : 'one clear notice'}, and the server answers the next request`, async () => {
      const uri = testUri(`bad-input-${i}.star.md`);
      const text = input.text();
      await client.open(uri, text, 1);
      const published = await client.diagnosticsFor(uri, 30_000);
      const lineLengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
      const inside = (p: Position) => p.line >= 0 && p.line < lineLengths.length && p.character >= 0 && p.character <= lineLengths[p.line];
      for (const d of published.diagnostics) {
        assert.ok(inside(d.range.start) && inside(d.range.end), `${d.code} range ${JSON.stringify(d.range)} is outside the document`);
        assert.ok(
          typeof d.message === 'string' && d.message.length > 0 && d.message.length < 500,
          `${d.code}: message ${JSON.stringify(d.message).slice(0, 80)}`,
        );
      }

      const expect = input.expect;
      if (expect === 'diagnostics') {
        assert.ok(!codes(published).includes('front-matter') && !codes(published).includes('file-too-large'), codes(published).join(', '));
        if (text.includes('I helped'))
          assert.ok(codes(published).includes('weak-verb'), `the story is linted: ${codes(published).join(', ')}`);
      } else if ('notice' in expect) {
        assert.deepEqual(codes(published), [expect.notice], 'one notice and nothing else');
        assert.equal(published.diagnostics[0].range.start.line, 0);
      } else {
        const notices = published.diagnostics.filter((d) => d.code === 'front-matter').map((d) => String(d.message));
        for (const pattern of expect.frontMatter)
          assert.ok(
            notices.some((m) => pattern.test(m)),
            `no notice matching ${pattern} in:\n${notices.join('\n')}`,
          );
        assert.ok(notices.length <= 3, `${notices.length} notices:\n${notices.join('\n')}`);
        // Bad settings are dropped and the story is linted with the defaults.
        assert.ok(codes(published).includes('weak-verb'), `the story is still linted: ${codes(published).join(', ')}`);
      }

      // The server is alive and current: hover and completion right after.
      const hover = await client.hover(uri, { line: 0, character: 0 });
      assert.ok(hover === null || typeof hover === 'object');
      const items = await client.completion(uri, { line: 0, character: 0 });
      assert.ok(Array.isArray(items));
      await client.close(uri);
    });
  }

  it('invalid UTF-8: ranges after the replacement characters still land on the flagged words', async () => {
    const uri = testUri('bad-input-utf8-ranges.star.md');
    const text = invalidUtf8Bytes().toString('utf8');
    assert.ok(text.includes('\uFFFD'), 'the client decodes invalid bytes to U+FFFD');
    await client.open(uri, text, 1);
    const published = await client.diagnosticsFor(uri);
    const weak = published.diagnostics.find((d) => d.code === 'weak-verb');
    assert.ok(weak, codes(published).join(', '));
    assert.equal(client.textAt(uri, weak.range), 'helped');
  });
});

describe('CLI: bad input read from disk', function () {
  this.timeout(30_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-bad-input-'));
  });

  function lint(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd: dir, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('lints an empty file, a binary file and an invalid UTF-8 file without crashing', () => {
    writeFileSync(join(dir, 'empty.star.md'), '');
    writeFileSync(join(dir, 'binary.star.md'), binaryBytes());
    writeFileSync(join(dir, 'latin1.star.md'), invalidUtf8Bytes());
    const { status, stdout, stderr } = lint('--format', 'json');
    assert.equal(stderr, '');
    assert.equal(status, 0, 'warnings only');
    const reports = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
    assert.deepEqual(
      reports.map((r) => r.filePath).sort(),
      ['binary.star.md', 'empty.star.md', 'latin1.star.md'].map((f) => join(dir, f)),
    );
    const latin1 = reports.find((r) => r.filePath === join(dir, 'latin1.star.md'))!;
    assert.ok(
      latin1.messages.some((m) => m.ruleId === 'weak-verb' && m.line === 11),
      JSON.stringify(latin1.messages),
    );
  });

  it('a malformed glob is reported as matching nothing, not a crash', () => {
    const { status, stderr } = lint('stories/a[.star.md');
    assert.equal(status, 2);
    assert.match(stderr, /no such file, folder or match: stories\/a\[\.star\.md/);
    assert.doesNotMatch(stderr, /cannot read/, 'a missing base folder is part of "no match", not a second error');
  });

  it('--fix never rewrites a file that is not valid UTF-8: its bytes are kept and the reason is printed', () => {
    const file = join(dir, 'latin1.star.md');
    const bytes = invalidUtf8Bytes();
    const fixable = Buffer.concat([bytes, Buffer.from('\n## Action\nEach night I would run the export by hand.\n')]);
    writeFileSync(file, fixable);
    const { stderr } = lint('--fix', file);
    assert.deepEqual(readFileSync(file), fixable, 'the file is byte-for-byte unchanged');
    assert.match(stderr, /latin1\.star\.md is not valid UTF-8; not fixed/);
  });

  it('--fix of a valid file writes the fixes and leaves no temporary file behind', () => {
    const file = join(dir, 'story.star.md');
    writeFileSync(file, STORY.replace('I owned the move', 'I would own the move'));
    lint('--fix', file);
    assert.match(readFileSync(file, 'utf8'), /I owned the move/);
    assert.deepEqual(execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).trim().split('\n'), ['story.star.md']);
  });
});
