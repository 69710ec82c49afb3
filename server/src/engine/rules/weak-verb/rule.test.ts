import { weakVerb } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const action = (text: string) => story({ action: text });
const menu = (from: string, to: string[]) => to.map((verb) => `Replace "${from}" with "${verb}"`);
// The menu fits what follows the verb: a person, an activity, or a thing made.
const PERSON = { past: ['led', 'coached', 'guided'], base: ['lead', 'coach', 'guide'], ing: ['leading', 'coaching', 'guiding'] };
const ACTIVITY = {
  past: ['led', 'drove', 'ran', 'owned'],
  base: ['lead', 'drive', 'run', 'own'],
  ing: ['leading', 'driving', 'running', 'owning'],
};
const ARTIFACT = { past: ['built', 'designed', 'wrote', 'owned'] };

testRule(weakVerb, {
  valid: [
    { name: 'strong verbs throughout', text: story({}) },
    // Written after the rule flagged a colleague's help as the candidate's weak verb.
    {
      name: 'someone else helps me: "asked Ana to help me", "Tomas supported us"',
      text: story({
        action: 'I asked Ana, who disagreed, to help me test both ideas, and Tomas supported us with his replay tool. I designed the test.',
      }),
    },
    {
      name: '"support" and "help" as nouns',
      text: story({
        action: 'I asked the DBA for help, rewrote the help center article with help from Ana, and gathered supporting data from the logs.',
        result: 'Support tickets fell from 900 to 310 a week, and the help desk took 20% fewer calls.',
      }),
    },
    {
      name: 'passive voice belongs to another rule',
      text: action('The launch was supported by finance. Helped by Ana, I cut the migration over in one night.'),
    },
    { name: 'a thing helped, not the candidate', text: action('It helped that the VP agreed, so I froze deploys for a week.') },
    {
      name: 'a thing supported something, not the candidate',
      text: action('I launched with the two carriers that already supported codes, and the API which supported batching.'),
    },
    {
      name: 'words in code spans and links',
      text: action('I ran `helped --supported` and read [the guide](https://example.com/worked-on/helped).'),
    },
    // Written after the rule flagged an ownership claim, a thing that helped and others' verbs in real stories.
    {
      name: 'an explicit ownership claim: "I was responsible for the whole design and rollout"',
      text: action('I was responsible for the whole design and rollout, so I wrote the plan.'),
    },
    {
      name: 'an owned scope in the Task: "I was responsible for the refund service"',
      text: story({ task: 'I was responsible for the refund service and had one quarter to fix it.' }),
    },
    {
      name: 'a thing helped: "the audit\'s thoroughness helped win the client back"',
      text: story({ result: "The audit's thoroughness helped win the client back, and renewals rose 12%." }),
    },
    {
      name: 'someone else\'s verb: "they helped lead the change", "the other engineer worked on the UI"',
      text: action('They helped lead the change while the other engineer worked on the UI, and I rewrote the API.'),
    },
    {
      name: 'my manager supported the plan; Ana, who helped the SREs, joined late',
      text: action('My manager supported the plan. Ana, who helped the SREs, joined late, so I ran the cutover.'),
    },
    {
      name: 'the team in the Result: "we helped 40 merchants"',
      text: story({ result: 'We helped 40 merchants settle refunds within two days, down from nine.' }),
    },
    {
      name: 'the Situation and Reflection are not checked',
      text: story({ situation: 'I was involved in billing for two years.', reflection: 'I now ask who helped before I write the story.' }),
    },
  ],
  invalid: [
    {
      name: '"helped" offers the past-tense menu',
      text: action('I helped the new hires through their first on-call.'),
      findings: [
        {
          messageId: 'weak',
          text: 'helped',
          suggestions: menu('helped', PERSON.past),
          suggestionOutput: action('I led the new hires through their first on-call.'),
        },
      ],
    },
    {
      name: '"to help" keeps the base form',
      text: action('I offered to help the cutover team.'),
      findings: [
        {
          messageId: 'weak',
          text: 'help',
          suggestions: menu('help', PERSON.base),
          suggestionOutput: action('I offered to lead the cutover team.'),
        },
      ],
    },
    {
      name: '"helping" keeps the -ing form, and capitals stay',
      text: action('Helping the SREs through the incident took my week.'),
      findings: [
        {
          messageId: 'weak',
          text: 'Helping',
          suggestions: menu(
            'Helping',
            PERSON.ing.map((v) => v[0].toUpperCase() + v.slice(1)),
          ),
          suggestionOutput: action('Leading the SREs through the incident took my week.'),
        },
      ],
    },
    {
      name: '"to support" is replaced with its "to"',
      text: action('I stayed late to support the launch.'),
      findings: [
        {
          messageId: 'weak',
          text: 'to support',
          suggestions: menu(
            'to support',
            ACTIVITY.base.map((v) => `to ${v}`),
          ),
          suggestionOutput: action('I stayed late to lead the launch.'),
        },
      ],
    },
    {
      name: 'phrases: participated in, was involved in, worked on, contributed to, was responsible for helping',
      text: action(
        'I participated in the review. I was involved in the design. I worked on the parser. I contributed to the RFC. I was responsible for helping the interns.',
      ),
      findings: [
        {
          messageId: 'weak',
          text: 'participated in',
          suggestions: menu('participated in', ACTIVITY.past),
          suggestionOutput: action(
            'I led the review. I was involved in the design. I worked on the parser. I contributed to the RFC. I was responsible for helping the interns.',
          ),
        },
        {
          messageId: 'weak',
          text: 'was involved in',
          suggestionOutput: action(
            'I participated in the review. I led the design. I worked on the parser. I contributed to the RFC. I was responsible for helping the interns.',
          ),
        },
        { messageId: 'weak', text: 'worked on', suggestions: menu('worked on', ARTIFACT.past) },
        { messageId: 'weak', text: 'contributed to' },
        { messageId: 'weak', text: 'was responsible for', suggestions: [] },
        { messageId: 'weak', text: 'helping', suggestions: menu('helping', PERSON.ing) },
      ],
    },
    {
      name: 'assisted, supported and a supporting role',
      text: action('I assisted the on-call and supported the launch in a supporting role.'),
      findings: [
        { messageId: 'weak', text: 'assisted', suggestions: menu('assisted', PERSON.past) },
        { messageId: 'weak', text: 'supported', suggestions: menu('supported', ACTIVITY.past) },
        { messageId: 'weak', text: 'supporting', suggestions: menu('supporting', ['leading']) },
      ],
    },
    {
      name: '"helped by doing" is still the candidate hiding behind "helped"',
      text: action('I helped by writing the load tests.'),
      findings: [{ messageId: 'weak', text: 'helped', suggestions: [] }],
    },
    {
      name: 'extra phrases from the config, in the past or -ing form; a longer phrase wins over a built-in one',
      text: action('I was part of the cutover. I was shadowing the DBA. I helped out with the dry run.'),
      config: { weakVerbs: ['was part of', 'shadowing', 'helped out'] },
      findings: [
        {
          messageId: 'weak',
          text: 'was part of',
          suggestions: menu('was part of', ACTIVITY.past),
          suggestionOutput: action('I led the cutover. I was shadowing the DBA. I helped out with the dry run.'),
        },
        { messageId: 'weak', text: 'shadowing', suggestions: menu('shadowing', PERSON.ing) },
        // "helped out with the dry run": no verb can take the place of "helped out" as written.
        { messageId: 'weak', text: 'helped out', suggestions: [] },
      ],
    },
    {
      name: 'the Task and the Result are checked too',
      text: story({ task: 'I was involved in the refund service.', result: 'I helped cut settlement from nine days to 1.5 days.' }),
      findings: [
        { messageId: 'weak', text: 'was involved in' },
        // "helped cut" → "cut": the second verb is what was done.
        { messageId: 'weak', text: 'helped', suggestions: ['Replace "helped cut" with "cut"'] },
      ],
    },
    {
      name: 'the menu fits: "helped with the migration" becomes "drove the migration", the "with" goes too',
      text: action('I helped with the migration.'),
      findings: [
        {
          messageId: 'weak',
          text: 'helped',
          suggestions: ACTIVITY.past.map((v) => `Replace "helped with" with "${v}"`),
          suggestionOutput: action('I led the migration.'),
        },
      ],
    },
    {
      name: 'no menu where no verb fits: "I would say I helped a lot"',
      text: action('I would say I helped a lot.'),
      findings: [{ messageId: 'weak', text: 'helped', suggestions: [] }],
    },
    {
      name: '"helped reduce" becomes "reduced", in the past like the verb it replaces',
      text: action('I helped reduce the backlog.'),
      findings: [
        {
          messageId: 'weak',
          text: 'helped',
          suggestions: ['Replace "helped reduce" with "reduced"'],
          suggestionOutput: action('I reduced the backlog.'),
        },
      ],
    },
    {
      name: 'the team in the Action, and a note without a subject',
      text: action('We supported the launch.\n\nHelped with the dry run.'),
      findings: [
        { messageId: 'weak', text: 'supported' },
        { messageId: 'weak', text: 'Helped' },
      ],
    },
  ],
});
