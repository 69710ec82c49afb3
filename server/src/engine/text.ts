import type { Span, Story } from './types';
import { SPOKEN_NUMBERS } from './language/lexicon';
import { LruCache } from './lru';

/** Words as a listener hears them: "p99", "3.5", "don't" and "follow-up" each count once. */
export const WORD = /[\p{L}\p{N}]+(?:[.,'\u2019-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string, span: Span = { start: 0, end: text.length }): number {
  // A hand-rolled scan counts exactly the matches of WORD from span.start that start before
  // span.end (the last may run past it), without a match array per word: word counting is
  // the most frequent operation of a lint.
  const n = text.length;
  let count = 0;
  let i = span.start;
  // Like the u-flag regex, a start inside a surrogate pair starts at the pair.
  if (i > 0 && i < n && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) i--;
  while (i < span.end && i < n) {
    let w = wordCharLength(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    count++;
    i += w;
    for (;;) {
      while (i < n && (w = wordCharLength(text, i)) > 0) i += w;
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && wordCharLength(text, i + 1) > 0) {
        i++;
        continue;
      }
      break;
    }
  }
  return count;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit above ASCII: 0 not yet known, 1 a letter or number, 2 neither. */
const bmpWordChar = new Uint8Array(0x10000);

/** Code units of the letter or number at `i` (2 for an astral one), 0 when there is none. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (isHighSurrogate(c)) {
    return isLowSurrogate(text.charCodeAt(i + 1)) && LETTER_OR_NUMBER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = bmpWordChar[c];
  if (known === 0) bmpWordChar[c] = known = LETTER_OR_NUMBER.test(text[i]) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The characters WORD lets join two runs into one word: . , ' ’ - */
function isJoiner(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x27 || c === 0x2019 || c === 0x2d;
}

const memos = new WeakMap<Story, Map<string, unknown>>();

/**
 * `compute()` once per story and key. Rules share the costly per-story work (word counts,
 * sentences) through this; a parsed Story is never mutated, so its values never go stale.
 */
export function memoize<T>(story: Story, key: string, compute: () => T): T {
  let memo = memos.get(story);
  if (!memo) memos.set(story, (memo = new Map()));
  const found = memo.get(key);
  if (found !== undefined || memo.has(key)) return found as T;
  const value = compute();
  memo.set(key, value);
  return value;
}

/** Words in a span of the story (absolute offsets, usually a section body), counted once per story. */
export function sectionWords(story: Story, span: Span): number {
  return memoize(story, `words:${span.start}:${span.end}`, () => countWords(story.prose, rel(story, span)));
}

/** Sentences of a span of the story's prose (offsets relative to the story, like `sentences`), segmented once per story. */
export function proseSentences(story: Story, span: Span): readonly Span[] {
  return memoize(story, `sentences:${span.start}:${span.end}`, () => sentences(story.prose, span));
}

/**
 * Words the candidate will say: every section body, plus any text between the title (or the
 * Principles line) and the first section, so a draft without headings is still timed.
 */
export function storyWords(story: Story): number {
  return memoize(story, 'storyWords', () => {
    const introStart = (story.principles?.line.end ?? story.heading.end) - story.start;
    const introEnd = (story.sections[0]?.heading.start ?? story.end) - story.start;
    let total = introEnd > introStart ? countWords(story.prose, { start: introStart, end: introEnd }) : 0;
    for (const section of story.sections) total += sectionWords(story, section.body);
    return total;
  });
}

/** A span made relative to the story's own text (`story.prose`). */
export function rel(story: Story, span: Span): Span {
  return { start: span.start - story.start, end: span.end - story.start };
}

/**
 * A whole number with thousands separators, as `toLocaleString('en-US')` writes it. The server
 * never calls that: its first call loads ICU's number-formatting data, about 5 MB of the server's
 * resident memory for the rest of its life, to write a rare notice.
 */
export function withThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(?:\d{3})+$)/g, ',');
}

