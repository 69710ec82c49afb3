/**
 * Near-duplicate detection between stories. A Bar Raiser notices a story told twice, and the
 * same project told with the same numbers under two titles reads as padding the bank.
 *
 * Each story is reduced to a fingerprint: the set of its word 3-grams (hashed) and the set of
 * the numbers it states. Two stories match when most of the smaller one's 3-grams are in the
 * other (containment, so a copy that grew a paragraph still matches), or when they share the
 * same distinctive numbers and some wording (the same arc retold in new words). Two different
 * true stories by the same writer share stock phrases ("I decided to", "within two weeks"),
 * which stay far below both bars.
 */
import { partitionPoint } from '../search';
import { WORD } from '../text';
import type { Span, Story } from '../types';

export interface Fingerprint {
  /** Hashed 3-grams, sorted and distinct: 4 bytes each, where a Set of numbers costs several times that. */
  shingles: Uint32Array;
  /** Numbers as written ("4.2", "140K", "11.8"), lower-cased. */
  numbers: Set<string>;
}

export interface Similarity {
  /** Shared 3-grams ÷ the smaller story's 3-grams, 0..1. */
  share: number;
  /** Numbers both stories state. */
  sharedNumbers: string[];
}

/** Below this many 3-grams a story is a draft or a skeleton: too little text to call a copy. */
export const MIN_SHINGLES = 20;
/** Default share of 3-grams at which two stories are near-duplicates (the rule's `threshold`). */
export const DEFAULT_THRESHOLD = 0.5;
/** The same numbers (at least this many, most of the smaller story's) with some shared wording. */
const MIN_SHARED_NUMBERS = 3;
const NUMBER_SHARE = 0.6;
const NUMBER_TEXT_SHARE = 0.15;

/** What a story's fingerprint is made of: its masked prose and the spans of it that are spoken. */
export interface SpokenText {
  prose: string;
  spans: Span[];
}

/** A story's spoken text, which is all its fingerprint needs: far less to keep than the parsed story. */
export function spokenText(story: Story): SpokenText {
  return { prose: story.prose, spans: spokenSpans(story) };
}

/** The story's spoken text: the sections and any text between the title and the first section. */
function spokenSpans(story: Story): Span[] {
  const spans: Span[] = [];
  const introStart = (story.principles?.line.end ?? story.heading.end) - story.start;
  const introEnd = (story.sections[0]?.heading.start ?? story.end) - story.start;
  if (introEnd > introStart) spans.push({ start: introStart, end: introEnd });
  for (const section of story.sections) spans.push({ start: section.body.start - story.start, end: section.body.end - story.start });
  return spans;
}

export function fingerprint(story: Story | SpokenText): Fingerprint {
  const spoken = 'spans' in story ? story : spokenText(story);
  const words: string[] = [];
  const numbers = new Set<string>();
  const re = new RegExp(WORD.source, WORD.flags);
  for (const span of spoken.spans) {
    const text = spoken.prose.slice(span.start, span.end);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const word = m[0].toLowerCase().replace(/\u2019/g, "'");
      words.push(word);
      if (/\d/.test(word)) numbers.add(word);
    }
  }
  const hashes = new Uint32Array(Math.max(0, words.length - 2));
  for (let i = 0; i + 2 < words.length; i++) hashes[i] = hash(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i];
  return { shingles: hashes.slice(0, distinct), numbers };
}

/**
 * FNV-1a folded to 30 bits: collisions between 3-grams of one bank are rare enough not to
 * matter, and a 30-bit number is a small integer to V8, so the postings map never boxes its keys.
 */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x3fffffff;
}

export function compare(a: Fingerprint, b: Fingerprint, shared?: number): Similarity {
  const smaller = Math.min(a.shingles.length, b.shingles.length);
  if (shared === undefined) {
    shared = 0;
    // Both sorted: one merge pass.
    for (let i = 0, j = 0; i < a.shingles.length && j < b.shingles.length;) {
      if (a.shingles[i] === b.shingles[j]) {
        shared++;
        i++;
        j++;
      } else if (a.shingles[i] < b.shingles[j]) i++;
      else j++;
    }
  }
  const sharedNumbers = [...a.numbers].filter((n) => b.numbers.has(n));
  return { share: smaller > 0 ? shared / smaller : 0, sharedNumbers };
}

