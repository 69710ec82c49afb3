import { memoize, rel, sentences } from '../../text';
import type { Section, Span, Story } from '../../types';

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const TABLE_ROW = /^[ \t]*\|/;

/**
 * Sentences of a section as a listener hears them, as spans into `story.prose`. A hard-wrapped
 * sentence stays one sentence (ICU's segmenter breaks at every line feed, so soft line breaks are
 * read as spaces), while a list item, a table row or a sub-heading ends one even without a full
 * stop ("- logs\n- metrics" are two). `raw` is the document text in the story's coordinates (the
 * rule context's `text`), where the list and heading markup the prose blanks is still visible.
 */
export function spokenSentences(story: Story, raw: string, section: Section): readonly Span[] {
  // Memoized per story: `raw` is the rule context's text, the same for every rule of one lint.
  return memoize(story, `spokenSentences:${section.body.start}:${section.body.end}`, () => {
    const { flat, blocks, offset } = proseBlocks(story, raw, section);
    const out: Span[] = [];
    for (const block of blocks) for (const s of sentences(flat, block)) out.push({ start: s.start + offset, end: s.end + offset });
    return out;
  });
}

/** The section's prose with soft line breaks as spaces, and its blocks (paragraphs, list items, rows, headings) as spans into it. */
export function proseBlocks(story: Story, raw: string, section: Section): { flat: string; blocks: Span[]; offset: number } {
  const body = rel(story, section.body);
  const text = story.prose.slice(body.start, body.end);
  let flat = '';
  const starts: number[] = [];
  let lineStart = 0;
  let previousBlank = true;
  let previousEndsBlock = false;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const rawLine = raw.slice(story.start + body.start + lineStart, story.start + body.start + lineEnd);
    const blank = !/\S/.test(text.slice(lineStart, lineEnd));
    const endsBlock = HEADING.test(rawLine) || TABLE_ROW.test(rawLine);
    const startsBlock = !blank && (previousBlank || previousEndsBlock || endsBlock || LIST_ITEM.test(rawLine));
    if (lineStart > 0) flat += blank || previousBlank || startsBlock ? '\n' : ' ';
    if (startsBlock) starts.push(lineStart);
    flat += text.slice(lineStart, lineEnd);
    previousBlank = blank;
    previousEndsBlock = endsBlock;
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  const blocks = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : flat.length }));
  return { flat, blocks, offset: body.start };
}
