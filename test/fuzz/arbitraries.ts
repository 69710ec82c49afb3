/**
 * fast-check generators for story files, shared by the property tests (`test/unit/*.property.test.ts`,
 * few runs on every `npm test`) and `npm run fuzz` (many runs). Documents are built from real
 * story text (examples and fixtures) broken up with Markdown syntax, directives, front matter,
 * emoji, lone surrogates, every line-break style, NUL bytes, very long lines and deep nesting,
 * because the engine's bugs hide where real prose meets odd input, not in random noise alone.
 *
 * New rules need no change here: the generators know the file format, not the rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const ROOT = join(__dirname, '..', '..');

/** Runs per property: `FUZZ_RUNS` when set (npm run fuzz), else the small default `npm test` uses. */
export function fuzzRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

/** `FUZZ_SEED` (and `FUZZ_PATH`, to go straight to the shrunk case) replay a failure the fuzz script reported. */
export function fuzzParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FUZZ_SEED);
  const path = process.env.FUZZ_PATH;
  return {
    numRuns: fuzzRuns(defaultRuns),
    ...(Number.isInteger(seed) ? { seed } : {}),
    ...(Number.isInteger(seed) && path ? { path } : {}),
  };
}

function storyFiles(): string[] {
  const dirs = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures')];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.star.md'))
      .map((f) => join(dir, f)),
  );
}

/** Every example and fixture story, as written. */
export const CORPUS: readonly string[] = storyFiles().map((f) => readFileSync(f, 'utf8'));

const CORPUS_LINES: readonly string[] = [...new Set(CORPUS.flatMap((t) => t.split(/\r\n|\r|\n/)))];

/** Markdown and file-format syntax that changes how the rest of a story is read. */
export const SYNTAX: readonly string[] = [
  '# ',
  '## ',
  '### ',
  '#',
  '##',
  '# Title',
  '## Situation',
  '## Task',
  '## Action',
  '## Actions',
  '## Result',
  '## Outcome',
  '## Reflection',
  '## Lessons learned',
  'Situation\n---------',
  'Principles: ',
  'Principles: CO, DD',
  'Principles: Have Backbone; Disagree and Commit',
  'Principles: Customer Obsesion, Ownersip',
  '**Principles:** Ownership',
  '```',
  '```ts',
  '~~~',
  '    code block',
  '`code`',
  '``',
  '<!--',
  '-->',
  '<!-- star-stories-disable -->',
  '<!-- star-stories-enable -->',
  '<!-- star-stories-disable we-over-i weak-verb -->',
  '<!-- star-stories-disable-next-line -->',
  '<!-- star-stories-disable-next-line hypothetical -->',
  '<!-- star-stories-disable-file -->',
  '<!-- star-stories-disable-file too-long -->',
  '<!-- expect: we-over-i -->',
  '---',
  '...',
  '**',
  '*',
  '_',
  '__',
  '~~',
  '[',
  ']',
  '(',
  ')',
  '[link](https://example.com/a_b)',
  '<https://example.com>',
  '![img](x.png)',
  '[ref]: https://example.com "title"',
  '> ',
  '- ',
  '* ',
  '1. ',
  '1) ',
  '- [ ] ',
  '- [x] ',
  '| a | b |',
  '|---|---|',
  '\\',
  '\\*',
  '<div>',
  '</div>',
  '<br/>',
  '<?php ?>',
  '&amp;',
  '&#x1F600;',
  '    ',
  '\t',
  ' ',
];

/** Words the rules look for, so generated prose fires them often. */
export const TRIGGERS: readonly string[] = [
  'We',
  'we',
  'our',
  'us',
  'the team',
  'I',
  'my',
  'me',
  "we're",
  'we’re',
  "I'd",
  'I’ll',
  'I would',
  'I will',
  'if I were',
  'I usually',
  'we would',
  'helped',
  'assisted',
  'supported',
  'participated in',
  'was involved in',
  'worked on',
  'contributed to',
  'was responsible for',
  'together',
  'significantly',
  'a lot',
  'went well',
  'huge success',
  'improved things',
  '30%',
  '$2M',
  'doubled',
  'halved',
  'from 4 s to 1 s in 3 weeks',
  'We were',
  'we are',
  'I think',
  'said',
  'told',
  'Customer Obsession',
  'Ownership',
  'Dive Deep',
  'Bias for Action',
  'Backbone',
];

/** Text that breaks naive offset arithmetic: surrogate pairs, lone halves, joiners, BOM, NUL, line and paragraph separators. */
export const SPECIAL: readonly string[] = [
  '🚀',
  '👩‍💻',
  '🇺🇸',
  '📉',
  '😀😀',
  '\uD83D',
  '\uDE80',
  '\uDE80\uD83D',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\u200B',
  '\u200D',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000B',
  '\u000C',
  'e\u0301',
  'ﬁ',
  'İ',
  'ß',
  'ǅ',
  '\u202E',
  'שלום',
  '中文',
  'Ω',
  '\u00A0',
  '’',
  '“',
  '”',
  '—',
  '…',
];

export const LINE_BREAKS: readonly string[] = ['\n', '\r\n', '\r'];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CORPUS_LINES.flatMap((l) => l.split(/\s+/)).filter((w) => w.length > 0)) },
  { weight: 3, arbitrary: fc.constantFrom(...TRIGGERS) },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** One line of prose built from story words, rule triggers and odd characters. */
