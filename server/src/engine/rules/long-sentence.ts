import type { Rule, Section, Span, Story } from '../types';
import { countWords, rel, sentences } from '../text';
import { sectionsOf } from './util';

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
export function spokenSentences(story: Story, raw: string, section: Section): Span[] {
  const body = rel(story, section.body);
  const text = story.prose.slice(body.start, body.end);
  let flat = '';
  const blockStarts: number[] = [];
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
    if (startsBlock) blockStarts.push(lineStart);
    flat += text.slice(lineStart, lineEnd);
    previousBlank = blank;
    previousEndsBlock = endsBlock;
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  const out: Span[] = [];
  blockStarts.forEach((start, i) => {
    const end = i + 1 < blockStarts.length ? blockStarts[i + 1] : flat.length;
    for (const s of sentences(flat, { start, end })) out.push({ start: s.start + body.start, end: s.end + body.start });
  });
  return out;
}

// A sentence is said in one breath; past about 35 words the listener loses its subject before its verb.
export const longSentence: Rule = {
  name: 'long-sentence',
  description: 'A sentence over 35 words, which is hard to say aloud and hard to follow.',
  group: 'delivery',
  defaultSeverity: 'info',
  defaultOptions: { maxWords: 35 },
  messages: {
    long: 'This sentence has {words} words; split it so each sentence carries one step or one fact (aim for {max} words or fewer).',
  },
  check(story, context) {
    const option = context.options.maxWords;
    const max = typeof option === 'number' && Number.isFinite(option) && option > 0 ? option : 35;
    for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result', 'reflection'])) {
      for (const sentence of spokenSentences(story, context.text, section)) {
        const words = countWords(story.prose, sentence);
        if (words <= max) continue;
        context.report({ messageId: 'long', data: { words, max }, start: story.start + sentence.start, end: story.start + sentence.end });
      }
    }
  },
};
