import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { buzzword } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const action = (text: string) => story({ action: text });

testRule(buzzword, {
  valid: [
    { name: "the builder's strong story", text: story({}) },
    { name: '"leverage" as a noun', text: action("We had no leverage with the carrier, so I used the contract's exit clause.") },
    {
      name: 'the Dive Deep principle and a deep dive are not jargon here',
      text: story({ principles: 'Dive Deep', action: 'I did a deep dive into six weeks of refund logs.' }),
    },
    { name: 'a programming paradigm', text: action('I moved the parser to a functional paradigm so each step could be tested.') },
    {
      name: 'code spans and link URLs',
      text: action('I ran `synergy-check` and read [the runbook](https://example.com/leverage-points).'),
    },
    { name: 'inside other words', text: action('I fixed the worldclassifier and the holisticscore columns.') },
  ],
  invalid: [
    {
      name: '"drove alignment" and "end-to-end visibility" say nothing an interviewer can write down',
      text: story({ action: 'I drove alignment across the workstreams so everyone had end-to-end visibility into risks.' }),
      findings: [
        { messageId: 'buzzword', text: 'drove alignment' },
        { messageId: 'buzzword', text: 'end-to-end visibility' },
      ],
    },
    {
      name: 'the common buzzwords, each once',
      text: action(
        'I leveraged the cache to find synergies, a paradigm shift that moved the needle. It was best-in-class and world class. I circled back on the low-hanging fruit, a game changer on the bleeding edge. I thought outside the box for a holistic value-add, touched base with finance, and called it a win-win.',
      ),
      findings: [
        { messageId: 'buzzwords', text: 'leveraged' },
        { messageId: 'buzzword', text: 'synergies', severity: 'hint' },
        { messageId: 'buzzword', text: 'paradigm shift', severity: 'hint' },
        { messageId: 'buzzword', text: 'moved the needle', severity: 'hint' },
        { messageId: 'buzzword', text: 'best-in-class', severity: 'hint' },
        { messageId: 'buzzword', text: 'world class', severity: 'hint' },
        { messageId: 'buzzword', text: 'circled back', severity: 'hint' },
        { messageId: 'buzzword', text: 'low-hanging fruit', severity: 'hint' },
        { messageId: 'buzzword', text: 'game changer', severity: 'hint' },
        { messageId: 'buzzword', text: 'bleeding edge', severity: 'hint' },
        { messageId: 'buzzword', text: 'thought outside the box', severity: 'hint' },
        { messageId: 'buzzword', text: 'holistic', severity: 'hint' },
        { messageId: 'buzzword', text: 'value-add', severity: 'hint' },
        { messageId: 'buzzword', text: 'touched base', severity: 'hint' },
        { messageId: 'buzzword', text: 'win-win', severity: 'hint' },
      ],
    },
    {
      name: '"leverage" as a verb, after "to"',
      text: action('I decided to leverage the existing queue.'),
      findings: [{ messageId: 'buzzword', text: 'leverage' }],
    },
    {
      name: 'extra buzzwords from the config',
      text: action('I drove alignment across three teams.'),
      config: { buzzwords: ['drove alignment'] },
      findings: [{ messageId: 'buzzword', text: 'drove alignment' }],
    },
    {
      name: 'every section, Reflection included',
      text: story({ situation: 'Our best-in-class checkout slowed down.', reflection: 'I now take a holistic view of cost.' }),
      findings: [
        { messageId: 'buzzword', text: 'best-in-class' },
        { messageId: 'buzzword', text: 'holistic' },
      ],
    },
  ],
});

describe('rule buzzword message', () => {
  const messages = (text: string, buzzwords: string[] = []) =>
    new Linter({ rules: [buzzword] }).lint(text, { buzzwords }).findings.map((f) => f.message);

  it('suggests the plain words for that buzzword', () => {
    assert.deepEqual(messages(action('I leveraged the cache.')), [
      '"leveraged" is a buzzword that says nothing an interviewer can write down; say "used".',
    ]);
  });

  it('gives general advice for a phrase from the config', () => {
    assert.deepEqual(messages(action('I synced up.'), ['synced up']), [
      '"synced up" is a buzzword that says nothing an interviewer can write down; say in plain words what happened.',
    ]);
  });
});
