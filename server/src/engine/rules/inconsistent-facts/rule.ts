import type { Rule } from '../../types';

/**
 * A bank rule: its findings come from the story bank (`engine/bank/facts.ts`), which matches the
 * stories that tell one project and the résumé lines about it; a single story has nothing to
 * compare, so `check` does nothing. It is registered so users set its severity like any rule's.
 *
 * A Bar Raiser reads the résumé before the loop and hears every story: one project told with two
 * team sizes, two latencies, or "led" on paper and "helped" aloud reads as an invented fact.
 */
export const inconsistentFacts: Rule = {
  name: 'inconsistent-facts',
  description:
    'Two stories about one project, or a story and your résumé, state different numbers for the same thing, or claim different ownership ("led" vs "helped").',
  group: 'bank',
  defaultSeverity: 'warning',
  messages: {
    number:
      '{here} here, {there} in {where}. One project told with two numbers reads as invented: check which is true and tell the same one.',
    ownership:
      '{here} here, {there} in {where}. An interviewer who read the résumé asks which is true: say what you owned the same way in both.',
  },
  check() {
    // Findings come from the bank; see engine/bank/facts.ts.
  },
};
