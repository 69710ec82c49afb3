/**
 * The workspace's story bank, kept current: every `*.star.md` under the workspace folders
 * (minus `files.exclude`, `node_modules` and `.git`), read from disk at start without blocking
 * the editor, then updated file by file from watched-file events. An open document's text
 * replaces the disk copy until it is closed. With a cache (`BankCache`), a file unchanged since the
 * last session is restored from its record instead of being parsed and linted.
 */
import picomatch from 'picomatch';
import type { Bank } from './engine/bank';
import { MAX_DOCUMENT_LENGTH, type LintResult } from './engine';
import { summariesOfListing } from './engine/bank/bank';
import { isListing } from './engine/bank/record';
import type { StorySummary } from './protocol';
// Type only: the cache is the Node server's, and the browser bundle must not pull in node:fs.
import type { BankCache, CacheContents, CacheEntry } from './bankCache';
import { ALWAYS_SKIPPED, NotRegularFileError, shownPath, STORY_FILE, type WorkspaceFiles } from './workspaceFiles';

const CONCURRENT_READS = 8;
/** Files in a folder past which its problem counts are computed after the first snapshot (about 150 ms of rules). */
const LINT_LATER_ABOVE = 100;
/** Long enough to amortize the bank notification, short enough not to delay a keystroke's diagnostics noticeably. */
const LINT_SLICE_MS = 20;
/**
 * The scan's slices are shorter: a request goes through three or four turns of the event loop
 * (read, parse, handle, answer) and waits for a slice at each, so a hover during the scan waited
 * about four slices.
 */
const SCAN_SLICE_MS = 8;
/**
 * A file whose modification time is this close to when it was read may be written again within
 * the file system's timestamp granularity without its size or time changing (as git's "racily
 * clean" entries): its record is not stored, and the next start reads the file.
 */
const RACY_MS = 2000;

/** A file as last read from disk: its size and modification time, and when it was read. */
interface DiskRead {
  size: number;
  mtimeMs: number;
  readAt: number;
}

/** A file the cache will store, with the hash of the settings its record was made with. */
interface StoredFile {
  key: string;
  read: DiskRead;
  settings: string;
}

export type FileChange = 'created' | 'changed' | 'deleted';

/**
 * One key per file, whatever spelled its URI: VS Code writes `file:///c%3A/…` where Node writes
 * `file:///C:/…`, and the bank must not count the same file twice. The Node server sets the
 * spelling (`useFileUriKeys(nodeFileUriKey)`); a browser server gets every URI from the client.
 */
export function bankKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  let key = bankKeys.get(uri);
  if (key === undefined) {
    // Every publish asks for the same few keys; the URL round trip is not free.
    if (bankKeys.size >= MAX_CACHED_KEYS) bankKeys.clear();
    bankKeys.set(uri, (key = normalizeFileUri(uri)));
  }
  return key;
}

const bankKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 4096;
let normalizeFileUri = (uri: string): string => uri;

export function useFileUriKeys(normalize: (uri: string) => string): void {
  normalizeFileUri = normalize;
  bankKeys.clear();
}

export class WorkspaceIndex {
  readonly bank: Bank;
  private folders: string[] = [];
  private readonly excludes = new Map<string, (path: string) => boolean>();
  private readonly open = new Set<string>();
  private readonly generations = new Map<string, number>();
  /** Files whose bank state is their text on disk: the size and time read, and when (what their cache entry needs). */
  private readonly disk = new Map<string, DiskRead>();
  private scanning: Promise<void> | undefined;
  /** The scan restored the very bank the cache was written from: every story is listed as the cache lists it. */
  listedAsCached = false;
  private cache: BankCache | undefined;
  /** Offered the stored listing of an unchanged bank while the scan reads it; shows it (or declines) and resolves once done. */
  onPreview: ((stories: StorySummary[]) => Promise<void>) | undefined;
  /** Files the last scan restored from the cache, for its log line. */
  restored = 0;
  /** The listings stored with the files the scan restored, until it knows whether the bank is the one they were computed in. */
  private seeds: Map<string, unknown> | undefined = new Map();
  /** Until the first scan and its rules are done, cache writes wait: a write meanwhile would store half the bank. */
  private settling = true;
  private unsaved = false;
  private readonly settingsHashes = new WeakMap<object, string>();

  /** `changed` receives the files whose bank findings may have changed after each update. */
  constructor(
    bank: Bank,
    private readonly files: WorkspaceFiles,
    private readonly changed: (affected: Set<string>) => void,
    private readonly log: (message: string) => void = () => undefined,
    private readonly info: (message: string) => void = () => undefined,
  ) {
    this.bank = bank;
  }

  /** Uses (and keeps current) a start cache; set before `scan`. */
  useCache(cache: BankCache): void {
    this.cache = cache;
  }

