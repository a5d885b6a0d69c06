/**
 * Index of the largest value in every row of a flat row-major N × C array (ties: the lowest index).
 * Used for the predicted class ŷ of BADGE's gradient embedding and AlfaMix's prediction flips.
 *
 * Cost: one pass over N·C values, O(N) memory. Does not validate.
 *
 * @example argmaxRows(new Float32Array([0.1, 0.9, 0.6, 0.4]), 2, 2) // Int32Array [1, 0]
 */
export function argmaxRows(values: ArrayLike<number>, n: number, c: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0, off = 0; i < n; i++, off += c) {
    let best = 0;
    let bv = values[off]!;
    for (let k = 1; k < c; k++) {
      const v = values[off + k]!;
      if (v > bv) {
        bv = v;
        best = k;
      }
    }
    out[i] = best;
  }
  return out;
}
