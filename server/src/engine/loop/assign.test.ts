import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { assign, FORBIDDEN } from './assign';

/** Every partial assignment, tried: the most rows covered, then the least cost. */
function bruteForce(cost: number[][]): { covered: number; total: number } {
  const columns = Math.max(0, ...cost.map((r) => r.length));
  let best = { covered: -1, total: Infinity };
  const used = new Array<boolean>(columns).fill(false);
  const walk = (i: number, covered: number, total: number) => {
    if (i === cost.length) {
      if (covered > best.covered || (covered === best.covered && total < best.total)) best = { covered, total };
      return;
    }
    walk(i + 1, covered, total);
    for (let j = 0; j < columns; j++) {
      if (used[j] || !Number.isFinite(cost[i][j])) continue;
      used[j] = true;
      walk(i + 1, covered + 1, total + cost[i][j]);
      used[j] = false;
    }
  };
  walk(0, 0, 0);
  return best;
}

function measure(cost: number[][], result: Array<number | undefined>): { covered: number; total: number } {
  let covered = 0;
  let total = 0;
  result.forEach((j, i) => {
    if (j === undefined) return;
    covered++;
    total += cost[i][j];
  });
  return { covered, total };
}

const entry = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 40 }) },
  { weight: 1, arbitrary: fc.constant(FORBIDDEN) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
);
const matrix = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 6 }))
  .chain(([rows, columns]) => fc.array(fc.array(entry, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

describe('assign (Hungarian method)', () => {
  it('matches brute force on random rectangular matrices with forbidden entries', () => {
    fc.assert(
      fc.property(matrix, (cost) => {
        const result = assign(cost);
        assert.equal(result.length, cost.length);
        const taken = result.filter((j) => j !== undefined);
        assert.equal(new Set(taken).size, taken.length, 'a column is given twice');
        result.forEach((j, i) => j !== undefined && assert.ok(Number.isFinite(cost[i][j]), 'a forbidden entry was chosen'));
        const got = measure(cost, result);
        const best = bruteForce(cost);
        assert.equal(got.covered, best.covered);
        assert.ok(Math.abs(got.total - best.total) < 1e-6, `total ${got.total}, best ${best.total}`);
      }),
      { numRuns: 600, seed: 20261204 },
    );
  });

  it('covers a row with a dear column rather than leave it uncovered', () => {
    // Row 0 alone would take column 0 (cost 1); then row 1 could have nothing.
    assert.deepEqual(
      assign([
        [1, 100],
        [2, FORBIDDEN],
      ]),
      [1, 0],
    );
  });

  it('leaves rows uncovered when there are fewer columns than rows', () => {
    const result = assign([[5], [1], [3]]);
    assert.deepEqual(result, [undefined, 0, undefined]);
    assert.deepEqual(assign([[FORBIDDEN, FORBIDDEN]]), [undefined]);
    assert.deepEqual(assign([]), []);
    assert.deepEqual(assign([[], []]), [undefined, undefined]);
  });
});
