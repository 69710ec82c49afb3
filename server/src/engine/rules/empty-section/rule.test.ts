import { emptySection } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';

testRule(emptySection, {
  valid: [
    // A template's or a quick fix's placeholder is a section not written yet: whole-story rules wait for it.
    {
      name: "a Reflection holding only a snippet's placeholder, in a finished story",
      text: story({ reflection: '<!-- What you now do differently, every time. -->' }),
    },
    {
      name: 'only a placeholder comment (as a template or missing-section inserts)',
      text: story({ task: '<!-- What you personally owned: the goal, the deadline, the constraint. -->' }),
    },
    { name: 'a complete story', text: story({}) },
    { name: 'one word is enough', text: story({ result: 'Shipped.' }) },
    { name: 'a number alone is prose', text: story({ result: '40%' }) },
    { name: 'a list', text: story({ action: '- I pulled six weeks of refund logs.\n- I paused the carrier integration.' }) },
    { name: 'a blockquote', text: story({ situation: '> Refunds were taking nine days.' }) },
    { name: 'a table', text: story({ result: '| before | after |\n|---|---|\n| 9 days | 1.5 days |' }) },
    { name: 'bold and italic prose', text: story({ task: '**I** owned the refund service *alone*.' }) },
    {
      name: 'prose next to a comment and a code block',
      text: story({ action: '<!-- tighten this -->\nI paused the integration.\n\n```\nflag carrier.enabled=false\n```' }),
    },
    { name: 'prose after a blank line or two', text: story({ result: '\n\nMedian settlement fell to 1.5 days.' }) },
    {
      name: 'heading variants with prose: Actions, Outcome, Results, Lessons',
      text: lines(
        '# Checkout',
        '## Actions',
        'I moved the fraud check.',
        '## Outcome',
        'Carts recovered.',
        '## Results',
        'Abandonment fell 12%.',
        '## Lessons',
        'I profile first now.',
      ),
    },
    { name: 'an empty section that is not a STAR part (## Notes)', text: story({}) + '\n## Notes\n' },
    { name: 'an empty heading is not a section', text: story({}) + '\n##\n' },
    { name: 'a story with no sections (missing-section reports that)', text: '# Draft\nPrinciples: Ownership\n' },
    { name: 'CRLF line endings', text: story({}).replace(/\n/g, '\r\n') },
    {
      name: 'disable-next-line on the heading',
      text: story({ task: '' }).replace('## Task', '<!-- star-stories-disable-next-line empty-section -->\n## Task'),
    },
  ],
  invalid: [
    {
      name: 'a heading directly followed by the next one',
      text: story({}).replace('\n\nI owned the refund service and had one quarter to bring settlement under two days.', ''),
      findings: [{ messageId: 'empty', text: 'Task' }],
    },
    { name: 'only blank lines', text: story({ result: '\n\n' }), findings: [{ messageId: 'empty', text: 'Result' }] },
    {
      name: 'only a fenced code block, even one that looks like a section',
      text: story({ action: '```markdown\n## Action\n\nI fixed it.\n```' }),
      findings: [{ messageId: 'empty', text: 'Action' }],
    },
    { name: 'only inline code', text: story({ action: '`kubectl rollout undo`' }), findings: [{ messageId: 'empty', text: 'Action' }] },
    { name: 'only list and quote markers', text: story({ action: '- \n- \n\n>' }), findings: [{ messageId: 'empty', text: 'Action' }] },
    { name: 'an empty Reflection', text: story({ reflection: '' }), findings: [{ messageId: 'empty', text: 'Reflection' }] },
    {
      name: 'the variant name is flagged and named in the message',
      text: lines(
        '# Checkout',
        '## Situation',
        'Carts were abandoned.',
        '## Task',
        'I owned it.',
        '## Actions',
        '',
        '## Outcome',
        'Abandonment fell 12%.',
      ),
      findings: [{ messageId: 'empty', text: 'Actions' }],
    },
    {
      name: 'several empty sections, each flagged',
      text: lines('# Skeleton', 'Principles: Ownership', '', '## Situation', '', '## Task', '', '## Action', '', '## Result', ''),
      findings: [
        { messageId: 'empty', text: 'Situation' },
        { messageId: 'empty', text: 'Task' },
        { messageId: 'empty', text: 'Action' },
        { messageId: 'empty', text: 'Result' },
      ],
    },
    {
      name: 'the last section at the end of a file without a final line break',
      text: story({ reflection: '' }).trimEnd(),
      findings: [{ messageId: 'empty', text: 'Reflection' }],
    },
    {
      name: 'a Setext heading with nothing under it',
      text: lines('# Checkout', '', 'Situation', '---------', '', 'Task', '----', 'I owned it.'),
      findings: [{ messageId: 'empty', text: 'Situation' }],
    },
    {
      name: 'in a file of two stories, the empty section of the second',
      text: story({ title: 'One' }) + '\n' + story({ title: 'Two', situation: '' }),
      findings: [{ messageId: 'empty', text: 'Situation', line: 27 }],
    },
    {
      name: 'CRLF: the range covers the name only',
      text: story({ task: '' }).replace(/\n/g, '\r\n'),
      findings: [{ messageId: 'empty', text: 'Task' }],
    },
  ],
});
