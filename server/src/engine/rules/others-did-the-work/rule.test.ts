import { othersDidTheWork } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

testRule(othersDidTheWork, {
  valid: [
    { name: 'a story where the candidate did the work', text: story({}) },
    {
      name: 'a manager who delegated and says what they did',
      text: story({
        action:
          'I set the migration plan and split it into four streams. Two SMEs patched the legacy parser while I reviewed every change and unblocked their database access.',
      }),
    },
    {
      name: "shared credit next to a clear part of the candidate's own",
      text: story({
        action:
          'I profiled the service and found the lock contention. Priya, our database expert, rewrote the index, and I ran the load test that proved it.',
      }),
    },
    {
      name: 'an escalation for budget, not for the solution',
      text: story({
        action: 'I escalated to my director to get budget for a second region, and I designed the failover myself over two weeks.',
      }),
    },
    {
      name: 'a senior engineer who pointed the way; the candidate fixed it',
      text: story({
        action: 'The senior engineer pointed me at the retry module, and I fixed the parser myself after reading six weeks of logs.',
      }),
    },
    {
      name: 'a principal who reviewed, not solved',
      text: story({ action: 'The principal engineer reviewed my design and suggested a queue; I built it and ran the cutover.' }),
    },
    {
      name: 'the vendor fixed its own API after the candidate diagnosed it',
      text: story({
        action: 'I pulled six weeks of logs, built a reproduction and sent it to the vendor, who fixed their API within a day.',
      }),
    },
    {
      name: 'a Hire and Develop the Best story is about someone else doing the work',
      text: story({
        principles: 'Hire and Develop the Best',
        action: 'I coached Maya through the design review; the senior engineer she became fixed the leak herself.',
      }),
    },
    {
      name: 'shared with a team that kept changing things: a habit, not the fix',
      text: story({ action: 'I shared my notes with the design lead, and the design lead kept changing the template.' }),
    },
    {
      name: 'the Situation may say who fixed things before',
      text: story({ situation: 'Before I joined, the SMEs patched the parser by hand every month, and refunds took nine days.' }),
    },
    {
      name: 'a manager who took over the negotiation while the candidate rebuilt the pipeline',
      text: story({ action: 'My manager took over the negotiation with the carrier while I rebuilt the settlement pipeline.' }),
    },
    {
      name: 'a vendor fixing its own product',
      text: story({ action: 'The vendor fixed the SDK bug after my report, and I shipped a workaround in the meantime.' }),
    },
    {
      name: 'asking a senior engineer a question',
      text: story({
        action: 'I asked the senior engineer how the cache worked, then rewrote the eviction logic and shipped it behind a flag.',
      }),
    },
  ],
  invalid: [
    {
      name: "raised with another team, who found the cause and rebuilt it: info, even beside work of the candidate's own",
      text: story({
        action:
          'I trained the churn model and built the dashboard. I raised the missing check-ins with the data engineering team, and they traced it to a broken export and rebuilt the pipeline.',
      }),
      findings: [{ messageId: 'raisedThenFixed', text: 'they traced', severity: 'info' }],
    },
    {
      name: 'escalated to the principal engineer, who found and patched it',
      text: story({
        action:
          'I noticed the alert and escalated it to the principal engineer, who found the memory leak and patched it. I kept the stakeholders updated.',
      }),
      findings: [{ messageId: 'othersDidIt', text: 'escalated it to the principal engineer' }],
    },
    {
      name: '"the SMEs patched it"',
      text: story({ action: 'I opened a ticket with the parser team. The SMEs patched it the same week, and I tracked the rollout.' }),
      findings: [{ messageId: 'othersDidIt', text: 'The SMEs patched' }],
    },
    {
      name: '"my manager resolved it"',
      text: story({ action: 'I flagged the double charges in standup, and my manager resolved it with the payment provider.' }),
      findings: [{ messageId: 'othersDidIt', text: 'my manager resolved' }],
    },
    {
      name: 'delegated to experts who fixed it',
      text: story({
        action:
          'I delegated the investigation to two database experts, and they found the root cause in a day. I informed the stakeholders.',
      }),
      findings: [{ messageId: 'othersDidIt', text: 'delegated the investigation to two database experts' }],
    },
    {
      name: 'brought in an expert who rewrote it',
      text: story({ action: 'I brought in a performance specialist, who rewrote the query planner hints. I then updated the runbook.' }),
      findings: [{ messageId: 'othersDidIt', text: 'brought in a performance specialist' }],
    },
    {
      name: 'handed off to a senior engineer',
      text: story({ action: 'I reproduced the bug once, then handed it off to a senior engineer, and she fixed it over the weekend.' }),
      findings: [{ messageId: 'othersDidIt', text: 'handed it off to a senior engineer' }],
    },
    {
      name: 'a passive fix by the staff engineer',
      text: story({ action: 'The root cause was found by the staff engineer, and I communicated the fix to support.' }),
      findings: [{ messageId: 'othersDidIt', text: 'was found by the staff engineer' }],
    },
  ],
});
