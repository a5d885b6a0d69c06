import assert from 'node:assert/strict';

/** Counts one draw: `counts[i] += 1`, failing the test when `i` is not an index of `counts`. */
export function tally(counts: number[] | Float64Array, i: number | undefined): void {
  assert.ok(i !== undefined && Number.isInteger(i) && i >= 0 && i < counts.length, `draw ${i} is not an index of the ${counts.length} counts`);
  counts[i] = counts[i]! + 1;
}
