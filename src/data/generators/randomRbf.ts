/**
 * Random radial basis function stream: a re-implementation of MOA's `RandomRBFGenerator`
 * (Kirkby, Bifet et al., MOA `moa/streams/generators/RandomRBFGenerator.java`, no drift), the process
 * behind OpenML-156 "RandomRBF_0_0" that the FALCUN paper uses as a tabular dataset.
 *
 * The model random (`java.util.Random(modelSeed)`) draws `numCentroids` centroids, each in turn:
 * `numAttributes` centre coordinates (nextDouble, uniform in [0, 1)), a class label
 * (nextInt(numClasses)), a standard deviation (nextDouble) and a weight (nextDouble).
 * The instance random (`java.util.Random(instanceSeed)`) then makes each row: a centroid picked with
 * probability proportional to its weight (MOA's `chooseRandomIndexBasedOnWeights`: one nextDouble
 * times the weight sum, walked through the running sum), a direction of `numAttributes` values
 * 2·nextDouble − 1, a length nextGaussian · stdDev, and the row = centre + direction · length / |direction|;
 * its label is the centroid's class.
 *
 * Exactness: both streams are `JavaRandom`, an exact java.util.Random, so the sequence of centroids (and
 * with it every label) is exactly MOA's: with the defaults the first 1,000,000 labels have class
 * counts [261174, 166315, 179702, 92713, 300096], as OpenML-156 has. Attribute values are computed in
 * double precision in MOA's order and stored as float32.
 */
import type { Dataset } from '../dataset.ts';
import { Random } from '../../random.ts';
import { splitTrainTest, takeRows } from '../splits.ts';
import { JavaRandom } from './javaRandom.ts';

export interface RandomRbfOptions {
  /** Number of rows to generate (the stream's first `rows` instances). */
  rows: number;
  /** Seed of the model random (MOA option -r). Default 1. */
  modelSeed?: number;
  /** Seed of the instance random (MOA option -i). Default 1. */
  instanceSeed?: number;
  /** Number of classes (MOA -c). Default 5 (MOA's own default is 2; OpenML-156 uses 5). */
  numClasses?: number;
  /** Number of numeric attributes (MOA -a). Default 10. */
  numAttributes?: number;
  /** Number of centroids (MOA -n). Default 50. */
  numCentroids?: number;
}

export interface RandomRbfData {
  /** Row-major rows × numAttributes attribute values. */
  readonly x: Float32Array;
  /** Class label per row, 0..numClasses-1. */
  readonly y: Int32Array;
  readonly rows: number;
  readonly numAttributes: number;
  readonly numClasses: number;
}

/** The largest row count accepted (the Float32Array must stay addressable). */
const MAX_ROWS = 50_000_000;

function checkInt(name: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`generateRandomRbf: ${name} must be an integer, got ${String(value)}`);
  }
  if (value < lo || value > hi) {
    throw new RangeError(`generateRandomRbf: ${name} must be in [${lo}, ${hi}], got ${value}`);
  }
  return value;
}

/**
 * Generates the first `rows` instances of MOA's RandomRBFGenerator stream (see the module comment).
 * Cost: O(numCentroids · numAttributes) for the model, then O(rows · (numAttributes + numCentroids))
 * time (the weighted pick walks the centroid list, as MOA does) and O(rows · numAttributes) memory.
 * @throws TypeError / RangeError naming the option when a count or seed is not an integer in range
 *   (rows in [0, 5e7], seeds safe integers, numClasses ≥ 1, numAttributes ≥ 1, numCentroids ≥ 1).
 * @example generateRandomRbf({ rows: 1000 }).y // Int32Array of 1000 labels in 0..4
 */
