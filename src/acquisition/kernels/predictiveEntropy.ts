/**
 * Predictive (Shannon) entropy H(x) = −Σ_c p_c ln p_c of every row of a flat N × C probability array,
 * in nats, with 0·ln 0 = 0. The score of entropy sampling (Wang & Shen 2014) and CLUE's sample weight.
 *
 * Cost: one pass over N·C floats (one log per non-zero entry), O(N) memory. Float64 accumulation.
 * Does not validate (see validate.ts).
 *
 * @example predictiveEntropy(new Float32Array([0.5, 0.5]), 1, 2) // Float64Array [ln 2 ≈ 0.6931]
 */
export function predictiveEntropy(probs: Float32Array, n: number, c: number): Float64Array {
  const h = new Float64Array(n);
  for (let i = 0, off = 0; i < n; i++, off += c) {
    let s = 0;
    for (let k = 0; k < c; k++) {
      const v = probs[off + k]!;
      if (v > 0) s -= v * Math.log(v);
    }
    h[i] = s;
  }
  return h;
}
