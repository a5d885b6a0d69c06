import { crossDotPacked, packedLength, packRows } from './crossDot.ts';
import { rowSquaredNorms, screeningEps } from './nearestCentres.ts';
import { squaredDistance } from './squaredDistances.ts';

/** Estimates held at once: centroids per block = clamp(ESTIMATE_LIMIT / n, 4, 64) (32 MB). */
const ESTIMATE_LIMIT = 1 << 22;

/**
 * For each centroid in order, the nearest point (squared Euclidean) that no earlier centroid took, so
 * the result has k distinct indices (CLUE's "point nearest each centroid, no duplicates"). Ties go to
 * the lower point index.
 *
 * Same answer, bit for bit, as scanning every untaken point with squaredDistance: a block of centroids
 * gets its estimated distances ‖x‖² + ‖c‖² − 2x·c to all points from one blocked product
 * (kernels/crossDot.ts), then, centroid by centroid, the untaken points whose estimate is within the
 * screening tolerance of the best (kernels/nearestCentres.ts explains the bound) are re-checked exactly.
 *
 * Cost O(k·n·d) in the product + O(k·n) scans; memory O(n·B + (n + B)·d) with B centroids per block.
 * Needs k <= n.
 */
export function nearestPointPerCentroid(points: ArrayLike<number>, n: number, dim: number, centroids: Float64Array, k: number): Int32Array {
  if (k > n) throw new RangeError(`nearestPointPerCentroid: k = ${k} centroids but only n = ${n} points`);
  if (points.length !== n * dim) throw new RangeError(`nearestPointPerCentroid: points has length ${points.length}, expected n × dim = ${n * dim}`);
  if (centroids.length < k * dim) throw new RangeError(`nearestPointPerCentroid: centroids has length ${centroids.length}, expected k × dim = ${k * dim}`);
  const taken = new Uint8Array(n);
  const out = new Int32Array(k);
  if (k === 0) return out;
  const eps = screeningEps(dim);
  const pointNorms = rowSquaredNorms(points, n, dim);
  const centroidNorms = rowSquaredNorms(centroids, k, dim);
  const block = Math.min(k, Math.max(4, Math.min(64, Math.floor(ESTIMATE_LIMIT / n))));
  const cp = new Float64Array(packedLength(block, dim));
  // Points are packed in chunks, so the packed copy never exceeds `chunk` rows.
  const chunk = Math.min(n, 4096);
  const pp = new Float64Array(packedLength(chunk, dim));
  const est = new Float64Array(block * n);
  for (let j0 = 0; j0 < k; j0 += block) {
    const b = Math.min(block, k - j0);
    packRows(centroids, j0, b, dim, cp);
    for (let i0 = 0; i0 < n; i0 += chunk) {
      const m = Math.min(chunk, n - i0);
      packRows(points, i0, m, dim, pp);
      crossDotPacked(cp, b, pp, m, dim, est, i0, n);
    }
    for (let r = 0; r < b; r++) {
      const j = j0 + r;
      const nc = centroidNorms[j]!;
      const row = r * n;
      let upper = Infinity;
      for (let i = 0; i < n; i++) {
        if (taken[i]) continue;
        const nx = pointNorms[i]!;
        const e = nx + nc - 2 * est[row + i]!;
        est[row + i] = e;
        const u = e + eps * (nx + nc);
        if (u < upper) upper = u;
      }
      let best = -1;
      let bd = Infinity;
      for (let i = 0; i < n; i++) {
        if (taken[i] || est[row + i]! - eps * (pointNorms[i]! + nc) > upper) continue;
        const s = squaredDistance(points, i * dim, centroids, j * dim, dim);
        if (s < bd || best < 0) {
          bd = s;
          best = i;
        }
      }
      out[j] = best;
      taken[best] = 1;
    }
  }
  return out;
}
