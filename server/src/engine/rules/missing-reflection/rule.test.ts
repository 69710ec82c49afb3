import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { missingReflection } from './rule';
import { applyEdits, story, testRule } from '../../../../../test/unit/ruleTester';

const PLACEHOLDER = '<!-- What you now do differently because of this story, every time. -->';
const INSERT = 'Insert a "## Reflection" section';

const noReflection = story({ reflection: null });
const appended = (text: string, eol = '\n') =>
  text.replace(new RegExp(`40%\\.${eol}$`), `40%.${eol}${eol}## Reflection${eol}${eol}${PLACEHOLDER}${eol}`);
/** An answer told with no headings, about 170 words. */
const headless = (ending: string) =>
  '# Switching our SMS provider\nPrinciples: Deliver Results\n\n' +
  'Our SMS provider raised prices by 40% with three months of notice, so I led the move to a new vendor. '.repeat(8) +
  ending +
  '\n';
const crlf = noReflection.replace(/\n/g, '\r\n');
const twoStories = noReflection + '\n' + story({ title: 'Carrier outage' });
const trust = story({ principles: 'Earn Trust, Ownership', reflection: null });

testRule(missingReflection, {
  valid: [
    {
      name: 'a whole answer with no headings that tells its lesson in passing',
      text: headless('What I took from this is to ask for the exit terms before signing, and I have done so on every contract since.'),
    },
    {
      name: 'a short text with no headings is a stub: missing-section asks for its parts first',
      text: '# Draft\nPrinciples: Ownership\n\nI moved us to a new SMS vendor.\n',
    },
    { name: 'a story with a Reflection', text: story({}) },
    { name: '"## Lessons learned" is a Reflection', text: story({}).replace('## Reflection', '## Lessons learned') },
    { name: '"## Takeaway" is a Reflection', text: story({}).replace('## Reflection', '## Takeaway') },
    { name: '"## Leadership Principle Lens" is a Reflection', text: story({}).replace('## Reflection', '## Leadership Principle Lens') },
    { name: 'an empty Reflection: empty-section reports that', text: story({ reflection: '' }) },
    {
      name: 'a stub with no sections yet: missing-section asks for its parts first',
      text: "# Vendor migration\nPrinciples: Earn Trust\n\nMy mistake was trusting the vendor's estimate.\n",
    },
  ],
  invalid: [
    {
      name: 'a whole answer told with no headings and no lesson in it',
      text: headless('We finished two weeks before the contract ended.'),
      findings: [{ messageId: 'missing', text: 'Switching our SMS provider', suggestions: [INSERT] }],
    },
    {
      name: 'no Reflection in an Ownership story: a reminder, placed after the last section',
      text: noReflection,
      findings: [{ messageId: 'missing', text: 'Refund backlog', suggestions: [INSERT], suggestionOutput: appended(noReflection) }],
    },
    {
      name: 'CRLF: the inserted section uses CRLF too',
      text: crlf,
      findings: [{ messageId: 'missing', text: 'Refund backlog', suggestionOutput: appended(crlf, '\r\n') }],
    },
    {
      name: 'in a file of two stories the section goes at the end of the story that lacks it',
      text: twoStories,
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          line: 1,
          suggestionOutput: twoStories.replace('40%.\n\n# Carrier outage', `40%.\n\n## Reflection\n\n${PLACEHOLDER}\n\n# Carrier outage`),
        },
      ],
    },
    {
      name: 'a trust story with the severity set by the user keeps that severity',
      text: trust,
      config: { rules: { 'missing-reflection': 'info' } },
      findings: [{ messageId: 'expected', text: 'Refund backlog', suggestionOutput: appended(trust) }],
    },
  ],
});

describe('rule missing-reflection on failure, backbone and trust stories', () => {
  const lint = (text: string) => new Linter({ rules: [missingReflection] }).lint(text).findings;
  const cases: Array<[string, string, string]> = [
    ['Earn Trust', story({ principles: 'Earn Trust, Ownership', reflection: null }), 'This Earn Trust story'],
    ['"Backbone" (an alias)', story({ principles: 'Backbone', reflection: null }), 'This Have Backbone; Disagree and Commit story'],
    ['Learn and Be Curious', story({ principles: 'Learn and Be Curious', reflection: null }), 'This Learn and Be Curious story'],
    [
      'a failure told in the Action ("My mistake was")',
      story({
        action:
          'My mistake was running the migration without checking the lock it took, so I decided to let it finish rather than cancel it.',
        reflection: null,
      }),
      'This failure story',
    ],
    [
      'a failure told in the Situation ("I was wrong")',
      story({ situation: 'I was wrong about how long the refund backlog would take to clear.', reflection: null }),
      'This failure story',
    ],
  ];
  for (const [name, text, message] of cases) {
    it(`is a warning for ${name}`, () => {
      const findings = lint(text);
      assert.deepEqual(
        findings.map((f) => [f.severity, text.slice(f.start, f.end)]),
        [['warning', 'Refund backlog']],
      );
      assert.ok(findings[0].message.startsWith(message), findings[0].message);
      assert.equal(applyEdits(text, findings[0].suggestions![0].edits), appended(text));
    });
  }

  it("stays info when the story only mentions someone else's failure", () => {
    const text = story({ situation: 'The nightly job failed twice a week and the vendor missed every deadline.', reflection: null });
    assert.deepEqual(
      lint(text).map((f) => f.severity),
      ['info'],
    );
  });

  it('offers the section as a snippet whose placeholder is the first tab stop', () => {
    const [finding] = lint(noReflection);
    const [edit] = finding.suggestions![0].edits;
    assert.equal(edit.snippet, `\n\n## Reflection\n\n\${1:${PLACEHOLDER}}`);
  });
});
