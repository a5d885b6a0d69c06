/**
 * Perplexity calibration of one point's conditional affinities p_{j|i} ∝ exp(−β_i · d²_ij)
 * (van der Maaten & Hinton 2008, "Visualizing Data using t-SNE", JMLR 9, Eq. 1 with β = 1/(2σ²)):
 * a bisection on β_i until the entropy H(P_i) = −Σ_j p_{j|i} ln p_{j|i} equals ln(perplexity)
 * (their Eq. 2, in nats rather than bits: the same perplexity).
 */

/** Entropy tolerance of the bisection, in nats (bhtsne's 1e-5). */
export const PERPLEXITY_TOLERANCE = 1e-5;
/** Bisection steps at most (each halves the bracket once one exists; bhtsne uses 200). */
export const PERPLEXITY_MAX_STEPS = 200;

/**
 * Writes p_{j|i} for the m squared distances `sqDist[from .. from+m)` into `out[from .. from+m)`, normalised to sum 1,
 * with the precision β chosen so that the row's perplexity exp(H) matches `perplexity` (to PERPLEXITY_TOLERANCE in H).
 * Distances are shifted by their minimum before exponentiation (the normalised row is unchanged; no underflow).
 * When perplexity ≥ m the row becomes uniform (the largest entropy m values can have). Returns β (0 when all
 * distances are equal: the row is uniform for any β).
 * Cost O(m · steps), steps ≤ PERPLEXITY_MAX_STEPS (typically 20–60). Inputs are assumed checked by the caller.
 */
export function calibrateRow(sqDist: Float64Array, from: number, m: number, perplexity: number, out: Float64Array): number {
  const target = Math.log(perplexity);
  let minD = Infinity;
  let maxD = -Infinity;
  for (let j = 0; j < m; j++) {
    const v = sqDist[from + j]!;
    if (v < minD) minD = v;
    if (v > maxD) maxD = v;
  }
  if (maxD === minD) {
    // all neighbours equally far (e.g. duplicated rows): every β gives the uniform row
    for (let j = 0; j < m; j++) out[from + j] = 1 / m;
    return 0;
  }
  let beta = 1;
  let lo = 0;
  let hi = Infinity;
  let used = beta;
  for (let step = 0; step < PERPLEXITY_MAX_STEPS; step++) {
    used = beta;
    let sum = 0;
    let weighted = 0;
    for (let j = 0; j < m; j++) {
      const dj = sqDist[from + j]! - minD;
      const p = Math.exp(-beta * dj);
      out[from + j] = p;
      sum += p;
      weighted += dj * p;
    }
    // H = ln Σ exp(−β d) + β Σ d exp(−β d) / Σ exp(−β d)   (sum ≥ 1: the nearest point gives exp(0))
    const h = Math.log(sum) + (beta * weighted) / sum;
    const diff = h - target;
    if (Math.abs(diff) < PERPLEXITY_TOLERANCE) break;
    if (diff > 0) {
      // too flat: sharpen
      lo = beta;
      beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
    } else {
      hi = beta;
      beta = (beta + lo) / 2;
    }
    if (beta === lo || beta === hi) break; // bracket exhausted in floating point
  }
  let sum = 0;
  for (let j = 0; j < m; j++) sum += out[from + j]!;
  for (let j = 0; j < m; j++) out[from + j] = out[from + j]! / sum;
  return used;
}
