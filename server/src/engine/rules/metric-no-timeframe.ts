import type { Rule } from '../types';
import { hasNumber } from '../text';
import { hasTimeSpan, metricPhrase, sectionSentences, statesChange } from './metrics';
import { proseOf, sectionsOf } from './util';

// Domain: "support tickets fell from 900 to 310 a week within a month". Without the time span
// the interviewer cannot tell a week's win from a year's drift, or credit it to the candidate.
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
        const metric = sentence.text.slice(phrase.start, phrase.end);
        context.report({ messageId: 'noTimeframe', data: { metric }, start: sentence.start + phrase.start, end: sentence.start + phrase.end });
      }
    }
  },
};