export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function speakingSeconds(words: number, wordsPerMinute: number): number {
  return (words / wordsPerMinute) * 60;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
// ICU's sentence segmenter slows down sharply on very long runs of text; past this a
// plain punctuation split is used instead.
const SEGMENTER_LIMIT = 4000;

/**
 * Sentences of the text in `span`, as spans into `text`. Segmented per paragraph, which keeps
 * Intl.Segmenter fast and never lets a sentence run across a blank line or a heading.
 */
export function sentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  // Searched up to the span's end: a search left open ran on to the end of the text for each
  // span without a blank line, which made a story of many sections cost its square.
  const upToEnd = text.slice(0, span.end);
  const paragraphBreak = /\n[ \t]*\n/g;
  paragraphBreak.lastIndex = span.start;
  let pos = span.start;
  while (pos < span.end) {
    const m = paragraphBreak.exec(upToEnd);
    const end = m ? m.index : straddlingBreak(text, pos, span.end);
    pushParagraphSentences(text, pos, end, out);
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return out;
}

/** Where a blank line that starts inside [from, end) but ends past `end` begins; else `end`. */
function straddlingBreak(text: string, from: number, end: number): number {
  let at = end;
  while (at > from && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  if (at <= from || text[at - 1] !== '\n') return end;
  let next = end;
  while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
  return text[next] === '\n' ? at - 1 : end;
}

function pushParagraphSentences(text: string, start: number, end: number, out: Span[]): void {
  const paragraph = text.slice(start, end);
  if (!/\S/.test(paragraph)) return;
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (to > from) out.push({ start: from, end: to });
  };
  if (paragraph.length > SEGMENTER_LIMIT) {
    const split = /[.!?]+(?=\s)/g;
    let from = 0;
    let m: RegExpExecArray | null;
    while ((m = split.exec(paragraph))) {
      push(start + from, start + m.index + m[0].length);
      from = m.index + m[0].length;
    }
    push(start + from, end);
    return;
  }
  for (let i = 0, bounds = segmentBounds(paragraph); i < bounds.length; i += 2)
    out.push({ start: start + bounds[i], end: start + bounds[i + 1] });
}

/** Paragraphs' sentence bounds by the paragraph's text. */
export type ParagraphCache = LruCache<string, number[]>;

/** The editor's: the paragraphs of the documents being typed in. */
export const EDITOR_PARAGRAPHS: ParagraphCache = new LruCache(2000);
let segmented = EDITOR_PARAGRAPHS;

/**
 * Runs `work` with `paragraphs` as the paragraph cache. The story bank reads every file in its
 * own: in the editor's, a 1,000-file bank left 2,000 paragraphs no keystroke reads (2.3 MB, and
 * the texts they were cut from).
 */
export function withParagraphsIn<T>(paragraphs: ParagraphCache, work: () => T): T {
  const outer = segmented;
  segmented = paragraphs;
  try {
    return work();
  } finally {
    segmented = outer;
  }
}

/**
 * The sentences of a paragraph as [start, end) pairs relative to it, trimmed of white space.
 * Intl.Segmenter is the costliest step of reading prose, and typing re-reads a story whose other
 * paragraphs have not changed: they are segmented once per text (a small LRU).
 */
function segmentBounds(paragraph: string): readonly number[] {
  let bounds = segmented.get(paragraph);
  if (bounds) return bounds;
  bounds = plainSentenceBounds(paragraph) ?? segmenterBounds(paragraph);
  segmented.set(paragraph, bounds);
  return bounds;
}

/** The sentences of a paragraph as Intl.Segmenter finds them, trimmed, as [start, end) pairs. */
export function segmenterBounds(paragraph: string): number[] {
  const bounds: number[] = [];
  for (const segment of sentenceSegmenter.segment(paragraph))
    pushTrimmed(paragraph, segment.index, segment.index + segment.segment.length, bounds);
  return bounds;
}

/**
 * The same bounds for a paragraph whose sentences end the plain way, found without the segmenter
 * (a fifth of reading a story for the first time): printable ASCII and line breaks only, and every
 * run of `.`, `!` or `?` followed, after any closing quotes or brackets, by the paragraph's end, a
 * line break, or spaces and a capital letter. There Unicode's sentence rules (UAX #29) break after
 * the run, its closing marks and its spaces, and after each line break, and nowhere else; any other
 * paragraph ("e.g. the", "3.5", "U.S.", a curly quote) is undefined and goes to the segmenter.
 * test/unit/text.test.ts holds the two to the same answer on random and real text.
 */
export function plainSentenceBounds(paragraph: string): number[] | undefined {
  const bounds: number[] = [];
  const n = paragraph.length;
  let start = 0;
  for (let i = 0; i < n;) {
    const c = paragraph.charCodeAt(i);
    if (c > 0x7e || (c < 0x20 && c !== LINE_FEED)) return undefined;
    if (c === LINE_FEED) {
      pushTrimmed(paragraph, start, i, bounds);
      start = ++i;
      continue;
    }
    if (!isSentenceEnd(c)) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && isSentenceEnd(paragraph.charCodeAt(end))) end++;
    while (end < n && isClosing(paragraph.charCodeAt(end))) end++;
    let next = end;
    while (next < n && paragraph.charCodeAt(next) === SPACE) next++;
    const after = next < n ? paragraph.charCodeAt(next) : -1;
    if (after === -1 || after === LINE_FEED) {
      pushTrimmed(paragraph, start, end, bounds);
      start = i = next + 1;
    } else if (next > end && after >= 0x41 && after <= 0x5a) {
      pushTrimmed(paragraph, start, end, bounds);
      start = i = next;
    } else return undefined;
  }
  if (start < n) pushTrimmed(paragraph, start, n, bounds);
  return bounds;
}

const LINE_FEED = 0x0a;
const SPACE = 0x20;
const isSentenceEnd = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f;
/** `"`, `'`, `)`, `]`, `}`: closing marks a sentence's end may carry. */
const isClosing = (c: number) => c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d;

/** Adds [from, to) to `bounds` without the white space at either end, if anything is left. */
function pushTrimmed(text: string, from: number, to: number, bounds: number[]): void {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (to > from) bounds.push(from, to);
}

export function hasNumber(text: string): boolean {
  return NUMBER.test(text);
}

/** Digits, currency, percentages and the number words people say aloud ("doubled", "a third", "twice"). */
export const NUMBER = new RegExp(
  ['\\d', '[$€£¥]', '\\b(?<!\\b(?:no|any|some|every|each|which|that) )one\\b', `\\b(?:${SPOKEN_NUMBERS.join('|')})\\b`].join('|'),
  'i',
);

/** Capitalizes the replacement the way the original was capitalized. */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && /[A-Z]/.test(original)) return replacement.toUpperCase();
  if (original[0] && original[0] === original[0].toUpperCase() && original[0] !== original[0].toLowerCase()) {
    return replacement[0].toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** Line number (0-based) of an offset, with lines split on \n, \r\n and \r as LSP does. */
export function lineIndex(text: string): ((offset: number) => number) & { lineStart(line: number): number } {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index + m[0].length);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return Object.assign(lineOf, { lineStart: (line: number) => starts[line] });
}
