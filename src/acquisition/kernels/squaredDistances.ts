/**
 * Squared Euclidean distances on flat row-major arrays, accumulated in float64 by direct differences
 * Σ (a_j − b_j)² (no ‖a‖² + ‖b‖² − 2a·b expansion, so identical points give exactly 0 and there is no
 * cancellation). Shared by KCenterGreedy, CDAL, k-means++ and Lloyd's k-means.
 */

/**
 * ‖a[aOff..aOff+dim) − b[bOff..bOff+dim)‖². Cost O(dim).
 * @example squaredDistance([0, 0], 0, [3, 4], 0, 2) // 25
 */
export function squaredDistance(a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, dim: number): number {
  let s = 0;
  for (let j = 0; j < dim; j++) {
    const t = a[aOff + j]! - b[bOff + j]!;
    s += t * t;
  }
  return s;
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
    let s = 0;
    for (let j = 0; j < dim; j++) {
      const t = points[off + j]! - center[centerOff + j]!;
      s += t * t;
    }
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
    let s = 0;
    for (let j = 0; j < dim; j++) {
      const t = points[off + j]! - center[centerOff + j]!;
      s += t * t;
    }
    if (s < minDist[i]!) minDist[i] = s;
  }
}
