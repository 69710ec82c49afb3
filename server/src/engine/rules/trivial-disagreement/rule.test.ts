import { trivialDisagreement } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const BACKBONE = 'Have Backbone; Disagree and Commit';

testRule(trivialDisagreement, {
  valid: [
    { name: 'a story not framed for backbone', text: story({}) },
    {
      name: 'a style argument in a story not framed for backbone',
      text: story({
        principles: 'Insist on the Highest Standards',
        action: 'I disagreed with my teammate about tabs versus spaces, so I added a formatter to the build.',
      }),
    },
    {
      name: 'a library choice with a deadline and a measured cost',
      text: story({
        principles: BACKBONE,
        action:
          'I disagreed with adopting the new ORM three weeks before launch: in my load test it doubled our query count. I wrote a one-page comparison, and once my lead chose to keep it, I committed and tuned the two slowest queries.',
      }),
    },
    {
      name: 'a library choice with a security risk',
      text: story({
        principles: BACKBONE,
        action:
          'I pushed back on keeping the old logging library because it had an unpatched vulnerability that could expose customer emails.',
      }),
    },
    {
      name: 'a naming change that would break partners',
      text: story({
        principles: BACKBONE,
        action: 'I objected to renaming the public API fields, because every partner integration would break on the day we shipped.',
      }),
    },
    {
      name: '"style" in a non-tool sense, with stakes',
      text: story({
        principles: BACKBONE,
        action:
          "I disagreed with my lead's hands-off approach to incident reviews, because two postmortems had missed the same root cause.",
      }),
    },
    {
      name: 'a framework rewrite argued on cost and a launch',
      text: story({
        principles: BACKBONE,
        action:
          'I argued against moving the dashboard to React that quarter: the rewrite would take two engineers and delay the billing launch. My director disagreed, and I committed to her plan.',
      }),
    },
    {
      name: 'a tool named as the evidence in a disagreement with stakes',
      text: story({
        principles: BACKBONE,
        action:
          "I used the linter's report as evidence when I disagreed with shipping the release: it showed 40 unhandled errors on the payment path.",
      }),
    },
    {
      name: 'a backbone story with no tool or style in it',
      text: story({
        principles: BACKBONE,
        action:
          'I disagreed with my director about dropping the nightly backups, wrote up the restore times, and committed once she kept them weekly.',
      }),
    },
    {
      name: 'a library no longer supported is a stake',
      text: story({
        principles: BACKBONE,
        action:
          'I disagreed with keeping the old logging library, because it was no longer supported and our audit required patched dependencies.',
      }),
    },
    {
      name: 'a database choice argued on what it could handle',
      text: story({
        principles: BACKBONE,
        action: "I disagreed with the team's choice of the new queue library: in its own docs it could not handle our write volume.",
      }),
    },
    {
      name: '"react" as a verb is not the framework',
      text: story({
        principles: BACKBONE,
        action: 'I disagreed with how slowly we react to pages at night and proposed a second on-call rotation.',
      }),
    },
  ],
  invalid: [
    {
      name: 'tabs versus spaces',
      text: story({
        principles: BACKBONE,
        action:
          'I disagreed with my teammate about tabs versus spaces. I felt strongly that spaces were cleaner, so I pushed back in code review until we agreed, and I added the rule to the formatter.',
      }),
      findings: [{ messageId: 'trivial', text: 'tabs versus spaces' }],
    },
    {
      name: 'a naming convention argued on taste',
      text: story({
        principles: BACKBONE,
        action: "I pushed back on my lead's naming convention for the service classes because I found it ugly, and she let me rename them.",
      }),
      findings: [{ messageId: 'trivial', text: 'naming convention' }],
    },
    {
      name: 'a framework choice argued on taste',
      text: story({
        principles: 'Backbone',
        action:
          'I argued that we should use Vue instead of React because I liked its syntax better, and after a long debate the team agreed.',
      }),
      findings: [{ messageId: 'trivial', text: 'Vue' }],
    },
    {
      name: 'code formatting',
      text: story({
        principles: BACKBONE,
        task: 'My teammate and I disagreed about code formatting, and I wanted the question settled for good.',
      }),
      findings: [{ messageId: 'trivial', text: 'code formatting' }],
    },
    {
      name: 'linter rules, in the Situation',
      text: story({
        principles: `${BACKBONE}, Ownership`,
        situation: 'I objected to the new linter rules because they felt too strict for my taste.',
      }),
      findings: [{ messageId: 'trivial', text: 'linter' }],
    },
    {
      name: 'an editor argument, told in the sentence after the disagreement',
      text: story({
        principles: 'Disagree and Commit',
        action:
          'My tech lead and I disagreed for a week. He wanted everyone on IntelliJ, and I argued for letting people keep their own setup.',
      }),
      findings: [{ messageId: 'trivial', text: 'IntelliJ' }],
    },
    {
      name: 'the tool named in the proposal just before the disagreement',
      text: story({
        principles: BACKBONE,
        action:
          'In the retro I proposed moving to Prettier with its default settings. A senior engineer disagreed, because the team was used to the old config. I did not back down.',
      }),
      findings: [{ messageId: 'trivial', text: 'Prettier' }],
    },
    {
      name: 'a slide format preference',
      text: story({
        principles: BACKBONE,
        action:
          'I proposed a "now, next, later" format for our quarterly roadmap slides. My director preferred the old timeline because the VP was used to it, so I pushed back twice.',
      }),
      findings: [{ messageId: 'trivial', text: 'format' }],
    },
    {
      name: 'one finding for a story with two trivial arguments',
      text: story({
        principles: BACKBONE,
        action: 'I disagreed with the team about camelCase for the config keys. Later I also pushed back on their choice of test runner.',
      }),
      findings: [{ messageId: 'trivial', text: 'camelCase' }],
    },
  ],
});
