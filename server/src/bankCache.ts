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
 * One file, `bank-cache.json`: a header line (format, engine, SHA-1 and length of the rest) and
 * the entries as JSON. Written whole, to a temporary file renamed over the old one, so a reader
 * sees the old cache or the new one, never half of one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, promises as fsp, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { VERSION } from './version';

export const CACHE_FILE = 'bank-cache.json';
const FORMAT = 1;
/** Long enough to fold the burst of a branch switch or a background lint into one write. */
const SAVE_DELAY_MS = 2000;
/**
 * A file whose modification time is this close to when it was read may be written again within
 * the file system's timestamp granularity without its size or time changing (as git's "racily
 * clean" entries): its record is not stored, and the next start reads the file.
 */
export const RACY_MS = 2000;

/** What a record is valid for, besides the path: the file as read and the settings it was linted with. */
export interface FileKey {
  size: number;
  mtimeMs: number;
  /** A hash of the file's effective settings (`BankCache.settingsHash`). */
  settings: string;
}

export interface CacheEntry extends FileKey {
  record: unknown;
}

type StoredEntry = [size: number, mtimeMs: number, settings: string, record: unknown];

export class BankCache {
  private readonly file: string;
  private loaded = new Map<string, StoredEntry>();
  private loading: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  /** How long reading and checking the cache file took, for the log. */
  readMs = 0;

  /**
   * `collect` gives every entry to store now (by path on disk). `engine` names the build: a
   * record made by another one is not read back.
   */
  constructor(
    readonly folder: string,
    private readonly collect: () => Iterable<[string, CacheEntry]>,
    private readonly log: (message: string) => void,
    private readonly engine = engineVersion(),
  ) {
    this.file = join(folder, CACHE_FILE);
  }

  /** Reads the cache file once; a missing, damaged or foreign one leaves the cache empty (and logs why). */
  load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  /** The stored record for a file if its key matches, once: a record is not kept after it is handed out. */
  take(path: string, key: FileKey): unknown {
    const entry = this.loaded.get(path);
    if (!entry) return undefined;
    this.loaded.delete(path);
    if (entry[0] !== key.size || entry[1] !== key.mtimeMs || entry[2] !== key.settings) {
      this.dirty = true;
      return undefined;
    }
    return entry[3];
  }

  /** The first scan is over: what it did not take is stale (deleted, excluded), and is dropped from memory and disk. */
  scanned(): void {
    if (this.loaded.size > 0) this.dirty = true;
    this.loaded = new Map();
    if (this.dirty) this.changed();
  }

  /** Something to store changed: writes after a pause. */
  changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes now if anything changed (on shutdown, and after the pause). A failed write only logs. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      const entries: Record<string, StoredEntry> = {};
      let count = 0;
      for (const [path, entry] of this.collect()) {
        entries[path] = [entry.size, entry.mtimeMs, entry.settings, entry.record];
        count++;
      }
      const body = JSON.stringify(entries);
      const header = JSON.stringify({ format: FORMAT, engine: this.engine, length: body.length, sha1: sha1(body), count });
      mkdirSync(this.folder, { recursive: true });
      writeFileSync(temp, `${header}\n${body}`);
      renameSync(temp, this.file);
    } catch (err) {
      // The cache only saves work: a write that fails costs the next start its head start, nothing else.
      this.log(`Story bank cache: could not write ${this.file}: ${(err as Error).message}`);
      rmSync(temp, { force: true });
    }
  }

  /** A short hash of a file's effective settings, for the record's key. */
  static settingsHash(settings: unknown): string {
    return sha1(JSON.stringify(settings) ?? '').slice(0, 16);
  }

  private async read(): Promise<void> {
    const started = performance.now();
    try {
      await this.readEntries();
    } finally {
      this.readMs = performance.now() - started;
    }
  }

  private async readEntries(): Promise<void> {
    let text: string;
    try {
      text = await fsp.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log(`Story bank cache: could not read ${this.file}: ${(err as Error).message}`);
      return;
    }
    try {
      const newline = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; engine?: unknown; length?: unknown; sha1?: unknown };
      const body = text.slice(newline + 1);
      if (header.format !== FORMAT || header.engine !== this.engine) throw new Error('written by another version');
      if (header.length !== body.length || header.sha1 !== sha1(body)) throw new Error('damaged or truncated');
      const entries = JSON.parse(body) as Record<string, unknown>;
      if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw new Error('not a cache');
      for (const [path, entry] of Object.entries(entries)) if (isStoredEntry(entry)) this.loaded.set(path, entry);
    } catch (err) {
      // Rebuilt from the files, and written again once they are read.
      this.log(`Story bank cache: ignoring ${this.file} (${(err as Error).message}); reading every story file.`);
      this.loaded.clear();
      this.dirty = true;
    }
  }
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

function isStoredEntry(entry: unknown): entry is StoredEntry {
  return (
    Array.isArray(entry) &&
    entry.length === 4 &&
    Number.isFinite(entry[0]) &&
    Number.isFinite(entry[1]) &&
    typeof entry[2] === 'string' &&
    typeof entry[3] === 'object'
  );
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
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
