import { claimedPrinciples, principleLimit } from '../../principles/claims';
import type { Rule } from '../../types';

// One story can carry two, at most three, principles; a story framed for more tells the
// interviewer the candidate has few stories to draw on.
export const tooManyPrinciples: Rule = {
  name: 'too-many-principles',
  description: 'The `Principles:` line names more principles than `maxPrinciplesPerStory` (default 3).',
  group: 'principles',
  defaultSeverity: 'warning',
  messages: {
    tooMany:
      '"{name}" is principle {count} of {total} on this story; a story framed for more than {max} principles signals thin experience. Keep the {max} it shows best and give "{name}" a story of its own.',
  },
  check(story, context) {
    const claims = claimedPrinciples(story);
    const max = principleLimit(context.config);
    claims.slice(max).forEach(({ principle, entry }, i) => {
      context.report({
        messageId: 'tooMany',
        data: { name: principle.name, count: max + i + 1, total: claims.length, max },
        start: entry.start,
        end: entry.end,
      });
    });
  },
};
