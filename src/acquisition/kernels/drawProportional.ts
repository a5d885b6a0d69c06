import type { Random } from '../../random.ts';

/**
 * Draws index i with probability weights[i] / total by one inverse-CDF scan: target = U·total with
 * U ~ Uniform[0, 1) (one `random.uniform()`), then the first i with target < Σ_{j<=i} weights[j].
 * Zero weights are never drawn. If rounding leaves the target past the last positive weight, that
 * last positive index is returned. Used by FALCUN (Eq. (6)) and k-means++ (D² sampling).
 *
 * Cost: at most one pass over n weights, no allocation. `total` must be Σ weights[0..n) (> 0, finite),
 * computed by the caller in the same pass that made the weights (so no extra pass here).
 * Returns -1 only when every weight is zero (the caller handles that case before calling).
 */
export function drawProportional(weights: Float64Array, n: number, total: number, random: Random): number {
  const target = random.uniform() * total;
  let acc = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w > 0) {
      acc += w;
      last = i;
      if (target < acc) return i;
    }
  }
  return last;
}
