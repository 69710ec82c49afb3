import type { Rule } from '../types';
import { hasNumber, sectionWords } from '../text';
import { eolOf, proseOf, sectionsOf } from './util';

// "Evidence either exists in the story or it does not": a Result without a number gives the
// interviewer nothing to cite in the write-up.
export const resultNoMetric: Rule = {
  name: 'result-no-metric',
  description: 'The Result states no number: no digits, percentage, currency or number words ("doubled", "halved").',
  group: 'evidence',
  defaultSeverity: 'warning',
  wholeStory: true,
  fixable: 'suggestion',
  messages: {
    noMetric: 'Your Result has no number; state a baseline, the outcome and the time it took.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['result'])) {
      const prose = proseOf(story, section.body);
      if (sectionWords(story, section.body) === 0 || hasNumber(prose)) continue;
      // Insert after the section's last text, before the blank lines that close it.
      let at = section.body.end - story.start;
      while (at > section.body.start - story.start && /\s/.test(context.text[at - 1])) at--;
      const eol = eolOf(context.text);
      context.report({
        messageId: 'noMetric',
        start: section.nameSpan.start,
        end: section.nameSpan.end,
        suggestions: [
          {
            title: 'Insert "from [baseline] to [outcome] in [timeframe]"',
            edits: [
              {
                start: story.start + at,
                end: story.start + at,
                text: `${eol}${eol}[Metric] went from [baseline] to [outcome] in [timeframe].`,
                snippet: `${eol}${eol}\${1:Metric} went from \${2:baseline} to \${3:outcome} in \${4:timeframe}.`,
              },
            ],
          },
        ],
      });
    }
  },
};
