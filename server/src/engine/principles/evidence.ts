import type { Beat, Principle, PrincipleSet } from './types';
import type { Story } from '../types';
import { memoize, rel } from '../text';

export interface BeatEvidence {
  beat: Beat;
  /** The story says something that counts as evidence for the beat. */
  shown: boolean;
}

/** One cue as a regex alternative, with the words a match of it must start on when they can be looked up. */
interface Cue {
  source: string;
  /** Where the cue is filed in the index; undefined when no word of it can start a lookup. */
  key: { map: 'exact' | 'prefixed' | 'pairs' | 'pairsPrefixed'; words: string[] } | undefined;
}

interface CompiledBeat {
  beat: Beat;
  /** Every cue of the beat as one alternation: the reference test. */
  cues: RegExp;
  /** The same, anchored where a looked-up word starts (`y`). */
  at: RegExp;
  /** The cues no word leads to (a short prefix, a first letter outside ASCII, a word too many beats start on), tested over the whole text. */
  unindexed: RegExp | undefined;
}

/**
 * A principle set's beats with their cues indexed by first word. Testing each beat's alternation
 * over each section cost a tenth of a full lint (forty-odd beats, a thousand cues); reading the
 * story's words once and trying only the beats a word can start is the same test for much less.
 */
interface CueIndex {
  beats: CompiledBeat[];
  byPrinciple: Map<Principle, number[]>;
  // Keyed by a hash of the words (`wordHash`): a story's words are hashed as they are read, with
  // no string made for each. Two words with one hash only mean a beat tried for nothing.
  /** Beats by a cue's whole first word ("ownership"). */
  exact: Map<number, number[]>;
  /** Beats by the first three letters of a one-word open cue ("fru" for `frustrat*`). */
  prefixed: Map<number, number[]>;
  /** Beats by a cue's first two words ("the customer"): "the" or "I" alone would try half the beats at every turn. */
  pairs: Map<number, number[]>;
  /** Beats by a first word and the first three letters of an open second one ("root cau" for `root caus*`). */
  pairsPrefixed: Map<number, number[]>;
  /** First words of the pairs: only after these is the next word looked at. */
  pairFirsts: Set<number>;
  withUnindexed: number[];
}

// Built once per principle set: a set from the config file is a new object only when the config changes.
const indexes = new WeakMap<PrincipleSet, CueIndex>();

// A letter or digit as the cues' patterns (`iu`) see one: with `i`, U+0345 (a combining mark that
// case-folds to a Greek iota) counts too.
const WORD_CHAR = /[\p{L}\p{N}]/iu;
const WORD_CHAR_AT = /[\p{L}\p{N}]/iuy;
const PREFIX_KEY = 3;
const SPACE = /\s/;

/** Which beats of a principle the story shows evidence for, by the beats' cue phrases. Beats without cues are left out. */
export function beatEvidence(story: Story, set: PrincipleSet, principle: Principle): BeatEvidence[] {
  const index = cueIndexOf(set);
  const ids = index.byPrinciple.get(principle);
  if (ids === undefined) {
    // Not one of the set's principles: its beats alone, unindexed.
    const spoken = spokenOf(story);
    return outsideBeats(principle).map(({ beat, cues }) => ({ beat, shown: spoken.some((text) => cues.test(text)) }));
  }
  const shown = shownFor(story, set);
  // Most stories are asked about the one or two principles they claim: each beat's pattern over
  // the text costs less than reading every word for every beat, until the set is asked whole.
  let flags = shown.all ? ids.map((id) => shown.all![id] === 1) : shown.byPrinciple.get(principle);
  if (!flags) {
    const spoken = spokenOf(story);
    shown.byPrinciple.set(principle, (flags = ids.map((id) => spoken.some((text) => index.beats[id].cues.test(text)))));
  }
  // New objects each time: callers may keep or change what they are given.
  return ids.map((id, k) => ({ beat: index.beats[id].beat, shown: flags![k] }));
}

/**
 * The principles of the set whose beats the story shows best: each with at least two beats shown
 * and the highest share of its beats shown; at most two, in the set's order (most often probed first).
 */
