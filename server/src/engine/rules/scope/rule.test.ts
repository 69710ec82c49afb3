// The scope rule's table: from L6 a story with nothing past the candidate's own team is flagged on
// its title; strong senior stories, lower levels and people stories stay quiet.
import { scope } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const senior = { level: 'L6' as const };
const teamOnly = story({ title: 'Refund backlog' });
const reachedOtherTeams = story({
  result:
    'Median settlement time fell from nine days to 1.5 days within six weeks. The payments and returns teams adopted my carrier health check, and my director moved two engineers onto it for the next half.',
});

testRule(scope, {
  valid: [
    { name: 'a senior story whose Result reaches other teams', text: reachedOtherTeams, config: senior },
    {
      name: 'a senior story whose Situation names the org-wide stakes',
      text: story({
        situation:
          'Refund requests across the marketplace org were taking nine days to settle, and the VP of customer service had made it a goal for the year.',
      }),
      config: senior,
    },
    {
      name: 'a budget moved counts as reach',
      text: story({
        action:
          'I wrote the case for a dedicated refund queue and got the budget reallocated from the ads pipeline, then rebuilt the queue in six weeks.',
      }),
      config: { level: 'L7' },
    },
    { name: 'the default level (L5) does not ask for reach', text: teamOnly },
    { name: 'nor does L4', text: teamOnly, config: { level: 'L4' } },
    {
      name: 'a people story is graded on the person, not on reach',
      text: story({ principles: 'Hire and Develop the Best' }),
      config: senior,
    },
    { name: 'the user turned it off at L6', text: teamOnly, config: { level: 'L6', rules: { scope: 'off' } } },
    {
      name: 'a story still being written (under 60 words)',
      text: '# Refund backlog\nPrinciples: Ownership\n\n## Situation\n\nRefunds were slow.\n\n## Task\n\nFix them.\n\n## Action\n\nI fixed them.\n\n## Result\n\nThey got faster.\n',
      config: senior,
    },
  ],
  invalid: [
    {
      name: 'a team-only story at L6',
      text: teamOnly,
      config: senior,
      findings: [{ messageId: 'noEscalation', text: 'Refund backlog' }],
    },
    {
      name: 'at L8 too',
      text: story({ title: 'Carrier delays' }),
      config: { level: 'L8' },
      findings: [{ messageId: 'noEscalation', text: 'Carrier delays' }],
    },
    {
      name: 'a severity the user set turns it on at any level',
      text: teamOnly,
      config: { level: 'L4', rules: { scope: 'info' } },
      findings: [{ messageId: 'noEscalation', text: 'Refund backlog' }],
    },
    {
      name: 'a custom profile can turn it on for a mid-level loop',
      text: teamOnly,
      config: { level: 'L5', profile: { rules: ['scope'] } },
      findings: [{ messageId: 'noEscalation', text: 'Refund backlog' }],
    },
  ],
});
