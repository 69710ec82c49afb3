/**
 * Growth: what 10 times more text costs. Each input is a token run (a rule's trigger words,
 * punctuation, Markdown markers, directives, headings, list markers, numbers) laid out in a
 * structure (one sentence, one paragraph, many sections, many stories, nested lists, nested
 * quotes), built at any size. A linear engine pays about 10× for 10× the text; a quadratic one
 * 100×. The check compares sizes measured side by side in one process, never a time budget, so
 * it holds on a slow or busy machine.
 *
 * Used by test/growth/growth.test.ts (10 K and 100 K characters, on every `npm test`) and by
 * `npm run fuzz` (every input, up to 1 M characters).
 */
import { Linter, type Rule } from '../../server/src/engine';
import { Bank } from '../../server/src/engine/bank';
import { fixAll } from '../../server/src/engine/fix';

/** Fails when 10× the text costs more than this many times the time. */
export const MAX_RATIO = 15;
/**
 * Times below this (ms) count as this: a rule that takes 0.02 ms on the small input and 0.5 ms on
 * the large one has not grown 25×, it has stayed too small to measure. At 10 K characters a
 * warmed-up parse can take 3 ms and the same parser's 100 K one 150 ms (its trees and the
 * collector's work grow a little faster than the text), so a quadratic cost has to reach a few
 * hundred ms at 100 K to be told apart; the 100 K → 1 M step of `npm run fuzz` sees the rest.
 */
export const FLOOR_MS = { whole: 20, parts: 20 };

/** Token runs: what repeats. */
export const TOKENS: ReadonlyArray<readonly [name: string, unit: string]> = [
  // Characters patterns repeat over.
  ['spaces', ' '],
  ['tabs and spaces', ' \t'],
  ['letters', 'a'],
  ['capitals', 'A'],
  ['digits', '1'],
  ['digit groups', '1,'],
  ['decimals', '1.'],
  ['percent signs', '%'],
  ['apostrophes', "'"],
  ['curly apostrophes', '\u2019'],
  ['quotes', '"'],
  ['hyphens', '-'],
  ['hyphenated words', 'a-'],
  ['dashes', ' \u2014 '],
  ['open parentheses', '('],
  ['words in parentheses', '(a '],
  ['emoji', '\u{1F600}'],
  ['no-break spaces', '\u00a0'],
  ['CRLF line breaks', 'a\r\n'],
  ['CR line breaks', 'a\r'],
  // Punctuation.
  ['periods', '.'],
  ['sentences', 'I did it. '],
  ['exclamations', '!'],
  ['ellipses', '... '],
  ['commas', ', '],
  ['semicolons', 'a; '],
  ['colons', 'a: '],
  // Rule trigger words.
  ['"we"', 'we '],
  ['"the team"', 'the team '],
  ['"I would"', 'I would '],
  ['"if I were"', 'if I were '],
  ['"helped"', 'helped '],
  ['"was involved in"', 'was involved in '],
  ['"maybe"', 'maybe '],
  ['"I think"', 'I think '],
  ['"kind of"', 'kind of '],
  ['"significantly"', 'significantly '],
  ['"a lot"', 'a lot '],
  ['"leveraged synergies"', 'leveraged synergies '],
  ['"was done by"', 'was done by '],
  ['"my manager asked me"', 'my manager asked me '],
  ['acronyms', 'ABC '],
  ['acronym expansions', 'service level agreement (SLA) '],
  ['"from"', 'from '],
  ['"to"', 'to '],
  ['"by"', 'by '],
  ['"within the"', 'within the '],
  ['"more than"', 'more than '],
  ['numbers', '30% '],
  ['metrics', 'from 40 to 10 ms in 3 weeks '],
  ['money', '$2M '],
  ['principle names', 'Dive Deep, '],
  ['"decided"', 'I decided '],
  // Markdown.
  ['emphasis', '*a* '],
  ['strong emphasis', '**a** '],
  ['emphasis marks', '*'],
  ['underscores', '_'],
  ['strikethrough', '~~a~~ '],
  ['brackets', '['],
  ['links', '[a](b) '],
  ['bracketed words', '[a] '],
  ['images', '![a](b) '],
  ['backticks', '`'],
  ['inline code', '`a` '],
  ['escapes', '\\*'],
  ['entities', '&amp; '],
  ['table pipes', '| a '],
  ['comment openers', '<!--'],
  ['comments', '<!-- a --> '],
  ['instruction openers', '<?'],
  ['declaration openers', '<!A'],
  ['angle brackets', '<'],
  ['autolinks', '<http://a> '],
  ['HTML tags', '<b>a</b> '],
  // Line-level markers, each on a line of its own.
  ['list items', '- I did it\n'],
  ['ordered items', '1. I did it\n'],
  ['quote lines', '> I did it\n'],
  ['sub-headings', '### Step\n'],
  ['section headings', '## Action\n'],
  ['story headings', '# S\n'],
  ['setext underlines', 'a\n---\n'],
  ['fences', '```\n'],
  ['blank lines', '\n\n'],
  ['directive pairs', '<!-- star-stories-disable -->\nI helped.\n<!-- star-stories-enable -->\n'],
  ['next-line directives', '<!-- star-stories-disable-next-line -->\n'],
  ['principles lines', 'Principles: Ownership\n'],
];

