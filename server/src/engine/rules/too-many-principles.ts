import type { Principle } from '../principles/types';
import type { Rule } from '../types';

const DEFAULT_MAX = 3;

// One story can carry two, at most three, principles; a story framed for more tells the
// interviewer the candidate has few stories to draw on (domain.md, "The story bank").
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
    if (!story.principles) return;
    const setting = context.config.maxPrinciplesPerStory;
    const max = typeof setting === 'number' && Number.isFinite(setting) && setting >= 1 ? Math.floor(setting) : DEFAULT_MAX;
    // Unknown names are unknown-principle's business, and a principle named twice is still one framing.
    const seen = new Set<Principle>();
    const extra = [];
    for (const entry of story.principles.entries) {
      if (!entry.principle || seen.has(entry.principle)) continue;
      seen.add(entry.principle);
      if (seen.size > max) extra.push({ entry, count: seen.size });
    }
    for (const { entry, count } of extra) {
      context.report({
        messageId: 'tooMany',
        data: { name: entry.principle!.name, count, total: seen.size, max },
        start: entry.start,
        end: entry.end,
      });
    }
  },
};
