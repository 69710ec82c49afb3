/**
 * No stale state (docs/security.md): through the bundled server over stdio, 1,000 random
 * incremental edits (inserts, deletes, multi-line replaces, several changes per notification,
 * sent without waiting) end with the diagnostics a fresh lint of the final text gives, and code
 * actions asked for with diagnostics of an older version are refused.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { Linter, rules } from '../../server/src/engine';
import { CORPUS, fragment, LINE_BREAKS } from '../fuzz/arbitraries';
import { finding, LspClient, offsetAt, positionAt, testUri, withServer } from './lspClient';

const EDITS = 1000;
const SEED = Number(process.env.FUZZ_SEED ?? 20240607);

interface Edit {
  at: number;
  length: number;
  text: string;
  /** How many more edits travel in the same didChange notification. */
  batch: number;
}

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  // Typing: one character or a word.
  {
    weight: 5,
    arbitrary: fc.record({
      at: fc.nat(),
      length: fc.constant(0),
      text: fc.oneof(fc.constantFrom('a', ' ', 'I', 'we', '.', ...LINE_BREAKS), fragment),
      batch: fc.constant(0),
    }),
  },
  // Deleting: a character, a selection, or lines.
  {
    weight: 3,
    arbitrary: fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 120 }), text: fc.constant(''), batch: fc.constant(0) }),
  },
  // Pasting over a selection, across lines, several edits at once (multi-cursor, format on type).
  {
    weight: 2,
    arbitrary: fc.record({
      at: fc.nat(),
      length: fc.integer({ min: 0, max: 300 }),
      text: fc.array(fragment, { maxLength: 6 }).map((lines) => lines.join('\n')),
      batch: fc.nat(3),
    }),
  },
);

