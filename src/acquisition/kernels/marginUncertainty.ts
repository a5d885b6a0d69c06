/**
 * Margin uncertainty u(x) = 1 − (p[c1] − p[c2]) of every row of a flat N × C probability array,
 * where c1, c2 are the most and second most probable classes (paper Eq. (1); also the score of
 * margin sampling, Roth & Small 2006). Values lie in [0, 1]; 1 means a tie between the top two classes.
 *
 * Cost: one pass over N·C floats, O(N) extra memory. Computed in float64 from the float32 inputs.
 * Does not validate (see validate.ts); assumes n·c === probs.length and c >= 2.
 *
 * @example marginUncertainty(new Float32Array([0.5, 0.25, 0.25]), 1, 3) // Float64Array [0.75]
 */
export function marginUncertainty(probs: Float32Array, n: number, c: number): Float64Array {
  const u = new Float64Array(n);
  for (let i = 0, off = 0; i < n; i++, off += c) {
    let p1 = -Infinity;
    let p2 = -Infinity;
    for (let k = 0; k < c; k++) {
      const v = probs[off + k]!;
      if (v > p1) {
        p2 = p1;
        p1 = v;
      } else if (v > p2) {
        p2 = v;
      }
    }
    u[i] = 1 - (p1 - p2);
  }
  return u;
}
