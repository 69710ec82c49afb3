import { activityResult } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const result = (text: string | null) => story({ result: text });

testRule(activityResult, {
  valid: [
    { name: 'a measured outcome', text: story({}) },
    {
      name: 'an activity next to an outcome: the outcome is there',
      text: result('I presented the findings to leadership, and refund complaints fell from 300 to 120 a week within a month.'),
    },
    {
      name: 'a discussion that led to a decision with money attached',
      text: result('It started a broader discussion about vendor risk, and the VP moved $400K of budget to a second carrier that quarter.'),
    },
    {
      name: 'shared with teams who adopted it',
      text: result('I shared the runbook with three teams, and all three adopted it before the peak season.'),
    },
    {
      name: 'an outcome for customers without a number',
      text: result('We presented the change at the all-hands. Customers get their refunds the same day.'),
    },
    {
      name: '"now" states what changed ("is now being discussed" does not)',
      text: result('The doc was shared with the platform group, and every new service now ships with a cost budget.'),
    },
    {
      name: 'a launch is an outcome',
      text: result('The feature launched two weeks before the holiday freeze, and I walked the team through the rollout.'),
    },
    {
      name: 'a decision by leadership is an outcome',
      text: result('I brought the findings to the director, who approved a second on-call rotation the same week.'),
    },
    {
      name: 'an outcome with no activity at all (result-no-metric and vague-impact judge the rest)',
      text: result('The finance team was happy with it.'),
    },
    {
      name: 'activities in the Action are fine',
      text: story({
        action: 'I presented the data to leadership and started a conversation about the carrier, then I decided to pause the integration.',
      }),
    },
    { name: 'no Result section', text: result(null) },
  ],
  invalid: [
    {
      name: 'a discussion, not an outcome',
      text: result('It led to a broader product discussion about how we handle refunds.'),
      findings: [{ messageId: 'activity', text: 'It led to a broader product discussion about how we handle refunds.' }],
    },
    {
      name: 'presented to leadership',
      text: result('We presented the findings to leadership and they were impressed.'),
      findings: [{ messageId: 'activity', text: 'We presented the findings to leadership and they were impressed.' }],
    },
    {
      name: 'a number of teams is not an outcome',
      text: result('The doc was shared with three teams. Everyone agreed it was useful.'),
      findings: [{ messageId: 'activity', text: 'The doc was shared with three teams.' }],
    },
    {
      name: 'a conversation started',
      text: result('It started a conversation about data quality across the org, which had never happened before.'),
      findings: [
        { messageId: 'activity', text: 'It started a conversation about data quality across the org, which had never happened before.' },
      ],
    },
    {
      name: '"now being discussed" is still a discussion',
      text: result('The proposal is now being discussed by the architecture group.'),
      findings: [{ messageId: 'activity', text: 'The proposal is now being discussed by the architecture group.' }],
    },
    {
      name: 'visibility and a meeting',
      text: result('My analysis gave leadership visibility into the problem. I held a review with the three team leads.'),
      findings: [{ messageId: 'activity', text: 'My analysis gave leadership visibility into the problem.' }],
    },
    {
      name: 'visibility, alignment and a conversation, in bullets',
      text: result(
        '- We presented the final migration plan to the executive team in November, and it was very well received.\n- The program created a lot of visibility and alignment across the org, and it kicked off a broader conversation about cloud cost governance.',
      ),
      findings: [
        {
          messageId: 'activity',
          text: 'We presented the final migration plan to the executive team in November, and it was very well received.',
        },
      ],
    },
    {
      name: 'one finding per Result, on the first activity',
      text: result('I wrote a doc on the root cause and circulated it. It sparked a debate about ownership.'),
      findings: [{ messageId: 'activity', text: 'I wrote a doc on the root cause and circulated it.' }],
    },
  ],
});
