import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { countWords, withThousands, WORD } from '../../server/src/engine/text';

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
