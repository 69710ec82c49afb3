import { genericReflection } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const reflection = (text: string | null) => story({ reflection: text });

testRule(genericReflection, {
  valid: [
    {
      name: 'a lesson that names what to look at: "it is important to look at the whole call path"',
      text: reflection('I learned that it is important to look at the whole call path and not just your own service.'),
    },
    {
      name: 'a lesson followed by "Now for every config change I …"',
      text: story({ reflection: 'Testing is important. Now for every config change I run the replay suite before I merge.' }),
    },
    { name: 'the builder\'s "I now read the raw logs before I trust a dashboard"', text: story({}) },
    {
      name: '"I stopped … Every dashboard I build now…"',
      text: reflection(
        'I stopped trusting medians for customer-facing pages. Every dashboard I build now shows the 99th percentile by region.',
      ),
    },
    {
      name: '"I used to … Now, before…"',
      text: reflection(
        'I used to treat a passing staging run as proof. Now, before any change to production data, I write the row count into the pull request.',
      ),
    },
    {
      name: 'a generic lesson followed by the concrete change',
      text: reflection('Communication is important, so I now send the on-call summary to support every Friday.'),
    },
    {
      name: '"since then"',
      text: reflection('It was a great learning experience. Since then I pair with every new hire on their first review.'),
    },
    { name: '"my checklist"', text: reflection('My checklist for every migration has a lock check at the top.') },
    { name: 'a Reflection that is specific without a stock phrase', text: reflection('The refund logs showed what the dashboard hid.') },
    {
      name: 'a stock phrase in the Action is not a Reflection',
      text: story({
        action: 'I decided to pause the integration instead of waiting, because communication is important during an outage.',
      }),
    },
    { name: 'no Reflection: missing-reflection reports that', text: reflection(null) },
  ],
  invalid: [
    // Maxims: a rule for everyone instead of a change in the candidate.
    ...[
      'I learned that clear updates to partner teams are very important and you must escalate early.',
      'I learned that sometimes you need to keep pushing for the right answer even when people resist.',
      'I learned that doing the right thing for the customer pays off in the long run.',
      'Hiring is not about filling seats, it is about raising the bar.',
    ].map((text) => ({ name: `a maxim: "${text.slice(0, 40)}…"`, text: reflection(text), findings: [{ messageId: 'generic', text }] })),
    // From the field corpus: platitudes the list did not know.
    {
      name: '"… are the foundation of a healthy team"',
      text: story({ reflection: 'Communication and transparency are the foundation of a healthy team.' }),
      findings: [{ messageId: 'generic', text: 'Communication and transparency are the foundation of a healthy team.' }],
    },
    {
      name: '"I learned to stand up for what I believe is right"',
      text: story({ reflection: 'I learned to stand up for what I believe is right, even when it is not popular.' }),
      findings: [{ messageId: 'generic', text: 'I learned to stand up for what I believe is right, even when it is not popular.' }],
    },
    {
      name: '"I learned a lot"',
      text: reflection('I learned a lot from this project.'),
      findings: [{ messageId: 'generic', text: 'I learned a lot from this project.' }],
    },
    {
      name: 'each generic sentence',
      text: reflection('I learned a lot from this project. Communication is important, and teamwork makes a big difference.'),
      findings: [
        { messageId: 'generic', text: 'I learned a lot from this project.' },
        { messageId: 'generic', text: 'Communication is important, and teamwork makes a big difference.' },
      ],
    },
    {
      name: '"taught me that … documentation is important"',
      text: reflection('This project taught me that legacy systems need to be handled carefully and that good documentation is important.'),
      findings: [
        {
          messageId: 'generic',
          text: 'This project taught me that legacy systems need to be handled carefully and that good documentation is important.',
        },
      ],
    },
    {
      name: '"I now know" is a belief, not a behavior',
      text: reflection('I now know that communication is key.'),
      findings: [{ messageId: 'generic', text: 'I now know that communication is key.' }],
    },
    {
      name: '"a great learning experience"',
      text: reflection('It was a great learning experience for the whole team.'),
      findings: [{ messageId: 'generic', text: 'It was a great learning experience for the whole team.' }],
    },
    {
      name: '"always test your code", and only the generic sentence is flagged',
      text: reflection('The outage cost 23 minutes of renewals. You should always test your code.'),
      findings: [{ messageId: 'generic', text: 'You should always test your code.' }],
    },
    {
      name: '"teamwork matters" under "## Lessons"',
      text: reflection('Teamwork matters.').replace('## Reflection', '## Lessons'),
      findings: [{ messageId: 'generic', text: 'Teamwork matters.' }],
    },
  ],
});
