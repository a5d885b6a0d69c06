/**
 * Dense symmetric input affinities of exact t-SNE (van der Maaten & Hinton 2008, JMLR 9, Eq. 1–2 and Sec. 3.1):
 * p_{j|i} ∝ exp(−β_i ‖x_i − x_j‖²) over all j ≠ i, calibrated to the perplexity, and p_ij = (p_{j|i} + p_{i|j}) / (2N).
 */
import { calibrateRow } from './perplexitySearch.ts';

/**
 * The n×n matrix P (row-major, zero diagonal, sums to 1) of the n×d matrix x (not changed).
 * Cost O(n²·d + n²·steps) time, O(n²) memory. Assumes checked input (see tsneExact).
 */
export function denseAffinities(x: Float64Array, n: number, d: number, perplexity: number): Float64Array {
  const p = new Float64Array(n * n);
  const sq = new Float64Array(n - 1);
  const row = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < d; c++) {
        const t = x[i * d + c]! - x[j * d + c]!;
        s += t * t;
      }
      sq[m++] = s;
    }
    calibrateRow(sq, 0, n - 1, perplexity, row);
    m = 0;
    for (let j = 0; j < n; j++) if (j !== i) p[i * n + j] = row[m++]!;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = p[i * n + j]! + p[j * n + i]!;
      p[i * n + j] = s;
      p[j * n + i] = s;
      total += 2 * s;
    }
  }
  for (let e = 0; e < n * n; e++) p[e] = p[e]! / total;
  return p;
}