  /**
   * What the cache stores now: every file read from disk and fully linted, except one modified too
   * recently to trust its time; and, when those are the whole bank, each file's listing (bank
   * findings counted) with a key of the bank, so that a start into the same bank lists it
   * complete before comparing a story.
   */
  cacheContents(): CacheContents {
    // Each key's settings are taken now, with the records' state: the cache may write them over several slices.
    const stored = [...this.disk]
      .filter(([key, read]) => read.readAt - read.mtimeMs >= RACY_MS && this.bank.hasRecord(key))
      .map(([key, read]): StoredFile => ({ key, read, settings: this.settingsHash(key) }));
    const bank = stored.length === this.bank.uris().length ? this.wholeBankKey() : undefined;
    const { changes, openEdits } = this.bank;
    // An open document's edit changes no record, only the listings (stored with a whole bank alone).
    const current = () => this.bank.changes === changes && (bank === undefined || this.bank.openEdits === openEdits);
    return { entries: this.cacheEntries(stored, bank !== undefined), bank, current };
  }

  /** Built one at a time, as the cache writes them: a large bank's records are never all alive at once. */
  private *cacheEntries(stored: StoredFile[], withListings: boolean): Generator<[string, CacheEntry]> {
    for (const { key, read, settings } of stored) {
      const record = this.bank.record(key);
      if (!record) continue;
      const listing = withListings ? this.bank.listing(key) : undefined;
      yield [key, { size: read.size, mtimeMs: read.mtimeMs, settings, record, listing }];
    }
  }

  /**
   * What a file's bank findings depend on besides its own text: every file of the bank as read
   * (path, size, time, settings), the workspace settings and the résumé. Undefined when a file of
   * the bank is not a file on disk (an open document) or was modified too recently to trust.
   */
  private wholeBankKey(): string | undefined {
    const files: Array<[string, number, number]> = [];
    for (const uri of this.bank.uris()) {
      const read = this.disk.get(uri);
      if (!read || read.readAt - read.mtimeMs < RACY_MS) return undefined;
      files.push([uri, read.size, read.mtimeMs]);
    }
    return this.keyOfBank(files);
  }

  /** The key of a bank of these files (URI, size, modification time) under the current settings and résumé. */
  private keyOfBank(files: Array<[uri: string, size: number, mtimeMs: number]>): string | undefined {
    if (!this.cache) return undefined;
    files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return this.cache.settingsHash([
      this.bank.contextKey(),
      files.map(([uri, size, mtimeMs]) => [uri, size, mtimeMs, this.settingsHash(uri)]),
    ]);
  }

  /**
   * Before reading a file: when every story file has the size and time the cache has for it
   * (and the settings and résumé are the same), the bank is the one the cache was written from,
   * and its stored listing is offered to `onPreview`, which shows it while the files are read
   * (unless a story file is open: the editor's text may not be the file's).
   */
  private async previewFromCache(uris: readonly string[]): Promise<void> {
    const stored = this.cache?.storedBank;
    if (stored === undefined || !this.onPreview || !this.files.sizeAndTime) return;
    const now = Date.now();
    const files: Array<[string, number, number]> = [];
    for (const uri of uris) {
      const key = bankKey(uri);
      const stat = await this.files.sizeAndTime(key);
      if (!stat || now - stat.mtimeMs < RACY_MS) return;
      files.push([key, stat.size, stat.mtimeMs]);
    }
    if (this.keyOfBank(files) !== stored) return;
    const stories: StorySummary[] = [];
    for (const [key] of files) {
      const listing = this.cache!.listing(key);
      if (!isListing(listing)) return;
      stories.push(...summariesOfListing(key, listing));
    }
    await this.onPreview(stories);
  }

