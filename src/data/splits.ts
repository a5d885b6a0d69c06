/**
 * Seeded row splits and row gathering on flat, row-major arrays, shared by every dataset loader
 * that has no official train/test split (the OpenML tables are split 80/20 with seed 0, as the
 * paper's code does).
 */
import { Random } from '../random.ts';

/** Indices of the two parts of a split, each in increasing order. */
export interface TrainTestIndices {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * Plain (not stratified) random train/test split of the rows 0..n-1.
 * The test part holds `round(n · testFraction)` rows drawn uniformly without replacement by one
 * Fisher–Yates permutation from `random`; both index lists come back sorted ascending, so rows keep
 * their file order. Same `random` state → same split.
 *
 * Cost: O(n) time and memory.
 * @throws RangeError when n is not an integer >= 0 or testFraction is outside [0, 1].
 * @throws TypeError when random is not a Random.
 * @example splitTrainTest(10, 0.2, new Random(0)) // → 8 train and 2 test indices, disjoint, covering 0..9
 */
export function splitTrainTest(n: number, testFraction: number, random: Random): TrainTestIndices {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`splitTrainTest: n must be an integer >= 0, got ${n}`);
  }
  if (typeof testFraction !== 'number' || !(testFraction >= 0 && testFraction <= 1)) {
    throw new RangeError(`splitTrainTest: testFraction must be a number in [0, 1], got ${String(testFraction)}`);
  }
  if (!(random instanceof Random)) {
    throw new TypeError('splitTrainTest: random must be a Random (import { Random } from src/random.ts)');
  }
  const nTest = Math.round(n * testFraction);
  const perm = random.permutation(n);
  const test = perm.slice(0, nTest).sort();
  const train = perm.slice(nTest).sort();
  return { train, test };
}

/**
 * Gathers rows of a flat row-major matrix: row k of the result is row `idx[k]` of `x`.
 * Works for any typed array kind (features in Float32Array, labels in Int32Array with rowSize 1)
 * and returns a new array of the same kind; `x` is not changed.
 *
 * Cost: O(idx.length · rowSize).
 * @throws RangeError when rowSize is not a positive integer, x.length is not a multiple of rowSize,
 *   or an index is not an integer inside [0, rows).
 * @example takeRows(new Float32Array([1, 2, 3, 4, 5, 6]), 2, [2, 0]) // → Float32Array [5, 6, 1, 2]
 */
export function takeRows<T extends Float32Array | Float64Array | Int32Array | Uint8Array | Uint16Array | Int16Array | Int8Array | Uint32Array>(
  x: T,
  rowSize: number,
  idx: ArrayLike<number>,
): T {
  if (!Number.isInteger(rowSize) || rowSize < 1) {
    throw new RangeError(`takeRows: rowSize must be an integer >= 1, got ${rowSize}`);
  }
  if (x.length % rowSize !== 0) {
    throw new RangeError(`takeRows: x.length ${x.length} is not a multiple of rowSize ${rowSize}`);
  }
  const rows = x.length / rowSize;
  const Ctor = x.constructor as new (length: number) => T;
  const out = new Ctor(idx.length * rowSize);
  for (let k = 0; k < idx.length; k++) {
    const r = idx[k]!;
    if (!Number.isInteger(r) || r < 0 || r >= rows) {
      throw new RangeError(`takeRows: idx[${k}] = ${r} is outside the ${rows} rows [0, ${rows}); pass row indices of x`);
    }
    if (rowSize === 1) out[k] = x[r]!;
    else out.set(x.subarray(r * rowSize, (r + 1) * rowSize), k * rowSize);
  }
  return out;
}
