/**
 * Inputs built to make regexes and scanners backtrack: long runs of the characters and words the
 * rules' patterns repeat over. Each goes into every section of a story at 10 K, 100 K and 1 M
 * characters; a linear rule set costs about `GROWTH` times more at each step, a quadratic one its
 * square. (The growth suite, test/growth, asserts this on many more inputs and structures.)
 */
export const GROWTH = 10;
export const SIZES = [10_000, 100_000, 1_000_000] as const;

const RUNS: ReadonlyArray<readonly [name: string, unit: string]> = [
  ['spaces', ' '],
  ['tabs and spaces', ' \t'],
  ['letters', 'a'],
  ['capitals', 'A'],
  ['capital words', 'AB '],
  ['digits', '1'],
  ['digit groups', '1,'],
  ['decimals', '1.'],
  ['numbers and words', '1 '],
  ['percent signs', '%'],
  ['apostrophes', "'"],
  ['curly apostrophes', '\u2019'],
  ['hyphens', '-'],
  ['hyphenated words', 'a-'],
  ['open parentheses', '('],
  ['words in parentheses', '(a '],
  ['"from"', 'from '],
  ['"to"', 'to '],
  ['"by"', 'by '],
  ['"about"', 'about '],
  ['"was"', 'was '],
  ['"I would"', 'I would '],
  ['"the team"', 'the team '],
  ['"more than"', 'more than '],
  ['"within the"', 'within the '],
  ['"maybe"', 'maybe '],
  ['"significantly"', 'significantly '],
  ['"helped"', 'helped '],
  ['periods', '.'],
  ['list markers', '- '],
  ['quote markers', '> '],
  ['bracketed words', '[a] '],
  ['section headings', '\n## Action\n'],
  ['story headings', '\n# S\n'],
  ['directive pairs', '\n<!-- star-stories-disable -->\nI helped.\n<!-- star-stories-enable -->\n'],
  ['emphasis marks', '*'],
  ['brackets', '['],
  ['backticks', '`'],
  ['comment openers', '<!--'],
  ['instruction openers', '<?'],
  ['declaration openers', '<!A'],
  ['angle brackets', '<'],
  ['emoji', '\u{1F600}'],
  ['no sentence end', 'word '],
];

/** A story whose every section holds `length` characters of the run. */
function storyWith(unit: string, length: number): string {
  const run = unit.repeat(Math.ceil(length / unit.length));
  const section = (name: string) => `## ${name}\nI decided ${run} from 100 to 40 within a month.\n`;
  return [
    '# Worst input',
    'Principles: Dive Deep, Have Backbone; Disagree and Commit',
    '',
    ...['Situation', 'Task', 'Action', 'Result', 'Reflection'].map(section),
  ].join('\n');
}

/** Each input at each of SIZES (total characters: the run fills a fifth of it in each of five sections). */
export function worstInputs(): Array<{ name: string; texts: string[] }> {
  return RUNS.map(([name, unit]) => ({ name, texts: SIZES.map((size) => storyWith(unit, size / 5)) }));
}
