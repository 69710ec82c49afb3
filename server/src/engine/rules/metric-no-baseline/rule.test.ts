import { metricNoBaseline } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const result = (text: string | null) => story({ result: text });

testRule(metricNoBaseline, {
  valid: [
    { name: 'the builder\'s strong Result: "from nine days to 1.5 days", "by 40%"', text: story({}) },
    { name: "the domain's strong result", text: result('Support tickets fell from 900 to 310 a week within a month.') },
    {
      name: 'a relative change with the amount it came to ("by 40%, to 540 a week")',
      text: result('Refund tickets dropped by 40% within a month, to 540 a week.'),
    },
    {
      name: 'a relative change with what it amounted to ("dropped 65%, about 120 hours a month")',
      text: result('Refund tickets dropped 65% in two weeks, which saved the support team about 120 hours a month.'),
    },
    {
      name: 'the scale given in another sentence of the Result',
      text: result(
        'The monthly bill fell from $61K to $24K within ten weeks. A year later the bill had grown only 8% while traffic grew 60%.',
      ),
    },
    { name: '"down from" after the end value', text: result('Checkout latency is now 80 ms, down from 400 ms in March.') },
    { name: '"was" gives the starting point in the same sentence', text: result('Latency was 400 ms before the fix and is now 80 ms.') },
    {
      name: 'a multiple ("doubled", "twice as fast", "3x")',
      text: result('Revenue doubled to $3M in a year, refunds now settle twice as fast, and sign-ups hit 3x the old rate.'),
    },
    { name: '"instead of" a number', text: result('Refunds now settle in 2 days instead of 9.') },
    { name: '"compared with"', text: result('Sign-ups reached 12,000 in March, compared with 7,000 the March before.') },
    {
      name: 'an amount gained is a magnitude, not an end value',
      text: result('The fix recovered $140K in revenue a month and about 4,000 more orders over the sale weekend.'),
    },
    {
      name: '"to" a number with no change before it',
      text: result('Within a week of the fix, I replied to 30 enterprise customers myself.'),
    },
    {
      name: 'a state that did not change ("stayed at")',
      text: result('The bill fell from $61K to $24K within ten weeks, and detection time stayed at four minutes.'),
    },
    {
      name: 'an end value in the Action is not a Result metric',
      text: story({ action: 'I decided to cut p99 to 80 ms instead of rewriting the service.' }),
    },
    { name: 'a number inside a code span is not prose', text: result('Latency fell to `80 ms` within a week.') },
    { name: 'no Result section', text: result(null) },
    { name: 'a Result with no number: result-no-metric reports that', text: result('Customers stopped complaining.') },
  ],
  invalid: [
    {
      name: "the weak version of the domain's result: only where it ended",
      text: result('I reduced support tickets to 310 a week within a month.'),
      findings: [{ messageId: 'noBaseline', text: 'to 310 a week' }],
    },
    {
      name: '"is now 80 ms"',
      text: result('Checkout latency is now 80 ms for every customer.'),
      findings: [{ messageId: 'noBaseline', text: 'now 80 ms' }],
    },
    {
      name: '"grew to 2M users"',
      text: result('The app grew to 2M users by Q3.'),
      findings: [{ messageId: 'noBaseline', text: 'to 2M users' }],
    },
    {
      name: '"reached $3M"',
      text: result('Annual revenue from the new tier reached $3M by Q3.'),
      findings: [{ messageId: 'noBaseline', text: 'reached $3M' }],
    },
    {
      name: '"now load in 2 seconds"',
      text: result('Product pages now load in 2 seconds on mobile.'),
      findings: [{ messageId: 'noBaseline', text: 'now load in 2 seconds' }],
    },
    {
      name: 'each end value in the sentence',
      text: result('Tickets fell to 310 a week and churn dropped to 2% by March.'),
      findings: [
        { messageId: 'noBaseline', text: 'to 310 a week' },
        { messageId: 'noBaseline', text: 'to 2%' },
      ],
    },
    {
      name: 'a baseline in another sentence does not anchor this one',
      text: result('Conversion fell from 3% to 2% in May. After the fix, it climbed to 4% within a month.'),
      findings: [{ messageId: 'noBaseline', text: 'to 4%' }],
    },
    {
      name: 'a number word as the end value ("down to zero")',
      text: result('Lock-related incidents went down to zero in the next year.'),
      findings: [{ messageId: 'noBaseline', text: 'down to zero' }],
    },
    {
      name: 'a relative change is its size, not its scale: "40% of what?" (was valid before the corpus tuning)',
      text: result('I cut checkout latency by 40% within a month.'),
      findings: [{ messageId: 'relativeOnly', text: 'by 40%' }],
    },
    {
      name: 'a relative change without "by" ("dropped 65%"), the Result\'s only number (was valid before the corpus tuning)',
      text: result('Refund tickets dropped 65% in two weeks.'),
      findings: [{ messageId: 'relativeOnly', text: 'dropped 65%' }],
    },
    {
      name: 'each relative change when no sentence gives a scale; time spans and years are not a scale',
      text: result('Support tickets about failed logins dropped by 40% in the first month. In 2023 sign-ups doubled within two quarters.'),
      findings: [
        { messageId: 'relativeOnly', text: 'by 40%' },
        { messageId: 'relativeOnly', text: 'doubled' },
      ],
    },
    {
      name: 'CRLF and a heading variant ("Outcome")',
      text: result('Sign-ups grew to 12,000 a month.').replace('## Result', '## Outcome').replace(/\n/g, '\r\n'),
      findings: [{ messageId: 'noBaseline', text: 'to 12,000 a month' }],
    },
  ],
});
