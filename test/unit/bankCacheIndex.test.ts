/**
 * The bank cache written in slices from a real bank (server/src/workspaceIndex.ts `cacheContents`
 * with server/src/bankCache.ts): a story file changed on disk while the cache is being written
 * stops the write and the next one stores the file as it is now; typing in an open story, which
 * changes no stored record, lets the write finish.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankCache } from '../../server/src/bankCache';
import { LinterPool } from '../../server/src/engine';
import { Bank } from '../../server/src/engine/bank';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import type { WorkspaceFiles } from '../../server/src/workspaceFiles';
import { CHECKOUT, CHECKOUT_COPY, SEARCH_ACCENTS } from './bank/stories';

const AN_HOUR_AGO = Date.now() - 3_600_000;

describe('bank cache written in slices from a real bank', function () {
  this.timeout(30_000);
  let folder: string;
  let texts: Map<string, string>;

  /** Files as a user has them: written an hour ago, so every record may be stored. */
  const files: WorkspaceFiles = {
    reads: (uri) => uri.startsWith('file:'),
    listStoryFiles: async (root) => [...texts.keys()].filter((uri) => uri.startsWith(`${root}/`)).sort(),
    readText: async (uri) => texts.get(uri)!,
    readTextWithStat: async (uri) => ({ text: texts.get(uri)!, size: Buffer.byteLength(texts.get(uri)!), mtimeMs: AN_HOUR_AGO }),
    stat: async (uri) => (texts.has(uri) ? { size: Buffer.byteLength(texts.get(uri)!) } : undefined),
    sizeAndTime: async (uri) => ({ size: Buffer.byteLength(texts.get(uri)!), mtimeMs: AN_HOUR_AGO }),
  };

  /** A bank of 90 files read and checked in full, with its cache written once. */
  async function startedBank(): Promise<{ bank: Bank; index: WorkspaceIndex; cache: BankCache }> {
    const bank = new Bank();
    let ran!: () => void;
    const finished = new Promise<void>((resolve) => (ran = resolve));
    const index = new WorkspaceIndex(
      bank,
      files,
      () => undefined,
      undefined,
      (message) => {
        if (/ran the rules on/.test(message)) ran();
      },
    );
    const cache = new BankCache(
      folder,
      () => index.cacheContents(),
      () => undefined,
      'test',
    );
    index.useCache(cache);
    index.setFolders(['file:///w']);
    await index.scan();
    index.finishInBackground();
    await finished;
    cache.flush();
    return { bank, index, cache };
  }

  /** The stored record of a file, as the next start would read it. */
  async function storedRecord(uri: string): Promise<string | undefined> {
    const reader = new BankCache(
      folder,
      () => ({ entries: [] }),
      () => undefined,
      'test',
    );
    await reader.load();
    const text = texts.get(uri)!;
    const settings = reader.settingsHash({});
    const stored = reader.take(uri, { size: Buffer.byteLength(text), mtimeMs: AN_HOUR_AGO, settings });
    return stored && JSON.stringify(stored.record);
  }

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'star-bank-cache-index-'));
    texts = new Map();
    for (let i = 0; i < 90; i++) {
      const story = [CHECKOUT, CHECKOUT_COPY, SEARCH_ACCENTS][i % 3].replace(/^# (.*)$/m, `# $1, take ${i}`);
      texts.set(`file:///w/team-${i % 3}/story-${i}.star.md`, story);
    }
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('a story file changed on disk meanwhile stops the write; the next one stores the file as it is now', async () => {
    const { index, cache } = await startedBank();
    const changed = 'file:///w/team-0/story-0.star.md';
    assert.match((await storedRecord(changed)) ?? '', /take 0"/);
    texts.set(changed, texts.get(changed)!.replace(/^# .*$/m, '# Renamed on disk'));
    cache.changed();
    const write = cache.writeInSlices(0);
    setImmediate(() => void index.fileChanged(changed, 'changed'));
    assert.equal(await write, 'abandoned');
    assert.equal(await storedRecord(changed), undefined, 'the previous cache holds the old text, which no longer fits');
    assert.equal(await cache.writeInSlices(0), 'written');
    assert.match((await storedRecord(changed)) ?? '', /Renamed on disk/);
  });

  it('a change the bank makes without a file changing (a new résumé) stops a write of the listings', async () => {
    const { bank, cache } = await startedBank();
    cache.changed();
    const write = cache.writeInSlices(0);
    setImmediate(() => bank.setResume([{ uri: 'file:///cv/resume.md', text: 'Led the checkout team of 12 at Acme.' }]));
    assert.equal(await write, 'abandoned');
    assert.equal(await cache.writeInSlices(0), 'written');
  });

  it('typing in an open story does not stop the write: no stored record depends on it', async () => {
    const { index, cache } = await startedBank();
    const open = 'file:///w/team-1/story-1.star.md';
    const linters = new LinterPool();
    let text = texts.get(open)!;
    index.updateOpen(open, text, linters.lint(text, {}).result);
    cache.changed();
    const write = cache.writeInSlices(0);
    const typing = setInterval(() => {
      text = text.replace('## Result', '## Result\nI');
      index.updateOpen(open, text, linters.lint(text, {}).result);
    }, 0);
    try {
      assert.equal(await write, 'written');
    } finally {
      clearInterval(typing);
    }
    assert.match((await storedRecord('file:///w/team-2/story-2.star.md')) ?? '', /take 2"/);
    assert.equal(await storedRecord(open), undefined, 'an open document is not stored');
  });
});
