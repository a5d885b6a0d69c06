/**
 * What every own dataset shares once its rows are read: labels → class indices (with the file and row of
 * an unknown class), the train/test split (given, or drawn with a seed), and table preprocessing.
 */
import type { Dataset, Split } from '../dataset.ts';
import { DataFileError } from '../dataFileError.ts';
import { standardizeByTrain, type TablePreprocessing } from '../letter.ts';
import { splitTrainTest, takeRows } from '../splits.ts';
import { Random } from '../../random.ts';

/** Rows read from one file: features (row-major), raw labels, and where each row came from. */
export interface LabelledRows {
  readonly file: string;
  readonly x: Float64Array | Float32Array;
  readonly labels: readonly string[];
  /** "row 3 (line 5)": how an error names row i. */
  readonly rowName: (i: number) => string;
}

/**
 * The class list: `classes` when given (every label must be in it), else the labels of `parts` sorted
 * (numerically when every label is a number).
 * @throws DataFileError naming the file and row of a label outside `classes`, or when fewer than 2 classes.
 */
export function classList(parts: readonly LabelledRows[], classes: readonly string[] | undefined): string[] {
  if (classes !== undefined) {
    const known = new Set(classes);
    for (const p of parts) {
      p.labels.forEach((l, i) => {
        if (!known.has(l)) throw new DataFileError(p.file, `${p.rowName(i)}: unknown class ${JSON.stringify(l)} (options.classes lists ${classes.join(', ')})`);
      });
    }
    return [...classes];
  }
  const found = [...new Set(parts[0]!.labels)];
  const numeric = found.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  found.sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  if (found.length < 2) throw new DataFileError(parts[0]!.file, `has ${found.length} class${found.length === 1 ? '' : 'es'} (${found.join(', ')}); active learning needs at least 2`);
  for (const p of parts.slice(1)) {
    const known = new Set(found);
    p.labels.forEach((l, i) => {
      if (!known.has(l)) throw new DataFileError(p.file, `${p.rowName(i)}: class ${JSON.stringify(l)} does not occur in the training data ${parts[0]!.file} (its classes: ${found.join(', ')}); list every class in options.classes`);
    });
  }
  return found;
}

export interface AssembleOptions {
  readonly name: string;
  readonly description: string;
  readonly kind: Dataset['kind'];
  readonly shape: readonly number[];
  readonly train: LabelledRows;
  readonly test?: LabelledRows;
  readonly classes?: readonly string[];
  readonly testFraction?: number;
  readonly splitSeed?: number;
  /** Tables only: 'standardize' (default) or 'raw'. Images come normalised by their reader. */
  readonly preprocessing?: TablePreprocessing;
}

/** The Dataset: classes resolved, the test split given or drawn (`splitTrainTest(n, testFraction, new Random(splitSeed))`), tables preprocessed. */
export function assembleDataset(o: AssembleOptions): Dataset {
  const parts = o.test !== undefined ? [o.train, o.test] : [o.train];
  const classNames = classList(parts, o.classes);
  const index = new Map(classNames.map((c, i) => [c, i] as const));
  const d = o.shape.reduce((a, b) => a * b, 1);
  const yOf = (p: LabelledRows) => Int32Array.from(p.labels, (l) => index.get(l)!);
  let trainX: Float64Array | Float32Array;
  let testX: Float64Array | Float32Array;
  let trainY: Int32Array;
  let testY: Int32Array;
  if (o.test !== undefined) {
    [trainX, trainY, testX, testY] = [o.train.x, yOf(o.train), o.test.x, yOf(o.test)];
  } else {
    const n = o.train.labels.length;
    const { train, test } = splitTrainTest(n, o.testFraction ?? 0.2, new Random(o.splitSeed ?? 0));
    if (train.length === 0 || test.length === 0) throw new DataFileError(o.train.file, `has ${n} rows: too few to split into a training and a test part`);
    const y = yOf(o.train);
    [trainX, trainY, testX, testY] = [takeRows(o.train.x, d, train), takeRows(y, 1, train), takeRows(o.train.x, d, test), takeRows(y, 1, test)];
  }
  let xs: { train: Float32Array; test: Float32Array };
  if (o.kind === 'table' && (o.preprocessing ?? 'standardize') === 'standardize') {
    xs = standardizeByTrain(Float64Array.from(trainX), Float64Array.from(testX), d);
  } else {
    xs = { train: trainX instanceof Float32Array ? trainX : Float32Array.from(trainX), test: testX instanceof Float32Array ? testX : Float32Array.from(testX) };
  }
  const split = (x: Float32Array, y: Int32Array): Split => ({ x, y, n: y.length });
  return {
    name: o.name,
    description: o.description,
    kind: o.kind,
    shape: [...o.shape],
    numClasses: classNames.length,
    classNames,
    train: split(xs.train, trainY),
    test: split(xs.test, testY),
  };
}
