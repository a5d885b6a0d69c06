/**
 * Least-confidence score 1 − max_c p_c of every row of a flat N × C probability array
 * (Settles 2009, "uncertainty sampling" with the least confident prediction). Values in [0, 1 − 1/C].
 *
 * Cost: one pass over N·C floats, O(N) memory. Does not validate (see validate.ts).
 *
 * @example leastConfidence(new Float32Array([0.7, 0.2, 0.1]), 1, 3) // Float64Array [≈ 0.3]
 */
export function leastConfidence(probs: Float32Array, n: number, c: number): Float64Array {
  const s = new Float64Array(n);
  for (let i = 0, off = 0; i < n; i++, off += c) {
    let p1 = -Infinity;
    for (let k = 0; k < c; k++) {
      const v = probs[off + k]!;
      if (v > p1) p1 = v;
    }
    s[i] = 1 - p1;
  }
  return s;
}