export function isNearDuplicate(a: Fingerprint, b: Fingerprint, similarity: Similarity, threshold = DEFAULT_THRESHOLD): boolean {
  if (Math.min(a.shingles.length, b.shingles.length) < MIN_SHINGLES) return false;
  if (similarity.share >= threshold) return true;
  const fewerNumbers = Math.min(a.numbers.size, b.numbers.size);
  return (
    similarity.sharedNumbers.length >= MIN_SHARED_NUMBERS &&
    similarity.sharedNumbers.length >= fewerNumbers * NUMBER_SHARE &&
    similarity.share >= NUMBER_TEXT_SHARE
  );
}

export interface IndexedStory {
  /** Unique in the index, e.g. `${uri}#${ordinal}`. */
  key: string;
  uri: string;
  /** Lower-cased, whitespace-collapsed title: stories with the same title are framings, not duplicates. */
  sameStory: string;
  fingerprint: Fingerprint;
}

/**
 * A 3-gram appearing in more stories than this is boilerplate (a template's stock sentence); it is
 * left out of candidate counting so a bank of many similar drafts stays linear.
 */
const MAX_POSTING = 16;

/**
 * The bank's near-duplicate pairs, kept current file by file: replacing a file's stories costs
 * that file's 3-grams times the stories that share them, never a pass over the whole bank.
 */
export class DuplicateIndex {
  private readonly stories = new Map<string, IndexedStory>();
  private readonly keysByUri = new Map<string, string[]>();
  /**
   * Stories by 3-gram. Most 3-grams of a bank belong to one story: its key itself, not an array
   * around it. Up to MAX_POSTING keys: an array. Past that the 3-gram is boilerplate, which no
   * comparison counts, so only how many stories say it is kept (a Set of the keys cost about 20
   * bytes a story, 10 MB on a bank of template-grown stories); if removals bring the count back to
   * MAX_POSTING, the keys are found again from the fingerprints when a comparison needs them.
   */
  private readonly postings = new Map<number, Posting>();
  private readonly pairs = new Map<string, Map<string, Similarity>>();

  constructor(readonly threshold = DEFAULT_THRESHOLD) {}

  /**
   * Replaces the stories of one file; returns the files whose duplicate pairs changed. A story
   * with the same key, fingerprint and title as before keeps its entry and its pairs, so a
   * keystroke in a 100-story file re-indexes one story, not a hundred.
   */
  setFile(uri: string, stories: IndexedStory[]): Set<string> {
    const affected = new Set<string>();
    const next = new Map(stories.map((s) => [s.key, s]));
    for (const key of this.keysByUri.get(uri) ?? []) {
      const kept = this.stories.get(key)!;
      const story = next.get(key);
      if (story && story.fingerprint === kept.fingerprint && story.sameStory === kept.sameStory) {
        next.delete(key);
        continue;
      }
      this.removeStory(uri, key, affected);
    }
    if (stories.length === 0) {
      this.keysByUri.delete(uri);
      return affected;
    }
    this.keysByUri.set(
      uri,
      stories.map((s) => s.key),
    );
    const added = [...next.values()];
    for (const story of added) {
      this.stories.set(story.key, story);
      // A story's 3-grams are distinct, so its key is added once per posting.
      for (const h of story.fingerprint.shingles) this.postings.set(h, withKey(this.postings.get(h), story.key));
    }
    for (const story of added) {
      for (const [otherKey, similarity] of this.candidates(story)) {
        if (this.pairs.get(story.key)?.has(otherKey)) continue;
        this.link(story.key, otherKey, similarity);
        affected.add(uri);
        affected.add(this.stories.get(otherKey)!.uri);
      }
    }
    return affected;
  }

  /** Returns the files that lost a pair. */
  removeFile(uri: string): Set<string> {
    const affected = new Set<string>();
    for (const key of this.keysByUri.get(uri) ?? []) this.removeStory(uri, key, affected);
    this.keysByUri.delete(uri);
    return affected;
  }

