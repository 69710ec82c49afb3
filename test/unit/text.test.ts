import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { countWords, plainSentenceBounds, segmenterBounds, withThousands, WORD } from '../../server/src/engine/text';

/** WORD's matches from span.start that start before span.end: what countWords must count. */
function wordMatches(text: string, span: { start: number; end: number }): number {
  const re = new RegExp(WORD.source, WORD.flags);
  re.lastIndex = span.start;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < span.end) count++;
  return count;
}

describe('counting words', () => {
  it('counts "p99", "3.5", "don\'t" and "follow-up" once each', () => {
    assert.equal(countWords('p99 fell 3.5 points; don\u2019t skip the follow-up, caf\u00e9.'), 9);
  });

  it('counts exactly what the WORD pattern matches, over any span of any text', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      '9',
      ' ',
      '.',
      ',',
      "'",
      '\u2019',
      '-',
      '. The',
      '! We',
      '? A',
      '." The',
      '.) We',
      '.\nThe',
      '?"  It',
      '. the',
      '. 5',
      '.The',
      '\u00e9',
      '\n',
      '\u00b2',
      '\ud835\udc00',
      '\ud800',
      '\udc00',
      '\u{1F600}',
      '_',
      '\u00a0',
      '\u4e2d',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = Math.min(a, b) % (text.length + 1);
          const end = Math.max(start, Math.max(a, b) % (text.length + 1));
          assert.equal(countWords(text), wordMatches(text, { start: 0, end: text.length }));
          assert.equal(countWords(text, { start, end }), wordMatches(text, { start, end }));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('numbers in notices', () => {
  it('writes thousands separators as en-US does, without loading ICU in the server', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 2_000_000, 123_456_789])
      assert.equal(withThousands(n), n.toLocaleString('en-US'));
  });

  it('agrees with en-US on any whole number, and rounds a fraction as a notice shows it', () => {
    fc.assert(fc.property(fc.nat(), (n) => withThousands(n) === n.toLocaleString('en-US')));
    assert.equal(withThousands(1234.6), '1,235');
  });
});

describe('sentences without the segmenter', () => {
  const pieces = [
    'The',
    'the',
    'We',
    'it',
    'A',
    'a',
    'U.S.',
    'e.g.',
    'i.e.',
    '3.5',
    '2023',
    '40%',
    'Mr.',
    'v2.1',
    '.',
    '!',
    '?',
    '...',
    '?!',
    ' ',
    '  ',
    '\n',
    ' \n',
    '"',
    "'",
    ')',
    '(',
    ']',
    '}',
    ',',
    ';',
    ':',
    '-',
    'é',
    '\u2019',
    '\u201d',
    '\t',
    '\r',
  ];
  const paragraph = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));

  it('finds what Intl.Segmenter finds whenever it answers, on any text made of the tricky pieces', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        const plain = plainSentenceBounds(text);
        return plain === undefined || JSON.stringify(plain) === JSON.stringify(segmenterBounds(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('answers for most paragraphs of real stories, and finds what the segmenter finds there', () => {
    const dir = join(__dirname, '..', 'corpus', 'field');
    const paragraphs = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n[ \t]*\n/));
    let answered = 0;
    for (const p of paragraphs) {
      const plain = plainSentenceBounds(p);
      if (plain === undefined) continue;
      answered++;
      assert.deepEqual(plain, segmenterBounds(p), p);
    }
    assert.ok(answered > paragraphs.length / 3, `answered ${answered} of ${paragraphs.length}`);
  });

  it('leaves what it cannot be sure of to the segmenter', () => {
    for (const text of [
      'Fixed e.g. the cache.',
      'It rose 3.5 points.',
      'The U.S.A. team won.',
      'He said \u201cno.\u201d Then left.',
      'Done.\r\nNext.',
    ])
      assert.equal(plainSentenceBounds(text), undefined, text);
    assert.deepEqual(
      plainSentenceBounds('I led it. We shipped!  Then "what?" Next\nline'),
      segmenterBounds('I led it. We shipped!  Then "what?" Next\nline'),
    );
  });
});
