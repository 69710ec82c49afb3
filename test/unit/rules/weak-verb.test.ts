import { weakVerb } from '../../../server/src/engine/rules/weak-verb';
import { story, testRule } from '../ruleTester';

const action = (text: string) => story({ action: text });
const menu = (from: string, to: string[]) => to.map((verb) => `Replace "${from}" with "${verb}"`);
const PAST = ['led', 'owned', 'drove', 'built', 'designed', 'decided'];
const BASE = ['lead', 'own', 'drive', 'build', 'design', 'decide'];
const ING = ['leading', 'owning', 'driving', 'building', 'designing', 'deciding'];

testRule(weakVerb, {
  valid: [
    { name: 'strong verbs throughout', text: story({}) },
    // Written after the rule flagged a colleague's help as the candidate's weak verb.
    { name: 'someone else helps me: "asked Ana to help me", "Tomas supported us"', text: story({ action: 'I asked Ana, who disagreed, to help me test both ideas, and Tomas supported us with his replay tool. I designed the test.' }) },
    {
      name: '"support" and "help" as nouns',
      text: story({
        action: 'I asked the DBA for help, rewrote the help center article with help from Ana, and gathered supporting data from the logs.',
        result: 'Support tickets fell from 900 to 310 a week, and the help desk took 20% fewer calls.',
      }),
    },
    { name: 'passive voice belongs to another rule', text: action('The launch was supported by finance. Helped by Ana, I cut the migration over in one night.') },
    { name: 'a thing helped, not the candidate', text: action('It helped that the VP agreed, so I froze deploys for a week.') },
    { name: 'a thing supported something, not the candidate', text: action('I launched with the two carriers that already supported codes, and the API which supported batching.') },
    { name: 'words in code spans and links', text: action('I ran `helped --supported` and read [the guide](https://example.com/worked-on/helped).') },
    { name: 'the Situation and Reflection are not checked', text: story({ situation: 'I was involved in billing for two years.', reflection: 'I now ask who helped before I write the story.' }) },
  ],
  invalid: [
    {
      name: '"helped" offers the past-tense menu',
      text: action('I helped the new hires through their first on-call.'),
      findings: [
        {
          messageId: 'weak',
          text: 'helped',
          suggestions: menu('helped', PAST),
          suggestionOutput: action('I led the new hires through their first on-call.'),
        },
      ],
    },
    {
      name: '"to help" keeps the base form',
      text: action('I offered to help the cutover team.'),
      findings: [{ messageId: 'weak', text: 'help', suggestions: menu('help', BASE), suggestionOutput: action('I offered to lead the cutover team.') }],
    },
    {
      name: '"helping" keeps the -ing form, and capitals stay',
      text: action('Helping the SREs through the incident took my week.'),
      findings: [{ messageId: 'weak', text: 'Helping', suggestions: menu('Helping', ING.map((v) => v[0].toUpperCase() + v.slice(1))), suggestionOutput: action('Leading the SREs through the incident took my week.') }],
    },
    {
      name: '"to support" is replaced with its "to"',
      text: action('I stayed late to support the launch.'),
      findings: [{ messageId: 'weak', text: 'to support', suggestions: menu('to support', BASE.map((v) => `to ${v}`)), suggestionOutput: action('I stayed late to lead the launch.') }],
    },
    {
      name: 'phrases: participated in, was involved in, worked on, contributed to, was responsible for',
      text: action('I participated in the review. I was involved in the design. I worked on the parser. I contributed to the RFC. I was responsible for billing.'),
      findings: [
        { messageId: 'weak', text: 'participated in', suggestionOutput: action('I led the review. I was involved in the design. I worked on the parser. I contributed to the RFC. I was responsible for billing.') },
        { messageId: 'weak', text: 'was involved in', suggestionOutput: action('I participated in the review. I led the design. I worked on the parser. I contributed to the RFC. I was responsible for billing.') },
        { messageId: 'weak', text: 'worked on' },
        { messageId: 'weak', text: 'contributed to' },
        { messageId: 'weak', text: 'was responsible for', suggestionOutput: action('I participated in the review. I was involved in the design. I worked on the parser. I contributed to the RFC. I led billing.') },
      ],
    },
    {
      name: 'assisted, supported and a supporting role',
      text: action('I assisted the on-call and supported the launch in a supporting role.'),
      findings: [
        { messageId: 'weak', text: 'assisted' },
        { messageId: 'weak', text: 'supported' },
        { messageId: 'weak', text: 'supporting', suggestions: menu('supporting', ING) },
      ],
    },
    {
      name: '"helped by doing" is still the candidate hiding behind "helped"',
      text: action('I helped by writing the load tests.'),
      findings: [{ messageId: 'weak', text: 'helped' }],
    },
    {
      name: 'extra phrases from the config, in the past or -ing form; a longer phrase wins over a built-in one',
      text: action('I was part of the cutover. I was shadowing the DBA. I helped out with the dry run.'),
      config: { weakVerbs: ['was part of', 'shadowing', 'helped out'] },
      findings: [
        { messageId: 'weak', text: 'was part of', suggestions: menu('was part of', PAST), suggestionOutput: action('I led the cutover. I was shadowing the DBA. I helped out with the dry run.') },
        { messageId: 'weak', text: 'shadowing', suggestions: menu('shadowing', ING) },
        { messageId: 'weak', text: 'helped out', suggestions: menu('helped out', PAST) },
      ],
    },
    {
      name: 'the Task and the Result are checked too',
      text: story({ task: 'I was responsible for the refund service.', result: 'I helped cut settlement from nine days to 1.5 days.' }),
      findings: [
        { messageId: 'weak', text: 'was responsible for' },
        { messageId: 'weak', text: 'helped' },
      ],
    },
  ],
});
