/**
 * Template for a new rule: copy this folder to `server/src/engine/rules/<rule-name>/`, rename
 * `templateRule`, and follow "Add a rule" in CONTRIBUTING.md. A comment on the rule says which
 * interviewer behavior it encodes (see docs/interviews.md).
 *
 * This example flags the phrases of words.json (and of its `phrases` option) in the told sections
 * and offers a fix that deletes them, keeping the sentence readable.
 */
import type { Rule, RuleReport } from '../../types';
import { phraseListCache } from '../../lru';
import { deletePhrase, joined } from '../common/delete-phrase';
import { spokenSentences } from '../common/spoken-sentences';
import { literalPhrases, matchesIn, toldSections } from '../common/util';
import words from './words.json';

const compiled = phraseListCache<RegExp>();

/** The built-in phrases and the user's, longest first so "sort of like" wins over "sort of". */
function pattern(extra: readonly string[]): RegExp {
  return compiled(
    extra,
    () =>
      new RegExp(
        `\\b(?:${literalPhrases([...words.phrases, ...extra])
          .sort((a, b) => b.length - a.length)
          .join('|')})\\b`,
        'gi',
      ),
  );
}

// Domain: why an interviewer marks this down, in one or two sentences.
export const templateRule: Rule = {
  name: 'rule-name',
  description: 'One line: what the rule flags ("example phrase", "another example").',
  group: 'delivery',
  defaultSeverity: 'info',
  fixable: 'fix',
  options: {
    phrases: {
      type: 'phrases',
      default: [],
      markdownDescription: 'Phrases `rule-name` flags in addition to its built-in list (matched literally, ignoring case).',
    },
  },
  messages: {
    found: '"{phrase}" … say what to do instead.',
  },
  check(story, context) {
    const re = pattern(context.options.phrases as readonly string[]);
    for (const section of toldSections(story)) {
      for (const m of matchesIn(story, section.body, re)) {
        // Part of a longer word ("example-phrased"): not the phrase.
        if (joined(story.prose, m.start - story.start, m.end - story.start)) continue;
        const startsSentence = spokenSentences(story, context.text, section).some((s) => s.start === m.start - story.start);
        const report: RuleReport = { messageId: 'found', data: { phrase: m.text }, start: m.start, end: m.end };
        context.report({ ...report, fix: deletePhrase(story, context.text, m.start, m.end, startsSentence) });
      }
    }
  },
};
