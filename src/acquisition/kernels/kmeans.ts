import type { CrossProductKernel } from './crossProductKernel.ts';
import { nearestCentres, rowSquaredNorms } from './nearestCentres.ts';

/**
 * Lloyd's k-means (Lloyd 1982) on explicit points (n × dim, row-major) from given initial centroids,
 * with optional per-point weights (CLUE weights by entropy). Each iteration: centroids ← weighted means
 * of their assigned points (a cluster with zero total weight keeps its centroid), then every point is
 * re-assigned to its nearest centroid (squared Euclidean, ties to the lower centroid index). Stops
 * when no assignment changes (converged) or after `maxIterations` updates. The returned assignment
 * always belongs to the returned centroids. All sums in float64. The assignment step is
 * kernels/nearestCentres.ts: a blocked product screens, then the exact squaredDistance of the few
 * candidates decides, so assignments and distances equal a squaredDistance scan's bit for bit.
 *
 * Cost: O(n·k·dim) per iteration, memory O(n + k·dim) (+ nearestCentres' blocks).
 * @throws RangeError for mismatched lengths or maxIterations < 0.
 */
export interface KmeansOptions {
  readonly weights?: Float64Array;
  /** Default 20. */
  readonly maxIterations?: number;
  /** A faster float32 product for the assignment's screening (kernels/crossProductKernel.ts); same results. */
  readonly product?: CrossProductKernel;
}

export interface KmeansResult {
  /** k × dim, row-major. */
  readonly centroids: Float64Array;
  /** Cluster of each point. */
  readonly assignment: Int32Array;
  /** Squared distance of each point to its centroid. */
  readonly distances: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

export function kmeans(
  points: ArrayLike<number>,
  n: number,
  dim: number,
  initialCentroids: ArrayLike<number>,
  k: number,
  options: KmeansOptions = {},
): KmeansResult {
  const maxIterations = options.maxIterations ?? 20;
  if (!Number.isInteger(maxIterations) || maxIterations < 0) throw new RangeError(`kmeans: maxIterations must be an integer >= 0, got ${maxIterations}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`kmeans: k must be an integer >= 1, got ${k}`);
  if (points.length !== n * dim) throw new RangeError(`kmeans: points has length ${points.length}, expected n × dim = ${n * dim}`);
  if (initialCentroids.length !== k * dim) throw new RangeError(`kmeans: initialCentroids has length ${initialCentroids.length}, expected k × dim = ${k * dim}`);
  const weights = options.weights;
  if (weights !== undefined && weights.length !== n) throw new RangeError(`kmeans: weights has length ${weights.length}, expected n = ${n}`);

  const centroids = Float64Array.from(initialCentroids);
  const assignment = new Int32Array(n).fill(-1);
  const distances = new Float64Array(n);
  const sums = new Float64Array(k * dim);
  const mass = new Float64Array(k);

  // Exact nearest centroid per point (same result as a squaredDistance scan) on the blocked product.
  const product = options.product;
  const pointNorms = product === undefined ? rowSquaredNorms(points, n, dim) : undefined;
  const next = { index: new Int32Array(n), distance: distances };
  const assign = (): boolean => {
    nearestCentres(points, n, centroids, k, dim, { into: next, ...(pointNorms ? { pointNorms } : {}), ...(product ? { product } : {}) });
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (assignment[i] !== next.index[i]) {
        assignment[i] = next.index[i]!;
        changed = true;
      }
    }
    return changed;
  };

  assign();
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    sums.fill(0);
    mass.fill(0);
    for (let i = 0, off = 0; i < n; i++, off += dim) {
      const w = weights === undefined ? 1 : weights[i]!;
      if (w === 0) continue;
      const a = assignment[i]!; // a centroid in [0, k): assigned by nearest-centroid search above
      const co = a * dim;
      mass[a] = mass[a]! + w;
      for (let t = 0; t < dim; t++) sums[co + t] = sums[co + t]! + w * points[off + t]!;
    }
    for (let j = 0, co = 0; j < k; j++, co += dim) {
      const m = mass[j]!;
      if (m > 0) for (let t = 0; t < dim; t++) centroids[co + t] = sums[co + t]! / m;
    }
    iterations++;
    if (!assign()) {
      converged = true;
      break;
    }
  }
  return { centroids, assignment, distances, iterations, converged };
}
