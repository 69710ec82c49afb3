/**
 * Files in the workspace that are not plain story text: FIFOs named like stories, and stories
 * saved with a UTF-8 byte order mark. The bundled server reads the workspace from disk itself,
 * so these run against it over stdio.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BankChangedNotification, BankSnapshotRequest, type BankSnapshot } from '../../server/src/protocol';
import { CHECKOUT, SEARCH_ACCENTS } from '../unit/bank/stories';
import { LspClient, withServer } from './lspClient';

const FILE_CREATED = 1;

describe('protocol: special files in the workspace', function () {
  this.timeout(20_000);
  let dir: string;
  let client: LspClient;
  const snapshots: BankSnapshot[] = [];

  const titles = (s: BankSnapshot) => s.stories.map((story) => story.title);
  async function created(...names: string[]): Promise<void> {
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: names.map((n) => ({ uri: pathToFileURL(join(dir, n)).href, type: FILE_CREATED })),
    });
  }
  /** Asks for the bank until it holds the title; a server whose file reads are stuck never does. */
  async function bankWith(title: string): Promise<BankSnapshot> {
    for (let i = 0; i < 100; i++) {
      const snapshot = await client.request(BankSnapshotRequest, null);
      if (titles(snapshot).includes(title)) return snapshot;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `"${title}" never reached the bank; it has: ${titles(snapshots[snapshots.length - 1] ?? ({ stories: [] } as unknown as BankSnapshot)).join(', ')}\n${client.report()}`,
    );
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-special-'));
    writeFileSync(join(dir, 'checkout.star.md'), CHECKOUT);
  });

  withServer(
    async (started) => {
      client = started;
      client.connection.onNotification(BankChangedNotification, (s: BankSnapshot) => void snapshots.push(s));
      await bankWith('Checkout latency regression');
    },
    () => ({ workspaceFolder: dir }),
  );

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('FIFOs named like stories are never opened: a story created after four of them reaches the bank', async () => {
    // Four: Node's file thread pool has four threads, and a read blocked on a FIFO holds one for good.
    const fifos = ['a', 'b', 'c', 'd'].map((n) => `pipe-${n}.star.md`);
    for (const f of fifos) execFileSync('mkfifo', [join(dir, f)]);
    await created(...fifos);
    writeFileSync(join(dir, 'search.star.md'), SEARCH_ACCENTS);
    await created('search.star.md');
    const snapshot = await bankWith('Search that could not find accented names');
    assert.deepEqual(titles(snapshot).sort(), ['Checkout latency regression', 'Search that could not find accented names']);
  });

  it('a story saved with a byte order mark is read as the editor reads it: its title and principles count', async () => {
    const title = 'Checkout with a byte order mark';
    writeFileSync(
      join(dir, 'bom.star.md'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CHECKOUT.replace('# Checkout latency regression', `# ${title}`))]),
    );
    await created('bom.star.md');
    const snapshot = await bankWith(title);
    const story = snapshot.stories.find((s) => s.title === title)!;
    assert.ok(story.principles.length > 0, JSON.stringify(story));
  });
});
