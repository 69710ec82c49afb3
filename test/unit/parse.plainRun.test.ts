import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser as stockParser, GFM } from '@lezer/markdown';
import type { Tree } from '@lezer/common';
import { markdown } from '../../server/src/engine/parse';
import { bank, random, storyFile } from '../../bench/corpus';

// The engine's parser skips plain runs ahead of Lezer's inline parsers; what a story means must not
// change, so every tree here is compared with the stock GFM parser's, node for node.
const stock = stockParser.configure(GFM);

function nodes(tree: Tree): string[] {
  const out: string[] = [];
  tree.iterate({ enter: (n) => void out.push(`${n.name} ${n.from}-${n.to}`) });
  return out;
}

function assertSameTree(text: string, label: string): void {
  const ours = nodes(markdown.parse(text));
  const theirs = nodes(stock.parse(text));
  const at = ours.findIndex((n, i) => n !== theirs[i]);
  if (at >= 0 || ours.length !== theirs.length) {
    const i = at >= 0 ? at : Math.min(ours.length, theirs.length);
    assert.fail(`${label}: node ${i} is "${ours[i]}", the stock parser's "${theirs[i]}"\n${JSON.stringify(text)}`);
  }
}

const PIECES = [
  ...'abcdefghij ABC 0123456789 .,;:?()-+/=#|"\'',
  ...'\\&`<>*_~[]!@',
  '  \n',
  '   \n',
  ' \n',
  '\\\n',
  '\n',
  '\n\n',
  '\t',
  'www.',
  'http://',
  'https://',
  'mailto:',
  'xmpp:',
  'me@example.com',
  '&amp;',
  '&#35;',
  '<b>',
  '</b>',
  '<!-- c -->',
  '<https://a.io>',
  '[a](b "t")',
  '![x](y)',
  '[ref]: /u',
  '**',
  '__',
  '~~',
  '```',
  '| a | b |\n|---|---|\n',
  '# ',
  '## ',
  '- ',
  '1. ',
  '> ',
  'é',
  '😀',
  '\u00a0',
];

describe('the engine parser steps over plain text', () => {
  it('builds the stock parser’s tree for constructs at the edges of a plain run', () => {
    const cases = [
      'two spaces  \nbreak the line',
      'three spaces   \nbreak it too',
      'one space \ndoes not',
      'spaces   in the middle  of a line',
      'trailing spaces at the end  ',
      'a backslash\\\nbreaks, \\* escapes, \\a does not',
      'I *led* it, _we_ did not, snake_case_word, 2*3*4',
      '~~struck~~ and ~single~ and ~~~three~~~',
      '[a link](https://example.com) and ![an image](i.png) and [ref][1]\n\n[1]: https://x.io',
      'mail me@example.com or visit www.example.com or https://example.com/a_b',
      'mailto:me@example.com and xmpp:me@example.com/home',
      'the notes are at www.example.com/notes, nowhere else',
      '<span>html</span> <!-- star-stories-disable --> <https://autolink.io> a < b > c',
      '&amp; &#35; &nope; & alone',
      '`code` and ``more `code` here`` and ` unclosed',
      '| Metric | Before |\n|---|---|\n| p99 *ms* | 900 |\n',
      'Ünïcödé wörds — “quotes” and 😀 emoji  \nthen more',
      '\tTabbed\tand  \r\nCRLF  \r\n',
      '',
      '!',
      '!!![[]]',
    ];
    cases.forEach((text, i) => assertSameTree(text, `case ${i}`));
  });

  it('builds the stock parser’s tree for the bench’s stories and the field corpus', () => {
    assertSameTree(storyFile(42, 20), 'bench story file');
    for (const [path, text] of bank(7, 60)) assertSameTree(text, path);
    for (const dir of ['test/corpus/field', 'examples']) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        assertSameTree(readFileSync(join(dir, name), 'utf8'), join(dir, name));
      }
    }
  });

  it('builds the stock parser’s tree for 3,000 random documents dense in Markdown', () => {
    const next = random(20261206);
    for (let doc = 0; doc < 3000; doc++) {
      const length = 1 + Math.floor(next() * 80);
      let text = '';
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      assertSameTree(text, `random document ${doc}`);
    }
  });
});