export interface Structure {
  name: string;
  /** A document of about `size` characters made of `unit`. */
  build(unit: string, size: number): string;
}

const PRINCIPLES = [
  'Ownership',
  'Dive Deep',
  'Bias for Action',
  'Customer Obsession',
  'Deliver Results',
  'Earn Trust',
  'Invent and Simplify',
  'Frugality',
];
const SECTIONS = ['Situation', 'Task', 'Action', 'Result', 'Reflection'];

function run(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
}

function story(sections: (name: string) => string, title = 'Growth'): string {
  return [`# ${title}`, 'Principles: Dive Deep, Ownership', '', ...SECTIONS.map((name) => `## ${name}\n${sections(name)}\n`)].join('\n');
}

export const STRUCTURES: readonly Structure[] = [
  // The run inside one sentence of each section: what makes patterns backtrack.
  { name: 'one sentence', build: (unit, size) => story(() => `I decided ${run(unit, size / 5)} from 100 to 40 within a month.`) },
  // Short sentences holding the token, one paragraph per section.
  {
    name: 'one paragraph',
    build: (unit, size) => {
      const sentence = `I fixed ${unit} it in a week. `;
      return story(() => sentence.repeat(Math.max(1, Math.ceil(size / 5 / sentence.length))));
    },
  },
  // One story with section after section.
  {
    name: 'many sections',
    build: (unit, size) => {
      const parts: string[] = ['# Growth', 'Principles: Ownership', ''];
      for (let length = 0, i = 0; length < size; i++) {
        const part = `## ${SECTIONS[i % SECTIONS.length]}\nI ${unit} fixed it.\n`;
        parts.push(part);
        length += part.length;
      }
      return parts.join('\n');
    },
  },
  // Story after story under one title with changing principles: the bank's clusters and limits.
  {
    name: 'many stories',
    build: (unit, size) => {
      const parts: string[] = [];
      for (let length = 0, i = 0; length < size; i++) {
        const part = `# Story\nPrinciples: ${PRINCIPLES[i % PRINCIPLES.length]}, ${PRINCIPLES[(i + 3) % PRINCIPLES.length]}\n\n## Action\nI ${unit} fixed it.\n\n## Result\nCosts fell 30% in a month.\n`;
        parts.push(part);
        length += part.length;
      }
      return parts.join('\n');
    },
  },
  // List markers nested on one line, then the run.
  {
    name: 'nested list',
    build: (unit, size) => story((name) => (name === 'Action' ? '- '.repeat(Math.ceil(size / 4)) + run(unit, size / 2) : 'I fixed it.')),
  },
  // Quote markers nested on one line, then the run.
  {
    name: 'nested quotes',
    build: (unit, size) => story((name) => (name === 'Action' ? '> '.repeat(Math.ceil(size / 4)) + run(unit, size / 2) : 'I fixed it.')),
  },
  // A list nested by indentation, one level deeper per line.
  {
    name: 'indented list',
    build: (unit, size) => {
      const lines: string[] = [];
      for (let length = 0, depth = 0; length < size; depth++) {
        const line = `${'  '.repeat(depth)}- I ${unit} fixed it.`;
        lines.push(line);
        length += line.length + 1;
      }
      return story((name) => (name === 'Action' ? lines.join('\n') : 'I fixed it.'));
    },
  },
];

export interface GrowthInput {
  name: string;
  build(size: number): string;
}

/** Every token in every structure. */
export function allInputs(): GrowthInput[] {
  return STRUCTURES.flatMap((structure) =>
    TOKENS.map(([token, unit]) => ({ name: `${token} in ${structure.name}`, build: (size: number) => structure.build(unit, size) })),
  );
}

/**
 * The inputs `npm test` runs (a minute at most on a busy machine): the token runs that found a
 * quadratic cost once, each in the structure it was found in, and one plain run per structure.
 * `npm run fuzz` runs them all.
 */