export function generateRandomRbf(options: RandomRbfOptions): RandomRbfData {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`generateRandomRbf: options must be an object like { rows: 1000 }, got ${String(options)}`);
  }
  const rows = checkInt('rows', options.rows, 0, MAX_ROWS);
  const modelSeed = checkInt('modelSeed', options.modelSeed ?? 1, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const instanceSeed = checkInt('instanceSeed', options.instanceSeed ?? 1, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const numClasses = checkInt('numClasses', options.numClasses ?? 5, 1, 0x7fffffff);
  const numAtts = checkInt('numAttributes', options.numAttributes ?? 10, 1, 100_000);
  const numCentroids = checkInt('numCentroids', options.numCentroids ?? 50, 1, 1_000_000);

  // Model: centroids in MOA's draw order (centre coords, class, stdDev, weight).
  const modelRand = new JavaRandom(modelSeed);
  const centres = new Float64Array(numCentroids * numAtts);
  const centroidClass = new Int32Array(numCentroids);
  const centroidStd = new Float64Array(numCentroids);
  const weights = new Float64Array(numCentroids);
  for (let c = 0; c < numCentroids; c++) {
    for (let j = 0; j < numAtts; j++) centres[c * numAtts + j] = modelRand.nextDouble();
    centroidClass[c] = modelRand.nextIntBounded(numClasses);
    centroidStd[c] = modelRand.nextDouble();
    weights[c] = modelRand.nextDouble();
  }
  // MOA recomputes Utils.sum(weights) per instance; the same left-to-right sum gives the same double.
  let weightSum = 0;
  for (let c = 0; c < numCentroids; c++) weightSum += weights[c]!;

  const rand = new JavaRandom(instanceSeed);
  const x = new Float32Array(rows * numAtts);
  const y = new Int32Array(rows);
  const dir = new Float64Array(numAtts);
  for (let r = 0; r < rows; r++) {
    // MiscUtils.chooseRandomIndexBasedOnWeights: advance while the running sum is <= the target.
    const target = rand.nextDouble() * weightSum;
    let index = 0;
    let sum = 0;
    while (sum <= target && index < numCentroids) sum += weights[index++]!;
    const c = index - 1;
    let magnitude = 0;
    for (let j = 0; j < numAtts; j++) {
      const v = rand.nextDouble() * 2 - 1;
      dir[j] = v;
      magnitude += v * v;
    }
    magnitude = Math.sqrt(magnitude);
    const desiredMag = rand.nextGaussian() * centroidStd[c]!;
    const scale = desiredMag / magnitude;
    const base = c * numAtts;
    const out = r * numAtts;
    for (let j = 0; j < numAtts; j++) x[out + j] = centres[base + j]! + dir[j]! * scale;
    y[r] = centroidClass[c]!;
  }
  return { x, y, rows, numAttributes: numAtts, numClasses };
}

/** Options of {@link loadRandomRbf}. */
export interface LoadRandomRbfOptions {
  /** Rows to generate before the 80/20 split. Default 1,000,000 (OpenML-156's size). */
  rows?: number;
}

/**
 * OpenML-156 "RandomRBF_0_0" as a Dataset: the first `rows` (default 1,000,000) instances of MOA's
 * RandomRBFGenerator with model seed 1, instance seed 1, 5 classes, 10 attributes and 50 centroids,
 * split 80/20 (plain random split, seed 0, via `splitTrainTest`) as the paper's code splits OpenML tables.
 * Features stay as generated (about [−0.5, 1.5]; no rescaling). Async only for the registry's uniform
 * interface: generation is synchronous, ~0.3–1 s for 1M rows.
 * @throws RangeError when rows is not an integer in [2, 5e7].
 */
export async function loadRandomRbf(options: LoadRandomRbfOptions = {}): Promise<Dataset> {
  const rows = options.rows ?? 1_000_000;
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 2 || rows > MAX_ROWS) {
    throw new RangeError(`loadRandomRbf: rows must be an integer in [2, ${MAX_ROWS}], got ${String(rows)}`);
  }
  const data = generateRandomRbf({ rows });
  const { train, test } = splitTrainTest(rows, 0.2, new Random(0));
  const d = data.numAttributes;
  return {
    name: 'randomrbf',
    description:
      `RandomRBF_0_0 (OpenML-156): the first ${rows.toLocaleString('en-US')} rows of MOA's RandomRBFGenerator ` +
      '(model seed 1, instance seed 1, 5 classes, 10 attributes, 50 centroids, no drift), generated exactly ' +
      'with a java.util.Random re-implementation; 80/20 split with seed 0.',
    kind: 'table',
    shape: [d],
    numClasses: data.numClasses,
    classNames: Array.from({ length: data.numClasses }, (_, i) => `class${i + 1}`),
    train: { x: takeRows(data.x, d, train), y: takeRows(data.y, 1, train), n: train.length },
    test: { x: takeRows(data.x, d, test), y: takeRows(data.y, 1, test), n: test.length },
  };
}