/** An offset that never falls inside a CRLF: editors do not split one. */
function safeOffset(text: string, at: number): number {
  const offset = at % (text.length + 1);
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

/** The diagnostics a fresh lint of `text` gives, as the server would publish them. */
function expectedDiagnostics(text: string): Array<Pick<Diagnostic, 'code' | 'range' | 'message'>> {
  return new Linter()
    .lint(text)
    .findings.map((f) => ({ code: f.rule, range: { start: positionAt(text, f.start), end: positionAt(text, f.end) }, message: f.message }));
}

describe('protocol: no stale state after random incremental edits', function () {
  this.timeout(60_000);
  let client: LspClient;
  // An empty folder: the edits are the test, not indexing the repository's hundreds of stories beside them.
  const folder = mkdtempSync(join(tmpdir(), 'star-stale-'));
  withServer(
    (started) => (client = started),
    () => ({ workspaceFolder: folder }),
  );
  after(() => rmSync(folder, { recursive: true, force: true }));

  it(`${EDITS} edits end with the diagnostics of a fresh lint; stale code actions are refused`, async () => {
    const uri = testUri('stale-state.star.md');
    const start = CORPUS.join('\n');
    await client.open(uri, start, 1);
    const textAt = new Map<number, string>([[1, start]]);
    const first = await client.diagnosticsFor(uri);
    assert.ok(first.diagnostics.length > 0, 'the starting bank has findings');

    const edits = fc.sample(editArbitrary, { numRuns: EDITS, seed: SEED });
    let staleChecks = 0;
    for (let i = 0; i < edits.length;) {
      const batch = edits.slice(i, i + 1 + edits[i].batch);
      i += batch.length;
      let text = client.text(uri);
      const changes: TextDocumentContentChangeEvent[] = [];
      for (const edit of batch) {
        const from = safeOffset(text, edit.at);
        const to = safeOffset(text, Math.min(text.length, from + edit.length));
        changes.push({ range: { start: positionAt(text, from), end: positionAt(text, to) }, text: edit.text });
        text = text.slice(0, from) + edit.text + text.slice(to);
      }
      const version = await client.change(uri, changes);
      textAt.set(version, client.text(uri));

      // Now and then, as a user would: ask for fixes with diagnostics the editor still shows from
      // an older version (sent without waiting, so the server may see them out of order).
      if (i % 97 < batch.length) {
        const old = client.published
          .filter((p) => p.uri === uri && p.version !== undefined && p.version < version && p.diagnostics.length > 0)
          .pop();
        if (old) {
          staleChecks++;
          const range = { start: { line: 0, character: 0 }, end: positionAt(client.text(uri), client.text(uri).length) };
          const actions = await client.codeActions(uri, range, { diagnostics: old.diagnostics, only: ['quickfix'] });
          const withEdits = actions.filter((a) => a.edit);
          assert.deepEqual(
            withEdits.map((a) => a.title),
            [],
            `fixes offered for diagnostics of version ${old.version} while the document is at ${version}`,
          );
        }
      }
    }
    assert.ok(staleChecks >= 5, `only ${staleChecks} stale code-action checks ran`);

    const final = client.text(uri);
    const finalVersion = client.version(uri);
    const expected = expectedDiagnostics(final);
    // The bank's findings compare this document with the workspace's other stories, which a
    // lint of the text alone cannot see (the bank's own tests cover them).
    const bankRules = new Set(rules.filter((r) => r.group === 'bank').map((r) => r.name));
    const own = (p: PublishDiagnosticsParams) =>
      p.diagnostics.filter((d) => !bankRules.has(String(d.code))).map(({ code, range, message }) => ({ code, range, message }));
    const same = (p: PublishDiagnosticsParams) => isDeepStrictEqual(own(p), expected);
    // The last edit may have typed a word: a finding on it is published once typing pauses.
    await client.diagnosticsFor(uri, 10_000);
    const published = await client
      .waitForDiagnostics(uri, (p) => p.version === finalVersion && same(p), 5_000)
      .catch(() => client.latest(uri)!);
    // A round trip, so anything the server still had queued has arrived.
    await client.documentSymbols(uri);
    const mine = client.published.filter((p) => p.uri === uri);
    assert.equal(mine[mine.length - 1], published, 'nothing is published after the final version');
    const versions = mine.map((p) => p.version ?? -1);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'published versions never go back',
    );
    for (const p of mine) assertInside(p, textAt.get(p.version!)!);

    assert.deepEqual(own(published), expected, 'diagnostics after the edits differ from a fresh lint of the final text');

    // The same text opened fresh in a second document of the same server: same findings.
    const fresh = testUri('stale-state-fresh.star.md');
    await client.open(fresh, final, finalVersion);
    // Bank findings differ by design here: the fresh copy is one more framing of the same story.
    const notBank = (d: Diagnostic) => !bankRules.has(String(d.code));
    assert.deepEqual(
      published.diagnostics.filter(notBank).map(finding),
      (await client.diagnosticsFor(fresh)).diagnostics.filter(notBank).map(finding),
    );

    // Fixes for the current diagnostics are offered and made for the current version.
    const fixable = published.diagnostics.find((d) => (d.data as { hasFix?: boolean }).hasFix);
    if (fixable) {
      const actions = await client.codeActions(uri, fixable.range, { diagnostics: [fixable], only: ['quickfix'] });
      assert.ok(
        actions.some((a) => a.isPreferred && a.edit),
        `no fix for the current ${fixable.code}`,
      );
    }
  });
});

/** Every published range lies inside the text of the version it was published for. */
function assertInside(params: PublishDiagnosticsParams, text: string): void {
  assert.ok(text !== undefined, `diagnostics for unknown version ${params.version}`);
  for (const d of params.diagnostics) {
    assert.doesNotThrow(() => offsetAt(text, d.range.start), `${d.code} start outside version ${params.version}`);
    assert.doesNotThrow(() => offsetAt(text, d.range.end), `${d.code} end outside version ${params.version}`);
  }
}
