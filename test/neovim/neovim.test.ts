/**
 * A second LSP client: Debian's Neovim, headless, runs the bundled server over stdio
 * (test/neovim/init.lua) and writes the diagnostics it receives for a weak story. They must be
 * the findings `star-stories lint` reports for the same file.
 *
 * Run with `npm run test:neovim` (needs `nvim`: `apt-get install neovim`; scripts/setup-e2e.sh
 * installs it).
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

interface LspDiagnostic {
  range: { start: { line: number; character: number } };
  code: string;
  severity: number;
  message: string;
  source: string;
}

describe('neovim: the bundled server in a second LSP client', function () {
  this.timeout(60_000);
  let scratch: string;

  before(function () {
    try {
      execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error('nvim is not installed: `apt-get install neovim` (scripts/setup-e2e.sh does it)');
    }
    scratch = mkdtempSync(join(tmpdir(), 'star-nvim-'));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('publishes the CLI findings of a weak story to headless Neovim', async function () {
    const story = join(scratch, 'onboarding-revamp.star.md');
    copyFileSync(join(ROOT, 'examples', 'onboarding-revamp.star.md'), story);
    const out = join(scratch, 'diagnostics.json');

    const nvim = spawn('nvim', ['--headless', '-u', join(ROOT, 'test', 'neovim', 'init.lua'), story], {
      env: { ...process.env, STAR_SERVER: join(ROOT, 'dist', 'server.js'), STAR_NVIM_OUT: out, STAR_NVIM_TIMEOUT_MS: '30000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    nvim.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((res) => nvim.on('exit', res));
    assert.equal(code, 0, `nvim exited with ${code}: ${stderr}`);

    const received = JSON.parse(readFileSync(out, 'utf8')) as { error?: string; diagnostics?: LspDiagnostic[] };
    assert.equal(received.error, undefined);
    const got = received.diagnostics!.map((d) => ({
      rule: d.code,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      message: d.message,
    }));

    let cli: string;
    try {
      cli = execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', story, '--format', 'json'], { encoding: 'utf8' });
    } catch (e) {
      cli = (e as { stdout: string }).stdout; // exit 1: the story has errors
    }
    const expected = (
      JSON.parse(cli) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; message: string }> }>
    )[0].messages.map((m) => ({ rule: m.ruleId, line: m.line, column: m.column, message: m.message }));
    assert.ok(expected.length > 10, 'the weak example story has many findings');
    const order = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;
    assert.deepEqual(got.sort(order), expected.sort(order));
    assert.ok(received.diagnostics!.every((d) => d.source === 'star-stories'));
  });
});
