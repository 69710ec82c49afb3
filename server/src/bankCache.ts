/**
 * The story bank's start cache: each story file's bank record (`Bank.record`), stored in the
 * editor's storage folder for this workspace, so a restart reads one small file instead of
 * parsing and linting every story.
 *
 * A record is used only for the file it was made from: same path, size and modification time,
 * made by this exact server build and with the same effective settings. Anything else (another
 * build, a damaged or truncated file, a record that does not fit its text) is ignored and the
 * file is read as if there were no cache; the cache only ever saves work, never decides an answer.
 *
 * One file, `bank-cache.json`: a header line (format, engine, SHA-1 and byte length of the rest,
 * and the key of the whole bank when it was stored whole; JSON padded with spaces to a fixed
 * size), then one line per story file: its key as JSON, a tab, its record as JSON, and with a
 * whole bank another tab and its listing (what the stories view showed of it, bank findings
 * counted) as JSON. A record is parsed only
 * when its file is restored, so the records of a large bank are never all half-built at once
 * (the parse's garbage dies young, file by file). Written file by file to a temporary file, renamed
 * over the old one once complete, so a reader sees the old cache or the new one, never half of one.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { VERSION } from './version';

export const CACHE_FILE = 'bank-cache.json';
const FORMAT = 4;
/** Long enough to fold the burst of a branch switch or a background lint into one write. */
const SAVE_DELAY_MS = 2000;
/** The header line's size: its JSON, padded with spaces, then a line break (written last, once the body's hash is known). */
const HEADER_BYTES = 512;
/** About how much text is encoded and written at a time. */
const WRITE_CHUNK_CHARS = 64 * 1024;
/** A temporary file of a write: the cache file's name, the writing process's id, `.tmp`. */
const TEMPORARY = /^bank-cache\.json\.\d+\.tmp$/;
/** A temporary file untouched this long was left by a server stopped in the middle of a write. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;
/** How long a write in slices works before giving the server back to its messages. */
const WRITE_SLICE_MS = 8;

/** What a record is valid for, besides the file's URI: the file as read and the settings it was linted with. */
export interface FileKey {
  size: number;
  mtimeMs: number;
  /** A hash of the file's effective settings (`BankCache.settingsHash`). */
  settings: string;
}

export interface CacheEntry extends FileKey {
  record: unknown;
  /** What the listing shows of the file's stories with their bank findings counted, valid only in the bank the contents' `bank` key names. */
  listing?: unknown;
}

/** What the cache stores: every file's entry, and a key of the whole bank they were computed in. */
export interface CacheContents {
  entries: Iterable<[string, CacheEntry]>;
  /** Set only when the entries are the whole bank: then each entry's listing is stored too. */
  bank?: string;
  /** False once the bank changed since these contents were collected: a write in slices then stops. */
  current?: () => boolean;
}

/** A file's stored record, and its listing when it was stored. */
export interface CachedFile {
  record: unknown;
  listing: unknown;
}

type StoredKey = [uri: string, size: number, mtimeMs: number, settings: string];

/** Where an entry's record (and listing) lie in the cache file's body, by byte offset. */
interface StoredEntry {
  key: StoredKey;
  record: number;
  /** Where the listing starts; the record ends at the tab before it. */
  listing: number | undefined;
  end: number;
}

export class BankCache {
  private readonly file: string;
  /** By file URI: the stored key and the record's (and listing's) JSON, not parsed yet. */
  private loaded = new Map<string, StoredEntry>();
  /** The cache file's entries as read, decoded one record at a time: decoding the whole file at once doubled its memory. */
  private body: Buffer = Buffer.alloc(0);
  /** The whole-bank key the stored listings are valid for; undefined when none were stored. */
  storedBank: string | undefined;
  private loading: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** A write in slices under way. */
  private writing: CacheWrite | undefined;
  private dirty = false;
  /** How long reading and checking the cache file took, for the log. */
  readMs = 0;

  /**
   * `collect` gives what to store now: the entries by the file's bank key (its URI), built as they
   * are read, and whether they are still current. `engine` names the build: a
   * record made by another one is not read back.
   */
  constructor(
    readonly folder: string,
    private readonly collect: () => CacheContents,
    private readonly log: (message: string) => void,
    private readonly engine = engineVersion(),
  ) {
    this.file = join(folder, CACHE_FILE);
  }

