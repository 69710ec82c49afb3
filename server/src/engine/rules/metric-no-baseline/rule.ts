import type { Rule } from '../../types';
import { hasNumber } from '../../text';
import { endValues, hasAbsoluteQuantity, hasStartingPoint, relativeChanges, sectionSentences } from '../common/metrics';
import { proseOf, sectionsOf } from '../common/util';

// What interviewers grade (docs/interviews.md): a strong result has "a baseline, a magnitude and a time span". "Tickets fell to 310 a
// week" leaves the interviewer asking "from what?": 320 and 3,000 are different stories.
export const metricNoBaseline: Rule = {
  name: 'metric-no-baseline',
  description:
    'A Result number says where a change ended ("to 310 a week", "now 80 ms", "reached 2M users") or only by how much ("dropped by 40%"), but not where it started.',
  group: 'evidence',
  defaultSeverity: 'info',
  advice: true,
  messages: {
    noBaseline:
      '"{metric}" says where the number ended, not where it started; add the baseline ("from 900 to 310 a week") or the relative change ("by 65%").',
    relativeOnly:
      '"{metric}" gives the size of the change but not where it started; add the baseline ("from 900 to 540 a week") or what it amounted to ("360 fewer tickets a week").',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['result'])) {
      if (!hasNumber(proseOf(story, section.body))) continue;
      const measured = sectionSentences(story, section).filter((s) => hasNumber(s.text));
      const relative = measured.map((s) => relativeChanges(s.text));
      // A relative change carries its size, not its scale: "tickets dropped by 40%" leaves the Bar
      // Raiser asking "40% of what?" unless the Result states a start or an amount somewhere
      // ("the bill fell from $61K to $24K. A year later it had grown only 8%").
      const scaled = measured.some((s, i) => hasStartingPoint(s.text) || hasAbsoluteQuantity(s.text, relative[i]));
      measured.forEach((sentence, i) => {
        if (!scaled) {
          for (const change of relative[i]) {
            const metric = sentence.text.slice(change.start, change.end);
            context.report({
              messageId: 'relativeOnly',
              data: { metric },
              start: sentence.start + change.start,
              end: sentence.start + change.end,
            });
          }
        }
        // A baseline anywhere in the sentence ("down from", "was", "by 40%") anchors its end values.
        if (hasStartingPoint(sentence.text) || relative[i].length > 0) return;
        for (const end of endValues(sentence.text)) {
          const metric = sentence.text.slice(end.start, end.end);
          context.report({ messageId: 'noBaseline', data: { metric }, start: sentence.start + end.start, end: sentence.start + end.end });
        }
      });
    }
  },
};