export const QUICK: readonly string[] = [
  'periods in one sentence',
  '"significantly" in one sentence',
  '"maybe" in one sentence',
  '"helped" in one sentence',
  'acronyms in one sentence',
  'emphasis in one sentence',
  'bracketed words in one sentence',
  'links in one sentence',
  'comment openers in one sentence',
  'list items in one sentence',
  'story headings in one sentence',
  'directive pairs in one sentence',
  'next-line directives in one sentence',
  'spaces in one sentence',
  '"maybe" in one paragraph',
  '"a lot" in one paragraph',
  'acronyms in many sections',
  'letters in many stories',
  'list items in nested list',
  'letters in nested quotes',
  'letters in indented list',
];

export function quickInputs(): GrowthInput[] {
  const all = new Map(allInputs().map((i) => [i.name, i]));
  return QUICK.map((name) => {
    const input = all.get(name);
    if (!input) throw new Error(`No growth input named ${name}`);
    return input;
  });
}

/** What one measurement costs, in ms: the whole of each target and the parts of the lint. */
export interface Costs {
  /** Lint (every rule), bank update and its findings and summaries, fix-all: what the CLI does. */
  whole: Record<string, number>;
  /** The parse and each rule inside the lint. */
  parts: Record<string, number>;
}

/** CPU time of `work` in ms: on a machine shared with other processes, wall time mostly measures them. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function cpuClock(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

export function measureOnce(text: string, rules?: readonly Rule[]): Costs {
  let result: ReturnType<Linter['lint']> | undefined;
  const lint = cpuMs(() => (result = new Linter({ rules }).lint(text)));
  // The parts in a second lint: reading the clock around every rule of every story is not free.
  const profile = new Map<string, number>();
  new Linter({ profile, profileClock: cpuClock, rules }).lint(text);
  const bank = cpuMs(() => {
    const bank = new Bank();
    bank.update('file:///growth.star.md', text, result);
    bank.findings('file:///growth.star.md');
    bank.summaries();
  });
  // A fresh Linter: fix-all lints the text again, as the CLI's --fix does after its own lint.
  const fix = cpuMs(() => fixAll(new Linter({ rules }), text));
  return { whole: { lint, bank, 'fix-all': fix }, parts: Object.fromEntries(profile) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Over `runs` measurements (after one unmeasured run that warms the code up, when asked): the
 * median of each whole target, the least time of each part (a collection lands on whichever rule
 * is running; the least of a few runs is the one least disturbed).
 */
export function measure(text: string, runs: number, warm = false): Costs {
  if (warm) measureOnce(text);
  const samples = Array.from({ length: runs }, () => measureOnce(text));
  const pick = (kind: keyof Costs, of: (values: number[]) => number): Record<string, number> => {
    const keys = new Set(samples.flatMap((s) => Object.keys(s[kind])));
    return Object.fromEntries([...keys].map((k) => [k, of(samples.map((s) => s[kind][k] ?? 0))]));
  };
  return { whole: pick('whole', median), parts: pick('parts', (values) => Math.min(...values)) };
}

export interface Growth {
  target: string;
  small: number;
  large: number;
  /** large / max(small, floor). */
  ratio: number;
}

/** Each target's growth from one size to the next; the offending ones are those over MAX_RATIO. */
export function growth(small: Costs, large: Costs): Growth[] {
  const out: Growth[] = [];
  for (const kind of ['whole', 'parts'] as const) {
    for (const [target, largeMs] of Object.entries(large[kind])) {
      const smallMs = small[kind][target] ?? 0;
      out.push({ target, small: smallMs, large: largeMs, ratio: largeMs / Math.max(smallMs, FLOOR_MS[kind]) });
    }
  }
  return out;
}

/**
 * Measures an input at two sizes. A breach counts only if it is measured again on each of
 * `attempts` tries: a burst from another process can slow a few runs of a shared machine.
 */
export function checkGrowth(
  input: GrowthInput,
  smallSize: number,
  runs: number,
  attempts = 3,
): { offenders: Growth[]; large: Costs; largeText: number } {
  const smallText = input.build(smallSize);
  const largeText = input.build(smallSize * 10);
  let offenders: Growth[] | undefined;
  let large: Costs | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const small = measure(smallText, runs, true);
    large = measure(largeText, runs, attempt === 0);
    const found = growth(small, large).filter((g) => g.ratio > MAX_RATIO);
    offenders = offenders ? found.filter((g) => offenders!.some((o) => o.target === g.target)) : found;
    if (offenders.length === 0) break;
  }
  return { offenders: offenders!, large: large!, largeText: largeText.length };
}

export function describe(g: Growth): string {
  return `${g.target}: ${g.small.toFixed(2)} ms → ${g.large.toFixed(2)} ms (×${g.ratio.toFixed(1)})`;
}
