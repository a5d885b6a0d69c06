// Shared test data for the t-SNE tests: Gaussian clusters and slow, obvious reference computations.
import { Random } from '../../src/random.ts';

/** n points in d dimensions, `clusters` isotropic Gaussian clusters (std `spread`) around centres drawn N(0, separation²). */
export function gaussianClusters(n: number, d: number, clusters: number, separation: number, spread: number, seed: number) {
  const r = new Random(seed);
  const centres = new Float64Array(clusters * d);
  for (let e = 0; e < centres.length; e++) centres[e] = r.normal(0, separation);
  const x = new Float64Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % clusters;
    labels[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = centres[c * d + j]! + r.normal(0, spread);
  }
  return { x, labels };
}

export function sqDist(x: ArrayLike<number>, d: number, a: number, b: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += (x[a * d + j]! - x[b * d + j]!) ** 2;
  return s;
}

/** k nearest neighbour sets by sorting all distances (slow, obvious). */
export function bruteKnn(x: ArrayLike<number>, n: number, d: number, k: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const others = [];
    for (let j = 0; j < n; j++) if (j !== i) others.push({ j, s: sqDist(x, d, i, j) });
    others.sort((a, b) => a.s - b.s || a.j - b.j);
    out.push(others.slice(0, k).map((o) => o.j));
  }
  return out;
}

/**
 * Mean silhouette coefficient of a labelling (Rousseeuw 1987), Euclidean, O(n²): for each point
 * (b − a) / max(a, b), a = mean distance to its own cluster, b = smallest mean distance to another cluster.
 */
export function silhouette(y: ArrayLike<number>, n: number, d: number, labels: Int32Array): number {
  const c = Math.max(...labels) + 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sum = new Float64Array(c);
    const cnt = new Float64Array(c);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sum[labels[j]!]! += Math.sqrt(sqDist(y, d, i, j));
      cnt[labels[j]!]! += 1;
    }
    const a = sum[labels[i]!]! / cnt[labels[i]!]!;
    let b = Infinity;
    for (let k = 0; k < c; k++) if (k !== labels[i] && cnt[k]! > 0) b = Math.min(b, sum[k]! / cnt[k]!);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** Fraction of each point's k nearest neighbours in x that stay among its k nearest in y (slow, obvious). */
export function bruteNeighbourPreservation(x: ArrayLike<number>, d: number, y: ArrayLike<number>, dLow: number, n: number, k: number): number {
  const a = bruteKnn(x, n, d, k);
  const b = bruteKnn(y, n, dLow, k);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const s = new Set(a[i]);
    for (const j of b[i]!) if (s.has(j)) kept++;
  }
  return kept / (n * k);
}