  get folderUris(): readonly string[] {
    return this.folders;
  }

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((u) => this.files.reads(u)).map((u) => bankKey(u).replace(/\/$/, ''));
  }

  /** `files.exclude` of one folder: glob → true (excluded), false, or a `when` clause (not supported, ignored). */
  setExcludes(folderUri: string, exclude: unknown): void {
    const patterns =
      exclude && typeof exclude === 'object'
        ? Object.entries(exclude as Record<string, unknown>)
            .filter(([, on]) => on === true)
            .map(([glob]) => glob)
        : [];
    const key = bankKey(folderUri).replace(/\/$/, '');
    if (patterns.length === 0) this.excludes.delete(key);
    else {
      try {
        this.excludes.set(key, picomatch(patterns, { dot: true }));
      } catch (err) {
        this.log(`Ignoring files.exclude of ${folderUri}: ${(err as Error).message}`);
      }
    }
  }

  /** Reads every story file of the workspace; resolves when done. Safe to call once. */
  scan(): Promise<void> {
    this.scanning ??= this.scanFolders();
    return this.scanning;
  }

  /** Whether a URI belongs in the bank from disk: a story file under a folder, not excluded. */
  includes(uri: string): boolean {
    const key = bankKey(uri);
    if (!STORY_FILE.test(key)) return false;
    const folder = this.folderOf(key);
    if (!folder) return false;
    const segments = decodeURIComponent(key.slice(folder.length + 1)).split('/');
    if (segments.some((s) => ALWAYS_SKIPPED.has(s))) return false;
    const excluded = this.excludes.get(folder);
    if (!excluded) return true;
    // A pattern naming a folder ("drafts", "**/archive") excludes everything under it.
    for (let i = 1; i <= segments.length; i++) if (excluded(segments.slice(0, i).join('/'))) return false;
    return true;
  }

  /** An open document's text (and its lint, already computed for publishing) replaces the disk copy. */
  updateOpen(uri: string, text: string, result: LintResult): void {
    const key = bankKey(uri);
    this.open.add(key);
    this.disk.delete(key);
    this.report(this.bank.update(key, text, result));
  }

  /** Closing a document reverts the bank to the file on disk, or drops it when it is not a workspace file. */
  async close(uri: string): Promise<void> {
    const key = bankKey(uri);
    this.bump(key);
    this.open.delete(key);
    if (this.includes(key) && (await this.refreshFromDisk(key))) return;
    if (!this.open.has(key)) this.drop(key);
  }

  async fileChanged(uri: string, change: FileChange): Promise<void> {
    const key = bankKey(uri);
    this.bump(key);
    if (this.open.has(key)) return;
    if (change === 'deleted' || !this.includes(key)) {
      this.drop(key);
      return;
    }
    if (!(await this.refreshFromDisk(key))) this.drop(key);
  }

  private drop(key: string): void {
    if (this.disk.delete(key)) this.noteChange();
    this.report(this.bank.remove(key));
  }

  /** The settings changed and the bank re-linted every file: every record is new. */
  settingsChanged(): void {
    if (this.disk.size > 0) this.noteChange();
  }

  private noteChange(): void {
    if (this.settling) this.unsaved = true;
    else this.cache?.changed();
  }

  /** Stories whose title matches a workspace-symbol query (case-insensitive, letters in order). */
  findStories(query: string): StorySummary[] {
    const q = query.toLowerCase().replace(/\s+/g, '');
    return this.bank.summaries().filter((s) => isSubsequence(q, s.title.toLowerCase()));
  }

  private folderOf(key: string): string | undefined {
    return this.folders.filter((f) => key.startsWith(f + '/')).sort((a, b) => b.length - a.length)[0];
  }

  /** A newer event for the file makes any read already under way stale. */
  private bump(key: string): void {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }

  private async refreshFromDisk(key: string, lint: 'now' | 'later' = 'now'): Promise<boolean> {
    const generation = this.generations.get(key);
    let text: string;
    let read: { size: number; mtimeMs: number; readAt: number } | undefined;
    try {
      if (this.files.readTextWithStat) {
        const withStat = await this.files.readTextWithStat(key);
        text = withStat.text;
        read = { size: withStat.size, mtimeMs: withStat.mtimeMs, readAt: Date.now() };
      } else {
        text = await this.files.readText(key);
      }
    } catch (err) {
      if (err instanceof NotRegularFileError) this.log(`Story bank: skipping ${shownPath(key)}: it is ${err.kind}, not a regular file.`);
      return false;
    }
    // The document may have been opened, changed or deleted while the file was read: the
    // newer event decides, and a read that started before a delete must not bring it back.
    if (this.open.has(key) || this.generations.get(key) !== generation) return true;
    if (text.length > MAX_DOCUMENT_LENGTH) return false;
    const restored = read && this.restore(key, text, read);
    this.report(restored ?? this.bank.update(key, text, undefined, { lint }));
    if (read) this.disk.set(key, read);
    // A restored file is already in the cache as it is; anything else is news to store.
    if (restored) this.restored++;
    else this.noteChange();
    return true;
  }

  /**
   * The file from its cache entry, when there is one for this size, time and settings; undefined
   * otherwise. During the first scan it joins the bank's indexes afterwards, and its stored
   * listing waits for the scan's end to be checked against the whole bank.
   */
  private restore(key: string, text: string, read: { size: number; mtimeMs: number }): Set<string> | undefined {
    const cached = this.cache?.take(key, { size: read.size, mtimeMs: read.mtimeMs, settings: this.settingsHash(key) });
    if (cached === undefined) return undefined;
    try {
      const restored = this.bank.restore(key, text, cached.record, { index: this.seeds ? 'later' : 'now' });
      if (this.seeds && cached.listing !== undefined) this.seeds.set(key, cached.listing);
      return restored;
    } catch (err) {
      this.log(`Story bank cache: ignoring the entry of ${shownPath(key)} (${(err as Error).message}).`);
      return undefined;
    }
  }

  private settingsHash(key: string): string {
    if (!this.cache) return '';
    const settings = this.bank.fileSettings(key);
    // Most files share one settings object (no folder config of their own): hashed once, not per file.
    let hash = this.settingsHashes.get(settings);
    if (hash === undefined) this.settingsHashes.set(settings, (hash = this.cache.settingsHash(settings)));
    return hash;
  }

  private async scanFolders(): Promise<void> {
    await this.cache?.load();
    // A read that completes at once (the Node server reads synchronously, see nodeFiles.ts) never
    // lets a request in. Every slice the readers wait for one shared turn of the event loop: each
    // waiting on its own would hand the turn to the next reader, and requests would wait for all.
    let sliceStart = performance.now();
    let pause: Promise<void> | undefined;
    const breathe = async (): Promise<void> => {
      if (performance.now() - sliceStart <= SCAN_SLICE_MS) return;
      pause ??= new Promise<void>((resolve) =>
        setImmediate(() => {
          pause = undefined;
          sliceStart = performance.now();
          resolve();
        }),
      );
      await pause;
    };
    const listed: string[][] = [];
    for (const folder of this.folders) {
      listed.push((await this.files.listStoryFiles(folder, this.excludes.get(folder))).filter((uri) => this.includes(uri)));
    }
    await this.previewFromCache(listed.flat());
    sliceStart = performance.now();
    for (const files of listed) {
      // A few reads in flight keep the disk busy while the previous file is parsed. In a large
      // bank the rules run afterwards (`finishInBackground`), so coverage and the stories list
      // fill in first; a small one is linted at once and its first snapshot is already complete.
      const lint = files.length > LINT_LATER_ABOVE ? 'later' : 'now';
      let next = 0;
      const reader = async () => {
        while (next < files.length) {
          const key = bankKey(files[next++]);
          if (this.open.has(key) || this.bank.has(key)) continue;
          await this.refreshFromDisk(key, lint);
          await breathe();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENT_READS }, reader));
    }
    this.listedAsCached = this.seedListings();
    this.cache?.scanEnded();
  }

  /**
   * The scan restored files into the very bank the cache was written from (every file as it was,
   * the same settings and résumé): their stored listings stand, and the bank is listed complete
   * before a story is compared. Otherwise the comparisons run in the background.
   */
  private seedListings(): boolean {
    const seeds = this.seeds;
    this.seeds = undefined;
    const stored = this.cache?.storedBank;
    if (!seeds || seeds.size === 0 || stored === undefined || seeds.size !== this.bank.uris().length) return false;
    if (this.wholeBankKey() !== stored) return false;
    for (const [key, listing] of seeds) this.bank.seedListing(key, listing);
    return true;
  }

  /**
   * After the scan's first snapshot: compares the stories the scan left out of the bank's indexes
   * and runs the rules on the files it only parsed, a slice at a time so that requests and
   * keystrokes are served in between, then reports them once: a bank snapshot costs tens of
   * milliseconds on a large bank, too much to send after every slice.
   */
  finishInBackground(): void {
    const pending = this.bank.pendingLints();
    const started = performance.now();
    const affected = new Set<string>();
    const slice = () => {
      const until = performance.now() + LINT_SLICE_MS;
      // Comparisons first: the stories restored without their findings get them from the index.
      for (const uri of this.bank.indexPending(until)) affected.add(uri);
      while (pending.length > 0 && performance.now() < until) {
        const uri = pending.pop()!;
        if (this.bank.lintDeferred(uri, affected)) affected.add(uri);
      }
      if (pending.length > 0 || this.bank.indexing) {
        setImmediate(slice);
        return;
      }
      this.bank.releaseAnalyses();
      this.report(affected);
      this.settled();
      this.info(`Story bank: ran the rules on ${affected.size} files in ${Math.round(performance.now() - started)} ms.`);
    };
    // Logged even with nothing to do (every file restored from the cache): the log says the bank is complete.
    setImmediate(slice);
  }

  private settled(): void {
    if (!this.settling) return;
    this.settling = false;
    this.cache?.scanned();
    if (this.unsaved) this.cache?.changed();
  }

  private report(affected: Set<string>): void {
    if (affected.size > 0) this.changed(affected);
  }
}

function isSubsequence(query: string, text: string): boolean {
  let i = 0;
  for (let j = 0; j < text.length && i < query.length; j++) if (text[j] === query[i]) i++;
  return i === query.length;
}
