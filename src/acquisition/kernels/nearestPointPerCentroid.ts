import { crossDotPacked, packedLength, packRows } from './crossDot.ts';
import { centredFloat32Rows, float32ScreeningEps, rowMean, type CrossProductKernel } from './crossProductKernel.ts';
import { rowSquaredNorms, screeningEps } from './nearestCentres.ts';
import { squaredDistance } from './squaredDistances.ts';

/** Estimates held at once: centroids per block = clamp(ESTIMATE_LIMIT / n, 4, 64 or 256) (32 MB). */
const ESTIMATE_LIMIT = 1 << 22;
/** Points per chunk of the product (the packed or float32 copy never holds more rows). */
const POINT_CHUNK = 4096;

/**
 * For each centroid in order, the nearest point (squared Euclidean) that no earlier centroid took, so
 * the result has k distinct indices (CLUE's "point nearest each centroid, no duplicates"). Ties go to
 * the lower point index.
 *
 * Same answer, bit for bit, as scanning every untaken point with squaredDistance: a block of centroids
 * gets its estimated distances ‖x‖² + ‖c‖² − 2x·c to all points from one blocked product
 * (kernels/crossDot.ts, or the injected float32 `product` on data centred on the points' mean), then,
 * centroid by centroid, the untaken points whose estimate is within the screening tolerance of the best
 * (kernels/nearestCentres.ts explains the bound) are re-checked exactly.
 *
 * Cost O(k·n·d) in the product + O(k·n) scans; memory O(n·B + (POINT_CHUNK + B)·d) with B centroids
 * per block. Needs k <= n.
 */
export function nearestPointPerCentroid(
  points: ArrayLike<number>,
  n: number,
  dim: number,
  centroids: Float64Array,
  k: number,
  product?: CrossProductKernel,
): Int32Array {
  if (k > n) throw new RangeError(`nearestPointPerCentroid: k = ${k} centroids but only n = ${n} points`);
  if (points.length !== n * dim) throw new RangeError(`nearestPointPerCentroid: points has length ${points.length}, expected n × dim = ${n * dim}`);
  if (centroids.length < k * dim) throw new RangeError(`nearestPointPerCentroid: centroids has length ${centroids.length}, expected k × dim = ${k * dim}`);
  const taken = new Uint8Array(n);
  const out = new Int32Array(k);
  if (k === 0) return out;
  const block = Math.min(k, Math.max(4, Math.min(product === undefined ? 64 : 256, Math.floor(ESTIMATE_LIMIT / n))));
  const chunk = Math.min(n, POINT_CHUNK);
  const est = new Float64Array(block * n);
  const fill = product === undefined ? pureEstimates(points, n, dim, centroids, k, block, chunk, est) : injectedEstimates(points, n, dim, centroids, k, chunk, est, product);
  for (let j0 = 0; j0 < k; j0 += block) {
    const b = Math.min(block, k - j0);
    fill.estimate(j0, b);
    for (let r = 0; r < b; r++) {
      const j = j0 + r;
      const row = r * n;
      const nc = fill.centroidNorms[j]!;
      let upper = Infinity;
      for (let i = 0; i < n; i++) {
        if (taken[i]) continue;
        const u = est[row + i]! + fill.eps * (fill.pointNorms[i]! + nc);
        if (u < upper) upper = u;
      }
      let best = -1;
      let bd = Infinity;
      for (let i = 0; i < n; i++) {
        if (taken[i] || est[row + i]! - fill.eps * (fill.pointNorms[i]! + nc) > upper) continue;
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

interface Estimates {
  readonly pointNorms: Float64Array;
  readonly centroidNorms: Float64Array;
  readonly eps: number;
  /** est[r·n + i] ← estimated ‖x_i − c_{j0+r}‖² for r < b. */
  estimate(j0: number, b: number): void;
}

function pureEstimates(points: ArrayLike<number>, n: number, dim: number, centroids: Float64Array, k: number, block: number, chunk: number, est: Float64Array): Estimates {
  const pointNorms = rowSquaredNorms(points, n, dim);
  const centroidNorms = rowSquaredNorms(centroids, k, dim);
  const cp = new Float64Array(packedLength(block, dim));
  const pp = new Float64Array(packedLength(chunk, dim));
  return {
    pointNorms,
    centroidNorms,
    eps: screeningEps(dim),
    estimate(j0, b) {
      packRows(centroids, j0, b, dim, cp);
      for (let i0 = 0; i0 < n; i0 += chunk) {
        const m = Math.min(chunk, n - i0);
        packRows(points, i0, m, dim, pp);
        crossDotPacked(cp, b, pp, m, dim, est, i0, n);
      }
      for (let r = 0; r < b; r++) {
        const nc = centroidNorms[j0 + r]!;
        for (let i = 0, o = r * n; i < n; i++, o++) est[o] = pointNorms[i]! + nc - 2 * est[o]!;
      }
    },
  };
}

function injectedEstimates(
  points: ArrayLike<number>,
  n: number,
  dim: number,
  centroids: Float64Array,
  k: number,
  chunk: number,
  est: Float64Array,
  product: CrossProductKernel,
): Estimates {
  const mean = rowMean(points, n, dim);
  const c32 = new Float32Array(k * dim);
  const centroidNorms = new Float64Array(k);
  centredFloat32Rows(centroids, 0, k, dim, mean, c32, centroidNorms);
  const p32 = new Float32Array(chunk * dim);
  const pointNorms = new Float64Array(n);
  const chunkNorms = new Float64Array(chunk);
  for (let i0 = 0; i0 < n; i0 += chunk) {
    const m = Math.min(chunk, n - i0);
    centredFloat32Rows(points, i0, m, dim, mean, p32, chunkNorms);
    pointNorms.set(chunkNorms.subarray(0, m), i0);
  }
  return {
    pointNorms,
    centroidNorms,
    eps: float32ScreeningEps(dim),
    estimate(j0, b) {
      const operand = product.rightOperand(c32.subarray(j0 * dim, (j0 + b) * dim), b, dim);
      try {
        for (let i0 = 0; i0 < n; i0 += chunk) {
          const m = Math.min(chunk, n - i0);
          centredFloat32Rows(points, i0, m, dim, mean, p32, chunkNorms);
          const dots = operand.product(m === chunk ? p32 : p32.subarray(0, m * dim), m);
          if (dots.length !== m * b) throw new RangeError(`nearestPointPerCentroid: the injected product returned ${dots.length} values, expected ${m} × ${b}`);
          for (let p = 0; p < m; p++) {
            const i = i0 + p;
            const nx = pointNorms[i]!;
            for (let r = 0; r < b; r++) est[r * n + i] = nx + centroidNorms[j0 + r]! - 2 * dots[p * b + r]!;
          }
        }
      } finally {
        operand.dispose();
      }
    },
  };
}
