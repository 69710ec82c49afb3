/**
 * Minimum-cost assignment of rows (a loop's slots) to columns (stories), each column used at most
 * once. The matrix may be rectangular either way, and an entry may be forbidden (`Infinity`):
 * a row whose every allowed column is taken stays unassigned.
 *
 * No npm package for it is both small and kept up (the assignment libraries are a decade old,
 * square-only, or pull in a matrix library), so this is the Hungarian method with potentials
 * (Kuhn–Munkres, O(n² m) for n rows and m ≥ n columns), about forty lines.
 */

/** An entry that must never be chosen. */
export const FORBIDDEN = Number.POSITIVE_INFINITY;

/**
 * For each row, the column it gets, or undefined when it cannot have one. As many rows as
 * possible are assigned; among the assignments that reach that many, the total cost is the
 * least. `cost[i][j]` is the cost of giving column j to row i: a finite number, or FORBIDDEN
 * (NaN and negative infinity count as forbidden too).
 */
export function assign(cost: readonly (readonly number[])[]): Array<number | undefined> {
  const rows = cost.length;
  if (rows === 0) return [];
  const columns = Math.max(0, ...cost.map((row) => row.length));
  const padded = withUncoveredColumns(cost, columns);
  const match = hungarian(padded);
  return match.map((j, i) => (j < columns && isAllowed(cost[i][j]) ? j : undefined));
}

function isAllowed(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

/**
 * One extra column per row, "left uncovered", dearer than any difference real choices can make,
 * so covering one more row always wins; a forbidden entry is dearer than leaving every row
 * uncovered, so it is never taken. Real costs are shifted to be non-negative.
 */
function withUncoveredColumns(cost: readonly (readonly number[])[], columns: number): number[][] {
  const rows = cost.length;
  let least = 0;
  let most = 0;
  for (const row of cost) {
    for (const value of row) {
      if (!isAllowed(value)) continue;
      least = Math.min(least, value);
      most = Math.max(most, value);
    }
  }
  const span = most - least;
  // Covering one more row must always beat any difference in real cost: rows × span bounds that difference.
  const uncovered = (span + 1) * (rows + 1);
  const forbidden = uncovered * (rows + 1) * 2;
  return cost.map((row, i) => {
    const out: number[] = [];
    for (let j = 0; j < columns; j++) out.push(isAllowed(row[j]) ? row[j] - least : forbidden);
    for (let k = 0; k < rows; k++) out.push(k === i ? uncovered : forbidden);
    return out;
  });
}

/** The Hungarian method for n rows ≤ m columns, every entry finite: the column of each row. */
function hungarian(a: readonly (readonly number[])[]): number[] {
  const n = a.length;
  const m = a[0].length;
  // 1-based, as the method is usually written: index 0 is the free row being placed.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOf = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = a[i0 - 1][j - 1] - u[i0] - v[j];
        if (reduced < minv[j]) [minv[j], way[j]] = [reduced, j0];
        if (minv[j] < delta) [delta, j1] = [minv[j], j];
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) [u[rowOf[j]], v[j]] = [u[rowOf[j]] + delta, v[j] - delta];
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOf = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (rowOf[j] > 0) columnOf[rowOf[j] - 1] = j - 1;
  return columnOf;
}