export function bestShownPrinciples(story: Story, set: PrincipleSet): Principle[] {
  const index = cueIndexOf(set);
  const shown = shownFor(story, set);
  const all = (shown.all ??= beatsShown(spokenOf(story), index));
  let best: Principle[] = [];
  let bestScore = 0;
  for (const principle of Array.isArray(set.principles) ? set.principles : []) {
    const ids = index.byPrinciple.get(principle) ?? [];
    const count = ids.filter((id) => all[id] === 1).length;
    if (count < 2) continue;
    const score = count / ids.length;
    if (score > bestScore) [best, bestScore] = [[principle], score];
    else if (score === bestScore) best.push(principle);
  }
  return best.slice(0, 2);
}

/** What is known of a story's beats under one set: some principles' beats, or every beat of the set (`all`, by id). */
interface ShownBeats {
  byPrinciple: Map<Principle, boolean[]>;
  all?: Uint8Array;
}

/** Kept once per story and set: principle-beats and principle-not-shown both ask. */
function shownFor(story: Story, set: PrincipleSet): ShownBeats {
  const bySet = memoize(story, 'beatsShown', () => new WeakMap<PrincipleSet, ShownBeats>());
  let shown = bySet.get(set);
  if (!shown) bySet.set(set, (shown = { byPrinciple: new Map() }));
  return shown;
}

function spokenOf(story: Story): string[] {
  return memoize(story, 'spokenText', () => spokenText(story));
}

/** What the candidate says: section bodies and any text before the first section, never the title or the Principles line. */
export function spokenText(story: Story): string[] {
  const texts: string[] = [];
  const introStart = (story.principles?.line.end ?? story.heading.end) - story.start;
  const introEnd = (story.sections[0]?.heading.start ?? story.end) - story.start;
  if (introEnd > introStart) texts.push(story.prose.slice(introStart, introEnd));
  for (const section of story.sections) {
    const span = rel(story, section.body);
    texts.push(story.prose.slice(span.start, span.end));
  }
  return texts;
}

/** One flag per beat of the index: 1 when some text shows it. */
function beatsShown(texts: readonly string[], index: CueIndex): Uint8Array {
  const shown = new Uint8Array(index.beats.length);
  for (const text of texts) {
    for (const id of index.withUnindexed) if (shown[id] === 0 && index.beats[id].unindexed!.test(text)) shown[id] = 1;
    // What the scan found before a letter outside ASCII stands: each was confirmed by its beat's pattern.
    if (!scanWords(text, index, shown))
      for (let id = 0; id < index.beats.length; id++) if (shown[id] === 0 && index.beats[id].cues.test(text)) shown[id] = 1;
  }
  return shown;
}

function tryAt(text: string, at: number, ids: readonly number[] | undefined, index: CueIndex, shown: Uint8Array): void {
  if (ids === undefined) return;
  for (const id of ids) {
    if (shown[id] === 1) continue;
    const re = index.beats[id].at;
    re.lastIndex = at;
    if (re.test(text)) shown[id] = 1;
  }
}

/**
 * Every match starts a word, and the text's words are runs of ASCII letters and digits: each is
 * looked up whole, by its first three letters, and with the word before it when that one starts a
 * pair and only white space lies between them. False, and stopped, at a letter or digit outside
 * ASCII: case folding may then differ from `toLowerCase`, and words are no longer ASCII runs.
 */
function scanWords(text: string, index: CueIndex, shown: Uint8Array): boolean {
  // The word before: where it starts and ends, its hash, and whether a pair starts with it.
  let before = -1;
  let beforeEnd = -1;
  let beforeHash = 0;
  let beforeStartsPair = false;
  let i = 0;
  while (i < text.length) {
    let code = text.charCodeAt(i);
    if (!isAsciiWordChar(code)) {
      if (code >= 128 && isWordCharAt(text, i)) return false;
      i++;
      continue;
    }
    const start = i;
    let hash = HASH_SEED;
    let hash3 = -1;
    do {
      hash = wordHash(hash, code);
      if (++i - start === PREFIX_KEY) hash3 = hash;
    } while (i < text.length && isAsciiWordChar((code = text.charCodeAt(i))));
    tryAt(text, start, index.exact.get(hash), index, shown);
    if (hash3 !== -1) tryAt(text, start, index.prefixed.get(hash3), index, shown);
    if (beforeStartsPair && onlySpaces(text, beforeEnd, start)) {
      tryAt(text, before, index.pairs.get(pairHash(beforeHash, hash)), index, shown);
      if (hash3 !== -1) tryAt(text, before, index.pairsPrefixed.get(pairHash(beforeHash, hash3)), index, shown);
    }
    before = start;
    beforeEnd = i;
    beforeHash = hash;
    beforeStartsPair = index.pairFirsts.has(hash);
  }
  return true;
}

