/**
 * The scalar versions the blocked distance kernels replaced (one squaredDistance per pair, first strict
 * minimum wins), kept as references: the blocked kernels and the strategies built on them must give
 * the same results bit for bit.
 */
import { squaredDistance } from '../../src/acquisition/kernels/squaredDistances.ts';

/** Nearest centre of every point by a squaredDistance scan (ties to the lower centre). */
export function scanNearest(points: ArrayLike<number>, n: number, centres: ArrayLike<number>, k: number, d: number): { index: number[]; distance: number[] } {
  const index: number[] = [];
  const distance: number[] = [];
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bd = Infinity;
    for (let j = 0; j < k; j++) {
      const s = squaredDistance(points, i * d, centres, j * d, d);
      if (s < bd) {
        bd = s;
        best = j;
      }
    }
    index.push(best);
    distance.push(bd);
  }
  return { index, distance };
}

/** For each centroid in order, the nearest untaken point by a squaredDistance scan (ties to the lower point). */
export function scanNearestPointPerCentroid(points: ArrayLike<number>, n: number, d: number, cents: Float64Array, k: number): number[] {
  const taken = new Uint8Array(n);
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    let best = -1;
    let bd = Infinity;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      const s = squaredDistance(points, i * d, cents, j * d, d);
      if (s < bd) {
        bd = s;
        best = i;
      }
    }
    out.push(best);
    taken[best] = 1;
  }
  return out;
}

/** Weighted Lloyd k-means with a scan assignment, step for step as kernels/kmeans.ts. */
export function scanLloyd(points: ArrayLike<number>, n: number, d: number, init: Float64Array, k: number, iters: number, weights?: Float64Array) {
  const centroids = Float64Array.from(init);
  let assignment = scanNearest(points, n, centroids, k, d).index;
  for (let it = 0; it < iters; it++) {
    const sums = new Float64Array(k * d);
    const mass = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const w = weights?.[i] ?? 1;
      if (w === 0) continue;
      const a = assignment[i]!;
      mass[a] = mass[a]! + w;
      for (let t = 0; t < d; t++) sums[a * d + t] = sums[a * d + t]! + w * points[i * d + t]!;
    }
    for (let j = 0; j < k; j++) if (mass[j]! > 0) for (let t = 0; t < d; t++) centroids[j * d + t] = sums[j * d + t]! / mass[j]!;
    const next = scanNearest(points, n, centroids, k, d).index;
    const same = next.every((a, i) => a === assignment[i]);
    assignment = next;
    if (same) break;
  }
  return { centroids, assignment, distances: scanNearest(points, n, centroids, k, d).distance };
}
