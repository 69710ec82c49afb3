import type { Rule } from '../types';
import { hasNumber } from '../text';
import { endValues, hasBaseline, sectionSentences } from './metrics';
import { proseOf, sectionsOf } from './util';

// Domain: a strong result has "a baseline, a magnitude and a time span". "Tickets fell to 310 a
// week" leaves the interviewer asking "from what?": 320 and 3,000 are different stories.
export const metricNoBaseline: Rule = {
  name: 'metric-no-baseline',
  description: 'A Result number says where a change ended ("to 310 a week", "now 80 ms", "reached 2M users") but not where it started.',
  group: 'evidence',
  defaultSeverity: 'info',
  messages: {
    noBaseline: '"{metric}" says where the number ended, not where it started; add the baseline ("from 900 to 310 a week") or the relative change ("by 65%").',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['result'])) {
      if (!hasNumber(proseOf(story, section.body))) continue;
      for (const sentence of sectionSentences(story, section)) {
        // A baseline anywhere in the sentence ("down from", "was", "by 40%") anchors its numbers.
        if (!hasNumber(sentence.text) || hasBaseline(sentence.text)) continue;
        for (const end of endValues(sentence.text)) {
          const metric = sentence.text.slice(end.start, end.end);
          context.report({ messageId: 'noBaseline', data: { metric }, start: sentence.start + end.start, end: sentence.start + end.end });
        }
      }
    }
  },
};
