import { strict as assert } from 'node:assert';
import { analyse, type NumberKind } from '../../../server/src/engine/language';

/** Each row: a sentence and its numbers as "text=kind", in order. */
const ROWS: Array<[string, string[]]> = [
  // Not results: a pronoun, a date, a duration, a version.
  ['One can scroll back to the start.', ['One=pronoun']],
  ['It was one of the most ambiguous terms in the contract.', ['one=pronoun']],
  // "No one" is a pronoun too: never a result.
  ['No one owned it.', ['one=pronoun']],
  ['We shipped in Q3 2024.', ['Q3 2024=date']],
  ['I joined in 2023.', ['2023=date']],
  ['She was on leave for 3 months.', ['3 months=duration']],
  ['The service recovered in 20 minutes.', ['20 minutes=duration']],
  ['I spent two weeks on it.', ['two weeks=duration']],
  ['We launched in March.', ['March=date']],
  ['I rewrote it in Python 3 on EC2.', ['3=identifier', 'EC2=identifier']],
  ['It was a P0 for an L6 on v2.', ['P0=identifier', 'L6=identifier', 'v2=identifier']],
  ['I first gathered data.', ['first=ordinal']],
  // Results.
  ['We handled 450 orders a day.', ['450 orders a day=quantity']],
  ['We served 1,200 users.', ['1,200 users=count']],
  ['p99 latency fell to 300 ms.', ['p99=identifier', '300 ms=quantity']],
  ['We added two engineers and three services.', ['two engineers=count', 'three services=count']],
  ['Costs fell by 40% and we saved $61K.', ['40%=percent', '$61K=money']],
  ['We saved $2 million a year.', ['$2 million=money']],
  ['Throughput tripled and checkout got 3x faster.', ['tripled=multiplier', '3x=multiplier']],
  ['Errors halved.', ['halved=multiplier']],
  ['We closed hundreds of tickets.', ['hundreds of=approximate']],
  ['The queue held 2GB of data.', ['2GB=quantity']],
  ['Refunds fell from 900 to 310.', ['900=count', '310=count']],
];

describe('language: numbers and what they are', () => {
  for (const [text, expected] of ROWS) {
    it(text, () => {
      const s = analyse(text, 0, text.length);
      assert.deepEqual(
        s.numbers.map((n) => `${n.text}=${n.kind}`),
        expected,
      );
    });
  }

  it('gives values and units', () => {
    const text = 'Costs fell by 40% to $61K, and we served 1,200 users in 20 minutes.';
    const s = analyse(text, 0, text.length);
    const pick = (kind: NumberKind) => s.numbers.find((n) => n.kind === kind);
    assert.equal(pick('percent')?.value, 40);
    assert.equal(pick('money')?.value, 61000);
    assert.deepEqual([pick('count')?.value, pick('count')?.unit], [1200, 'users']);
    assert.deepEqual([pick('duration')?.value, pick('duration')?.unit], [20, 'minutes']);
  });
});
