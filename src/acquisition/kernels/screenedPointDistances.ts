import { centredFloat32Rows, float32ScreeningEps, rowMean, type CrossProductKernel, type CrossProductOperand } from './crossProductKernel.ts';
import { squaredDistance } from './squaredDistances.ts';

/**
 * Largest pool (n·d float32 values, 128 MB) held as the product's right operand; a larger pool keeps
 * the scalar updates (the operand lives in the backend's memory, the wasm heap, next to training).
 */
export const SCREENED_POOL_LIMIT = 1 << 25;

/**
 * The per-pick updates of farthest-first (KCenterGreedy) and k-means++ seeding (CLUE, AlfaMix) on an
 * injected float32 product: the distances of all n points to one new centre (itself a point) come from
 * one matrix-vector product on the pool held as the right operand (centred on the mean, float32), and
 * only points whose estimate, less the float32 screening tolerance (kernels/nearestCentres.ts), is
 * below their current minimum get the exact squaredDistance. So `updateMin` leaves minDist exactly as
 * updateMinSquaredDistances would (a skipped point's true distance is >= its minimum), ~5× faster here.
 *
 * Memory: the centred float32 pool (n·d) in the product's operand, plus O(n). Call `dispose()`.
 */
export class ScreenedPointDistances {
  private readonly operand: CrossProductOperand;
  private readonly centred: Float32Array;
  private readonly norms: Float64Array;
  private readonly eps: number;
  private readonly row: Float32Array;

  /** Use `create`, which returns undefined when the pool exceeds SCREENED_POOL_LIMIT. */
  private constructor(
    private readonly points: ArrayLike<number>,
    private readonly n: number,
    private readonly d: number,
    product: CrossProductKernel,
  ) {
    this.centred = new Float32Array(n * d);
    this.norms = new Float64Array(n);
    centredFloat32Rows(points, 0, n, d, rowMean(points, n, d), this.centred, this.norms);
    this.eps = float32ScreeningEps(d);
    this.row = new Float32Array(d);
    this.operand = product.rightOperand(this.centred, n, d);
  }

  /** The screened updates for n points (row-major n × d), or undefined when n·d > SCREENED_POOL_LIMIT. */
  static create(points: ArrayLike<number>, n: number, d: number, product: CrossProductKernel): ScreenedPointDistances | undefined {
    return n * d > SCREENED_POOL_LIMIT || n === 0 ? undefined : new ScreenedPointDistances(points, n, d, product);
  }

  /** minDist[i] ← min(minDist[i], squaredDistance(x_i, x_center)), bit for bit as updateMinSquaredDistances. O(n·d) in the product + O(d) per survivor. */
  updateMin(center: number, minDist: Float64Array): void {
    const { n, d, points, norms, eps } = this;
    this.row.set(this.centred.subarray(center * d, (center + 1) * d));
    const dots = this.operand.product(this.row, 1);
    if (dots.length !== n) throw new RangeError(`ScreenedPointDistances: the injected product returned ${dots.length} values, expected ${n}`);
    const nc = norms[center]!;
    for (let i = 0; i < n; i++) {
      const m = minDist[i]!;
      const nx = norms[i]!;
      if (nx + nc - 2 * dots[i]! - eps * (nx + nc) >= m) continue;
      const s = squaredDistance(points, i * d, points, center * d, d);
      if (s < m) minDist[i] = s;
    }
  }

  dispose(): void {
    this.operand.dispose();
  }
}
