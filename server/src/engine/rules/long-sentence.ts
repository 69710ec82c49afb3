import type { Rule, Section, Span, Story } from '../types';
import { countWords, rel, sentences } from '../text';
import { sectionsOf } from './util';

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const TABLE_ROW = /^[ \t]*\|/;

/**
 * Sentences of a section as a listener hears them, as spans into `story.prose`. A list item, a
 * table row or a sub-heading ends a sentence even without a full stop, since Markdown markup is
 * blanked in the prose and would otherwise let "- logs\n- metrics" read as one sentence.
 * `raw` is the document text in the story's coordinates (the rule context's `text`).
 */
export function spokenSentences(story: Story, raw: string, section: Section): Span[] {
  const body = rel(story, section.body);
  const out: Span[] = [];
  let blockStart = body.start;
  let lineStart = body.start;
  let previousEndsBlock = false;
  while (lineStart < body.end) {
    const newline = story.prose.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= body.end ? body.end : newline;
    const line = raw.slice(story.start + lineStart, story.start + lineEnd);
    const isHeading = HEADING.test(line);
    const isRow = TABLE_ROW.test(line);
    if (lineStart > blockStart && (previousEndsBlock || isHeading || isRow || LIST_ITEM.test(line))) {
      out.push(...sentences(story.prose, { start: blockStart, end: lineStart }));
      blockStart = lineStart;
    }
    previousEndsBlock = isHeading || isRow;
    lineStart = lineEnd + 1;
  }
  if (body.end > blockStart) out.push(...sentences(story.prose, { start: blockStart, end: body.end }));
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
