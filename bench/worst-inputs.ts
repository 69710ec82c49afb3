/**
 * Inputs built to make regexes and scanners backtrack: long runs of the characters and words the
 * rules' patterns repeat over. Each goes into every section of a story at two sizes; a linear
 * rule set costs about `GROWTH` times more on the larger one, a quadratic one its square.
 */
export const GROWTH = 4;

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
  return ['# Worst input', 'Principles: Dive Deep, Have Backbone; Disagree and Commit', '', ...['Situation', 'Task', 'Action', 'Result', 'Reflection'].map(section)].join('\n');
}

export function worstInputs(length: number): Array<{ name: string; small: string; large: string }> {
  return RUNS.map(([name, unit]) => ({ name, small: storyWith(unit, length), large: storyWith(unit, length * GROWTH) }));
}
