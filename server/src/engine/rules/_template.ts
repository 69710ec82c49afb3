/**
 * Template for a new rule. Copy this file to `<rule-name>.ts`, then:
 * 1. fill in the declaration and the check;
 * 2. add it to the array in `rules/index.ts`;
 * 3. write `docs/rules/<rule-name>.md` (what, why, fires / does not fire, how to fix, options);
 * 4. add a `valid` / `invalid` table in `test/unit/rules/<rule-name>.test.ts`.
 * A comment in the rule says which interviewer behavior it encodes (see docs/interviews.md).
 */
import type { Rule } from '../types';
import { matchesIn, sectionsOf } from './util';

export const templateRule: Rule = {
  name: 'rule-name',
  description: 'One line: what the rule detects.',
  group: 'delivery',
  defaultSeverity: 'info',
  messages: {
    found: '"{text}" … say what to do instead.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['action'])) {
      for (const m of matchesIn(story, section.body, /\bexample\b/gi)) {
        context.report({ messageId: 'found', start: m.start, end: m.end, data: { text: m.text } });
      }
    }
  },
};
