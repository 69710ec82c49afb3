import type { Rule } from '../types';
import { eolOf, storySpan } from './util';

// Each framing of a story targets principles; without them the bank cannot show coverage and the
// candidate cannot say at the end which principle the story shows.
export const missingPrinciples: Rule = {
  name: 'missing-principles',
  description: 'The story has no `Principles:` line naming the principles it targets.',
  group: 'principles',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  messages: {
    missing: 'Name the principles this story shows on a "Principles:" line under the title.',
    empty: 'The "Principles:" line names no principle.',
  },
  check(story, context) {
    if (story.principles) {
      if (story.principles.entries.length === 0) {
        const { start, end } = story.principles.line;
        context.report({ messageId: 'empty', start, end: beforeLineBreak(context.text, start, end) });
      }
      return;
    }
    const span = storySpan(story);
    const eol = eolOf(context.text);
    // The new line goes at the end of the heading text: before its line break, never between \r and \n.
    // An untitled story's "heading" is its first section, so the line goes above it instead.
    const at = story.untitled ? story.heading.start : beforeLineBreak(context.text, story.heading.start, story.heading.end);
    const insert = story.untitled ? `Principles: ${eol}${eol}` : `${eol}Principles: `;
    context.report({
      messageId: 'missing',
      start: span.start,
      end: span.end,
      suggestions: [
        {
          title: 'Insert a "Principles:" line',
          edits: [{ start: at, end: at, text: insert }],
        },
      ],
    });
  },
};

/** A line's end without a trailing carriage return (CRLF documents). */
function beforeLineBreak(text: string, start: number, end: number): number {
  while (end > start && (text[end - 1] === '\r' || text[end - 1] === '\n')) end--;
  return end;
}
