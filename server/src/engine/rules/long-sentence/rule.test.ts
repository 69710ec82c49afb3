import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { longSentence } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

/** A sentence of exactly `n` words. */
const sentence = (n: number) => 'I ' + Array.from({ length: n - 2 }, () => 'checked').join(' ') + ' logs.';
const action = (text: string) => story({ action: text });
/** `n` words with no punctuation, for building clauses. */
const words = (n: number) => Array.from({ length: n }, () => 'checked').join(' ');

testRule(longSentence, {
  valid: [
    { name: "the builder's strong story", text: story({}) },
    { name: 'exactly 35 words', text: action(sentence(35)) },
    {
      name: 'a higher maxWords from settings',
      text: action(sentence(45)),
      config: { rules: { 'long-sentence': ['info', { maxWords: 50 }] } },
    },
    {
      name: 'bulleted list items without full stops are separate sentences',
      text: action(Array.from({ length: 4 }, () => '- ' + sentence(20).slice(0, -1)).join('\n')),
    },
    { name: 'numbered items too', text: action(Array.from({ length: 4 }, (_, i) => `${i + 1}. ` + sentence(20).slice(0, -1)).join('\n')) },
    { name: 'a sub-heading ends a sentence', text: action('### ' + sentence(20).slice(0, -1) + '\n' + sentence(20)) },
    { name: 'words in a code block are not spoken', text: action('I ran the script.\n\n```\n' + sentence(60) + '\n```') },
    { name: 'the title and the Principles line are not sections', text: story({ title: sentence(40) }) },
    {
      name: 'a colon or semicolon is a spoken break: 43 words in three parts',
      text: action(`I ${words(21)}: ${words(10)}; ${words(11)}.`),
    },
    { name: 'short clauses between commas give a fifth more: 42 words', text: action(`I ${words(13)}, ${words(14)}, and ${words(13)}.`) },
    { name: 'a dash or a parenthesis is a pause too', text: action(`I ${words(13)} \u2014 ${words(14)} (${words(13)}).`) },
  ],
  invalid: [
    {
      name: 'a 36-word sentence, flagged without its neighbours',
      text: action('I paused the carrier. ' + sentence(36) + ' Then I shipped.'),
      findings: [{ messageId: 'long', text: sentence(36) }],
    },
    {
      name: 'a hard-wrapped paragraph is still one sentence',
      text: action(sentence(40).replace(/ checked checked /, ' checked\nchecked ')),
      findings: [{ messageId: 'long', text: sentence(40).replace(/ checked checked /, ' checked\nchecked ') }],
    },
    {
      name: 'one long list item among short ones',
      text: action('- I paused the carrier\n- ' + sentence(40) + '\n- I shipped'),
      findings: [{ messageId: 'long', text: sentence(40) }],
    },
    {
      name: 'a lower maxWords from front matter',
      text: '---\nrules:\n  long-sentence: [hint, { maxWords: 20 }]\n---\n' + action(sentence(21)),
      findings: [{ messageId: 'long', text: sentence(21) }],
    },
    {
      name: 'every section, Reflection included',
      text: story({ situation: sentence(36), reflection: sentence(37) }),
      findings: [
        { messageId: 'long', text: sentence(36) },
        { messageId: 'long', text: sentence(37) },
      ],
    },
    {
      name: 'short clauses get a fifth more, no further: 43 words',
      text: action(`I ${words(14)}, ${words(14)}, and ${words(13)}.`),
      findings: [{ messageId: 'long', text: `I ${words(14)}, ${words(14)}, and ${words(13)}.` }],
    },
    {
      name: 'no grace when one stretch between pauses is long: 36 words with a 21-word stretch',
      text: action(`I ${words(20)}, ${words(15)}.`),
      findings: [{ messageId: 'long', text: `I ${words(20)}, ${words(15)}.` }],
    },
    {
      name: 'a part after a colon is flagged on its own when it is long',
      text: action(`I found the cause: ${words(40)}.`),
      findings: [{ messageId: 'long', text: `${words(40)}.` }],
    },
    {
      name: 'a comma inside a number is not a pause',
      text: action(`I ${words(10)} 1,200 ${words(14)} 3,400 ${words(12)}.`),
      findings: [{ messageId: 'long', text: `I ${words(10)} 1,200 ${words(14)} 3,400 ${words(12)}.` }],
    },
    { name: 'CRLF line endings', text: action(sentence(36)).replace(/\n/g, '\r\n'), findings: [{ messageId: 'long', text: sentence(36) }] },
  ],
});

describe('rule long-sentence message', () => {
  it('gives the count and the limit', () => {
    const messages = new Linter({ rules: [longSentence] }).lint(action(sentence(40))).findings.map((f) => f.message);
    assert.deepEqual(messages, [
      'This sentence has 40 words; split it so each sentence carries one step or one fact (aim for 35 words or fewer).',
    ]);
  });
});
