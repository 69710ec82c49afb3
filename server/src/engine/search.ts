/**
 * The first index in [0, length) at which `before` turns false, for a `before` that is true up to
 * some index and false from there on (a sorted list asked "is this still before what I seek?").
 * One binary search for every "how many are at most", "first ending after" and "which sentence
 * holds this offset" the engine asks on long documents.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
