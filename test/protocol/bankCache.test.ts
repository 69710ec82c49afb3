/**
 * The story bank's start cache, through the bundled server: a restart with the storage folder
 * the client passes lists the stories from the cache, the same as a start without it; a file
 * changed since, a setting changed since, or a damaged cache file is read again, never trusted;
 * and nothing is ever written into the workspace.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_FILE } from '../../server/src/bankCache';
import { BankChangedNotification, BankSnapshotRequest, type BankSnapshot } from '../../server/src/protocol';
import { CHECKOUT, CHECKOUT_COPY, SEARCH_ACCENTS } from '../unit/bank/stories';
import { LspClient } from './lspClient';

/** An hour ago: a file written just now is too fresh to cache (its time may not change with its next write). */
const AN_HOUR_AGO = Date.now() / 1000 - 3600;

interface Session {
  snapshot: BankSnapshot;
  /** The first snapshot the server pushed: what the stories view shows first. */
  first: BankSnapshot | undefined;
  /** Whether it came before the scan's end (listed from the cache before the files were read). */
  firstBeforeScan: boolean;
  /** Every snapshot pushed before the scan's end. */
  beforeScan: BankSnapshot[];
  /** Every snapshot pushed, in order. */
  pushed: BankSnapshot[];
  /** How many files the scan restored from the cache, from the server's log. */
  fromCache: number;
  logs: string[];
}

