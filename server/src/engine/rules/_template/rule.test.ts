// The test table of the template rule: `valid` stories it must leave alone (include near-misses
// from strong stories), `invalid` ones with the flagged text and the text after its fix.
import { templateRule } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const action = (text: string) => story({ action: text });

testRule(templateRule, {
  valid: [
    { name: "the builder's strong story", text: story({}) },
    { name: 'part of a longer word', text: action('I renamed the example-phrase-parser and shipped it.') },
  ],
  invalid: [
    {
      name: 'a phrase inside a sentence: the fix deletes it and its space',
      text: action('I rewrote the example phrase importer and shipped it.'),
      findings: [{ messageId: 'found', text: 'example phrase' }],
      output: action('I rewrote the importer and shipped it.'),
    },
    {
      name: 'a phrase that starts the sentence: the next word takes the capital',
      text: action('Another example, I rewrote the importer.'),
      findings: [{ messageId: 'found', text: 'Another example' }],
      output: action('I rewrote the importer.'),
    },
    {
      name: "phrases from the rule's option",
      text: action('I rewrote the whole thing at once.'),
      config: { rules: { 'rule-name': ['info', { phrases: ['at once'] }] } },
      findings: [{ messageId: 'found', text: 'at once' }],
      output: action('I rewrote the whole thing.'),
    },
  ],
});
