/**
 * Responsiveness (issue 13): the bundled server answers other requests while it checks a
 * 1 M-character hostile document or reads a large workspace, and never applies a change older
 * than the text it has.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { STORY } from '../fuzz/badInputs';
import { LspClient, testUri, withServer } from './lspClient';

/** About 1 M characters: a thousand stories, each a paragraph of hedges and weak verbs. */
function hostileDocument(): string {
  const story = (i: number) =>
    `# Story ${i}\nPrinciples: Ownership\n\n## Action\n${'I maybe helped the team, kind of. '.repeat(28)}\n\n## Result\nIt went well.\n`;
  return Array.from({ length: 1000 }, (_, i) => story(i)).join('\n');
}

describe('protocol: responsive while a large document is checked', function () {
  this.timeout(120_000);
  let client: LspClient;
  withServer((started) => (client = started), { timeoutMs: 20_000 });

  it('answers a hover while it lints a 1 M-character hostile document', async () => {
    const small = testUri('responsive-small.star.md');
    await client.open(small, STORY, 1);
    await client.diagnosticsFor(small, 20_000);

    const large = testUri('responsive-large.star.md');
    const text = hostileDocument();
    assert.ok(text.length > 950_000, `${text.length} characters`);
    let linted: number | undefined;
    const published = client
      .waitForDiagnostics(large, (p: PublishDiagnosticsParams) => p.version === 1, 110_000)
      .then((p) => {
        linted = performance.now();
        return p;
      });
    await client.open(large, text, 1);
    // Give the server time to take the document and start on it, then ask about the other one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = performance.now();
    const answer = await client.request<Hover | null>(
      'textDocument/hover',
      { textDocument: { uri: small }, position: { line: 1, character: 14 } },
      110_000,
    );
    const answered = performance.now();
    const diagnostics = await published;
    assert.ok(answer && JSON.stringify(answer.contents).includes('Ownership'), 'the hover on the small story is answered');
    assert.ok(
      linted === undefined || linted > answered,
      `the hover (${Math.round(answered - asked)} ms) was answered before the large document's lint finished (${Math.round((linted ?? answered) - asked)} ms after it was asked)`,
    );
    assert.ok(
      diagnostics.diagnostics.some((d) => d.code === 'hedging'),
      'and the large document is linted in the end',
    );
    console.log(
      `      hover answered in ${Math.round(answered - asked)} ms; the lint finished ${Math.round(linted! - asked)} ms after the hover was asked`,
    );
  });

  it('ignores a change whose version is older than the one it has (v5, then v3, ends on v5)', async () => {
    const uri = testUri('stale-version.star.md');
    await client.open(uri, STORY, 1);
    await client.diagnosticsFor(uri, 20_000);
    const helped = STORY.replace('I helped with the migration', 'I led the migration');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 5 },
      contentChanges: [{ text: helped }],
    });
    const v5 = await client.waitForDiagnostics(uri, (p) => p.version === 5, 20_000);
    assert.ok(!v5.diagnostics.some((d) => d.code === 'weak-verb'), 'version 5 has no weak verb');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: STORY }],
    });
    // A request after the notification is answered after it was handled.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === 3), 'nothing is published for version 3');
    assert.ok(
      client.logs.some((m) => /Ignored a change to .*stale-version\.star\.md for version 3: the server already has version 5/.test(m)),
      'the server says why',
    );
    // The next real edit applies to version 5's text.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 6 },
      contentChanges: [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 9 } }, text: 'Payments' }],
    });
    const v6 = await client.waitForDiagnostics(uri, (p) => p.version === 6, 20_000);
    assert.ok(!v6.diagnostics.some((d) => d.code === 'weak-verb'), 'version 6 builds on version 5, not on version 3');
  });
});

describe('protocol: responsive while the workspace is read', function () {
  this.timeout(120_000);

  it('answers hovers during the scan of a 1,200-file workspace, not only after it', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'star-responsive-scan-'));
    for (let i = 0; i < 1200; i++) writeFileSync(join(workspace, `story-${i}.star.md`), STORY.replace(/^# .*$/m, `# Story ${i}`));
    const client = await LspClient.start({ workspaceFolder: workspace });
    try {
      const small = testUri('responsive-scan-small.star.md');
      await client.open(small, STORY, 1);
      // A hover every 40 ms (a user moving the mouse) until the scan's log line says how long it took.
      const hovers: Array<{ sent: number; answered?: number }> = [];
      let scan: { ms: number; endedBy: number } | undefined;
      while (!scan) {
        const asked = { sent: performance.now() } as { sent: number; answered?: number };
        hovers.push(asked);
        void client
          .request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 14 } }, 60_000)
          .then(() => (asked.answered = performance.now()));
        await new Promise((resolve) => setTimeout(resolve, 40));
        const line = client.logs.map((l) => /read and parsed \d+ files in (\d+) ms/.exec(l)).find((m) => m);
        if (line) scan = { ms: Number(line[1]), endedBy: performance.now() };
      }
      await waitUntil(() => hovers.every((h) => h.answered !== undefined));
      // The scan began at least its length before its log line arrived. A hover asked in its first
      // two thirds waits for the rest of it (a third or more) when the scan never lets requests in.
      const began = scan.endedBy - scan.ms;
      const waits = hovers
        .filter((h) => h.sent > began && h.sent < scan.endedBy - scan.ms / 3)
        .map((h) => h.answered! - h.sent)
        .sort((a, b) => a - b);
      assert.ok(waits.length >= 3, `${waits.length} hovers asked during a ${scan.ms} ms scan`);
      const median = waits[Math.floor(waits.length / 2)];
      assert.ok(
        median < scan.ms / 4,
        `hovers asked during a ${scan.ms} ms scan waited ${Math.round(median)} ms (median of ${waits.length}): the scan holds requests back`,
      );
    } finally {
      await client.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

async function waitUntil(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
