/**
 * What a client that applies deltas already holds, so a change sends only the files it touched.
 * On a 1,000-file bank the whole snapshot is about 1.5 MB of JSON, encoded by the server and
 * parsed by the editor's extension host after every change; a delta is about 120 KB, nearly all
 * of it the principles' lists of story ids, which are sent whole with the other totals.
 *
 * Files are compared by identity: the bank hands out the same summary objects for a file until
 * the file, its bank findings or its settings change (Bank.shownSummaries).
 */
import type { BankDelta, BankSnapshot, StorySummary } from './protocol';

/**
 * A delta lists at most about this many stories (a file is never split): after the first rules
 * pass every file of a 1,000-file bank changes at once, and as one message its 1.6 MB of JSON,
 * held as a string, a flattened copy and the bytes written, lifted the server's peak by 7 MB.
 */
export const STORIES_PER_DELTA = 300;

interface SentFile {
  stories: readonly StorySummary[];
  /** The target overrides the stories were listed with: they come from settings, not from the bank. */
  overrides: string;
}

export class SentBank {
  private seq = 0;
  private files: Map<string, SentFile> | undefined;

  constructor(private readonly storiesPerDelta = STORIES_PER_DELTA) {}

  /** The number of the last message sent; 0 before the first. */
  get last(): number {
    return this.seq;
  }

  /**
   * What to send for `snapshot` (the bank's, stories sorted by file): the whole snapshot the first
   * time, after that deltas, numbered in turn, to be sent in order. Each carries the new totals
   * (a client shows them a moment before the last part's stories). `listed` is how a story is
   * sent; `override` the part of it that depends on more than the story object.
   */
  next(
    snapshot: BankSnapshot,
    listed: (story: StorySummary) => StorySummary,
    override: (story: StorySummary) => string,
  ): { full: BankSnapshot } | { deltas: BankDelta[] } {
    const previous = this.files;
    const now = byFile(snapshot.stories, override);
    this.files = now;
    if (!previous) return { full: { ...snapshot, stories: snapshot.stories.map(listed), seq: ++this.seq } };
    const files: BankDelta['files'] = [];
    for (const [uri, file] of now) {
      if (!sameFile(previous.get(uri), file)) files.push({ uri, stories: file.stories.map(listed) });
    }
    for (const uri of previous.keys()) if (!now.has(uri)) files.push({ uri, stories: [] });
    const { stories, ...rest } = snapshot;
    return { deltas: inParts(files, this.storiesPerDelta).map((part) => ({ ...rest, seq: ++this.seq, base: this.seq - 1, files: part })) };
  }
}

/** Consecutive files, as few to a part as keeps each part at most `stories` stories; at least one part. */
function inParts(files: BankDelta['files'], stories: number): Array<BankDelta['files']> {
  const parts: Array<BankDelta['files']> = [[]];
  let count = 0;
  for (const file of files) {
    const part = parts[parts.length - 1];
    if (part.length > 0 && count + file.stories.length > stories) {
      parts.push([file]);
      count = file.stories.length;
    } else {
      part.push(file);
      count += file.stories.length;
    }
  }
  return parts;
}

function byFile(stories: readonly StorySummary[], override: (story: StorySummary) => string): Map<string, SentFile> {
  const files = new Map<string, SentFile>();
  let start = 0;
  for (let i = 1; i <= stories.length; i++) {
    if (i < stories.length && stories[i].uri === stories[start].uri) continue;
    const group = stories.slice(start, i);
    files.set(stories[start].uri, { stories: group, overrides: group.map(override).join('\n') });
    start = i;
  }
  return files;
}

function sameFile(a: SentFile | undefined, b: SentFile): boolean {
  return (
    a !== undefined &&
    a.overrides === b.overrides &&
    a.stories.length === b.stories.length &&
    a.stories.every((s, i) => s === b.stories[i] || sameJson(s, b.stories[i]))
  );
}

/**
 * Whether two values would be sent as the same JSON. New objects are not always new content: a
 * restart lists the bank from the cache's listings, and a file's stories are made again when its
 * listing gives way, mostly equal to what the client holds. Compared by identity alone, the first
 * change after a restart re-sent the whole bank.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameJson(x, (b as unknown[])[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const xKeys = keys(x);
  return xKeys.length === keys(y).length && xKeys.every((k) => sameJson(x[k], y[k]));
}
