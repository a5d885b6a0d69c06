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
 * With an injected float32 product (kernels/crossProductKernel.ts, e.g. tfjs' wasm XNNPACK from the
 * training layer) the same screening runs on points and centres centred on the points' mean and
 * rounded to float32, with the float32 bound float32ScreeningEps: more survivors, same exact result.
 *
 * Memory: a block of BLOCK_ROWS × k estimates plus the packed operands; never an n × k matrix.
 */
import { crossDotPacked, packedLength, packRows } from './crossDot.ts';
import { centredFloat32Rows, float32ScreeningEps, rowMean, type CrossProductKernel } from './crossProductKernel.ts';
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
  /** A faster float32 product to screen with (kernels/crossProductKernel.ts); the pure-TS crossDot otherwise. */
  readonly product?: CrossProductKernel;
}

/**
 * For each of the n points (row-major n × d) its nearest of the k centres (row-major k × d), as
 * described in the module comment. Cost O(n·k·d) in the blocked product + O(n·k) for the screening +
 * O(d) per survivor; memory O(BLOCK_ROWS·k + (BLOCK_ROWS + min(k, BLOCK_CENTRES))·d), or the k × d
 * packed centres when they fit in PACK_ALL_LIMIT. With `product`, the points and centres are centred
 * on the points' mean and rounded to float32 (k × d float32 held by the product's right operand,
 * FAST_BLOCK_ROWS points at a time) and the tolerance is float32ScreeningEps.
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
  const index = options.into?.index ?? new Int32Array(n);
  const distance = options.into?.distance ?? new Float64Array(n);
  if (index.length < n || distance.length < n) throw new RangeError(`nearestCentres: into arrays are shorter than n = ${n}`);
  const exact = (i: number, j: number): number => squaredDistance(points, i * d, centres, j * d, d);
  if (options.product !== undefined) {
    injectedScreen(points, n, centres, k, d, options.product, (i, dots, row, nx, centreNorms, eps) =>
      pickNearest(i, dots, row, nx, centreNorms, k, eps, exact, index, distance),
    );
    return { index, distance };
  }
  const pointNorms = options.pointNorms ?? rowSquaredNorms(points, n, d);
  if (pointNorms.length < n) throw new RangeError(`nearestCentres: pointNorms has length ${pointNorms.length}, expected n = ${n}`);
  const centreNorms = rowSquaredNorms(centres, k, d);
  const eps = screeningEps(d);

  const packAll = packedLength(k, d) <= PACK_ALL_LIMIT;
  const centreBlock = packAll ? k : Math.min(k, BLOCK_CENTRES);
  const bp = new Float64Array(packedLength(centreBlock, d));
  if (packAll) packRows(centres, 0, k, d, bp);
  const ap = new Float64Array(packedLength(Math.min(n, BLOCK_ROWS), d));
  const dots = new Float64Array(Math.min(n, BLOCK_ROWS) * k);

  for (let i0 = 0; i0 < n; i0 += BLOCK_ROWS) {
    const m = Math.min(BLOCK_ROWS, n - i0);
    packRows(points, i0, m, d, ap);
    for (let j0 = 0; j0 < k; j0 += centreBlock) {
      const nb = Math.min(centreBlock, k - j0);
      if (!packAll) packRows(centres, j0, nb, d, bp);
      crossDotPacked(ap, m, bp, nb, d, dots, j0, k);
    }
    for (let r = 0; r < m; r++) pickNearest(i0 + r, dots, r * k, pointNorms[i0 + r]!, centreNorms, k, eps, exact, index, distance);
  }
  return { index, distance };
}

/**
 * The screening of the module comment for one point: from its dot products with all centres
 * (dots[row + j]) and the squared norms, the survivors get `exact(i, j)`; the first smallest wins.
 */
function pickNearest(
  i: number,
  dots: Float64Array | Float32Array,
  row: number,
  nx: number,
  centreNorms: Float64Array,
  k: number,
  eps: number,
  exact: (i: number, j: number) => number,
  index: Int32Array,
  distance: Float64Array,
): void {
  let upper = Infinity;
  for (let j = 0; j < k; j++) {
    const nc = centreNorms[j]!;
    const u = nx + nc - 2 * dots[row + j]! + eps * (nx + nc);
    if (u < upper) upper = u;
  }
  let best = -1;
  let bd = Infinity;
  for (let j = 0; j < k; j++) {
    const nc = centreNorms[j]!;
    if (nx + nc - 2 * dots[row + j]! - eps * (nx + nc) > upper) continue;
    const s = exact(i, j);
    if (s < bd || best < 0) {
      bd = s;
      best = j;
    }
  }
  index[i] = best;
  distance[i] = bd;
}

/** Points per block on the injected product (256 × k float32 products). */
const FAST_BLOCK_ROWS = 256;

/**
 * The injected-product screening: centres (k × d) and points (n × d) centred on the points' mean and
 * rounded to float32, the centres held as the product's right operand, the points sent FAST_BLOCK_ROWS
 * at a time; `visit(i, dots, row, ‖x_i′‖², ‖c′‖², eps)` sees each point's k products. The operand is
 * disposed on every path.
 */
export function injectedScreen(
  points: ArrayLike<number>,
  n: number,
  centres: ArrayLike<number>,
  k: number,
  d: number,
  product: CrossProductKernel,
  visit: (i: number, dots: Float32Array, row: number, nx: number, centreNorms: Float64Array, eps: number) => void,
): void {
  const mean = rowMean(points, n, d);
  const c32 = new Float32Array(k * d);
  const centreNorms = new Float64Array(k);
  centredFloat32Rows(centres, 0, k, d, mean, c32, centreNorms);
  const eps = float32ScreeningEps(d);
  const block = Math.min(n, FAST_BLOCK_ROWS);
  const a32 = new Float32Array(block * d);
  const pointNorms = new Float64Array(block);
  const operand = product.rightOperand(c32, k, d);
  try {
    for (let i0 = 0; i0 < n; i0 += block) {
      const m = Math.min(block, n - i0);
      centredFloat32Rows(points, i0, m, d, mean, a32, pointNorms);
      const dots = operand.product(m === block ? a32 : a32.subarray(0, m * d), m);
      if (dots.length !== m * k) throw new RangeError(`nearestCentres: the injected product returned ${dots.length} values, expected ${m} × ${k}`);
      for (let r = 0; r < m; r++) visit(i0 + r, dots, r * k, pointNorms[r]!, centreNorms, eps);
    }
  } finally {
    operand.dispose();
  }
}
