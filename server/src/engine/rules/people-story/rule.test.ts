// The people-story rule's table: in a manager profile, a Hire and Develop the Best story needs a
// named person, for underperformance the expectations, written feedback and a dated plan, and a
// Result that says what became of the person and of the team.
import { peopleStory } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const manager = { role: 'em' as const };
const people = (parts: Parameters<typeof story>[0]) =>
  story({
    title: 'Coaching Tomas through missed commitments',
    principles: 'Hire and Develop the Best',
    situation:
      'I managed nine engineers on a search team. Tomas, who had joined six months earlier, had let three of his last four features slip by more than two weeks.',
    task: 'I had to find out why and give him a fair chance while protecting the team.',
    action:
      'I reviewed his last ten pull requests with him in our one-on-one and set clear expectations: a design note before any change over 300 lines and tests on every ranking change. I wrote the feedback down in a shared doc and agreed a 60-day plan with weekly check-ins.',
    result:
      'By day 60 he delivered five of six commitments on time and was promoted a year later; the team stopped routing work around him and our sprint carry-over fell from 30% to 8%.',
    reflection: 'I now review a transfer’s first pull requests myself in their first month.',
    ...parts,
  });

testRule(peopleStory, {
  valid: [
    { name: 'a strong underperformance story', text: people({}), config: manager },
    {
      name: 'a growth story with no underperformance needs no plan',
      text: people({
        title: 'Growing Aisha into the on-call lead',
        situation: 'Aisha was a strong engineer on my team who had never led an incident.',
        action:
          'I paired her with me on two incidents, then let her run the next three while I shadowed, and gave her feedback after each one in our one-on-one.',
        result: 'She now leads on-call for the team, and our incident follow-ups closed within a week instead of a month.',
      }),
      config: manager,
    },
    {
      name: 'a hiring story whose Result says no new hire had performance problems needs no performance plan',
      text: people({
        title: 'Raising the hiring bar with a code-reading round',
        situation:
          'Two of the six engineers we hired last year left within nine months; they could not find their way around our codebase.',
        task: 'I had five open roles and wanted a loop that predicted how a hire would ramp.',
        action:
          'I designed a code-reading round on a real pull request, trained Priya and four other interviewers on it, and calibrated it on ten mock interviews.',
        result:
          'We filled all five roles in four months; none of the new hires has had performance problems, and Priya now runs the round for two other teams.',
      }),
      config: manager,
    },
    {
      name: 'a Result whose team gain is a measured change, with no word for the team',
      text: people({
        result: 'Tomas met every commitment of the plan and was promoted a year later. Review turnaround went from 8 days to under 2.',
      }),
      config: manager,
    },
    {
      name: 'the same weak story outside a manager profile',
      text: people({ result: 'By day 60 he delivered five of six commitments on time.' }),
    },
    {
      name: 'a story not framed for Hire and Develop the Best',
      text: people({ principles: 'Ownership', result: 'By day 60 he delivered five of six commitments on time.' }),
      config: manager,
    },
    {
      name: 'the user turned it off in a manager profile',
      text: people({ result: 'By day 60 he delivered five of six commitments on time.' }),
      config: { role: 'em', rules: { 'people-story': 'off' } },
    },
  ],
  invalid: [
    {
      name: 'no one is named',
      text: people({
        situation: 'I managed nine engineers on a search team, and one engineer had let three of the last four features slip.',
        task: 'I had to find out why and give the engineer a fair chance while protecting the team.',
        action:
          'I reviewed the last ten pull requests in a one-on-one and set clear expectations. I wrote the feedback down in a shared doc and agreed a 60-day plan with weekly check-ins.',
        result: 'By day 60 the engineer delivered five of six commitments on time; the team stopped routing work around the engineer.',
      }),
      config: manager,
      findings: [{ messageId: 'noPerson', text: 'Coaching Tomas through missed commitments' }],
    },
    {
      name: 'underperformance handled with no written feedback or dated plan',
      text: people({
        situation: 'Tomas was underperforming: three of his last four features slipped by more than two weeks.',
        action: 'I reviewed his last ten pull requests with him and set clear expectations for design notes and tests.',
      }),
      config: manager,
      findings: [{ messageId: 'noPlan', text: 'Hire and Develop the Best' }],
    },
    {
      name: 'a delivery story framed as a people story: only a month and the principle are capitalised',
      text: people({
        title: 'Growing my organization through the re-platform',
        situation: 'I lead three teams that own checkout, and leadership moved checkout to microservices ahead of the holidays.',
        task: 'My goal was to deliver the re-platform while making sure the team grew.',
        action:
          'I split the migration into 11 services, gave every engineer a component to own end to end, and ran three game days before cutover.',
        result: 'We cut over on October 3 with checkout latency down 35%, and several engineers were promoted.',
        reflection: 'Hire and Develop the Best is about giving people big challenges.',
      }),
      config: manager,
      findings: [{ messageId: 'noPerson', text: 'Growing my organization through the re-platform' }],
    },
    {
      name: 'the Result says nothing about the team',
      text: people({ result: 'By day 60 he delivered five of six commitments on time, and he was promoted a year later.' }),
      config: manager,
      findings: [{ messageId: 'noOutcome', text: 'Result' }],
    },
    {
      name: 'the Result says nothing about the person',
      text: people({ result: 'The team stopped routing work around the problem, and our sprint carry-over fell from 30% to 8%.' }),
      config: manager,
      findings: [{ messageId: 'noOutcome', text: 'Result' }],
    },
  ],
});
