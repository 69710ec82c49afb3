import { MEASURING_KINDS, sentencesOf, type NumberMention, type Sentence } from '../../language';
import type { Rule, Section, Story } from '../../types';
import { sectionWords } from '../../text';
import { eolOf, sectionsOf, toldSections } from '../common/util';
import { isTellable } from '../common/told-sentences';

// "Evidence either exists in the story or it does not": a Result without a number gives the
// interviewer nothing to cite in the write-up.
export const resultNoMetric: Rule = {
  name: 'result-no-metric',
  description:
    'The Result states no number that measures an outcome: no amount, percentage, money, count or change ("doubled", "halved"); a date or "one of" is not one.',
  group: 'evidence',
  defaultSeverity: 'warning',
  wholeStory: true,
  fixable: 'suggestion',
  messages: {
    noMetric: 'Your Result has no number; state a baseline, the outcome and the time it took.',
    noMetricAnywhere:
      'This answer has no number anywhere, so it has no measured result; end with a baseline, the outcome and the time it took.',
  },
  check(story, context) {
    // An answer with no STAR headings has no Result to look in: with no number anywhere, it has none.
    const [told] = toldSections(story);
    if (told && told.kind === undefined) {
      if (sectionWords(story, told.body) > 0 && !hasMeasure(story, told)) {
        context.report({ messageId: 'noMetricAnywhere', start: story.titleSpan.start, end: story.titleSpan.end });
      }
      return;
    }
    for (const section of sectionsOf(story, ['result'])) {
      if (sectionWords(story, section.body) === 0 || hasMeasure(story, section)) continue;
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

function hasMeasure(story: Story, section: Section): boolean {
  // A section too long to be told is read for digits only: the sentence reading would cost its length many times over.
  if (!isTellable(section.body)) return /\d/.test(story.prose.slice(section.body.start - story.start, section.body.end - story.start));
  return sentencesOf(story, section.body).some((sentence) =>
    sentence.numbers.some((n) => MEASURING_KINDS.has(n.kind) || measuredTime(sentence, n)),
  );
}

/** "Recovered in 20 minutes" measures the outcome; "on leave for 3 months" only says how long something lasted. */
function measuredTime(sentence: Sentence, n: NumberMention): boolean {
  if (n.kind !== 'duration') return false;
  const before = sentence.text.slice(0, n.start - sentence.start);
  return !/\b(?:for|ago|over|during|since)\s+(?:about\s+|almost\s+|nearly\s+|the\s+(?:past|last|next)\s+)?$/i.test(before);
}