  private removeStory(uri: string, key: string, affected: Set<string>): void {
    const story = this.stories.get(key)!;
    for (const h of story.fingerprint.shingles) {
      const posting = withoutKey(this.postings.get(h), key);
      if (posting === undefined) this.postings.delete(h);
      else this.postings.set(h, posting);
    }
    for (const otherKey of this.pairs.get(key)?.keys() ?? []) {
      affected.add(uri);
      affected.add(this.stories.get(otherKey)!.uri);
      this.pairs.get(otherKey)?.delete(key);
    }
    this.pairs.delete(key);
    this.stories.delete(key);
  }

  /** The near-duplicates of one story, closest first. */
  duplicatesOf(key: string): Array<{ story: IndexedStory; similarity: Similarity }> {
    const found = [...(this.pairs.get(key) ?? [])].map(([other, similarity]) => ({ story: this.stories.get(other)!, similarity }));
    // Ties by key in code-unit order: `localeCompare` loads ICU's collation tables, about 2 MB of
    // the server's resident memory, for an order no one reads.
    return found.sort(
      (a, b) => b.similarity.share - a.similarity.share || (a.story.key < b.story.key ? -1 : a.story.key > b.story.key ? 1 : 0),
    );
  }

  /** Keys of the story's near-duplicates, unordered (cheap, for walking clusters). */
  neighbours(key: string): Iterable<string> {
    return this.pairs.get(key)?.keys() ?? [];
  }

  get(key: string): IndexedStory | undefined {
    return this.stories.get(key);
  }

  private candidates(story: IndexedStory): Array<[string, Similarity]> {
    const counts = new Map<string, number>();
    for (const h of story.fingerprint.shingles) {
      const keys = this.keysOf(h);
      if (keys === undefined) continue;
      if (typeof keys === 'string') {
        if (keys !== story.key) counts.set(keys, (counts.get(keys) ?? 0) + 1);
      } else for (const key of keys) if (key !== story.key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const out: Array<[string, Similarity]> = [];
    for (const [key, shared] of counts) {
      const other = this.stories.get(key)!;
      // Same title: the writer's own framings of one true story, counted by the principle limit instead.
      if (other.sameStory === story.sameStory && story.sameStory !== '') continue;
      const similarity = compare(story.fingerprint, other.fingerprint, shared);
      if (isNearDuplicate(story.fingerprint, other.fingerprint, similarity, this.threshold)) out.push([key, similarity]);
    }
    return out;
  }

  /** The stories that say the 3-gram, unless it is boilerplate. */
  private keysOf(h: number): string | readonly string[] | undefined {
    const posting = this.postings.get(h);
    if (typeof posting !== 'number') return posting;
    if (posting > MAX_POSTING) return undefined;
    const keys: string[] = [];
    for (const story of this.stories.values()) if (hasShingle(story.fingerprint.shingles, h)) keys.push(story.key);
    const found = keys.length === 1 ? keys[0] : keys;
    this.postings.set(h, found);
    return found;
  }

  private link(a: string, b: string, similarity: Similarity): void {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ]) {
      let map = this.pairs.get(from);
      if (!map) this.pairs.set(from, (map = new Map()));
      map.set(to, similarity);
    }
  }
}

/** One story's key, up to MAX_POSTING keys, or the count of stories once the 3-gram is boilerplate. */
type Posting = string | string[] | number;

function withKey(posting: Posting | undefined, key: string): Posting {
  if (posting === undefined) return key;
  if (typeof posting === 'string') return [posting, key];
  if (typeof posting === 'number') return posting + 1;
  if (posting.length < MAX_POSTING) {
    posting.push(key);
    return posting;
  }
  return posting.length + 1;
}

function withoutKey(posting: Posting | undefined, key: string): Posting | undefined {
  if (posting === undefined || posting === key || posting === 1) return undefined;
  if (typeof posting === 'number') return posting - 1;
  if (typeof posting === 'string') return posting;
  const at = posting.indexOf(key);
  if (at >= 0) posting.splice(at, 1);
  return posting.length === 1 ? posting[0] : posting;
}

function hasShingle(shingles: Uint32Array, h: number): boolean {
  const at = partitionPoint(shingles.length, (i) => shingles[i] < h);
  return at < shingles.length && shingles[at] === h;
}

export function sameStoryKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\s*_`]+/g, ' ')
    .trim();
}
