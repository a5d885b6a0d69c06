/**
 * Nearest centre of every point, exactly as a scan with squaredDistance finds it, at the speed of a
 * blocked matrix product (kernels/crossDot.ts).
 *
 * Screening: for a block of points, all squared distances to all centres are estimated as
 * ‖x‖² + ‖c‖² − 2x·c (one crossDot). That expanded form loses precision by cancellation, so it only
 * screens: with e_j = EPS·(‖x‖² + ‖c_j‖²) a bound on |estimate − squaredDistance| (see below), every
 * centre whose estimate − e_j exceeds U = min_j (estimate_j + e_j) is strictly farther than some other
 * centre and cannot be the nearest. The few survivors (usually one; duplicates give several) get their
 * distance recomputed by squaredDistance, and the smallest wins, ties to the lower index. So the result
 * (index and distance) is bit for bit the one of the scalar scan, whatever the rounding of the product.
 *
 * Error bound (Higham, float64 sums of d terms: |error| <= γ_d·Σ|terms|, γ_d ≈ d·2⁻⁵³): the estimate is
 * off from the true value by at most ≈ (2d + 3)·u·(‖x‖² + ‖c‖²), squaredDistance by ≈ (d + 4)·u·true
 * <= (2d + 8)·u·(‖x‖² + ‖c‖²); EPS = (8d + 32)·u is twice their sum.
 *
 * Memory: a block of BLOCK_ROWS × k estimates plus the packed operands; never an n × k matrix.
 */
import { crossDotPacked, packedLength, packRows } from './crossDot.ts';
import { dotProduct } from './dotProduct.ts';
import { squaredDistance } from './squaredDistances.ts';

/** Points per block (64 × k float64 estimates: 5 MB at k = 10,000). */
const BLOCK_ROWS = 64;
/** Centres are packed once when they take at most this many float64 values (32 MB), else per block. */
const PACK_ALL_LIMIT = 1 << 22;
/** Centres per block when they are packed per block. */
const BLOCK_CENTRES = 512;

/** The screening tolerance factor of the module comment, for rows of d values. */
export function screeningEps(d: number): number {
  return (8 * d + 32) * 2 ** -53;
}

/** ‖row_i‖² of n rows (float64, four partial sums as dotProduct). O(n·d). */
export function rowSquaredNorms(rows: ArrayLike<number>, n: number, d: number, out = new Float64Array(n)): Float64Array {
  for (let i = 0; i < n; i++) out[i] = dotProduct(rows, i * d, rows, i * d, d);
  return out;
}

export interface NearestCentres {
  /** index[i] = argmin_j squaredDistance(x_i, c_j), ties to the lower j. */
  readonly index: Int32Array;
  /** distance[i] = squaredDistance(x_i, c_index[i]). */
  readonly distance: Float64Array;
}

export interface NearestCentresOptions {
  /** ‖x_i‖² of the points when the caller already has them (k-means reuses them every iteration). */
  readonly pointNorms?: Float64Array;
  /** Where to write the result (length >= n each); fresh arrays otherwise. */
  readonly into?: NearestCentres;
}

/**
 * For each of the n points (row-major n × d) its nearest of the k centres (row-major k × d), as
 * described in the module comment. Cost O(n·k·d) in the blocked product + O(n·k) for the screening +
 * O(d) per survivor; memory O(BLOCK_ROWS·k + (BLOCK_ROWS + min(k, BLOCK_CENTRES))·d), or the k × d
 * packed centres when they fit in PACK_ALL_LIMIT.
 * @throws RangeError for mismatched lengths or k < 1.
 */
export function nearestCentres(
  points: ArrayLike<number>,
  n: number,
  centres: ArrayLike<number>,
  k: number,
  d: number,
  options: NearestCentresOptions = {},
): NearestCentres {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`nearestCentres: k must be an integer >= 1, got ${k}`);
  if (points.length !== n * d) throw new RangeError(`nearestCentres: points has length ${points.length}, expected n × d = ${n * d}`);
  if (centres.length !== k * d) throw new RangeError(`nearestCentres: centres has length ${centres.length}, expected k × d = ${k * d}`);
  const pointNorms = options.pointNorms ?? rowSquaredNorms(points, n, d);
  if (pointNorms.length < n) throw new RangeError(`nearestCentres: pointNorms has length ${pointNorms.length}, expected n = ${n}`);
  const index = options.into?.index ?? new Int32Array(n);
  const distance = options.into?.distance ?? new Float64Array(n);
  if (index.length < n || distance.length < n) throw new RangeError(`nearestCentres: into arrays are shorter than n = ${n}`);
  const centreNorms = rowSquaredNorms(centres, k, d);
  const eps = screeningEps(d);

  const packAll = packedLength(k, d) <= PACK_ALL_LIMIT;
  const centreBlock = packAll ? k : Math.min(k, BLOCK_CENTRES);
  const bp = new Float64Array(packedLength(centreBlock, d));
  if (packAll) packRows(centres, 0, k, d, bp);
  const ap = new Float64Array(packedLength(Math.min(n, BLOCK_ROWS), d));
  const est = new Float64Array(Math.min(n, BLOCK_ROWS) * k);

  for (let i0 = 0; i0 < n; i0 += BLOCK_ROWS) {
    const m = Math.min(BLOCK_ROWS, n - i0);
    packRows(points, i0, m, d, ap);
    for (let j0 = 0; j0 < k; j0 += centreBlock) {
      const nb = Math.min(centreBlock, k - j0);
      if (!packAll) packRows(centres, j0, nb, d, bp);
      crossDotPacked(ap, m, bp, nb, d, est, j0, k);
    }
    for (let r = 0; r < m; r++) {
      const i = i0 + r;
      const nx = pointNorms[i]!;
      const row = r * k;
      let upper = Infinity;
      for (let j = 0; j < k; j++) {
        const nc = centreNorms[j]!;
        const e = nx + nc - 2 * est[row + j]!;
        est[row + j] = e;
        const u = e + eps * (nx + nc);
        if (u < upper) upper = u;
      }
      let best = -1;
      let bd = Infinity;
      for (let j = 0; j < k; j++) {
        if (est[row + j]! - eps * (nx + centreNorms[j]!) > upper) continue;
        const s = squaredDistance(points, i * d, centres, j * d, d);
        if (s < bd || best < 0) {
          bd = s;
          best = j;
        }
      }
      index[i] = best;
      distance[i] = bd;
    }
  }
  return { index, distance };
}
