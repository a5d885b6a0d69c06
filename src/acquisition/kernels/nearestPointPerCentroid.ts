import { squaredDistance } from './squaredDistances.ts';

/**
 * For each centroid in order, the nearest point (squared Euclidean) that no earlier centroid took, so
 * the result has k distinct indices (CLUE's "point nearest each centroid, no duplicates"). Ties go to
 * the lower point index. Cost O(k·n·dim); needs k <= n.
 */
export function nearestPointPerCentroid(points: ArrayLike<number>, n: number, dim: number, centroids: Float64Array, k: number): Int32Array {
  if (k > n) throw new RangeError(`nearestPointPerCentroid: k = ${k} centroids but only n = ${n} points`);
  const taken = new Uint8Array(n);
  const out = new Int32Array(k);
  for (let j = 0, co = 0; j < k; j++, co += dim) {
    let best = -1;
    let bd = Infinity;
    for (let i = 0, off = 0; i < n; i++, off += dim) {
      if (taken[i]) continue;
      const s = squaredDistance(points, off, centroids, co, dim);
      if (s < bd) {
        bd = s;
        best = i;
      }
    }
    out[j] = best;
    taken[best] = 1;
  }
  return out;
}
