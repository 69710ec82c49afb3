/**
 * Responsiveness (issue 13): the bundled server answers other requests while it checks a
 * 1 M-character hostile document, and never applies a change older than the text it has.
 */
import { strict as assert } from 'node:assert';
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
