import { resolvePrinciple } from '../principles/match';
import type { PrincipleSet } from '../principles/types';

/** What each section holds, as a comment: guidance that is never linted nor counted as spoken words. */
const SECTION_HINTS: Array<[string, string]> = [
  ['Situation', 'One or two sentences: where, when, and what was at stake.'],
  ['Task', 'What you personally owned: the goal, the deadline, the constraint.'],
  [
    'Action',
    'What you did, in the first person: the decision point, the data behind it, the trade-off you accepted. About 60% of the story.',
  ],
  ['Result', 'The outcome in numbers: from a baseline to a result within a time span, tied to customers or the business.'],
  ['Reflection', 'What you now do differently, every time.'],
];

/**
 * A new story file as a snippet: the title and each section are tab stops; each picked
 * principle's typical question and beats sit in HTML comments as a checklist for the draft.
 */
export function newStoryTemplate(principleSet: PrincipleSet, names: readonly string[], title?: string): string {
  const principles = names.map((name) => resolvePrinciple(principleSet, name) ?? name);
  const lines = [`# \${1:${escapeSnippet(title?.trim() || 'Story title')}}`];
  lines.push(`Principles: ${principles.map((p) => escapeSnippet(typeof p === 'string' ? p : p.name)).join(', ')}`);
  for (const p of principles) {
    if (typeof p === 'string') continue;
    lines.push('', `<!-- ${comment(p.name)}: "${comment(p.questions[0] ?? '')}"`);
    lines.push('     Beats the interviewer listens for:');
    for (const beat of p.beats) lines.push(`     - ${comment(beat.label)}: ${comment(beat.advice)}`);
    lines.push('-->');
  }
  // Each hint is the section's tab stop: Tab selects it, typing replaces it.
  SECTION_HINTS.forEach(([name, hint], i) => {
    lines.push('', `## ${name}`, `\${${i + 2}:<!-- ${comment(hint)} -->}`);
  });
  return lines.join('\n') + '\n$0';
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Text safe inside an HTML comment and a snippet. */
function comment(text: string): string {
  return escapeSnippet(text.replace(/--+>?/g, '–'));
}
