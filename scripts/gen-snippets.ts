/**
 * Generates snippets/star-markdown.json from the built-in principle catalogue and the rule
 * registry (the directive snippets offer every registered rule).
 *
 * `npm run gen` (scripts/gen.ts) writes it; `npm test` checks it is current.
 *
 * The output is deterministic (catalogue order, 2-space indent, trailing newline), so the
 * check and the unit test can compare it byte for byte.
 */
import * as path from 'node:path';
import { amazonPrinciples } from '../server/src/engine/principles/amazon';
import type { Beat, Principle } from '../server/src/engine/principles/types';
import { rules } from '../server/src/engine/rules';

export const SNIPPETS_PATH = path.resolve(__dirname, '..', 'snippets', 'star-markdown.json');

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/**
 * Beats that are evidence of the outcome rather than of the action, so their prompt goes
 * under Result instead of Action. Keyed `principleId/beatId`; every key must exist.
 */
const RESULT_BEATS: ReadonlySet<string> = new Set([
  'customer-obsession/customer-impact',
  'deliver-results/outcome',
  'earn-trust/trust-rebuilt',
  'learn-and-be-curious/cost-named',
  'are-right-a-lot/judgment-vindicated',
  'frugality/cost-saved',
  'hire-and-develop-the-best/person-grew',
  'success-and-scale-bring-broad-responsibility/left-better',
]);

/** Beats that belong in the Reflection section (the behavior change after a failure). */
const REFLECTION_BEATS: ReadonlySet<string> = new Set(['learn-and-be-curious/behavior-change']);

/** Escapes literal text for a snippet body (outside or inside a `${n:…}` placeholder). */
function esc(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Escapes one option of a `${n|a,b|}` choice, where `,` and `|` are also special. */
function escChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

function placeholder(n: number, text: string): string {
  return `\${${n}:${esc(text)}}`;
}

/**
 * A prompt as a tab stop holding an HTML comment: Tab selects it and typing replaces it, and
 * until then it is never read as story text nor timed (a section holding only comments is not
 * written yet, so it draws no finding).
 */
function prompt(n: number, text: string): string {
  return placeholder(n, `<!-- ${text.replace(/--+>?/g, '–')} -->`);
}

const TITLE = 'Title: a few words you will recognise the story by';
const SITUATION = 'One or two sentences: where, when, what was at stake.';
const TASK = 'One or two sentences: what you personally owned and the goal you had to reach.';
const ACTION =
  'Most of the story (about 60%): what you did, in the first person ("I", not "we"): the decision point, the data behind it, the trade-off you accepted.';
const DECISION = 'Decision point: the moment you chose, the data behind the choice, and the trade-off or constraint you accepted.';
const RESULT = 'The outcome in numbers: from a baseline to an outcome in a time span, and what it meant for customers or the business.';
const REFLECTION = 'What you now do differently, every time, because of this story (a concrete habit, not a generic lesson).';

function beatPrompt(beat: Beat): string {
  return `Beat — ${beat.label}: ${beat.advice}`;
}

function fullStory(): Snippet {
  const choices = amazonPrinciples.principles.map((p) => escChoice(p.name)).join(',');
  return {
    prefix: 'star',
    description: 'STAR story: a full story skeleton (Situation, Task, Action, Result, Reflection)',
    body: [
      `# ${placeholder(1, TITLE)}`,
      `Principles: \${2|${choices}|}`,
      '',
      '## Situation',
      prompt(3, SITUATION),
      '',
      '## Task',
      prompt(4, TASK),
      '',
      '## Action',
      prompt(5, ACTION),
      '',
      '## Result',
      prompt(6, RESULT),
      '',
      '## Reflection',
      prompt(7, REFLECTION),
      '$0',
    ],
  };
}

function principleStory(p: Principle): Snippet {
  const key = (b: Beat): string => `${p.id}/${b.id}`;
  const actionBeats = p.beats.filter((b) => !RESULT_BEATS.has(key(b)) && !REFLECTION_BEATS.has(key(b)));
  const resultBeats = p.beats.filter((b) => RESULT_BEATS.has(key(b)));
  const reflectionBeats = p.beats.filter((b) => REFLECTION_BEATS.has(key(b)));

  let n = 1;
  const body: string[] = [`# ${placeholder(n++, TITLE)}`, `Principles: ${esc(p.name)}`];
  if (p.questions.length > 0) body.push(`<!-- Question: ${esc(p.questions[0])} -->`);
  body.push('', '## Situation', prompt(n++, SITUATION), '', '## Task', prompt(n++, TASK), '', '## Action');
  for (const b of actionBeats) body.push(prompt(n++, beatPrompt(b)));
  body.push(prompt(n++, DECISION), '', '## Result', prompt(n++, RESULT));
  for (const b of resultBeats) body.push(prompt(n++, beatPrompt(b)));
  body.push('', '## Reflection');
  if (reflectionBeats.length > 0) {
    for (const b of reflectionBeats) body.push(prompt(n++, beatPrompt(b)));
  } else {
    body.push(prompt(n, REFLECTION));
  }
  body.push('$0');
  return { prefix: `star-${p.id}`, description: `STAR story for ${p.name}`, body };
}

/** Inline directives (README, File format), with the registered rules as a choice. */
function directiveSnippets(): Record<string, Snippet> {
  const choice = `\${1|${rules.map((r) => escChoice(r.name)).join(',')}|}`;
  const directive = (kind: string, description: string): [string, Snippet] => [
    `Directive: ${kind}`,
    { prefix: `star-${kind}`, description, body: [`<!-- star-stories-${kind} ${choice} -->$0`] },
  ];
  return Object.fromEntries([
    directive('disable', 'Stop checking a rule from here on (until star-stories-enable); delete the rule name to stop every rule'),
    directive('disable-next-line', 'Do not check a rule on the next line; delete the rule name to skip every rule'),
    directive('disable-file', 'Do not check a rule anywhere in this file; delete the rule name to skip every rule'),
    directive('enable', 'Check a rule again after star-stories-disable; delete the rule name to enable every rule'),
  ]);
}

/** The snippet file's content, in a stable order. */
export function generateSnippets(): Record<string, unknown> {
  const known = new Set(amazonPrinciples.principles.flatMap((p) => p.beats.map((b) => `${p.id}/${b.id}`)));
  for (const k of [...RESULT_BEATS, ...REFLECTION_BEATS]) {
    if (!known.has(k)) throw new Error(`gen-snippets: beat ${k} is not in the catalogue`);
  }

  const out: Record<string, Snippet> = {};
  out['STAR story'] = fullStory();
  for (const p of amazonPrinciples.principles) out[`STAR story: ${p.name}`] = principleStory(p);
  out['Result metric phrase'] = {
    prefix: 'star-metric',
    description: 'Result metric phrase: from a baseline to an outcome in a time span, and what it meant',
    body: [
      `${prompt(1, 'metric')} went from ${prompt(2, 'baseline')} to ${prompt(3, 'outcome')} in ${prompt(4, 'timeframe')}, which ${prompt(5, 'meant what for customers or the business')}.`,
    ],
  };
  out['Reflection section'] = {
    prefix: 'star-reflection',
    description: 'Reflection section: what you now do differently',
    body: ['## Reflection', prompt(1, REFLECTION), '$0'],
  };
  Object.assign(out, directiveSnippets());
  return out;
}

/** The exact text written to snippets/star-markdown.json. */
export function renderSnippets(): string {
  return `${JSON.stringify(generateSnippets(), null, 2)}\n`;
}
