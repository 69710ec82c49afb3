/**
 * The bank cache file on its own (server/src/bankCache.ts): a record comes back only for the same
 * size, time and settings, from a file written by the same build; anything else is ignored and
 * logged; writes replace the file whole and leave nothing else in the folder.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankCache, CACHE_FILE, cacheFolder, type CacheContents, type CacheEntry } from '../../server/src/bankCache';

const ENGINE = '1.0.0+aaa';

describe('bank cache file', () => {
  let folder: string;
  let logs: string[];
  const key = { size: 120, mtimeMs: 1_700_000_000_123.5, settings: 'abc' };
  const record = { stories: [], note: 'a record' };
  const listing = [{ problems: 2 }];

  /** A cache in the test's folder, storing what `collect` gives, written by `engine`; its log goes to `logs`. */
  function cacheOf(collect: () => CacheContents = () => ({ entries: [] }), engine = ENGINE): BankCache {
    return new BankCache(folder, collect, (m) => logs.push(m), engine);
  }

  /** Writes what `collect` gives at once, as the server does on shutdown. */
  function writeNow(collect: () => CacheContents, engine = ENGINE): void {
    const writer = cacheOf(collect, engine);
    writer.changed();
    writer.flush();
  }

  /** The cache as the next start reads it, by a server built as `engine`. */
  async function loaded(engine = ENGINE): Promise<BankCache> {
    const cache = cacheOf(undefined, engine);
    await cache.load();
    return cache;
  }

  /**
   * A cache written by `engine` holding one entry for /w/a.star.md (with its listing and the whole
   * bank's key when `bank` is given), then a fresh one reading it with `reader`.
   */
  async function roundTrip(engine: string, reader = engine, bank?: string): Promise<BankCache> {
    const entries: Array<[string, CacheEntry]> = [['/w/a.star.md', { ...key, record, listing }]];
    writeNow(() => ({ entries, bank }), engine);
    return loaded(reader);
  }

  beforeEach(() => {
    folder = join(mkdtempSync(join(tmpdir(), 'star-bank-cache-')), 'storage');
    logs = [];
  });
  afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  it('gives a record back for the same path, size, time and settings, once', async () => {
    const cache = await roundTrip('1.0.0+aaa');
    assert.deepEqual(cache.take('/w/a.star.md', key), { record, listing: undefined });
    assert.equal(cache.take('/w/a.star.md', key), undefined, 'handed out once');
    assert.equal(cache.storedBank, undefined);
    assert.deepEqual(logs, []);
    assert.deepEqual(readdirSync(folder), [CACHE_FILE], 'no temporary file left');
  });

  it('keeps the listing only with the key of the whole bank they were computed in', async () => {
    const cache = await roundTrip('1.0.0+aaa', '1.0.0+aaa', 'bank-key');
    assert.equal(cache.storedBank, 'bank-key');
    assert.deepEqual(cache.take('/w/a.star.md', key), { record, listing });
  });

  it('gives nothing back for another size, time or settings', async () => {
    for (const other of [{ size: 121 }, { mtimeMs: key.mtimeMs + 1 }, { settings: 'abd' }]) {
      const cache = await roundTrip('1.0.0+aaa');
      assert.equal(cache.take('/w/a.star.md', { ...key, ...other }), undefined, JSON.stringify(other));
    }
    assert.equal((await roundTrip('1.0.0+aaa')).take('/w/b.star.md', key), undefined);
  });

  it('ignores a cache written by another build, and says why', async () => {
    const cache = await roundTrip('1.0.0+aaa', '1.0.0+bbb');
    assert.equal(cache.take('/w/a.star.md', key), undefined);
    assert.match(logs.join('\n'), /ignoring .*another version/);
  });

  it('ignores a file that is not a cache, or not all of one', async () => {
    await roundTrip('1.0.0+aaa');
    for (const text of ['', 'null', '{"format":1}\n{}', '{"format":1,"engine":"1.0.0+aaa","length":2,"sha1":"x"}\n{}']) {
      writeFileSync(join(folder, CACHE_FILE), text);
      logs = [];
      const cache = await loaded();
      assert.equal(cache.take('/w/a.star.md', key), undefined, text);
      assert.match(logs.join('\n'), /ignoring/, text);
    }
  });

  it('a folder with no cache yet is no problem: nothing is logged', async () => {
    const cache = await loaded('x');
    assert.equal(cache.take('/w/a.star.md', key), undefined);
    assert.deepEqual(logs, []);
  });

  it('writes a large bank entry by entry and reads every record back, multi-byte text included', async () => {
    // About 600 KB of records: the writer encodes them in many pieces, and a piece may end in the middle of a line.
    const uri = (i: number) => `/w/team-${i % 7}/story-${i}.star.md`;
    const recordOf = (i: number) => ({ stories: [], note: `${'é€😀 naïve café '.repeat(i % 40)}${i}`, n: i });
    const listingOf = (i: number) => [{ title: `Story ${i} — “quoted”`, problems: i % 5 }];
    writeNow(() => ({
      entries: (function* () {
        for (let i = 0; i < 1500; i++) yield [uri(i), { ...key, record: recordOf(i), listing: listingOf(i) }] as [string, CacheEntry];
      })(),
      bank: 'whole-bank',
    }));
    const cache = await loaded();
    assert.deepEqual(logs, []);
    assert.equal(cache.storedBank, 'whole-bank');
    for (let i = 0; i < 1500; i++) assert.deepEqual(cache.take(uri(i), key), { record: recordOf(i), listing: listingOf(i) }, uri(i));
  });

  it('keeps the previous cache when the header cannot hold what it must say', async () => {
    await roundTrip('1.0.0+aaa');
    writeNow(() => ({ entries: [['/w/b.star.md', { ...key, record }]] }), `1.0.0+${'x'.repeat(600)}`);
    assert.match(logs.join('\n'), /could not write .*header does not fit/);
    assert.deepEqual(readdirSync(folder), [CACHE_FILE], 'no temporary file left');
    const cache = await loaded();
    assert.deepEqual(cache.take('/w/a.star.md', key), { record, listing: undefined }, 'the previous cache is intact');
  });

  /** A bank of `count` entries whose record says `note`; `onEntry` is called as each is built. */
  function bankOf(count: number, note: string, onEntry: (i: number) => void = () => undefined): Iterable<[string, CacheEntry]> {
    return (function* () {
      for (let i = 0; i < count; i++) {
        onEntry(i);
        yield [`/w/story-${i}.star.md`, { ...key, record: { stories: [], note: `${note} ${'x'.repeat(400)}`, i } }] as [string, CacheEntry];
      }
    })();
  }

  async function noteOf(uri: string): Promise<unknown> {
    const reader = await loaded();
    return (reader.take(uri, key)?.record as { note?: string } | undefined)?.note?.split(' ')[0];
  }

  it('writes in slices, giving the server back between them', async () => {
    const cache = cacheOf(() => ({ entries: bankOf(1500, 'sliced') }));
    cache.changed();
    const done = cache.writeInSlices(0);
    const turns: string[] = [];
    setImmediate(() => turns.push('another message'));
    const result = await done;
    turns.push(result);
    assert.deepEqual(turns, ['another message', 'written'], 'other work ran before the write ended');
    assert.equal(await noteOf('/w/story-1499.star.md'), 'sliced');
    assert.deepEqual(readdirSync(folder), [CACHE_FILE]);
    assert.deepEqual(logs, []);
  });

  it('abandons a write in slices when the bank changes meanwhile, keeping the previous file, and writes again', async () => {
    writeNow(() => ({ entries: bankOf(10, 'before') }));
    // The bank's version: a change while the first write is at its 300th entry.
    let version = 0;
    const cache = cacheOf(() => {
      const at = version;
      return {
        entries: bankOf(1500, at === 0 ? 'after' : 'later', (i) => {
          if (i === 300 && version === 0) version++;
        }),
        current: () => version === at,
      };
    });
    cache.changed();
    assert.equal(await cache.writeInSlices(0), 'abandoned');
    assert.deepEqual(readdirSync(folder), [CACHE_FILE], 'no temporary file left');
    assert.equal(await noteOf('/w/story-0.star.md'), 'before', 'the previous cache is intact');
    assert.equal(await noteOf('/w/story-1499.star.md'), undefined);
    // Another write is due; the next one sees the bank as it is now.
    assert.equal(await cache.writeInSlices(0), 'written');
    assert.equal(await noteOf('/w/story-1499.star.md'), 'later');
    assert.equal(await cache.writeInSlices(0), 'unchanged');
    cache.flush();
  });

  it('on shutdown, finishes at once what a write in slices had begun', async () => {
    const cache = cacheOf(() => ({ entries: bankOf(1500, 'now') }));
    cache.changed();
    const sliced = cache.writeInSlices(0);
    cache.flush();
    assert.equal(await noteOf('/w/story-1499.star.md'), 'now');
    assert.equal(await sliced, 'abandoned');
    assert.deepEqual(readdirSync(folder), [CACHE_FILE]);
  });

  it('at a start, removes what a server stopped mid-write left, not a write under way', async () => {
    await roundTrip('1.0.0+aaa');
    const left = join(folder, `${CACHE_FILE}.99999.tmp`);
    const underWay = join(folder, `${CACHE_FILE}.88888.tmp`);
    const notOurs = join(folder, 'notes.tmp');
    for (const path of [left, underWay, notOurs]) writeFileSync(path, 'partial');
    const twentyMinutesAgo = Date.now() / 1000 - 20 * 60;
    utimesSync(left, twentyMinutesAgo, twentyMinutesAgo);
    utimesSync(notOurs, twentyMinutesAgo, twentyMinutesAgo);
    const cache = await loaded();
    assert.deepEqual(readdirSync(folder).sort(), [CACHE_FILE, `${CACHE_FILE}.88888.tmp`, 'notes.tmp']);
    assert.deepEqual(cache.take('/w/a.star.md', key), { record, listing: undefined });
  });

  it('lives only in an absolute folder outside every workspace folder', () => {
    assert.equal(
      cacheFolder('/home/u/.config/Code/User/workspaceStorage/1a2b/ext', ['/home/u/stories']),
      '/home/u/.config/Code/User/workspaceStorage/1a2b/ext',
    );
    assert.equal(cacheFolder(undefined, ['/home/u/stories']), undefined);
    assert.equal(cacheFolder('', ['/home/u/stories']), undefined);
    for (const refused of ['/home/u/stories/.cache', '/home/u/stories', '/home/u/stories/../stories/x', 'relative/folder'])
      assert.equal(typeof cacheFolder(refused, ['/home/u/stories']), 'object', refused);
    assert.equal(cacheFolder('/home/u/stories-cache', ['/home/u/stories']), '/home/u/stories-cache', 'a sibling is outside');
  });
});
