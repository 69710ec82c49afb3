import type { Span, Story } from './types';

/** Words as a listener hears them: "p99", "3.5", "don't" and "follow-up" each count once. */
export const WORD = /[\p{L}\p{N}]+(?:[.,'\u2019\-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string, span: Span = { start: 0, end: text.length }): number {
  WORD.lastIndex = span.start;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) && m.index < span.end) count++;
  return count;
}

/**
 * Words the candidate will say: every section body, plus any text between the title (or the
 * Principles line) and the first section, so a draft without headings is still timed.
 */
export function storyWords(story: Story): number {
  const introStart = (story.principles?.line.end ?? story.heading.end) - story.start;
  const introEnd = (story.sections[0]?.heading.start ?? story.end) - story.start;
  let total = introEnd > introStart ? countWords(story.prose, { start: introStart, end: introEnd }) : 0;
  for (const section of story.sections) total += countWords(story.prose, rel(story, section.body));
  return total;
}

/** A span made relative to the story's own text (`story.prose`). */
export function rel(story: Story, span: Span): Span {
  return { start: span.start - story.start, end: span.end - story.start };
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
  const paragraphBreak = /\n[ \t]*\n/g;
  paragraphBreak.lastIndex = span.start;
  let pos = span.start;
  while (pos < span.end) {
    const m = paragraphBreak.exec(text);
    const end = m && m.index < span.end ? m.index : span.end;
    pushParagraphSentences(text, pos, end, out);
    if (!m || m.index >= span.end) break;
    pos = m.index + m[0].length;
  }
  return out;
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
  for (const segment of sentenceSegmenter.segment(paragraph)) {
    push(start + segment.index, start + segment.index + segment.segment.length);
  }
}

export function hasNumber(text: string): boolean {
  return NUMBER.test(text);
}

/** Digits, currency, percentages and the number words people say aloud ("doubled", "a third", "twice"). */
export const NUMBER = new RegExp(
  [
    '\\d',
    '[$€£¥]',
    '\\b(?<!\\b(?:no|any|some|every|each|which|that) )one\\b',
    '\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|halved|halving|third|twice|thrice|double[ds]?|doubling|triple[ds]?|tripling|quadrupled|tenfold|percent|zero|none)\\b',
  ].join('|'),
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
