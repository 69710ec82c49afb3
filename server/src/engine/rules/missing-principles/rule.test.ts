import { missingPrinciples } from './rule';
import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { applyEdits, story, testRule } from '../../../../../test/unit/ruleTester';

const noLine = story({ principles: null });
const crlfNoLine = noLine.replace(/\n/g, '\r\n');
const twoStories = story({ title: 'Refund backlog' }) + '\n' + story({ title: 'Carrier outage', principles: null });

testRule(missingPrinciples, {
  valid: [
    { name: 'a story with a Principles line', text: story({}) },
    { name: 'abbreviations: CO, DD', text: story({ principles: 'CO, DD' }) },
    {
      name: 'aliases: Backbone, Bias to action, Learn & Be Curious',
      text: story({ principles: 'Backbone, Bias to action, Learn & Be Curious' }),
    },
    {
      name: 'names that contain separators on one line',
      text: story({ principles: 'Have Backbone; Disagree and Commit, Are Right, A Lot' }),
    },
    { name: 'a name this rule does not know (unknown-principle reports it)', text: story({ principles: 'Teamwork' }) },
    { name: 'a bold label', text: story({}).replace('Principles: ', '**Principles:** ') },
    { name: 'singular and lower-case label', text: story({}).replace('Principles: ', 'principle: ') },
    { name: 'blank lines between the title and the line', text: story({}).replace('\nPrinciples:', '\n\n\nPrinciples:') },
    { name: 'CRLF line endings', text: story({}).replace(/\n/g, '\r\n') },
    { name: 'front matter and notes before the first story', text: '---\ntargetSeconds: 150\n---\nNotes for Tuesday.\n\n' + story({}) },
    { name: 'a file with no story', text: 'No title yet.\n' },
  ],
  invalid: [
    {
      name: 'no Principles line: the suggestion inserts one under the title',
      text: noLine,
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          suggestions: ['Insert a "Principles:" line'],
          suggestionOutput: noLine.replace('# Refund backlog\n', '# Refund backlog\nPrinciples: \n'),
        },
      ],
    },
    {
      name: 'a title followed directly by a section',
      text: '# Pager storm\n## Situation\n\nWe were paged forty times a night.\n',
      findings: [
        {
          messageId: 'missing',
          text: 'Pager storm',
          suggestionOutput: '# Pager storm\nPrinciples: \n## Situation\n\nWe were paged forty times a night.\n',
        },
      ],
    },
    { name: 'a label with no names', text: story({ principles: '' }), findings: [{ messageId: 'empty', text: 'Principles:' }] },
    {
      name: 'a label with only separators',
      text: story({ principles: ', ;' }),
      findings: [{ messageId: 'empty', text: 'Principles: , ;' }],
    },
    {
      name: 'a Principles line below the first section does not count',
      text: story({ principles: null }).replace('## Situation\n\n', '## Situation\n\nPrinciples: Ownership\n\n'),
      findings: [{ messageId: 'missing', text: 'Refund backlog' }],
    },
    {
      name: 'a Principles line inside a code block does not count',
      text: story({ principles: null }).replace('# Refund backlog\n', '# Refund backlog\n```\nPrinciples: Ownership\n```\n'),
      findings: [{ messageId: 'missing', text: 'Refund backlog' }],
    },
    {
      name: 'a Principles line inside an HTML comment does not count',
      text: story({ principles: null }).replace('# Refund backlog\n', '# Refund backlog\n<!-- Principles: Ownership -->\n'),
      findings: [{ messageId: 'missing', text: 'Refund backlog' }],
    },
    {
      name: 'in a file of two stories, only the one without the line',
      text: twoStories,
      findings: [
        {
          messageId: 'missing',
          text: 'Carrier outage',
          line: 24,
          suggestionOutput: twoStories.replace('# Carrier outage\n', '# Carrier outage\nPrinciples: \n'),
        },
      ],
    },
    {
      name: 'CRLF: the inserted line keeps CRLF and goes after the title, not between CR and LF',
      text: crlfNoLine,
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          suggestionOutput: crlfNoLine.replace('# Refund backlog\r\n', '# Refund backlog\r\nPrinciples: \r\n'),
        },
      ],
    },
    {
      name: 'CRLF: an empty line is flagged without its line break',
      text: story({ principles: '' }).replace('Principles: ', 'Principles:').replace(/\n/g, '\r\n'),
      findings: [{ messageId: 'empty', text: 'Principles:' }],
    },
    {
      name: 'an empty title points at the heading',
      text: '#\n\n## Situation\n\nSomething broke.\n',
      findings: [{ messageId: 'missing', text: '#', suggestionOutput: '#\nPrinciples: \n\n## Situation\n\nSomething broke.\n' }],
    },
  ],
});

describe('missing-principles on a story written before any title', () => {
  it('offers the line above the first section, where a title would go', () => {
    const draft = '## Situation\n\nRefunds took nine days.\n';
    const [finding] = new Linter({ rules: [missingPrinciples] }).lint(draft).findings;
    assert.equal(finding.messageId, 'missing');
    assert.equal(applyEdits(draft, finding.suggestions![0].edits), 'Principles: \n\n' + draft);
  });
});
