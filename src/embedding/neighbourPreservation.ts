/**
 * k-nearest-neighbour preservation of an embedding: the mean over points of |kNN_high(i) ∩ kNN_low(i)| / k,
 * the fraction of each point's k nearest neighbours in the input space that are also among its k nearest
 * neighbours in the embedding (1 = all kept; about k/n for a random layout). A standard score for t-SNE
 * layouts (e.g. Kobak & Berens 2019, "The art of using t-SNE for single-cell transcriptomics", Nat. Commun.).
 */
import { Random } from '../random.ts';
import { checkedMatrix } from './tsneOptions.ts';
import { kNearestNeighbours } from './kNearestNeighbours.ts';

/**
 * @param high n×d input points (row-major, not changed)
 * @param low n×dLow embedding (row-major, not changed), usually dLow = 2
 * Cost O(n log n · (d + dLow)) typical through vantage-point trees; exact neighbours (ties broken arbitrarily).
 * @throws TypeError/RangeError as tsne's input check for either matrix, RangeError when k ∉ [1, n − 1].
 * @example neighbourPreservation(x, n, 84, tsne(x, n, 84, { random }), 2, 10) // e.g. 0.45
 */
export function neighbourPreservation(
  high: Float32Array | Float64Array,
  n: number,
  d: number,
  low: Float32Array | Float64Array,
  dLow: number,
  k: number,
): number {
  const a = checkedMatrix('neighbourPreservation (high)', high, n, d);
  const b = checkedMatrix('neighbourPreservation (low)', low, n, dLow);
  if (!Number.isInteger(k) || k < 1 || k > n - 1) {
    throw new RangeError(`neighbourPreservation: k must be an integer in [1, n − 1 = ${n - 1}], got ${k}`);
  }
  const rng = new Random('neighbourPreservation');
  const ka = kNearestNeighbours(a, n, d, k, rng.fork('high')).indices;
  const kb = kNearestNeighbours(b, n, dLow, k, rng.fork('low')).indices;
  const mark = new Int32Array(n).fill(-1);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) mark[ka[i * k + t]!] = i;
    for (let t = 0; t < k; t++) if (mark[kb[i * k + t]!] === i) kept++;
  }
  return kept / (n * k);
}