describe('protocol: story bank cache', function () {
  this.timeout(20_000);
  this.slow(3_000);
  let workspace: string;
  let storage: string;

  const write = (name: string, text: string, mtime = AN_HOUR_AGO) => {
    writeFileSync(join(workspace, name), text);
    utimesSync(join(workspace, name), mtime, mtime);
  };

  /** One server session: start, wait until the bank is complete, take its snapshot, shut down (which writes the cache). */
  async function session(
    options: { storagePath?: string; settings?: Record<string, unknown>; open?: { name: string; text: string } } = {},
  ): Promise<Session> {
    const client = await LspClient.start({
      workspaceFolder: workspace,
      initializationOptions: { storagePath: options.storagePath ?? storage },
      settings: options.settings,
    });
    // Opened at once, as an editor restores its open editors at start.
    if (options.open) await client.open(pathToFileURL(join(workspace, options.open.name)).href, options.open.text);
    let first: BankSnapshot | undefined;
    let firstBeforeScan = false;
    const beforeScan: BankSnapshot[] = [];
    const everyPush: BankSnapshot[] = [];
    client.connection.onNotification(BankChangedNotification, (pushed: BankSnapshot) => {
      everyPush.push(pushed);
      const scanned = client.logs.some((l) => /read and parsed/.test(l));
      if (!scanned) beforeScan.push(pushed);
      if (first) return;
      first = pushed;
      firstBeforeScan = !scanned;
    });
    try {
      const scanned = await logLine(client, /read and parsed (\d+) files in \d+ ms \((\d+) from the cache/);
      await logLine(client, /ran the rules on \d+ files/);
      const snapshot = await client.request(BankSnapshotRequest, null);
      return { snapshot, first, firstBeforeScan, beforeScan, pushed: everyPush, fromCache: Number(scanned[2]), logs: client.logs };
    } finally {
      await client.stop(5000);
    }
  }

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'star-cache-ws-'));
    storage = join(mkdtempSync(join(tmpdir(), 'star-cache-storage-')), 'workspace-storage');
    write('payments.star.md', CHECKOUT);
    write('copy.star.md', CHECKOUT_COPY);
    write('search.star.md', SEARCH_ACCENTS);
  });

  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(join(storage, '..'), { recursive: true, force: true });
  });

  it('a warm start lists the same stories, problems and coverage as a cold one, from the cache', async () => {
    const before = readdirSync(workspace).sort();
    const cold = await session();
    assert.equal(cold.fromCache, 0);
    assert.ok(existsSync(join(storage, CACHE_FILE)), 'the cache is written at shutdown');
    const warm = await session();
    assert.equal(warm.fromCache, 3);
    assert.deepEqual(warm.snapshot, cold.snapshot);
    // The bank as it was, so the cache's listings stand: ratings and bank findings from the first push, before any story is compared.
    assert.deepEqual(warm.first, cold.snapshot, 'the first snapshot of a warm start is already complete');
    assert.ok(warm.firstBeforeScan, 'and listed from the cache before the story files are read');
    // Reading the files found that very bank: it is not sent a second time.
    assert.equal(warm.pushed.length, 1, `snapshots pushed on a warm start: ${warm.pushed.length}`);
    assert.ok(!cold.firstBeforeScan);
    assert.ok(
      cold.snapshot.stories.some((s) => s.readiness?.reasons.some((r) => r.rule === 'duplicate-story')),
      'a rating that only the bank gives is part of what is compared',
    );
    assert.ok(
      cold.snapshot.stories.some((s) => s.problems > 0),
      'problem counts are part of what is compared',
    );
    assert.deepEqual(readdirSync(workspace).sort(), before, 'nothing written into the workspace');
  });

  it('lists nothing from the cache while a story file is open with other text than on disk', async () => {
    await session();
    const unsaved = CHECKOUT.replace('# Checkout latency regression', '# Checkout latency, unsaved');
    const warm = await session({ open: { name: 'payments.star.md', text: unsaved } });
    // Only the open document itself may be listed before the files are read: the stored listing has it as it is on disk.
    const early = warm.beforeScan.flatMap((snapshot) => snapshot.stories.map((story) => story.uri.split('/').pop()));
    assert.deepEqual(
      [...new Set(early)].filter((name) => name !== 'payments.star.md'),
      [],
    );
    assert.ok(warm.snapshot.stories.some((s) => s.title === 'Checkout latency, unsaved'));
  });

  it('re-reads a file whose size or modification time changed, and a file with new settings', async () => {
    await session();
    // Same length, new title: only the modification time tells.
    write('payments.star.md', CHECKOUT.replace('# Checkout latency regression', '# Checkout latency Regression'), AN_HOUR_AGO + 60);
    // A new size, with the modification time the cache has for it.
    write('search.star.md', SEARCH_ACCENTS.replace('# Search that could not find accented names', '# Accented names'));
    const warm = await session();
    assert.equal(warm.fromCache, 1);
    // Another bank than the cached one: its stored listings are not used, and no rating shown first is taken back.
    assert.ok(!warm.firstBeforeScan, 'nothing listed from the cache before the files are read');
    for (const story of warm.first?.stories ?? []) {
      if (story.readiness)
        assert.deepEqual(
          story,
          warm.snapshot.stories.find((s) => s.id === story.id),
          story.title,
        );
    }
    const titles = warm.snapshot.stories.map((s) => s.title).sort();
    assert.deepEqual(titles, ['Accented names', 'Checkout latency Regression', 'Payment page slowdown']);
    const retimed = await session({ settings: { targetSeconds: 120 } });
    assert.equal(retimed.fromCache, 0, 'a record linted with other settings is not used');
    assert.ok(retimed.snapshot.stories.every((s) => s.targetSeconds === 120));
  });

  it('ignores a damaged cache file, lists every story from the files, and writes a good one again', async () => {
    const cold = await session();
    const file = join(storage, CACHE_FILE);
    const good = readFileSync(file, 'utf8');
    for (const damaged of [
      good.slice(0, Math.floor(good.length * 0.7)),
      good.replace('Payment page slowdown', 'Payment page slowdowN'),
      '{not json',
      '',
    ]) {
      writeFileSync(file, damaged);
      const started = await session();
      assert.equal(started.fromCache, 0);
      assert.deepEqual(started.snapshot, cold.snapshot);
      assert.ok(
        started.logs.some((l) => /Story bank cache: ignoring/.test(l)),
        'the log says why',
      );
      assert.notEqual(readFileSync(file, 'utf8'), damaged, 'rewritten');
    }
    assert.equal((await session()).fromCache, 3);
  });

  it('refuses a storage folder inside the workspace, and writes nothing there', async () => {
    const inside = join(workspace, '.vscode', 'star-cache');
    const started = await session({ storagePath: inside });
    assert.equal(started.snapshot.stories.length, 3);
    assert.ok(started.logs.some((l) => /Story bank cache: not used/.test(l)));
    assert.deepEqual(readdirSync(workspace).sort(), ['copy.star.md', 'payments.star.md', 'search.star.md']);
  });
});

/** The first log line matching `pattern`, waiting for it (the log is checked as it grows). */
async function logLine(client: LspClient, pattern: RegExp, timeoutMs = 10_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of client.logs) {
      const m = pattern.exec(line);
      if (m) return m;
    }
    if (Date.now() > deadline) throw new Error(`No log line ${pattern}\n${client.report()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
