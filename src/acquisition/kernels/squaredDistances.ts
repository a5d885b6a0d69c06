/**
 * Squared Euclidean distances on flat row-major arrays, accumulated in float64 by direct differences
 * Σ (a_j − b_j)² (no ‖a‖² + ‖b‖² − 2a·b expansion, so identical points give exactly 0 and there is no
 * cancellation). Shared by KCenterGreedy, CDAL, k-means++ and Lloyd's k-means.
 *
 * The sum runs in four interleaved partial sums (j mod 4), added as (s0 + s1) + (s2 + s3): four
 * independent add chains instead of one, ~3× faster in V8 for long rows. The result can differ from a
 * left-to-right sum in the last bits; every caller here uses this one definition.
 */

/** Σ_j (a[aOff+j] − b[bOff+j])² in four partial sums. The one inner loop of every kernel in this file. */
function sq(a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (const end = dim - 3; j < end; j += 4) {
    const t0 = a[aOff + j]! - b[bOff + j]!;
    const t1 = a[aOff + j + 1]! - b[bOff + j + 1]!;
    const t2 = a[aOff + j + 2]! - b[bOff + j + 2]!;
    const t3 = a[aOff + j + 3]! - b[bOff + j + 3]!;
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; j < dim; j++) {
    const t = a[aOff + j]! - b[bOff + j]!;
    s0 += t * t;
  }
  return s0 + s1 + (s2 + s3);
}

/**
 * ‖a[aOff..aOff+dim) − b[bOff..bOff+dim)‖². Cost O(dim).
 * @example squaredDistance([0, 0], 0, [3, 4], 0, 2) // 25
 */
export function squaredDistance(a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, dim: number): number {
  return sq(a, aOff, b, bOff, dim);
}

/**
 * Squared distance of every row i of `points` (n × dim) to the point `center[centerOff..+dim)`, written
 * to `out[i]`. Cost O(n·dim) time, no allocation. `out` must have length >= n.
 */
export function squaredDistancesToPoint(
  points: ArrayLike<number>,
  n: number,
  dim: number,
  center: ArrayLike<number>,
  centerOff: number,
  out: Float64Array,
): void {
  for (let i = 0, off = 0; i < n; i++, off += dim) {
    const s = sq(points, off, center, centerOff, dim);
    out[i] = s;
  }
}

/**
 * minDist[i] ← min(minDist[i], ‖points_i − center‖²) for every row: the farthest-first / k-means++
 * update after a new centre. Cost O(n·dim), in place on the caller's own buffer.
 */
export function updateMinSquaredDistances(
  points: ArrayLike<number>,
  n: number,
  dim: number,
  center: ArrayLike<number>,
  centerOff: number,
  minDist: Float64Array,
): void {
  for (let i = 0, off = 0; i < n; i++, off += dim) {
    const s = sq(points, off, center, centerOff, dim);
    if (s < minDist[i]!) minDist[i] = s;
  }
}