export const proseLine: fc.Arbitrary<string> = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', '', ', ', '. ', '  ', '\t', '**', '`')), { maxLength: 14 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

/** A line far longer than any story line: one paragraph, a space run, or a word with no break. */
export const longLine: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom('We helped a lot. ', 'I would say it went well ', 'word ', '🚀', 'x'), fc.integer({ min: 200, max: 3000 }))
    .map(([s, n]) => s.repeat(n)),
  fc.integer({ min: 60, max: 20_000 }).map((n) => ' '.repeat(n) + 'We helped.'),
  fc.integer({ min: 100, max: 5000 }).map((n) => 'a'.repeat(n)),
);

/** Deeply nested Markdown: quotes, lists, emphasis, brackets and HTML. */
export const deepNesting: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 2, max: 400 }), fc.nat(5)).map(([n, kind]) => {
  switch (kind) {
    case 0:
      return '> '.repeat(n) + 'We helped.';
    case 1:
      return Array.from({ length: Math.min(n, 120) }, (_, i) => '  '.repeat(i) + '- we helped').join('\n');
    case 2:
      return '*'.repeat(n) + 'I would' + '*'.repeat(n);
    case 3:
      return '['.repeat(n) + 'we' + ']'.repeat(n) + '(x)';
    case 4:
      return '<div>'.repeat(n) + 'we helped' + '</div>'.repeat(n);
    default:
      return '<!-- '.repeat(n) + 'we' + ' -->'.repeat(n);
  }
});

/** YAML front matter: valid settings, wrong types, malformed YAML, and hostile data. */
export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '---\ntargetSeconds: 120\n---\n',
    '---\r\ntargetSeconds: 90\r\nwordsPerMinute: 130\r\n---\r\n',
    '---\rtargetSeconds: 60\r---\r',
    '---\nrules:\n  we-over-i: off\n  weak-verb: error\n---\n',
    '---\nrules:\n  hypothetical: [info, {}]\n---\n',
    '---\n---\n',
    '---\n...\n',
    '---\n',
    '---\ntargetSeconds: "soon"\nwordsPerMinute: -5\n---\n',
    '---\ntargetSeconds: .inf\nwordsPerMinute: .nan\n---\n',
    '---\nrules: [we-over-i]\n---\n',
    '---\nrules:\n  no-such-rule: error\n  we-over-i: loud\n  weak-verb: [warning, 3]\n---\n',
    '---\n- just\n- a list\n---\n',
    '---\njust a string\n---\n',
    '---\n: : :\n  - [\n---\n',
    '---\nkey: "unterminated\n---\n',
    '---\n\ttab: indented\n---\n',
    '---\n!!js/function "function () { return 1 }"\n---\n',
    '---\nx: !!binary aGVsbG8=\ny: !!timestamp 2001-12-14\n---\n',
    '---\nregex: "(a+)+$"\nweakVerbs: ["(a+)+$", "a{1,99999}"]\n---\n',
    '---\n__proto__: {targetSeconds: 1}\nconstructor: {prototype: {polluted: true}}\n---\n',
    '---\nrules:\n  __proto__: error\n  constructor: off\n---\n',
  ),
  fc.integer({ min: 1, max: 3000 }).map((n) => `---\nacronyms: [${Array.from({ length: n }, (_, i) => `A${i}`).join(', ')}]\n---\n`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `---\nrules:\n  we-over-i: [warning, ${'['.repeat(n)}${']'.repeat(n)}]\n---\n`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `---\nnested: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n---\n`),
  fc.integer({ min: 2, max: 9 }).map(aliasBomb),
  fc
    .tuple(fc.array(proseLine, { maxLength: 4 }), fc.constantFrom(...LINE_BREAKS))
    .map(([lines, eol]) => ['---', ...lines, '---', ''].join(eol)),
);

/**
 * "Billion laughs" with YAML anchors: tiny to parse (aliases are shared references), enormous
 * if anything walks or serializes it as a tree.
 */
export function aliasBomb(levels: number): string {
  const lines = ['---', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  const top = `*a${levels - 1}`;
  lines.push(
    `targetSeconds: ${top}`,
    `acronyms: ${top}`,
    'rules:',
    `  we-over-i: [warning, {deep: ${top}}]`,
    `  weak-verb: ${top}`,
    '---',
    '',
  );
  return lines.join('\n');
}

/** A piece of a document: mostly real story lines, then syntax, prose and hostile input. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CORPUS_LINES) },
  { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 5, arbitrary: proseLine },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t') },
);

/** A document assembled from fragments with mixed line breaks, optionally behind front matter. */
export const assembledDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(frontMatter, { freq: 6 }),
    fc.array(fc.tuple(fragment, fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '', ' ')), { maxLength: 80 }),
  )
  .map(([front, parts]) => (front ?? '') + parts.map(([f, sep]) => f + sep).join(''));

/** One change to a document: insert, delete, replace, duplicate or re-break lines. */
export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'eol'; eol: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fragment, fc.constantFrom(...LINE_BREAKS)) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 0, max: 60 }), text: fragment }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom(...LINE_BREAKS) }) },
);

/** Applies a mutation; positions wrap around the text so every generated value lands somewhere. */
export function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : 'at' in m ? m.at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.eol);
  }
}

/** A real story file with a few random changes (which can split a surrogate pair or a CRLF). */
export const mutatedDocument: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...CORPUS), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([text, mutations]) => mutations.reduce(mutate, text));

/** Several stories glued together, some with front matter and long or nested parts. */
export const bankDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(frontMatter, { freq: 4 }),
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...CORPUS) },
        { weight: 1, arbitrary: longLine },
        { weight: 1, arbitrary: deepNesting },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.constantFrom(...LINE_BREAKS),
  )
  .map(([front, parts, eol]) => (front ?? '') + parts.join(eol).replace(/\r\n|\r|\n/g, eol));

/** Every kind of document the properties run on. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: assembledDocument },
  { weight: 4, arbitrary: mutatedDocument },
  { weight: 1, arbitrary: bankDocument },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);
