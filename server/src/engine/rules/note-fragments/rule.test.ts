import { noteFragments } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

testRule(noteFragments, {
  valid: [
    { name: 'a told story', text: story({}) },
    {
      name: 'bullets with subjects',
      text: story({
        action:
          '- I pulled six weeks of refund logs.\n- I found that 70% of the delays came from one carrier.\n- I decided to pause that integration instead of waiting for the quarterly review.',
      }),
    },
    {
      name: 'a short labelled list inside prose',
      text: story({
        action:
          'I weighed three options:\n\n- Rewrite: six weeks, no risk to data.\n- Patch: two days, but the cache stays.\n- Wait: free, but customers keep getting lost.\n\nI decided to patch behind a flag and rewrite the cache the next quarter.',
      }),
    },
    {
      name: 'prose wrapped across lines',
      text: story({
        action:
          'I pulled six weeks of refund logs and\nfound that 70% of the delays came from one carrier, so I\ndecided to pause that integration instead of waiting for\nthe quarterly review.',
      }),
    },
    {
      name: 'one fragment among told sentences',
      text: story({
        action:
          'First, the logs. I pulled six weeks of refund logs and found that one carrier caused 70% of the delays. I decided to pause that integration instead of waiting for the quarterly review.',
      }),
    },
    {
      name: 'sentences that open with an adverbial before the subject',
      text: story({
        action:
          'After the first escalation, I pulled the logs. Then I found the carrier behind 70% of the delays. Instead of waiting for the review, I decided to pause that integration.',
      }),
    },
    {
      name: 'an opening participle before the subject',
      text: story({
        action:
          'Frustrated by the delays, I pulled six weeks of refund logs. Surprised by the numbers, I traced 70% of the delays to one carrier. Convinced, I decided to pause that integration instead of waiting for the review.',
      }),
    },
    {
      name: 'a second verb sharing the subject is not a fragment',
      text: story({
        action:
          'I pulled the logs and found the carrier. I paused the integration and told the carrier why, rather than waiting for the review.',
      }),
    },
    {
      name: 'a Result of numbered outcomes with subjects',
      text: story({
        result: '1. Median settlement fell from nine days to 1.5 days within six weeks.\n2. Refund complaints dropped by 40%.',
      }),
    },
    {
      name: 'the Principles line and headings are not prose',
      text: story({ principles: 'Dive Deep, Ownership' }),
    },
  ],
  invalid: [
    {
      name: 'an Action of subject-less bullets',
      text: story({
        action: '- Analyzed logs.\n- Found root cause in the cache layer.\n- Fixed config and redeployed.\n- Wrote a postmortem.',
      }),
      findings: [{ messageId: 'fragments', text: 'Analyzed logs.' }],
    },
    {
      name: 'bullets with no full stops',
      text: story({
        action:
          '* Pulled six weeks of refund logs\n* Found the carrier behind 70% of delays\n* Paused that integration instead of waiting for the review',
      }),
      findings: [{ messageId: 'fragments', text: 'Pulled six weeks of refund logs' }],
    },
    {
      name: 'fragments in a paragraph',
      text: story({
        action: 'Analyzed logs. Found root cause. Fixed config. Decided to pause the carrier instead of waiting for the review.',
      }),
      findings: [{ messageId: 'fragments', text: 'Analyzed logs.' }],
    },
    {
      name: 'most of the section: three fragments and one sentence',
      text: story({
        action:
          'I took the escalation myself.\n\n- Pulled the refund logs for six weeks.\n- Traced 70% of the delays to one carrier.\n- Paused that integration instead of waiting for the review.',
      }),
      findings: [{ messageId: 'fragments', text: 'Pulled the refund logs for six weeks.' }],
    },
    {
      name: 'notes whose opening verb has no subject, though a later clause has one',
      text: story({
        action:
          '- Collected gate times for two weeks from the yard system\n- Made a spreadsheet of arrival time against appointment time\n- Saw that most trucks arrive early, all between 6 and 7\n- Shared the sheet with the planning team, they changed the appointment slots instead of adding a door',
      }),
      findings: [{ messageId: 'fragments', text: 'Collected gate times for two weeks from the yard system' }],
    },
    {
      name: 'a Task of fragments',
      text: story({ task: 'Owned the refund service. Had one quarter to fix settlement. Reported to the payments director.' }),
      findings: [{ messageId: 'fragments', text: 'Owned the refund service.' }],
    },
    {
      name: 'one finding per section',
      text: story({
        task: 'Owned the refund service. Had one quarter to fix it. Reported to the director.',
        action: '- Analyzed logs.\n- Found root cause.\n- Fixed config instead of waiting for the release.',
      }),
      findings: [
        { messageId: 'fragments', text: 'Owned the refund service.' },
        { messageId: 'fragments', text: 'Analyzed logs.' },
      ],
    },
  ],
});