function isWordCharAt(text: string, at: number): boolean {
  WORD_CHAR_AT.lastIndex = at;
  return WORD_CHAR_AT.test(text);
}

const HASH_SEED = 0x011c9dc5;

/**
 * FNV-1a over lower-cased ASCII letters and digits, one character at a time, kept to 30 bits: a
 * small integer is a map key V8 hashes at once, a larger one is a boxed number.
 */
function wordHash(hash: number, code: number): number {
  return Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193) & 0x3fffffff;
}

function hashOf(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = wordHash(hash, word.charCodeAt(i));
  return hash;
}

function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) & 0x3fffffff;
}

/** [from, to) is not empty and all white space as a regex's `\s` means it: what a space in a cue matches. */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 ? code !== 32 && (code < 9 || code > 13) : !SPACE.test(text[i])) return false;
  }
  return true;
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/**
 * A word more beats than this start on is no use as a key: each of them would be tried at every
 * such word (a configured set of hundreds of beats whose cues all start on "the"). Their cues are
 * searched whole instead, as before the index. The built-in set's busiest key has 9.
 */
const MAX_BEATS_PER_KEY = 24;

function cueIndexOf(set: PrincipleSet): CueIndex {
  let index = indexes.get(set);
  if (index) return index;
  index = {
    beats: [],
    byPrinciple: new Map(),
    exact: new Map(),
    prefixed: new Map(),
    pairs: new Map(),
    pairsPrefixed: new Map(),
    pairFirsts: new Set(),
    withUnindexed: [],
  };
  const principles = (Array.isArray(set.principles) ? set.principles : []).map((principle) => ({ principle, beats: beatCues(principle) }));
  const crowded = crowdedKeys(principles.flatMap((p) => p.beats.map((b) => b.cues)));
  for (const { principle, beats } of principles) {
    const ids: number[] = [];
    for (const { beat, cues } of beats) {
      const id = index.beats.length;
      ids.push(id);
      const unindexed = fileCues(index, id, cues, crowded);
      // The anchored test keeps the lookbehind too: a match found from the index is one the whole search finds.
      index.beats.push({
        beat,
        cues: cuePattern(cues, 'iu'),
        at: cuePattern(cues, 'iuy'),
        unindexed: unindexed.length > 0 ? cuePattern(unindexed, 'iu') : undefined,
      });
      if (unindexed.length > 0) index.withUnindexed.push(id);
    }
    index.byPrinciple.set(principle, ids);
  }
  indexes.set(set, index);
  return index;
}

function keyName(key: NonNullable<Cue['key']>): string {
  return `${key.map} ${key.words.join(' ')}`;
}

/** The keys more than `MAX_BEATS_PER_KEY` beats (each given as its cues) would be filed under. */
function crowdedKeys(beats: ReadonlyArray<readonly Cue[]>): Set<string> {
  const beatsByKey = new Map<string, number>();
  for (const cues of beats) {
    for (const name of new Set(cues.flatMap((c) => (c.key ? [keyName(c.key)] : [])))) beatsByKey.set(name, (beatsByKey.get(name) ?? 0) + 1);
  }
  return new Set([...beatsByKey].filter(([, count]) => count > MAX_BEATS_PER_KEY).map(([name]) => name));
}

/** Files beat `id`'s cues under their keys; returns those that have none, or a crowded one. */
function fileCues(index: CueIndex, id: number, cues: readonly Cue[], crowded: ReadonlySet<string>): Cue[] {
  const unindexed: Cue[] = [];
  for (const cue of cues) {
    if (cue.key === undefined || crowded.has(keyName(cue.key))) {
      unindexed.push(cue);
      continue;
    }
    const [first, second] = cue.key.words.map(hashOf);
    const map = index[cue.key.map];
    const key = second === undefined ? first : pairHash(first, second);
    const ids = map.get(key);
    if (!ids) map.set(key, [id]);
    else if (ids[ids.length - 1] !== id) ids.push(id);
    if (second !== undefined) index.pairFirsts.add(first);
  }
  return unindexed;
}

