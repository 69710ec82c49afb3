import type { Rule } from '../../types';
import { eolOf, storySpan } from '../common/util';

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
        context.report({ messageId: 'empty', start: story.principles.line.start, end: story.principles.line.end });
      }
      return;
    }
    const span = storySpan(story);
    const eol = eolOf(context.text);
    // The heading span stops before its line break (never between \r and \n). An untitled story's
    // "heading" is its first section, so the line goes above it instead.
    const at = story.untitled ? story.heading.start : story.heading.end;
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
