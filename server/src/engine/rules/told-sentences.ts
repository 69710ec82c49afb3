/**
 * Sentences as a listener hears them. Prose is split into sentences line by line, so a sentence
 * wrapped at a fixed width arrives in pieces ("support got hundreds of tickets a" / "week about
 * it."); here a line that continues the sentence of the line before is joined to it. A bullet or a
 * numbered item always starts a new sentence, and so does a new paragraph.
 */
import type { Span, Story } from '../types';

/** A list marker at the start of a line: "- ", "* ", "+ ", "• ", "1. ", "2) ", also inside a quote. */
const MARKER_BEFORE = /^[ \t>]*(?:[-*+•]|\d{1,3}[.)])[ \t]+$/;
const ENDS_SENTENCE = /[.!?:;]["'\u201d\u2019)\]]*$/;

export interface ToldSentence<T extends Span> extends Span {
  /** The story's prose over [start, end), line breaks included. */
  text: string;
  /** The pieces joined into this sentence, in order; the first is where it starts. */
  parts: T[];
  /** It starts with a bullet or a number marker. */
  item: boolean;
}

/** Whether the line holding `offset` starts with a list marker right before it. */
export function startsListItem(documentText: string, offset: number): boolean {
  // A marker and its indent fit in a few dozen characters: looking further back on a long line
  // would make every sentence of a one-line megabyte cost the whole line.
  const from = Math.max(0, offset - LOOK_BACK);
  const window = documentText.slice(from, offset);
  const nl = window.lastIndexOf('\n');
  if (nl < 0 && from > 0) return false;
  return MARKER_BEFORE.test(window.slice(nl + 1));
}
const LOOK_BACK = 64;

export function toldSentences<T extends Span & { text: string }>(story: Story, documentText: string, sentences: readonly T[]): ToldSentence<T>[] {
  const told: ToldSentence<T>[] = [];
  for (const s of sentences) {
    const item = startsListItem(documentText, s.start);
    const last = told[told.length - 1];
    if (last && !item) {
      const between = story.prose.slice(last.end - story.start, s.start - story.start);
      const previous = last.parts[last.parts.length - 1];
      if (!/\n[ \t]*\n/.test(between) && !ENDS_SENTENCE.test(previous.text.trimEnd())) {
        last.parts.push(s);
        last.end = s.end;
        continue;
      }
    }
    told.push({ start: s.start, end: s.end, text: s.text, parts: [s], item });
  }
  // Joined text is cut once at the end: re-slicing after every joined line would grow with the paragraph.
  for (const t of told) if (t.parts.length > 1) t.text = story.prose.slice(t.start - story.start, t.end - story.start);
  return told;
}

/** A sentence as a message quotes it: on one line, and cut at a word after about 90 characters. */
export function quoteText(text: string, max = 90): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3).replace(/\s+\S*$/, '')}…` : line;
}