const outside = new WeakMap<Principle, Array<{ beat: Beat; cues: RegExp }>>();

/** A principle's beats that have usable cues, each with its regex, compiled once per principle. */
function outsideBeats(principle: Principle): Array<{ beat: Beat; cues: RegExp }> {
  let beats = outside.get(principle);
  if (!beats) {
    beats = beatCues(principle).map(({ beat, cues }) => ({ beat, cues: cuePattern(cues, 'iu') }));
    outside.set(principle, beats);
  }
  return beats;
}

function beatCues(principle: Principle): Array<{ beat: Beat; cues: Cue[] }> {
  // A set from the config file is user data: tolerate missing or malformed beats and cues.
  const list = Array.isArray(principle.beats) ? principle.beats : [];
  return list
    .filter((b) => b && typeof b === 'object')
    .map((beat) => ({ beat, cues: parseCues(beat.cues) }))
    .filter((b) => b.cues.length > 0);
}

/**
 * Cues match case-insensitively on word boundaries; a trailing `*` matches any word ending.
 * Spaces match any run of white space (a cue may wrap across lines) and a straight apostrophe
 * also matches a curly one. Each alternative is a literal, so matching stays linear.
 */
export function cueRegex(cues: unknown): RegExp | undefined {
  const parsed = parseCues(cues);
  return parsed.length > 0 ? cuePattern(parsed, 'iu') : undefined;
}

/** The cues as one alternation, matched on word boundaries. */
function cuePattern(cues: readonly Cue[], flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${cues.map((c) => c.source).join('|')})(?![\\p{L}\\p{N}])`, flags);
}

function parseCues(cues: unknown): Cue[] {
  if (!Array.isArray(cues)) return [];
  const out: Cue[] = [];
  for (const cue of cues) {
    if (typeof cue !== 'string') continue;
    const trimmed = cue.trim();
    const open = trimmed.endsWith('*');
    const words = (open ? trimmed.slice(0, -1) : trimmed).trim();
    if (!/[\p{L}\p{N}]/u.test(words)) continue;
    const body = words
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/'/g, "['\u2019]"))
      .join('\\s+');
    out.push({ source: open ? `${body}[\\p{L}\\p{N}]*` : body, key: lookupKey(words.split(/\s+/), open) });
  }
  return out;
}

/**
 * Where a match of the cue can be looked up. A match starts where no letter or digit precedes it,
 * on the cue's first character, so the cue's leading run of letters and digits is the text's
 * whole word there, or (a one-word open cue) its beginning; and a first word that is one run is
 * followed by white space and the second word's leading run in the same way.
 */
function lookupKey(words: readonly string[], open: boolean): Cue['key'] {
  const first = leadingRun(words[0]);
  if (first === undefined) return undefined;
  const second = words.length > 1 && first.whole ? leadingRun(words[1]) : undefined;
  if (second !== undefined) {
    const secondOpen = open && words.length === 2 && second.whole;
    if (!secondOpen) return { map: 'pairs', words: [first.run, second.run] };
    if (second.run.length >= PREFIX_KEY) return { map: 'pairsPrefixed', words: [first.run, second.run.slice(0, PREFIX_KEY)] };
  }
  if (!(open && words.length === 1 && first.whole)) return { map: 'exact', words: [first.run] };
  return first.run.length >= PREFIX_KEY ? { map: 'prefixed', words: [first.run.slice(0, PREFIX_KEY)] } : undefined;
}

/** The word's leading run of letters and digits, lower case, when it is all ASCII; `whole` when it is the whole word. */
function leadingRun(word: string): { run: string; whole: boolean } | undefined {
  let end = 0;
  while (end < word.length && WORD_CHAR.test(word[end])) end++;
  const run = word.slice(0, end);
  if (run.length === 0 || !/^[A-Za-z0-9]+$/.test(run)) return undefined;
  return { run: run.toLowerCase(), whole: end === word.length };
}
