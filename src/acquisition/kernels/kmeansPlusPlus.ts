import type { Random } from '../../random.ts';
import { drawProportional } from './drawProportional.ts';
import type { CrossProductKernel } from './crossProductKernel.ts';
import { ScreenedPointDistances } from './screenedPointDistances.ts';
import { squaredDistancesToPoint } from './squaredDistances.ts';
import { uniformUntaken } from './uniformUntaken.ts';

/** Writes the squared distance of every point to point `center` into `out[0..n)`. */
export type SquaredDistancesTo = (center: number, out: Float64Array) => void;

export interface KmeansPlusPlusOptions {
  /** Per-point sample weights w_i >= 0 (CLUE: entropy); sampling is ∝ w_i·D²(i). Default: all 1. */
  readonly weights?: Float64Array;
  /** Index of the first centre (BADGE: the largest gradient norm). Default: drawn ∝ w_i (uniform without weights). */
  readonly first?: number;
  /** kmeansPlusPlus only: an injected float32 product for screened distance updates (same picks). */
  readonly product?: CrossProductKernel;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) over n abstract points, given only a function that
 * fills the squared distances of all points to one point. After the first centre, each next centre is
 * drawn with probability ∝ w_i · min_j D²(i, centre_j) (one `random.uniform()` per draw, see
 * drawProportional). Chosen points get D² = 0 explicitly, so rounding in a factorised distance
 * (BADGE) never re-draws them; if every remaining point has zero weight (duplicates of the centres),
 * the next centre is uniform over the points not yet chosen (one `random.int`). Returns k distinct
 * indices in pick order.
 *
 * The distance is a callback so that BADGE's factorised gradient-embedding distance and the explicit
 * embeddings of CLUE / AlfaMix share this one loop.
 *
 * Cost: k − 1 calls of `distancesTo` plus O(k·n) for the updates and draws; memory O(n).
 * @throws RangeError when k is not an integer in [1, n] or `first` is out of range.
 */
export function kmeansPlusPlusSeeding(
  n: number,
  k: number,
  distancesTo: SquaredDistancesTo,
  random: Random,
  options: KmeansPlusPlusOptions = {},
): Int32Array {
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`kmeansPlusPlusSeeding: k must be an integer in [1, n = ${n}], got ${k}`);
  const weights = options.weights;
  if (weights !== undefined && weights.length !== n) {
    throw new RangeError(`kmeansPlusPlusSeeding: weights has length ${weights.length}, expected n = ${n}`);
  }
  const chosen = new Int32Array(k);
  const taken = new Uint8Array(n);
  const minD = new Float64Array(n).fill(Infinity);
  const tmp = new Float64Array(n);
  const w = new Float64Array(n);

  let first: number;
  if (options.first !== undefined) {
    if (!Number.isInteger(options.first) || options.first < 0 || options.first >= n) {
      throw new RangeError(`kmeansPlusPlusSeeding: first must be an integer in [0, ${n - 1}], got ${options.first}`);
    }
    first = options.first;
  } else if (weights !== undefined) {
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    first = total > 0 && Number.isFinite(total) ? drawProportional(weights, n, total, random) : random.int(n);
  } else {
    first = random.int(n);
  }
  chosen[0] = first;
  taken[first] = 1;

  for (let j = 1; j < k; j++) {
    distancesTo(chosen[j - 1]!, tmp);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (taken[i]) {
        minD[i] = 0;
        w[i] = 0;
        continue;
      }
      let d = tmp[i]!;
      if (!(d > 0)) d = 0; // clamps the tiny negatives of a factorised distance
      if (d < minD[i]!) minD[i] = d;
      const wi = weights === undefined ? minD[i]! : minD[i]! * weights[i]!;
      w[i] = wi;
      total += wi;
    }
    const next = total > 0 && Number.isFinite(total) ? drawProportional(w, n, total, random) : uniformUntaken(taken, n - j, random);
    chosen[j] = next;
    taken[next] = 1;
  }
  return chosen;
}

/**
 * k-means++ seeding on explicit points (n × dim, row-major), squared Euclidean distance.
 * Cost O(k·n·dim). See kmeansPlusPlusSeeding for the sampling rule and errors. With `options.product`
 * the per-pick distances are screened (kernels/screenedPointDistances.ts): same picks, faster.
 */
export function kmeansPlusPlus(
  points: ArrayLike<number>,
  n: number,
  dim: number,
  k: number,
  random: Random,
  options: KmeansPlusPlusOptions = {},
): Int32Array {
  const screened = options.product === undefined || k < 2 ? undefined : ScreenedPointDistances.create(points, n, dim, options.product);
  if (screened === undefined) return kmeansPlusPlusSeeding(n, k, (c, out) => squaredDistancesToPoint(points, n, dim, points, c * dim, out), random, options);
  // The seeding keeps min(D², new) per point; `known` mirrors those minima, and a point the screen rules
  // out gets its current minimum instead of its distance (so it stays unchanged, as with the exact value).
  const known = new Float64Array(n).fill(Infinity);
  try {
    return kmeansPlusPlusSeeding(
      n,
      k,
      (c, out) => {
        out.set(known);
        screened.updateMin(c, out);
        known.set(out);
      },
      random,
      options,
    );
  } finally {
    screened.dispose();
  }
}
