import { metricNoTimeframe } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const result = (text: string | null) => story({ result: text });

testRule(metricNoTimeframe, {
  valid: [
    {
      name: 'one duration is its own time span ("recovered in 20 minutes")',
      text: result('After the rollback, checkout recovered in 20 minutes.'),
    },
    { name: 'the builder\'s strong Result ("within six weeks")', text: story({}) },
    {
      name: 'the domain\'s strong result ("a week within a month")',
      text: result('Support tickets fell from 900 to 310 a week within a month.'),
    },
    { name: 'a rate is a time basis ("a week")', text: result('Support tickets fell from 900 to 310 a week.') },
    {
      name: 'a survey is a period ("in the next survey")',
      text: result('Our engagement score for workload rose from 52 to 78 in the next survey.'),
    },
    { name: 'a deadline ("by Q3")', text: result('Conversion rose from 2.1% to 2.6% by Q3.') },
    { name: '"year over year"', text: result('Churn fell from 4% to 3% year over year.') },
    { name: 'a month name', text: result('Abandoned carts fell from 9% to 7% over December.') },
    { name: '"six months later"', text: result('Six months later, on-call pages had halved.') },
    {
      name: '"in nine days" anywhere in the sentence',
      text: result('The fix shipped in nine days and cut p99 from 2.3 seconds to 180 ms.'),
    },
    { name: '"by the end of the quarter"', text: result('By the end of the quarter, his review rounds fell from 2.8 to 1.9.') },
    { name: 'a year', text: result('Sign-ups doubled in 2023.') },
    { name: 'a named day', text: result('Orders through the new checkout doubled by Black Friday.') },
    { name: '"in the first week"', text: result('Support tickets fell by a third in the first week.') },
    { name: '"since launch"', text: result('Refund complaints have dropped by 40% since launch.') },
    { name: 'a count that is not a change', text: result('I replied to 30 enterprise customers myself.') },
    { name: 'a number that stayed the same', text: result('Mean time to detect incidents stayed at four minutes.') },
    {
      name: 'a latency in seconds is the metric; the time span is elsewhere in the sentence',
      text: result('Pages went from 4 seconds to 1 second within two weeks.'),
    },
    {
      name: 'a change in the Action is not a Result metric',
      text: story({ action: 'I decided to cut p99 from 400 ms to 80 ms instead of rewriting the service.' }),
    },
    { name: 'no Result section', text: result(null) },
    { name: 'a Result with no number', text: result('Customers stopped complaining.') },
  ],
  invalid: [
    {
      name: 'from a baseline to an outcome, but over what time?',
      text: result('Support tickets fell from 900 to 310.'),
      findings: [{ messageId: 'noTimeframe', text: 'from 900 to 310' }],
    },
    {
      name: 'a relative change',
      text: result('I cut checkout latency by 40%.'),
      findings: [{ messageId: 'noTimeframe', text: 'by 40%' }],
    },
    {
      name: '"doubled" after an event is not a time span',
      text: result('Conversion on the new page doubled after the redesign.'),
      findings: [{ messageId: 'noTimeframe', text: 'doubled' }],
    },
    {
      name: 'an end value',
      text: result('Sign-ups grew to 12,000.'),
      findings: [{ messageId: 'noTimeframe', text: 'to 12,000' }],
    },
    {
      name: '"4,000 more orders"',
      text: result('The fix brought about 4,000 more completed orders.'),
      findings: [{ messageId: 'noTimeframe', text: '4,000 more' }],
    },
    {
      name: 'one finding per sentence, only where the time span is missing',
      text: result('Tickets fell from 900 to 310 a week within a month. Conversion rose from 2.1% to 2.6%, and churn fell by a third.'),
      findings: [{ messageId: 'noTimeframe', text: 'from 2.1% to 2.6%' }],
    },
    {
      name: 'a time span in the Situation does not time the Result',
      text: story({ situation: 'In March, refunds took nine days to settle.', result: 'Settlement time fell from nine days to 1.5 days.' }),
      findings: [{ messageId: 'noTimeframe', text: 'from nine days to 1.5 days' }],
    },
    {
      name: 'seconds measure the metric, not the period ("in 2 seconds")',
      text: result('Checkout latency fell from 4 seconds to 1 second, and search now answers in 2 seconds.'),
      findings: [{ messageId: 'noTimeframe', text: 'from 4 seconds to 1 second' }],
    },
  ],
});
