import { noDecisionPoint } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const action = (text: string | null) => story({ action: text });

testRule(noDecisionPoint, {
  valid: [
    {
      name: '"I had two options" then the choice',
      text: action('I had two options: raise the cache lifetime or batch the lookups. I batched them.'),
    },
    {
      name: "a bullet without a subject is the writer's own choice",
      text: action('- Pulled the logs\n- Decided to roll back the release rather than patch it live'),
    },
    { name: 'the builder\'s strong Action ("decided … instead of")', text: story({}) },
    { name: '"I chose"', text: action("I compared the two vendors' refund logs and chose the one with the shorter settlement window.") },
    { name: '"rather than"', text: action('I rebuilt the import job to batch writes rather than patching the timeout.') },
    { name: '"trade-off"', text: action('I wrote down the trade-off for my lead: four more days of work for no stale tax amounts.') },
    { name: '"tradeoff" without a hyphen', text: action('The tradeoff was a week of my time against a month of on-call pages.') },
    { name: '"prioritized"', text: action('I prioritized the carrier fix over the dashboard redesign.') },
    { name: '"opted"', text: action('I opted for a feature flag so we could roll back within minutes.') },
    { name: '"weighed"', text: action('I weighed a rewrite against a cache and went with the cache.') },
    { name: '"at the cost of"', text: action("I shipped the batch lookup first, at the cost of a week's delay on the report.") },
    { name: '"deferred"', text: action('I deferred the migration to the next quarter and fixed the query first.') },
    { name: '"cut scope"', text: action('I cut scope to the three reports finance used daily.') },
    { name: '"the risk was"', text: action('The risk was stale tax amounts, so I kept a rollback flag ready.') },
    { name: 'no Action section: missing-section reports that', text: action(null) },
    { name: 'an empty Action: empty-section reports that', text: action('') },
    { name: 'an Action holding only a placeholder comment', text: action('<!-- What you did -->') },
  ],
  invalid: [
    // From a new user's try: words about decisions that name no decision of the candidate's.
    {
      name: '"drove alignment on key decisions" names no decision',
      text: action('I drove alignment on key decisions across the three teams and kept the roadmap current.'),
      findings: [{ messageId: 'noDecision', text: 'Action' }],
    },
    {
      name: '"we discussed the trade-offs" and "we decided" are the group\'s',
      text: action('We discussed the trade-offs in the design review, and the team decided to keep the old cache.'),
      findings: [
        {
          messageId: 'groupDecision',
          text: 'We discussed the trade-offs in the design review, and the team decided to keep the old cache.',
        },
      ],
    },
    {
      name: 'a group\'s decision, its subject far back: "We discussed a few options in our review and decided"',
      text: action('We discussed a few options in our design review and decided to batch the calls, and I wrote the batching code.'),
      findings: [
        {
          messageId: 'groupDecision',
          text: 'We discussed a few options in our design review and decided to batch the calls, and I wrote the batching code.',
        },
      ],
    },
    {
      name: 'a proposal is not yet a decision with its cost',
      text: action('I proposed replacing the hourly batch with event-driven updates and built the new consumer.'),
      findings: [{ messageId: 'noDecision', text: 'Action' }],
    },
    {
      name: 'steps with no choice',
      text: action('I pulled six weeks of refund logs, found the slow carrier and paused its integration.'),
      findings: [{ messageId: 'noDecision', text: 'Action' }],
    },
    {
      name: '"it was decided" hides who chose',
      text: action('I mapped the dependencies, and it was decided that the jobs would move to an orchestrator.'),
      findings: [{ messageId: 'noDecision', text: 'Action' }],
    },
    {
      name: "a decision in the Situation is not the candidate's Action",
      text: story({
        situation: 'Leadership had decided to retire the old billing database.',
        action: 'I moved the refund tables and rewrote the nightly export.',
      }),
      findings: [{ messageId: 'noDecision', text: 'Action' }],
    },
    {
      name: '"priorities" names no choice',
      text: action('Deadlines were tight and the team had other priorities, so I reviewed the code at night.'),
      findings: [{ messageId: 'noDecision', text: 'Action' }],
    },
    {
      name: 'a heading variant ("What I did")',
      text: action('I profiled the payment call and moved the fraud check off the critical path.').replace('## Action', '## What I did'),
      findings: [{ messageId: 'noDecision', text: 'What I did' }],
    },
    {
      name: 'words inside a code block do not count',
      text: action('I rewrote the retry logic.\n\n```\n// decided: rather than retry forever\n```'),
      findings: [{ messageId: 'noDecision', text: 'Action' }],
    },
  ],
});
