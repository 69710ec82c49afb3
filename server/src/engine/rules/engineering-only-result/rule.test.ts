import { engineeringOnlyResult } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const result = (text: string | null) => story({ result: text });

testRule(engineeringOnlyResult, {
  valid: [
    { name: 'the builder\'s strong Result ("refund complaints")', text: story({}) },
    {
      name: 'latency tied to conversion',
      text: result('Checkout p99 fell from 800 ms to 120 ms within a week, and checkout conversion rose 3%.'),
    },
    {
      name: 'latency tied to money',
      text: result('Payment latency fell from 4.2 seconds to 0.9 seconds, which finance valued at $140K a month.'),
    },
    { name: 'pages tied to hours saved', text: result('On-call pages fell from 40 a week to 6, saving the team about 10 hours a week.') },
    {
      name: 'accuracy tied to tickets',
      text: result('Model accuracy rose from 81% to 93% in one quarter, and misrouted support tickets fell by half.'),
    },
    { name: 'a number that is not an engineering unit', text: result('The team shipped 3 features in a month.') },
    {
      name: 'an engineering word in a sentence with no number',
      text: result('Latency stopped being a topic. The team shipped 3 features in a month.'),
    },
    { name: 'no number at all: result-no-metric reports that', text: result('Latency improved and the dashboards went green.') },
    {
      name: 'engineering units in the Action only',
      text: story({ action: 'I decided to cut p99 from 400 ms to 80 ms instead of rewriting the service.' }),
    },
    { name: 'no Result section', text: result(null) },
    {
      name: 'time given back to finance',
      text: result('Report build time for finance fell from four hours to 40 minutes within six weeks.'),
    },
    {
      name: "a colleague's on-call nights",
      text: result("Incidents fell from 12 to 4 a month, and Marta's night pages dropped from eight a month to three."),
    },
    {
      name: 'a people story: the outcome is a person (Hire and Develop the Best)',
      text: story({
        principles: 'Hire and Develop the Best',
        result: 'Within two quarters Jun led 11 incidents on his own, and median recovery time on his shifts fell from 50 minutes to 35.',
      }),
    },
    {
      name: "a people story framed with another principle (Earth's Best Employer)",
      text: story({ principles: "Dive Deep, Earth's Best Employer", result: 'Incidents fell from 12 to 4 a month within a quarter.' }),
    },
  ],
  invalid: [
    {
      name: 'latency alone',
      text: result('Checkout p99 fell from 2.3 seconds to 180 ms within two weeks.'),
      findings: [{ messageId: 'engineeringOnly', text: 'p99' }],
    },
    {
      name: 'accuracy alone',
      text: result('Model accuracy rose from 81% to 93% in one quarter.'),
      findings: [{ messageId: 'engineeringOnly', text: 'accuracy' }],
    },
    {
      name: 'one finding, on the first engineering metric',
      text: result('Build time dropped from 40 minutes to 12 within a sprint. Flaky tests fell by half and test coverage rose to 85%.'),
      findings: [{ messageId: 'engineeringOnly', text: 'Build time' }],
    },
    {
      name: 'bugs per release',
      text: result('The rewrite went live in May. Bugs per release fell from 30 to 4 in two quarters.'),
      findings: [{ messageId: 'engineeringOnly', text: 'Bugs' }],
    },
    {
      name: 'pages alone are an engineering number; a team is not yet a person who felt them',
      text: result("The team's on-call pages fell from 40 a week to 6 within a month."),
      findings: [{ messageId: 'engineeringOnly', text: 'on-call' }],
    },
    {
      name: 'uptime and error rate, heading variant "Impact"',
      text: result('Uptime rose from 99.5% to 99.95% and the error rate fell by 80% over the quarter.').replace('## Result', '## Impact'),
      findings: [{ messageId: 'engineeringOnly', text: 'Uptime' }],
    },
  ],
});