  /** Reads the cache file once; a missing, damaged or foreign one leaves the cache empty (and logs why). */
  load(): Promise<void> {
    // Read after the current message is answered (it is called while initializing): the read is synchronous.
    this.loading ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.readFile());
    return this.loading;
  }

  /** The stored record (and listing) for a file if its key matches, once: a record is not kept after it is handed out. */
  take(uri: string, key: FileKey): CachedFile | undefined {
    const entry = this.loaded.get(uri);
    if (!entry) return undefined;
    this.loaded.delete(uri);
    const [, size, mtimeMs, settings] = entry.key;
    if (size !== key.size || mtimeMs !== key.mtimeMs || settings !== key.settings) {
      this.dirty = true;
      return undefined;
    }
    try {
      const record = this.parsed(entry.record, entry.listing === undefined ? entry.end : entry.listing - 1);
      return { record, listing: entry.listing === undefined ? undefined : this.parsed(entry.listing, entry.end) };
    } catch {
      // The checksum matched, so this is a bug, not damage; still only the file's head start is lost.
      this.dirty = true;
      return undefined;
    }
  }

  /** A file's stored listing, without handing its entry out; undefined when none was stored or it does not parse. */
  listing(uri: string): unknown {
    const entry = this.loaded.get(uri);
    if (entry?.listing === undefined) return undefined;
    try {
      return this.parsed(entry.listing, entry.end);
    } catch {
      return undefined;
    }
  }

  /** The JSON between two byte offsets of the body. */
  private parsed(start: number, end: number): unknown {
    return JSON.parse(this.body.toString('utf8', start, end)) as unknown;
  }

  /**
   * The first scan has read every file: what it did not take is stale (deleted, excluded) and is
   * let go now, before the background work builds the bank's indexes; it leaves the disk at `scanned`.
   */
  scanEnded(): void {
    if (this.loaded.size > 0) this.dirty = true;
    this.loaded = new Map();
    this.body = Buffer.alloc(0);
  }

  /** The first scan and its rules are done: the cache may be written. */
  scanned(): void {
    this.scanEnded();
    if (this.dirty) this.changed();
  }

  /** Something to store changed: writes after a pause. */
  changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeInSlices();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes now, at once, if anything changed (on shutdown). A failed write only logs. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.abandonWrite();
    if (!this.dirty) return;
    this.dirty = false;
    const write = this.beginWrite();
    if (!write) return;
    try {
      write.step(Infinity);
      write.finish(this.file);
    } catch (err) {
      this.writeFailed(write, err);
    }
  }

  /**
   * Writes if anything changed, a slice at a time between other work (on a 1,000-file bank the
   * whole write took about 60 ms, long enough to hold up a keystroke's diagnostics). A change to
   * the bank before it ends abandons it, leaving the previous file, and schedules another.
   */
  writeInSlices(sliceMs = WRITE_SLICE_MS): Promise<'written' | 'abandoned' | 'failed' | 'unchanged'> {
    this.abandonWrite();
    if (!this.dirty) return Promise.resolve('unchanged');
    this.dirty = false;
    const write = this.beginWrite();
    if (!write) return Promise.resolve('failed');
    this.writing = write;
    return new Promise((done) => {
      const slice = () => {
        if (this.writing !== write) return done('abandoned');
        try {
          const finished = write.step(performance.now() + sliceMs, () => this.dirty || !write.current());
          if (finished === 'later') return void setImmediate(slice);
          this.writing = undefined;
          if (finished === 'stale') {
            write.abandon();
            this.changed();
            return done('abandoned');
          }
          write.finish(this.file);
          done('written');
        } catch (err) {
          this.writing = undefined;
          this.writeFailed(write, err);
          done('failed');
        }
      };
      setImmediate(slice);
    });
  }

  private beginWrite(): CacheWrite | undefined {
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.folder, { recursive: true });
      return new CacheWrite(temp, this.collect(), this.engine);
    } catch (err) {
      // Nothing to remove: the temporary file is removed by the write that made it.
      this.writeFailed(undefined, err);
      return undefined;
    }
  }

  private abandonWrite(): void {
    if (!this.writing) return;
    this.writing.abandon();
    this.writing = undefined;
    // What it was writing is still to store.
    this.dirty = true;
  }

  private writeFailed(write: CacheWrite | undefined, err: unknown): void {
    // The cache only saves work: a write that fails costs the next start its head start, nothing else.
    this.log(`Story bank cache: could not write ${this.file}: ${(err as Error).message}`);
    write?.abandon();
  }

  /** A short hash of a file's effective settings, for the record's key. */
  settingsHash(settings: unknown): string {
    return sha1(JSON.stringify(settings) ?? '').slice(0, 16);
  }

  /**
   * Removes what a server stopped in the middle of a write left (a killed process cannot clean up
   * after itself): temporary files of this cache not written to for a while. A recent one may be
   * another server's write under way.
   */
  private removeStaleTemporaries(): void {
    try {
      const stale = Date.now() - STALE_TEMPORARY_MS;
      for (const name of readdirSync(this.folder)) {
        if (!TEMPORARY.test(name)) continue;
        const path = join(this.folder, name);
        if (statSync(path).mtimeMs < stale) rmSync(path, { force: true });
      }
    } catch {
      // No folder yet, or a file gone or held meanwhile: the next start tries again.
    }
  }

  private async readFile(): Promise<void> {
    const started = performance.now();
    this.removeStaleTemporaries();
    try {
      await this.readEntries();
    } finally {
      this.readMs = performance.now() - started;
    }
  }

  private async readEntries(): Promise<void> {
    let bytes: Buffer;
    try {
      // In one call: the promise API reads in chunks and decodes them through a stream decoder, several times slower.
      bytes = readFileSync(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log(`Story bank cache: could not read ${this.file}: ${(err as Error).message}`);
      return;
    }
    try {
      const newline = bytes.indexOf(0x0a);
      const header = JSON.parse(bytes.toString('utf8', 0, newline < 0 ? bytes.length : newline)) as {
        format?: unknown;
        engine?: unknown;
        length?: unknown;
        sha1?: unknown;
        bank?: unknown;
      };
      if (newline < 0) throw new Error('not a cache');
      // Checked as bytes, before decoding: hashing the decoded text would encode it all again.
      const bodyBytes = bytes.subarray(newline + 1);
      if (header.format !== FORMAT || header.engine !== this.engine) throw new Error('written by another version');
      if (header.length !== bodyBytes.length || header.sha1 !== sha1(bodyBytes)) throw new Error('damaged or truncated');
      // Tabs and line breaks are single bytes that never occur inside a multi-byte character.
      for (let start = 0; start < bodyBytes.length;) {
        const newlineAt = bodyBytes.indexOf(0x0a, start);
        const end = newlineAt < 0 ? bodyBytes.length : newlineAt;
        const tab = bodyBytes.indexOf(0x09, start);
        if (tab < 0 || tab > end) throw new Error('not a cache');
        const key = JSON.parse(bodyBytes.toString('utf8', start, tab)) as unknown;
        if (!isStoredKey(key)) throw new Error('not a cache');
        const second = bodyBytes.indexOf(0x09, tab + 1);
        const listing = second >= 0 && second < end ? second + 1 : undefined;
        this.loaded.set(key[0], { key, record: tab + 1, listing, end });
        start = end + 1;
      }
      this.body = bodyBytes;
      this.storedBank = typeof header.bank === 'string' ? header.bank : undefined;
    } catch (err) {
      // Rebuilt from the files, and written again once they are read.
      this.log(`Story bank cache: ignoring ${this.file} (${(err as Error).message}); reading every story file.`);
      this.loaded.clear();
      this.body = Buffer.alloc(0);
      this.storedBank = undefined;
      this.dirty = true;
    }
  }
}

