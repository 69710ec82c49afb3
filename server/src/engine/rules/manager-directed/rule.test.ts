import { managerDirected } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

testRule(managerDirected, {
  valid: [
    // From the independent review of the field corpus: the ask was the setting, the initiative the candidate's.
    {
      name: '"asked me to …, but I wanted to" goes past the ask',
      text: story({ task: 'My manager asked me to size the problem, but I wanted to understand the cause, not only the size.' }),
    },
    {
      name: '"When I was assigned …" is when the story happens',
      text: story({ action: 'When I was assigned my first big feature, I noticed the lint config allowed both styles and I fixed it.' }),
    },
    { name: 'a story where the candidate chose the work', text: story({}) },
    {
      name: 'an assignment in the Task is where the work came from when the Action makes the call',
      text: story({
        task: 'I was asked to look at whether the fixed markdown calendar was costing us margin.',
        action:
          'I pulled two seasons of sell-through by store, found the calendar marked down too early in 60 stores, and I proposed a 40-store test instead of a full rollout.',
      }),
    },
    {
      name: '"I asked my manager to" is the candidate directing',
      text: story({ action: 'I asked my manager to approve a two-week freeze, and I wrote the cutover plan.' }),
    },
    {
      name: 'a customer request is not direction from above',
      text: story({
        action: 'The customer asked me to explain the refund delay, so I pulled six weeks of logs and walked her through them.',
      }),
    },
    {
      name: '"I was asked by a customer to" is a customer request too',
      text: story({ task: 'I was asked by a clinic owner to find out why bookings failed.' }),
    },
    {
      name: '"told me that" is news, not an instruction',
      text: story({ action: 'My manager told me that the launch had slipped, so I re-planned the cutover.' }),
    },
    {
      name: '"I was told that" is news too',
      text: story({ action: 'I was told that the carrier would not fix it, so I paused the integration.' }),
    },
    { name: 'someone else being directed', text: story({ action: 'Ana was asked to review the plan; I ran the dry run.' }) },
    {
      name: 'a quotation of someone else',
      text: story({ action: 'The vendor wrote, "I was told to hold the fix until Monday," so I escalated and got it shipped that night.' }),
    },
    {
      name: 'a decision the candidate pushed back on is the setup of a backbone story',
      text: story({
        action: 'My director decided to keep the vendor. I disagreed and showed her the outage data, then committed to her plan.',
      }),
    },
    {
      name: 'direction in the Situation is context',
      text: story({ situation: 'Leadership asked the team to cut refund time before the holidays.' }),
    },
    {
      name: 'direction in the Result is an outcome',
      text: story({ result: 'Settlement fell to 1.5 days, and my manager asked me to present the approach to the org.' }),
    },
    { name: 'inside a code span', text: story({ action: 'I ran `my manager asked me to` through the script and paused the carrier.' }) },
  ],
  invalid: [
    {
      name: '"my manager asked me to" in the Task',
      text: story({ task: 'My manager asked me to look into the refund backlog.' }),
      findings: [{ messageId: 'directed', text: 'My manager asked me to' }],
    },
    {
      name: '"I was told to" and "I was asked to"',
      text: story({ action: 'I was told to coordinate with finance, and I was asked to keep the reports running.' }),
      findings: [
        { messageId: 'directed', text: 'I was told to' },
        { messageId: 'directed', text: 'I was asked to' },
      ],
    },
    {
      name: '"my boss decided" and "my lead assigned me"',
      text: story({ action: 'My boss decided we would pause the carrier. My tech lead assigned me the rollback.' }),
      findings: [
        { messageId: 'directed', text: 'My boss decided' },
        { messageId: 'directed', text: 'My tech lead assigned me' },
      ],
    },
    {
      name: '"I was assigned", "we were tasked with", "the team was told to"',
      text: story({
        task: 'I was assigned the refund service. We were tasked with cutting settlement time, and the team was told to finish by June.',
      }),
      findings: [
        { messageId: 'directed', text: 'I was assigned' },
        { messageId: 'directed', text: 'We were tasked with' },
        { messageId: 'directed', text: 'the team was told to' },
      ],
    },
    {
      name: '"I was asked by my manager to" names the manager',
      text: story({ task: 'I was asked by my manager to own the refund backlog.' }),
      findings: [{ messageId: 'directed', text: 'I was asked by my manager to' }],
    },
    {
      name: '"had me", "wanted us to", "leadership decided"',
      text: story({
        action: 'My manager had me run the migration. Our director wanted us to ship by Friday, and leadership decided to skip the review.',
      }),
      findings: [
        { messageId: 'directed', text: 'My manager had me' },
        { messageId: 'directed', text: 'Our director wanted us to' },
        { messageId: 'directed', text: 'leadership decided' },
      ],
    },
    {
      name: 'contractions and curly apostrophes: "I\'d been asked to", "I’d been told to"',
      text: story({ action: "I'd been asked to cut costs, and I’d been told to avoid new vendors." }),
      findings: [
        { messageId: 'directed', text: "I'd been asked to" },
        { messageId: 'directed', text: 'I’d been told to' },
      ],
    },
    {
      name: 'a line break inside the phrase',
      text: story({ action: 'On Monday my manager\nasked me to pause the carrier.' }),
      findings: [{ messageId: 'directed', text: 'my manager\nasked me to' }],
    },
  ],
});
