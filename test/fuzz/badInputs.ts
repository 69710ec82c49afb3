/**
 * Bad input a user can really open (docs/security.md), shared by the protocol test
 * (test/protocol/badInput.test.ts) and the timing script (scripts/bad-input-timing.ts).
 */
import { billingMigration } from '../migrationStory';
import { aliasBomb } from './arbitraries';

export const STORY = billingMigration({
  task: 'I owned the move before the contract ended.',
  action: 'I helped with the migration and I would say it went well.',
  result: 'The migration finished two weeks early and costs fell 30% in a quarter.',
});

/** Bytes of a typical binary file: a PNG signature, NULs and every byte value. */
export function binaryBytes(length = 4096): Buffer {
  const bytes = Buffer.alloc(length);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(bytes);
  let x = 12345;
  for (let i = 12; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >> 16;
  }
  return bytes;
}

/** The story with bytes that are not UTF-8 (a Latin-1 "é", a lone continuation byte, a truncated sequence). */
export function invalidUtf8Bytes(): Buffer {
  const [before, after] = STORY.split('I helped');
  return Buffer.concat([Buffer.from(before + 'Caf'), Buffer.from([0xe9, 0x20, 0x80, 0xe2, 0x82, 0x20]), Buffer.from('I helped' + after)]);
}

export type Expectation =
  /** The file is linted: diagnostics as for any story. */
  | 'diagnostics'
  /** One clear notice from the engine about the file itself (`rule`), and no lint of the file. */
  | { notice: 'file-too-large' }
  /** One or more `front-matter` notices about settings, and the story linted with the defaults. */
  | { frontMatter: RegExp[] };

export interface BadInput {
  name: string;
  text: () => string;
  expect: Expectation;
}

const MB = 1_000_000;

export const BAD_INPUTS: readonly BadInput[] = [
  { name: 'empty file', text: () => '', expect: 'diagnostics' },
  { name: 'binary file named .star.md', text: () => binaryBytes().toString('utf8'), expect: 'diagnostics' },
  { name: 'invalid UTF-8 (decoded to U+FFFD)', text: () => invalidUtf8Bytes().toString('utf8'), expect: 'diagnostics' },
  {
    name: '20 MB file',
    text: () => (STORY + '\n').repeat(Math.ceil((20 * MB) / (STORY.length + 1))),
    expect: { notice: 'file-too-large' },
  },
  {
    name: '1 MB single line',
    text: () => STORY.replace('I helped', 'I helped. ' + 'The queue drained and the report shipped on time. '.repeat(MB / 50)),
    expect: 'diagnostics',
  },
  // Each unclosed "<!--" or "<?" used to send the Markdown parser to the end of the paragraph: minutes for this one.
  {
    name: '1 MB of unclosed HTML comment openers',
    text: () => STORY.replace('I helped', 'I helped ' + '<!--<?<!A '.repeat(MB / 10)),
    expect: 'diagnostics',
  },
  {
    name: 'NUL bytes and lone surrogates',
    text: () => STORY.replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u0000' : i % 11 === 0 ? '\uD83D' : s)),
    expect: 'diagnostics',
  },
  {
    name: 'malformed front matter',
    text: () => '---\ntargetSeconds: [120\nrules: {we-over-i: off\n---\n' + STORY,
    expect: { frontMatter: [/Front matter is not valid YAML/] },
  },
  { name: 'unclosed front matter', text: () => '---\ntargetSeconds: 120\n' + STORY, expect: 'diagnostics' },
  {
    name: 'config with wrong types',
    text: () => '---\ntargetSeconds: soon\nwordsPerMinute: [150]\nrules: [we-over-i]\n---\n' + STORY,
    expect: {
      frontMatter: [
        /"targetSeconds" must be a number of at least 30, not "soon"/,
        /"wordsPerMinute" must be a number from 60 to 300, not a list/,
        /"rules" must map rule names/,
      ],
    },
  },
  {
    name: 'config with unknown rules and severities',
    text: () => '---\nrules:\n  no-such-rule: error\n  weak-verb: loud\n  hypothetical: [warning, 3]\n---\n' + STORY,
    expect: {
      frontMatter: [
        /unknown rule "no-such-rule"/,
        /rule "weak-verb" must be off, hint, info, warning or error, not "loud"/,
        /the options of rule "hypothetical" must be an object, not 3/,
      ],
    },
  },
  {
    name: 'config with a huge array',
    text: () =>
      `---\nacronyms: [${Array.from({ length: 100_000 }, (_, i) => `A${i}`).join(', ')}]\nrules:\n  we-over-i: [warning, {list: [${'1, '.repeat(5000)}1]}]\n---\n` +
      STORY,
    expect: { frontMatter: [/Front matter is \d+ characters long, more than settings ever need \(limit 100000\); it is ignored/] },
  },
  {
    name: 'config with a long array',
    // Options are checked against the rule's own (a number here), never walked.
    text: () => `---\nrules:\n  long-sentence: [info, {maxWords: [${'1, '.repeat(5000)}1]}]\n---\n` + STORY,
    expect: { frontMatter: [/option "maxWords" of rule "long-sentence" must be a number \(like 35\), not a list; using the default/] },
  },
  {
    name: 'config nested 10,000 deep',
    text: () => `---\nrules:\n  we-over-i: [warning, ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}]\n---\n` + STORY,
    expect: { frontMatter: [/./] },
  },
  {
    name: 'config with a YAML alias bomb',
    text: () => aliasBomb(9) + STORY,
    expect: { frontMatter: [/^Front matter has \d+ problems, and its bad settings are ignored: unknown setting "a0"/] },
  },
  {
    name: 'config with a "regex" phrase',
    // Phrases are data matched literally: a catastrophic-backtracking pattern is just text.
    text: () =>
      '---\nweakVerbs: ["(a+)+$", "(x|x)*y"]\nhedges: ["a{1,99999}"]\n---\n' + STORY.replace('I helped', 'a'.repeat(50_000) + '! I helped'),
    expect: 'diagnostics',
  },
  {
    name: 'code in front matter (!!js/function)',
    text: () => '---\ntargetSeconds: !!js/function "function () { process.exit(1) }"\n---\n' + STORY,
    expect: { frontMatter: [/./] },
  },
];
