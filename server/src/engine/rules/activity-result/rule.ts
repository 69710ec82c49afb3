import type { Rule } from '../../types';
import { hasBusinessTerm, sectionSentences, statesChange } from '../common/metrics';
import { literalPhrases, sectionsOf } from '../common/util';
import words from './words.json';
import { LONGEST_TOLD_SENTENCE, quoteText, toldSentences } from '../common/told-sentences';

/** Whole-word, case-insensitive alternatives, longest first so "presented to" wins over "presented". */
function phraseRegex(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${literalPhrases(sorted).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const ACTIVITY = phraseRegex([...words.activities, ...words.activityNouns]);
const OUTCOME = phraseRegex(words.outcomes);
/** Money and percentages are what an outcome is measured in; a count of people in a meeting is not. */
const MONEY_OR_PERCENT = /[$€£¥]\s?\d|\d\s?%|\bpercent\b/iu;

export interface ResultSentence {
  start: number;
  end: number;
  text: string;
  /** The first activity phrase, relative to the sentence. */
  activity?: { start: number; end: number };
  outcome: boolean;
}

/**
 * Sorts a Result sentence: an activity ("we presented the findings to leadership"), an outcome
 * ("tickets fell by 40%", "three teams adopted it", "customers now get refunds the same day"),
 * or neither ("it was a great experience"). A sentence with both counts as an outcome.
 */
export function classify(text: string): Pick<ResultSentence, 'activity' | 'outcome'> {
  const activities = [...text.matchAll(ACTIVITY)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // Outcome words inside an activity phrase ("is now being discussed") are part of the activity.
  let masked = text;
  for (const a of activities) masked = masked.slice(0, a.start) + ' '.repeat(a.end - a.start) + masked.slice(a.end);
  OUTCOME.lastIndex = 0;
  const outcome =
    OUTCOME.test(masked) ||
    MONEY_OR_PERCENT.test(masked) ||
    statesChange(masked) ||
    // "Customers get their refunds the same day": what changed for the customer, said without a number.
    (activities.length === 0 && hasBusinessTerm(masked));
  return { activity: activities[0], outcome };
}

// What interviewers grade (docs/interviews.md): a Result that is an activity ("it started a broader discussion", "we presented it to
// leadership") rather than an outcome. The interviewer's next question is "and what changed?";
// with no answer in the story, there is no result to write up.
export const activityResult: Rule = {
  name: 'activity-result',
  description:
    'The Result reports an activity ("we presented it to leadership", "it started a discussion") and no outcome for customers, the business or the team.',
  group: 'evidence',
  defaultSeverity: 'warning',
  messages: {
    activity:
      'Your Result is an activity, not an outcome: "{phrase}" tells what was said or shared, and the interviewer will ask "and what changed?". Say what changed for customers, the business or the team, with a number if you have one.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['result'])) {
      const sentences = toldSentences(story, context.text, sectionSentences(story, section));
      let first: { start: number; end: number } | undefined;
      let anyOutcome = false;
      for (const s of sentences) {
        if (s.text.length > LONGEST_TOLD_SENTENCE) continue;
        const { activity, outcome } = classify(s.text);
        if (outcome) {
          anyOutcome = true;
          break;
        }
        if (activity && !first) first = { start: s.start, end: s.end };
      }
      if (anyOutcome || !first) continue;
      const phrase = quoteText(story.prose.slice(first.start - story.start, first.end - story.start));
      context.report({ messageId: 'activity', data: { phrase }, start: first.start, end: first.end });
    }
  },
};
