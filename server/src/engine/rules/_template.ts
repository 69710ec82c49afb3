/**
 * Template for a new rule. Copy this file to `<rule-name>.ts`; CONTRIBUTING.md ("Add a rule")
 * lists every step: the registry line, the doc page (Why interviewers care, Fires on, Stays quiet
 * on, How to fix), the test table, the corpus passages, then `npm run docs` and `npm run snippets`.
 * A comment in the rule says which interviewer behavior it encodes (see docs/interviews.md).
 */
import type { Rule } from '../types';
import { matchesIn, sectionsOf } from './shared/util';

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
