/**
 * "Check All Stories": the server publishes diagnostics for every story file of the bank,
 * including files no editor has open, and keeps them current as those files change on disk.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BankSnapshotRequest, CheckAllRequest } from '../../server/src/protocol';
import { migrationStory } from '../migrationStory';
import { CHECKOUT } from '../unit/bank/stories';
import { runCli } from '../unit/cliRun';
import { LspClient, withServer } from './lspClient';

const WEAK = migrationStory({ action: 'We helped with the migration and I would say it went well.', result: 'Things improved a lot.' });

/** What `star-stories lint --format json` says of one file: rule and line of each finding. */
function cliFindings(file: string): string[] {
  const { out } = runCli('lint', file, '--format', 'json');
  return (JSON.parse(out)[0].messages as Array<{ ruleId: string; line: number }>).map((m) => `${m.ruleId}@${m.line}`).sort();
}

describe('protocol: Check All Stories', function () {
  this.timeout(15_000);
  let dir: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-check-all-'));
    writeFileSync(join(dir, 'weak.star.md'), WEAK);
    writeFileSync(join(dir, 'strong.star.md'), CHECKOUT);
  });

  withServer(
    async (started) => {
      client = started;
      // The bank is indexed in the background; wait until it lists both files.
      for (let i = 0; i < 100; i++) {
        const snapshot = await client.request(BankSnapshotRequest, null);
        if (snapshot.stories.length === 2) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    () => ({ workspaceFolder: dir }),
  );

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics for story files no editor has open, the same as the CLI reports', async () => {
    const weak = uriOf('weak.star.md');
    const published = client.waitForDiagnostics(weak, () => true, 5000);
    const result = await client.request(CheckAllRequest, null);
    assert.equal(result.files, 2);
    const diagnostics = (await published).diagnostics;
    const lines = (d: { code?: unknown; range: { start: { line: number } } }) => `${d.code}@${d.range.start.line + 1}`;
    assert.deepEqual(diagnostics.map(lines).sort(), cliFindings(join(dir, 'weak.star.md')));
    assert.ok(result.problems >= diagnostics.length);
  });

  it('keeps a checked file current when it changes on disk, and clears it when deleted', async () => {
    const weak = uriOf('weak.star.md');
    writeFileSync(join(dir, 'weak.star.md'), WEAK.replace('I would say it went well', 'I would retry it'));
    const changed = client.waitForDiagnostics(
      weak,
      (p) => !p.diagnostics.some((d) => d.code === 'vague-impact' && d.range.start.line === 10),
      5000,
    );
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: weak, type: 2 }] });
    await changed;
    unlinkSync(join(dir, 'weak.star.md'));
    const cleared = client.waitForDiagnostics(weak, (p) => p.diagnostics.length === 0, 5000);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: weak, type: 3 }] });
    await cleared;
  });
});
