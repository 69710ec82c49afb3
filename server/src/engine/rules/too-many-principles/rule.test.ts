import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { tooManyPrinciples } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const withLine = (principles: string) => story({ principles });

testRule(tooManyPrinciples, {
  valid: [
    { name: 'two principles', text: withLine('Customer Obsession, Dive Deep') },
    { name: 'exactly three', text: withLine('Customer Obsession, Dive Deep, Bias for Action') },
    {
      name: 'a name with ";" and "," inside counts once',
      text: withLine('Have Backbone; Disagree and Commit, Are Right, A Lot, Dive Deep'),
    },
    {
      name: 'the same principle twice, by name and abbreviation, counts once',
      text: withLine('Dive Deep, DD, Ownership, Deliver Results'),
    },
    {
      name: 'unknown names do not count (unknown-principle reports them)',
      text: withLine('Ownership, Dive Deep, Frugality, Teamwork, Grit'),
    },
    { name: 'no Principles line', text: story({ principles: null }) },
    {
      name: 'a higher limit from the settings',
      text: withLine('Ownership, Dive Deep, Frugality, Think Big'),
      config: { maxPrinciplesPerStory: 4 },
    },
    {
      name: '"Principles:" in prose is not the line',
      text: story({ reflection: 'Principles: Ownership, Dive Deep, Frugality, Think Big all show here.' }),
    },
  ],
  invalid: [
    {
      name: 'a fourth principle is flagged',
      text: withLine('Customer Obsession, Dive Deep, Bias for Action, Ownership'),
      findings: [{ messageId: 'tooMany', text: 'Ownership', line: 2 }],
    },
    {
      name: 'every principle past the limit is flagged, in order',
      text: withLine('CO; Ownership; Bias to action; Dive Deep; Frugality'),
      findings: [
        { messageId: 'tooMany', text: 'Dive Deep' },
        { messageId: 'tooMany', text: 'Frugality' },
      ],
    },
    {
      name: 'duplicates and unknown names are skipped when counting to the limit',
      text: withLine('Ownership, Ownership, Teamwork, Dive Deep, Think Big, Frugality'),
      findings: [{ messageId: 'tooMany', text: 'Frugality' }],
    },
    {
      name: 'a lower limit from the settings',
      text: withLine('Ownership, Dive Deep, Frugality'),
      config: { maxPrinciplesPerStory: 2 },
      findings: [{ messageId: 'tooMany', text: 'Frugality' }],
    },
    {
      name: 'names containing separators count as one each',
      text: withLine('Have Backbone; Disagree and Commit, Are Right, A Lot, Earn Trust, Ownership'),
      findings: [{ messageId: 'tooMany', text: 'Ownership' }],
    },
  ],
});

describe('rule too-many-principles message', () => {
  it('says a story framed for more than the limit signals thin experience', () => {
    const [finding] = new Linter({ rules: [tooManyPrinciples] }).lint(withLine('CO, DD, Ownership, Frugality')).findings;
    assert.equal(
      finding.message,
      '"Frugality" is principle 4 of 4 on this story; a story framed for more than 3 principles signals thin experience. Keep the 3 it shows best and give "Frugality" a story of its own.',
    );
  });
});
