import { habitualAnswer } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const noHeadings = (title: string, principles: string, body: string) => `# ${title}\nPrinciples: ${principles}\n\n${body}\n`;

testRule(habitualAnswer, {
  valid: [
    { name: 'a past story', text: story({}) },
    {
      name: 'a past story with a habitual aside',
      text: story({
        action:
          'I usually trust the dashboard, but this time I pulled six weeks of raw refund logs and found that one carrier caused 70% of the delays. I decided to pause that integration instead of waiting for the quarterly review.',
      }),
    },
    {
      name: 'habits in the Reflection',
      text: story({
        reflection: 'I now always pull the raw logs before I trust a dashboard, and I make sure every cache has a replay test.',
      }),
    },
    {
      name: 'habits as background in the Situation of a past story',
      text: story({ situation: 'We usually released the app every month, and refund requests always spiked after a release.' }),
    },
    {
      name: 'a role in the present next to past events',
      text: story({ task: 'My job is to keep refunds fast, and I always make sure the refund queue has an owner.' }),
    },
    {
      name: 'one event in the historical present, with no habit word',
      text: story({
        action:
          'So I walk into the launch review and tell the VP the fraud check is not ready. She asks for data, and I show her two weeks of chargebacks. We agree to slip by a week instead of launching without it.',
      }),
    },
    {
      name: 'a past answer with no headings',
      text: noHeadings(
        'The carrier outage',
        'Bias for Action',
        'Last March our main carrier stopped accepting labels on a Friday night. I usually wait for the carrier to recover, but I switched 40% of our volume to a second carrier within two hours, and we shipped every order by Monday.',
      ),
    },
    {
      name: 'present-tense outcomes in the Result',
      text: story({ result: 'Customers now always get their refund within two days, and complaints fell from 300 to 90 a week.' }),
    },
    {
      name: "a hypothetical answer is hypothetical's to flag",
      text: story({
        action: 'I would first gather data and then I would talk to the stakeholders.',
        task: 'I would own the refund service.',
        situation: 'Refunds would take too long.',
      }),
    },
    { name: 'an empty story', text: '# Draft\n' },
    {
      name: 'a present-tense role before a past story',
      text: story({
        situation:
          'I lead the payments team, and we usually deploy twice a day. Refund requests at our marketplace were taking nine days to settle.',
        task: 'I always own the incidents in my area, and this one was mine.',
      }),
    },
  ],
  invalid: [
    {
      name: 'a role and a routine, two habit sentences, and present tense six times the past',
      text: story({
        situation: 'As a PM I get far more requests than my team can build.',
        task: 'My responsibility is to make sure we put our capacity into the biggest bets.',
        action:
          'Every quarter I pull all requests into one backlog and score each one. I review the top twenty with my lead. I know I can be wrong, so I seek out people who disagree.',
        result: 'Stakeholders trust the roadmap more.',
      }),
      findings: [{ messageId: 'mostlyHabitual', text: 'My responsibility is to make sure we put our capacity into the biggest bets.' }],
    },
    {
      name: 'a philosophy with no headings',
      text: noHeadings(
        'Handling disagreement',
        'Have Backbone; Disagree and Commit',
        'My approach is to always bring data to a disagreement. I listen first, and then I show the numbers. If the other person is right, I commit to their plan.',
      ),
      findings: [{ messageId: 'habitual', text: 'My approach is to always bring data to a disagreement.' }],
    },
    {
      name: 'a role and routines in every section',
      text: story({
        situation: 'In my role as a team lead, I usually handle escalations from our biggest customers.',
        task: 'My job is to make sure every escalation gets an owner within a day.',
        action:
          'I always start by reading the ticket history, then I call the customer myself. Whenever a customer complains twice, I loop in the engineer who owns the service.',
        result: 'Customers trust us, and escalations close faster.',
      }),
      findings: [{ messageId: 'habitual', text: 'In my role as a team lead, I usually handle escalations from our biggest customers.' }],
    },
    {
      name: '"I always make sure" in the Action, present-tense context',
      text: story({
        situation: 'Our team owns the payments API, which handles every checkout.',
        task: 'I am responsible for its reliability.',
        action: 'I always make sure every change has a rollback plan, and I review the error dashboards every morning before standup.',
        result: 'We rarely have outages.',
      }),
      findings: [
        {
          messageId: 'habitual',
          text: 'I always make sure every change has a rollback plan, and I review the error dashboards every morning before standup.',
        },
      ],
    },
    {
      name: 'a past Situation about things, but the Action is a routine',
      text: story({
        situation: 'Our on-call load was heavy last year.',
        task: 'I own on-call quality for the checkout team.',
        action: 'Every week I review the pages, and I delete the alerts nobody acts on.',
      }),
      findings: [{ messageId: 'habitual', text: 'Every week I review the pages, and I delete the alerts nobody acts on.' }],
    },
    {
      name: 'a belief and a "whenever"',
      text: noHeadings(
        'Data over opinions',
        'Are Right, A Lot',
        'I believe in data over opinions.\n\nWhenever a stakeholder pushes back on a launch, I pull the numbers and walk them through the risk.',
      ),
      findings: [{ messageId: 'habitual', text: 'I believe in data over opinions.' }],
    },
    {
      name: 'habits with one past example as an aside',
      text: story({
        situation: "I'm the tech lead for order management, so I'm usually the escalation point when something goes wrong.",
        task: 'My responsibility is to make sure we find the actual root cause.',
        action:
          'When an incident comes in, the first thing I do is stop looking at the dashboards. I go straight to the raw logs and follow a few failing requests end to end. I always ask "why" at least five times. For example, last year orders got stuck, and I traced it to a lock that was never released. I make sure every incident ends with a postmortem, and I review all of them personally.',
      }),
      findings: [
        {
          messageId: 'mostlyHabitual',
          text: "I'm the tech lead for order management, so I'm usually the escalation point when something goes wrong.",
        },
      ],
    },
    {
      name: 'one finding per story, even with many habits',
      text: story({
        situation: 'I tend to take on the messy projects nobody else wants.',
        task: 'I like to own the outcome end to end.',
        action: 'I typically start with the raw data, I never trust a dashboard alone, and I make it a point to talk to customers.',
        result: 'Things usually get better.',
      }),
      findings: [{ messageId: 'habitual', text: 'I tend to take on the messy projects nobody else wants.' }],
    },
  ],
});
