import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { setupTooLong } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

/** `n` words of plain prose, a sentence every ten words. */
const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 10 === 9 ? 'shipped.' : 'checkout')).join(' ');
const parts = (situation: number, task: number, action: number, result = 20) =>
  story({ situation: words(situation), task: words(task), action: words(action), result: words(result), reflection: null });

testRule(setupTooLong, {
  valid: [
    { name: "the builder's strong story (under 100 words: too short to judge a share)", text: story({}) },
    { name: 'a short setup in a long story (20%)', text: parts(20, 20, 140, 20) },
    { name: 'exactly 30% is not over', text: parts(30, 30, 120, 20) },
    { name: 'a short draft is not judged yet (90 words, half of them setup)', text: parts(25, 20, 25, 20) },
    {
      name: 'a higher maxShare from front matter',
      text: '---\nrules:\n  setup-too-long: [info, { maxShare: 0.5 }]\n---\n' + parts(50, 30, 100, 20),
    },
    { name: 'no Situation or Task at all', text: story({ situation: null, task: null, action: words(150) }) },
    {
      name: 'words in comments and code are not spoken',
      text: story({
        situation: 'Checkout slowed before the holiday sale.\n\n<!-- ' + words(200) + ' -->',
        task: 'I owned checkout.',
        action: words(100),
      }),
    },
  ],
  invalid: [
    {
      name: 'a setup of 120 words or more is long whatever else the story holds: shown, not a hint',
      text: parts(150, 20, 140, 40),
      findings: [{ messageId: 'tooLong', text: 'Situation', severity: 'info' }],
    },
    {
      name: 'a long Situation: the finding sits on the Situation heading',
      text: parts(60, 20, 100, 20),
      findings: [{ messageId: 'tooLong', text: 'Situation' }],
    },
    {
      name: 'no Situation: the finding sits on the Task heading',
      text: story({ situation: null, task: words(80), action: words(100), result: words(20), reflection: null }),
      findings: [{ messageId: 'tooLong', text: 'Task' }],
    },
    {
      name: 'a lower maxShare from settings',
      text: parts(25, 25, 120, 20),
      config: { rules: { 'setup-too-long': ['info', { maxShare: 0.2 }] } },
      findings: [{ messageId: 'tooLong', text: 'Situation' }],
    },
    {
      name: 'a lower minWords judges a short draft',
      text: parts(25, 40, 35, 20),
      config: { rules: { 'setup-too-long': ['info', { minWords: 50 }] } },
      findings: [{ messageId: 'tooLong', text: 'Situation' }],
    },
    {
      // A new user's four-sentence setup was blamed when the Action was what had not been told.
      name: 'a short setup beside a thin Action: the Action is what to grow',
      text: parts(25, 20, 40, 35),
      findings: [{ messageId: 'thinAction', text: 'Action' }],
    },
    {
      name: 'heading variants: "Context" and "Goal"',
      text:
        '# Checkout\n\n## Context\n\n' +
        words(60) +
        '\n\n## Goal\n\n' +
        words(20) +
        '\n\n## Actions\n\n' +
        words(100) +
        '\n\n## Results\n\n' +
        words(20) +
        '\n',
      findings: [{ messageId: 'tooLong', text: 'Context' }],
    },
    {
      name: 'CRLF line endings',
      text: parts(60, 20, 100, 20).replace(/\n/g, '\r\n'),
      findings: [{ messageId: 'tooLong', text: 'Situation' }],
    },
  ],
});

describe('rule setup-too-long message', () => {
  it('gives the share, the words and the advice', () => {
    const messages = new Linter({ rules: [setupTooLong] }).lint(parts(60, 20, 100, 20)).findings.map((f) => f.message);
    assert.deepEqual(messages, [
      'Situation and Task take 40% of this story (80 of 200 words); lead with the impact and keep them to a sentence or two each, so the Action carries about 60%.',
    ]);
  });
});
