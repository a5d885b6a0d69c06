/**
 * The data one run works on: the training split (or a fixed subset of it) as the pool, and the test split
 * (or a fixed subset) for evaluation. Subsets are drawn with a generator keyed by the dataset label only,
 * so every seed and strategy sees the same pool and comparisons stay paired.
 */
import type { Dataset } from '../data/dataset.ts';
import { featureSize } from '../data/dataset.ts';
import { Random } from '../random.ts';

export interface RunPool {
  /** Pool features, n × featureSize (row-major), and labels. */
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly n: number;
  /** Pool row → row of the dataset's training split (what records store). */
  readonly trainIndex: Int32Array;
  readonly testX: Float32Array;
  readonly testY: Int32Array;
  readonly testN: number;
  readonly rowSize: number;
}

/**
 * Rows `rows` of a row-major matrix with `rowSize` columns, copied into a new array, in the given order.
 * Runs of consecutive rows (the unlabeled pool is mostly such runs) are copied with one `set` each.
 * Cost O(rows × rowSize).
 * @throws RangeError when a row index is outside the matrix.
 */
export function gatherRows(x: Float32Array, rowSize: number, rows: ArrayLike<number>): Float32Array {
  const n = Math.floor(x.length / rowSize);
  const out = new Float32Array(rows.length * rowSize);
  let i = 0;
  while (i < rows.length) {
    const start = rows[i]!;
    let j = i + 1;
    while (j < rows.length && rows[j] === start + (j - i)) j++;
    const end = start + (j - i);
    if (!(start >= 0 && end <= n && Number.isInteger(start))) {
      throw new RangeError(`gatherRows: row ${start} is outside [0, ${n - 1}]`);
    }
    out.set(x.subarray(start * rowSize, end * rowSize), i * rowSize);
    i = j;
  }
  return out;
}

/** Elements `rows` of a label array. */
export function gatherLabels(y: Int32Array, rows: ArrayLike<number>): Int32Array {
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = y[rows[i]!]!;
  return out;
}

/** `k` of `n` rows, ascending, drawn uniformly by a generator keyed on (label, what, k). */
export function fixedSubset(label: string, what: string, n: number, k: number): Int32Array {
  const rows = new Random(0).fork('subset', label, what, k).sampleWithoutReplacement(n, k);
  return rows.sort();
}

/**
 * The pool and test data of a dataset setting.
 * @throws RangeError when a subset is larger than the split it is drawn from.
 */
export function preparePool(dataset: Dataset, label: string, trainSubset: number | null, testSubset: number | null): RunPool {
  const rowSize = featureSize(dataset.shape);
  for (const [field, k, n] of [
    ['trainSubset', trainSubset, dataset.train.n],
    ['testSubset', testSubset, dataset.test.n],
  ] as const) {
    if (k !== null && k > n) {
      throw new RangeError(`preparePool: dataset '${label}' ${field} ${k} exceeds the split's ${n} rows; lower ${field}`);
    }
  }
  let trainIndex: Int32Array;
  let x = dataset.train.x;
  let y = dataset.train.y;
  if (trainSubset !== null && trainSubset < dataset.train.n) {
    trainIndex = fixedSubset(label, 'train', dataset.train.n, trainSubset);
    x = gatherRows(x, rowSize, trainIndex);
    y = gatherLabels(y, trainIndex);
  } else {
    trainIndex = new Int32Array(dataset.train.n);
    for (let i = 0; i < trainIndex.length; i++) trainIndex[i] = i;
  }
  let testX = dataset.test.x;
  let testY = dataset.test.y;
  if (testSubset !== null && testSubset < dataset.test.n) {
    const rows = fixedSubset(label, 'test', dataset.test.n, testSubset);
    testX = gatherRows(testX, rowSize, rows);
    testY = gatherLabels(testY, rows);
  }
  return { x, y, n: trainIndex.length, trainIndex, testX, testY, testN: testY.length, rowSize };
}
