import { resultNoMetric } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const result = (text: string | null) => story({ result: text });
const INSERT = 'Insert "from [baseline] to [outcome] in [timeframe]"';
const PHRASE = '[Metric] went from [baseline] to [outcome] in [timeframe].';

testRule(resultNoMetric, {
  valid: [
    {
      name: 'an answer with no STAR headings that measures its outcome',
      text: '# Cache bug\nPrinciples: Dive Deep\n\n- Found the cache key missing currency\n- Wrong-price tickets fell from 40 a day to 0 within a week\n',
    },
    {
      name: 'a duration that measures the outcome ("recovered in 20 minutes")',
      text: result('Checkout recovered in 20 minutes, before most customers noticed.'),
    },
    { name: 'digits and a percentage', text: story({}) },
    { name: 'currency', text: result('The fix recovered $1.2M in annual revenue.') },
    { name: 'a percentage', text: result('Checkout errors fell 40% after the fix.') },
    { name: '"doubled"', text: result('Conversion on the new page doubled within a month.') },
    { name: '"a third"', text: result('Support tickets fell by a third once the guide shipped.') },
    { name: '"twice"', text: result('Customers now get their refund twice as fast.') },
    { name: '"halved"', text: result('The rewrite halved the on-call pages.') },
    { name: 'number words', text: result('We went from nine days to two for every refund.') },
    { name: 'no Result section: missing-section reports that', text: result(null) },
    { name: 'an empty Result: empty-section reports that', text: result('') },
  ],
  invalid: [
    {
      name: 'an answer with no STAR headings and no number anywhere',
      text: '# Cache bug\nPrinciples: Dive Deep\n\n- Found the cache key missing currency\n- Deployed the fix the same day\n- Customers happy, issue resolved\n',
      findings: [{ messageId: 'noMetricAnywhere', text: 'Cache bug' }],
    },
    // From a new user's try: numbers that measure nothing kept the rule quiet.
    {
      name: '"one can", "one of the": the pronoun is no number',
      text: result('One can now scroll back through the history, which was one of the most requested features.'),
      findings: [{ messageId: 'noMetric', text: 'Result' }],
    },
    {
      name: 'a date and a period of leave are no outcome',
      text: result('We launched in Q3 2024, after I came back from leave for 3 months.'),
      findings: [{ messageId: 'noMetric', text: 'Result' }],
    },
    {
      name: 'a Result with no number at all',
      text: result('The migration finished and the finance team was happy with it.'),
      findings: [
        {
          messageId: 'noMetric',
          text: 'Result',
          suggestions: [INSERT],
          suggestionOutput: result(`The migration finished and the finance team was happy with it.\n\n${PHRASE}`),
        },
      ],
    },
    {
      name: 'impact words are not numbers',
      text: result('Refunds got significantly faster and customers stopped complaining.'),
      findings: [{ messageId: 'noMetric', text: 'Result' }],
    },
    {
      name: 'a number inside a code span is not prose',
      text: result('Tickets fell by `40%` after launch.'),
      findings: [{ messageId: 'noMetric', text: 'Result' }],
    },
    {
      name: "the phrase goes at the end of the Result, before the next section, with the file's line breaks",
      text: result('Customers were happier.').replace(/\n/g, '\r\n'),
      findings: [
        {
          messageId: 'noMetric',
          text: 'Result',
          suggestionOutput: result(`Customers were happier.\n\n${PHRASE}`).replace(/\n/g, '\r\n'),
        },
      ],
    },
    {
      name: 'a heading variant ("Outcome")',
      text: result('Everyone was pleased.').replace('## Result', '## Outcome'),
      findings: [{ messageId: 'noMetric', text: 'Outcome' }],
    },
  ],
});
