/**
 * FALCUN's selection probabilities (paper Eq. for the draw, Appendix A.1, Fig. 9):
 * p_i = r_i^γ / Σ_j r_j^γ over a relevance vector r ≥ 0.
 * γ = 0 gives the uniform draw (0^0 is taken as 1, as the paper's "γ = 0 equals random sampling");
 * γ → ∞ approaches argmax. Computed as (r_i / max r)^γ so that large γ does not overflow.
 * When every relevance is 0 (and γ > 0) the draw is uniform, as in FALCUN.
 * Cost: O(N). Returns a new Float64Array summing to 1.
 * @throws TypeError when relevance is not array-like; RangeError for an empty vector, a negative or
 *   non-finite relevance, or γ not a finite number >= 0.
 * @example selectionProbabilities([1, 2], 1) // Float64Array [1/3, 2/3]
 */
export function selectionProbabilities(relevance: ArrayLike<number>, gamma: number): Float64Array {
  if (relevance == null || typeof relevance.length !== 'number') {
    throw new TypeError(`selectionProbabilities: relevance must be an array of numbers, got ${String(relevance)}`);
  }
  if (typeof gamma !== 'number' || !(gamma >= 0) || !Number.isFinite(gamma)) {
    throw new RangeError(`selectionProbabilities: gamma must be a finite number >= 0, got ${gamma}`);
  }
  const n = relevance.length;
  if (n === 0) throw new RangeError('selectionProbabilities: relevance is empty; give at least one candidate');
  let max = 0;
  for (let i = 0; i < n; i++) {
    const r = relevance[i]!;
    if (!(r >= 0) || !Number.isFinite(r)) throw new RangeError(`selectionProbabilities: relevance[${i}] must be a finite number >= 0, got ${r}`);
    if (r > max) max = r;
  }
  const p = new Float64Array(n);
  if (max === 0 || gamma === 0) return p.fill(1 / n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = (relevance[i]! / max) ** gamma;
    p[i] = v;
    sum += v;
  }
  for (let i = 0; i < n; i++) p[i]! /= sum;
  return p;
}
