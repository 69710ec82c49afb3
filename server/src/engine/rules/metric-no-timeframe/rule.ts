import { sentenceAt } from '../../language';
import type { Rule, Story } from '../../types';
import { hasNumber } from '../../text';
import { hasTimeSpan, metricPhrase, sectionSentences, statesChange } from '../common/metrics';
import { proseOf, sectionsOf } from '../common/util';

// What interviewers grade (docs/interviews.md): "support tickets fell from 900 to 310 a week within a month". Without the time span
// the interviewer cannot tell a week's win from a year's drift, or credit it to the candidate.
/** "Recovered in 20 minutes": one duration measures an event, it is not a change that needs a period. */
function isOneDuration(story: Story, start: number, end: number, phrase: string): boolean {
  if (/\b(?:from|to|by)\b/i.test(phrase)) return false;
  const numbers = sentenceAt(story, start)?.numbers ?? [];
  return numbers.some((n) => n.kind === 'duration' && n.start < end && start < n.end);
}

export const metricNoTimeframe: Rule = {
  name: 'metric-no-timeframe',
  description: 'A change in a Result number with no time span in its sentence ("within a month", "by Q3", "a week").',
  group: 'evidence',
  defaultSeverity: 'info',
  advice: true,
  messages: {
    noTimeframe: '"{metric}" has no time span; say over what period it changed ("within a month", "by Q3", "310 a week").',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['result'])) {
      if (!hasNumber(proseOf(story, section.body))) continue;
      for (const sentence of sectionSentences(story, section)) {
        if (!statesChange(sentence.text) || hasTimeSpan(sentence.text)) continue;
        const phrase = metricPhrase(sentence.text);
        if (!phrase) continue;
        if (isOneDuration(story, sentence.start + phrase.start, sentence.start + phrase.end, sentence.text.slice(phrase.start, phrase.end)))
          continue;
        const metric = sentence.text.slice(phrase.start, phrase.end);
        context.report({
          messageId: 'noTimeframe',
          data: { metric },
          start: sentence.start + phrase.start,
          end: sentence.start + phrase.end,
        });
      }
    }
  },
};