/**
 * One cache file being written: to a temporary file, behind a header padded to a fixed size and
 * filled in last (the body's length and hash are known only at its end), entry by entry. Built
 * whole, a large bank's records, their lines, the joined text and its bytes were all alive at
 * once, and every write after a change raised the server's peak memory by a third.
 */
class CacheWrite {
  private readonly fd: number;
  private readonly entries: Iterator<[string, CacheEntry]>;
  private readonly hash = createHash('sha1');
  private length = 0;
  private count = 0;
  private closed = false;

  constructor(
    private readonly temp: string,
    private readonly contents: CacheContents,
    private readonly engine: string,
  ) {
    this.fd = openSync(temp, 'w');
    try {
      writeFully(this.fd, Buffer.alloc(HEADER_BYTES, 0x20));
    } catch (err) {
      this.abandon();
      throw err;
    }
    this.entries = contents.entries[Symbol.iterator]();
  }

  /** Whether what is being written is still what the bank holds. */
  current(): boolean {
    return this.contents.current?.() ?? true;
  }

  /**
   * Writes entries, a piece at a time, until they are all written ('done'), `stale()` says the
   * rest would not fit what is written ('stale') or `deadline` (a `performance.now()` time) has passed ('later').
   */
  step(deadline: number, stale: () => boolean = () => false): 'done' | 'stale' | 'later' {
    let pieces: string[] = [];
    let chars = 0;
    for (let next = this.entries.next(); !next.done; next = this.entries.next()) {
      const line = this.lineOf(...next.value);
      pieces.push(line);
      chars += line.length;
      if (chars < WRITE_CHUNK_CHARS) continue;
      this.write(pieces);
      if (stale()) return 'stale';
      if (performance.now() >= deadline) return 'later';
      pieces = [];
      chars = 0;
    }
    this.write(pieces);
    return stale() ? 'stale' : 'done';
  }

