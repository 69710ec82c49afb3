import { vagueImpact } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const result = (text: string) => story({ result: text });
const action = (text: string) => story({ action: text });

testRule(vagueImpact, {
  valid: [
    {
      name: 'a feeling beside a measure',
      text: story({ result: 'The customer was very happy and renewed for $420,000, 35% more than last year.' }),
    },
    {
      name: 'a feeling in the Situation is context',
      text: story({ situation: 'The customer was very upset, and so was I: 12% of refunds were failing.' }),
    },
    { name: 'a measured result', text: story({}) },
    {
      name: '"significantly" in a sentence that has a number',
      text: result('Tickets fell significantly, from 900 to 310 a week within a month.'),
    },
    { name: 'number words count as numbers', text: result('Conversion doubled, a huge win for the payments team.') },
    { name: 'currency counts as a number', text: result('It was a big success: $1.2M saved in the first year.') },
    {
      name: '"a lot" about effort in the Action is not impact',
      text: action('I learned a lot from the raw logs, read lots of carrier tickets, and decided to pause the integration.'),
    },
    {
      name: '"went well over" is a measure, not a verdict',
      text: result('The first estimate went well over budget, so I cut the scope to refunds; settlement fell from nine days to 1.5.'),
    },
    { name: 'the Situation is not checked', text: story({ situation: 'Things went well until the carrier changed its API.' }) },
    { name: 'words in code spans are not prose', text: result('I shipped `significantly-faster-cache` behind a flag.') },
  ],
  invalid: [
    {
      name: 'a Result that ends on a feeling',
      text: story({ result: 'Leadership was very happy with how smoothly it went.' }),
      findings: [{ messageId: 'feeling', text: 'was very happy' }],
    },
    // From the field corpus: a number that only says when is no size.
    {
      name: '"Within two quarters, morale improved a lot"',
      text: story({ result: 'Within two quarters, morale improved a lot and the team hit its goals.' }),
      findings: [{ messageId: 'vague', text: 'a lot' }],
    },
    {
      name: "the domain's weak result",
      text: result('The team did a great job; things improved a lot.'),
      findings: [
        { messageId: 'vague', text: 'things improved' },
        { messageId: 'vague', text: 'a lot' },
      ],
    },
    {
      name: 'adverbs and verdicts without a number',
      text: result('Latency improved significantly. It was a huge success. The launch went really well.'),
      findings: [
        { messageId: 'vague', text: 'significantly' },
        { messageId: 'vague', text: 'a huge success' },
        { messageId: 'vague', text: 'went really well' },
      ],
    },
    {
      name: 'only the sentence without a number is flagged',
      text: result('Refund complaints dropped by 40%. Customers were much happier.'),
      findings: [{ messageId: 'vague', text: 'much happier' }],
    },
    {
      name: '"went well" in the Action',
      text: action('I ran the cutover on a Tuesday night and it went well.'),
      findings: [{ messageId: 'vague', text: 'went well' }],
    },
    {
      name: '"a lot" next to a change in the Action',
      text: action('Caching the carrier lookups helped a lot, and the new flow was a lot faster.'),
      findings: [
        { messageId: 'vague', text: 'a lot' },
        { messageId: 'vague', text: 'a lot' },
      ],
    },
    {
      name: 'made things better, positive impact, dramatically',
      text: result('The new runbook made things better. It had a positive impact. Pages dropped dramatically.'),
      findings: [
        { messageId: 'vague', text: 'made things better' },
        { messageId: 'vague', text: 'positive impact' },
        { messageId: 'vague', text: 'dramatically' },
      ],
    },
  ],
});
