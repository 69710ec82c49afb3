import { spunFailure } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const LEARN = 'Learn and Be Curious';

/** A failure story with no cost anywhere, whose sections can be replaced. */
const failure = (parts: Parameters<typeof story>[0]) =>
  story({
    title: 'My staging import mistake',
    principles: 'Dive Deep',
    situation: 'I owned the nightly import that copies orders into the reporting database.',
    task: 'I had to move it to the new schema before the quarter closed.',
    action:
      'My mistake was assuming the staging data matched production. I found the mismatch, fixed the import and added a schema check to the pipeline.',
    result: 'The import has run cleanly since, and the check caught two schema drifts the next quarter.',
    reflection: 'I now compare a sample of production rows before I trust staging.',
    ...parts,
  });

testRule(spunFailure, {
  valid: [
    { name: 'a story that is not about a failure', text: story({}) },
    {
      name: 'a real owned failure with its cost',
      text: failure({
        action:
          'My mistake was skipping the canary: the bad config reached every region and cost us two days and 300 refunds. I rolled it back and added a canary stage.',
      }),
    },
    {
      name: 'a Learn and Be Curious story about learning, not failing',
      text: story({
        principles: LEARN,
        action:
          'I had never used Kafka, so I read the design docs over a weekend, built a prototype and decided to replace our cron jobs with it.',
      }),
    },
    {
      name: 'an Earn Trust mistake with its cost in the same sentence',
      text: story({
        principles: 'Earn Trust',
        action:
          'I made a mistake in the invoice export that double-billed 40 customers, so I called each of them the same day and refunded them before finance asked.',
      }),
    },
    {
      name: '"turned out to be a success" about something that is not a failure',
      text: story({
        principles: LEARN,
        result: 'The pilot turned out to be a success, so I rolled it out to all regions within six weeks.',
      }),
    },
    {
      name: '"my biggest mistake" that names a real mistake and its cost',
      text: failure({
        action:
          'My biggest mistake was not writing a rollback plan, which cost us a six-hour outage. I wrote one for every migration after that.',
      }),
    },
    {
      name: 'the cost told in the Result',
      text: failure({ result: 'The wrong totals reached the finance report, and the quarter close slipped by two days.' }),
    },
    {
      name: 'a mistake told in passing in a story not framed as a failure',
      text: story({
        principles: 'Ownership',
        title: 'Carrier integration',
        action:
          'I made the wrong call on the first retry setting, fixed it, and decided to pause the carrier instead of waiting for the quarterly review.',
      }),
    },
    {
      name: 'a mistake with a number right after it',
      text: failure({
        action:
          'My mistake was assuming the staging data matched production. 1,200 orders were imported with the wrong currency, and I fixed the import that night.',
      }),
    },
    {
      name: '"in the end it was a success" in a story with no failure',
      text: story({
        principles: LEARN,
        result: 'In the end the migration was a success: settlement fell from nine days to two within six weeks.',
      }),
    },
    {
      name: 'a success with no turn in a story that told a failure',
      text: failure({
        result:
          'The second import was a success, and the check caught two schema drifts the next quarter, two days before the finance close.',
      }),
    },
    {
      name: 'a Learn and Be Curious failure with no cost is left to principle-beats',
      text: failure({ principles: LEARN }),
    },
  ],
  invalid: [
    {
      name: '"my only mistake was working too hard"',
      text: story({
        principles: LEARN,
        reflection: 'My only mistake was working too hard: I stayed late every night to finish the migration.',
      }),
      findings: [{ messageId: 'spun', text: 'My only mistake was working too hard' }],
    },
    {
      name: 'the failure was "a blessing in disguise"',
      text: story({
        principles: LEARN,
        result: 'The launch failed, but looking back it was a blessing in disguise: we found our real market in 30 days.',
      }),
      findings: [{ messageId: 'spun', text: 'blessing in disguise' }],
    },
    {
      name: '"not really a failure"',
      text: story({
        principles: LEARN,
        result: 'In the end it was not really a failure, since the client loved the prototype and signed within 30 days.',
      }),
      findings: [{ messageId: 'spun', text: 'was not really a failure' }],
    },
    {
      name: 'the failure "turned out to be a success"',
      text: story({
        principles: 'Earn Trust',
        result: 'The failed launch turned into a success when 40% of the beta users asked for the paid plan.',
      }),
      findings: [{ messageId: 'spun', text: 'The failed launch turned into a success' }],
    },
    {
      name: 'a failed test claimed as a success',
      text: story({
        principles: LEARN,
        result:
          "Even though the price test didn't go the way we expected, it was actually a big success, because it gave us data on price elasticity.",
      }),
      findings: [{ messageId: 'spun', text: 'it was actually a big success' }],
    },
    {
      name: '"in the end the project was a success" after a rollback',
      text: story({
        principles: LEARN,
        action:
          'I launched the new ranking model to all traffic before the sale, and we had to roll back on day three when clicks fell 8%.',
        result: 'In the end the project was a success. The relaunch a month later raised clicks by 3%.',
      }),
      findings: [{ messageId: 'spun', text: 'In the end the project was a success' }],
    },
    {
      name: 'the same claim without its article, as many writing in a second language say it',
      text: story({
        principles: LEARN,
        action:
          'I launched the new ranking model to all traffic before the sale, and we had to roll back on day three when clicks fell 8%.',
        result: 'In the end the project was success. The relaunch a month later raised clicks by 3%.',
      }),
      findings: [{ messageId: 'spun', text: 'In the end the project was success' }],
    },
    {
      name: 'a story titled as a failure with no cost named',
      text: failure({}),
      findings: [{ messageId: 'noCost', text: 'My mistake' }],
    },
    {
      name: 'an Earn Trust mistake with no cost named',
      text: failure({
        principles: 'Earn Trust',
        action:
          'I made a mistake in the rollout plan and told my manager right away. I rewrote the plan with a staged rollout and walked the team through it.',
      }),
      findings: [{ messageId: 'noCost', text: 'I made a mistake' }],
    },
    {
      name: 'a failure title and a humblebrag weakness',
      text: story({
        title: 'My biggest failure',
        principles: 'Ownership',
        reflection: 'My biggest weakness is that I care too much about quality, so I now let small things go.',
      }),
      findings: [{ messageId: 'spun', text: 'My biggest weakness is that I care too much' }],
    },
  ],
});