  /** Fills in the header and puts the file in place of the old one. */
  finish(file: string): void {
    const { bank } = this.contents;
    const header = JSON.stringify({
      format: FORMAT,
      engine: this.engine,
      length: this.length,
      sha1: this.hash.digest('hex'),
      count: this.count,
      bank: bank ?? null,
    });
    const headerBytes = Buffer.alloc(HEADER_BYTES, 0x20);
    // JSON allows the spaces that pad it; a header that does not fit is an error, never a cut one.
    if (headerBytes.write(header, 0, HEADER_BYTES - 1, 'utf8') !== Buffer.byteLength(header)) throw new Error('the header does not fit');
    headerBytes[HEADER_BYTES - 1] = 0x0a;
    writeFully(this.fd, headerBytes, 0);
    this.close();
    renameSync(this.temp, file);
  }

  /** Closes and removes the temporary file; never throws (a file it cannot remove is left to the next start). */
  abandon(): void {
    try {
      this.close();
      rmSync(this.temp, { force: true });
    } catch {
      // A scanner holding the file, say: `removeStaleTemporaries` removes it later.
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private lineOf(uri: string, entry: CacheEntry): string {
    const key: StoredKey = [uri, entry.size, entry.mtimeMs, entry.settings];
    // JSON escapes every tab and line break inside a string, so neither appears raw but here.
    const listing = this.contents.bank !== undefined && entry.listing !== undefined ? `\t${JSON.stringify(entry.listing)}` : '';
    return `${this.count++ === 0 ? '' : '\n'}${JSON.stringify(key)}\t${JSON.stringify(entry.record)}${listing}`;
  }

  private write(pieces: string[]): void {
    if (pieces.length === 0) return;
    const bytes = Buffer.from(pieces.join(''), 'utf8');
    this.hash.update(bytes);
    writeFully(this.fd, bytes);
    this.length += bytes.length;
  }
}

/** Writes all of `bytes` (at `position`, or where the file is): one call may write only part. */
function writeFully(fd: number, bytes: Buffer, position?: number): void {
  for (let done = 0; done < bytes.length;) {
    const written = writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
    if (written <= 0) throw new Error('nothing written');
    done += written;
  }
}

/**
 * The cache for a session, in the storage folder the client named (`storagePath`); none when it
 * named none or one the cache may not use (said in the log). The Node server's only: the browser
 * has no disk to keep it on.
 */
export function openBankCache(
  storagePath: unknown,
  workspaceFolderUris: readonly string[],
  collect: () => CacheContents,
  log: (message: string) => void,
): BankCache | undefined {
  const folders = workspaceFolderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  const folder = cacheFolder(storagePath, folders);
  if (typeof folder === 'object') {
    log(`Story bank cache: not used, ${folder.refused}.`);
    return undefined;
  }
  return folder === undefined ? undefined : new BankCache(folder, collect, log);
}

/**
 * The storage folder the client named, if the cache may live there: an absolute path outside
 * every workspace folder (the cache is the extension's, never a file in the user's workspace).
 */
export function cacheFolder(storagePath: unknown, workspaceFolders: readonly string[]): string | { refused: string } | undefined {
  if (typeof storagePath !== 'string' || storagePath === '') return undefined;
  if (!isAbsolute(storagePath)) return { refused: `${storagePath} is not an absolute path` };
  const folder = resolve(storagePath);
  for (const workspace of workspaceFolders) {
    const inside = relative(resolve(workspace), folder);
    if (!inside.startsWith('..') && !isAbsolute(inside)) return { refused: `${folder} is inside the workspace folder ${workspace}` };
  }
  return folder;
}

function isStoredKey(key: unknown): key is StoredKey {
  return (
    Array.isArray(key) &&
    key.length === 4 &&
    typeof key[0] === 'string' &&
    Number.isFinite(key[1]) &&
    Number.isFinite(key[2]) &&
    typeof key[3] === 'string'
  );
}

function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/**
 * This build: the version and a hash of the running bundle, so a rebuilt server with changed
 * rules never reads the problem counts of the previous one, even under the same version number.
 */
function engineVersion(): string {
  try {
    return `${VERSION}+${createHash('sha1').update(readFileSync(__filename)).digest('hex').slice(0, 16)}`;
  } catch {
    return VERSION;
  }
}
