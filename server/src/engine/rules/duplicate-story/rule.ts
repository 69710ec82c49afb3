import type { Rule } from '../../types';

/**
 * A bank rule: its findings come from the story bank (`engine/bank`), which compares every story
 * with every other one in the workspace; a single story has nothing to compare, so `check` does
 * nothing. It is registered so users set its severity and options like any rule's.
 *
 * A Bar Raiser notices a story told twice, and a story stretched over more principles than it
 * can carry signals thin experience.
 */
export const duplicateStory: Rule = {
  name: 'duplicate-story',
  description:
    'Two stories in the bank share most of their text or arc, or the framings of one story claim more principles than one story can carry.',
  group: 'bank',
  defaultSeverity: 'warning',
  messages: {
    duplicate:
      "Near-duplicate of '{title}' {where} ({percent}% shared). An interviewer hears one story twice: merge them, or tell a different story.",
    sameNumbers:
      "Same arc as '{title}' {where}: the same numbers ({numbers}) and {percent}% of the wording. Merge them, or tell a different story.",
    tooManyFramings:
      "'{title}' is framed for {count} principles across {framings} framings ({principles}); one true story carries at most {max}. Drop a principle from a framing, or tell another story for it.",
  },
  options: {
    threshold: {
      type: 'number',
      default: 0.5,
      markdownDescription: 'Share of wording two stories must have in common to count as the same story (0 to 1).',
    },
  },
  check() {
    // Findings come from the bank; see engine/bank/bank.ts.
  },
};
