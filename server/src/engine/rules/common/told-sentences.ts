/**
 * Sentences as a listener hears them. Prose is split into sentences line by line, so a sentence
 * wrapped at a fixed width arrives in pieces ("support got hundreds of tickets a" / "week about
 * it."); here a line that continues the sentence of the line before is joined to it. A bullet or a
 * numbered item always starts a new sentence, and so does a new paragraph.
 */
import { LONGEST_TOLD_SPAN } from '../../language';
import type { Span, Story } from '../../types';

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

/** The longest indent plus marker before an item's text ("    > 12. "). */
const MARKER_REACH = 16;

/** Whether the line holding `offset` starts with a list marker right before it. */
export function startsListItem(documentText: string, offset: number): boolean {
  // Only the few characters before the offset: on a long line, a search back to its start would be quadratic.
  const from = Math.max(0, offset - MARKER_REACH);
  const before = documentText.slice(from, offset);
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak < 0 && from > 0) return false;
  return MARKER_BEFORE.test(before.slice(lineBreak + 1));
}

/**
 * A "sentence" longer than this is not something anyone says (a pasted log, a run of markup); the
 * rules that read sentences one at a time skip it rather than spend time on it.
 */
export const LONGEST_TOLD_SENTENCE = 2000;

/** Whether a section body (or any span) is short enough to be read sentence by sentence (the language layer's `LONGEST_TOLD_SPAN`). */
export function isTellable(span: Span): boolean {
  return span.end - span.start <= LONGEST_TOLD_SPAN;
}

export function toldSentences<T extends Span & { text: string }>(
  story: Story,
  documentText: string,
  sentences: readonly T[],
): ToldSentence<T>[] {
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
  for (const t of told) if (t.parts.length > 1) t.text = story.prose.slice(t.start - story.start, t.end - story.start);
  return told;
}

/** A sentence as a message quotes it: on one line, and cut at a word after about 90 characters. */
export function quoteText(text: string, max = 90): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3).replace(/\s+\S*$/, '')}…` : line;
}
