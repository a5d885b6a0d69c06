/**
 * Letter (OpenML-6, UCI "Letter Recognition", Frey & Slate 1991): 20,000 rows of 16 integer
 * features (0..15) describing black-and-white capital letters, 26 classes A..Z.
 *
 * Source offline: Debian's `r-cran-mlbench` package ships the same 20,000 rows in the UCI order as
 * `mlbench/data/LetterRecognition.rda` (xz-compressed R data); the class is the factor column `lettr`
 * (levels A..Z), followed by the 16 features in OpenML-6's order: x-box, y-box, width, high, onpix,
 * x-bar, y-bar, x2bar, y2bar, xybar, x2ybr, xy2br, x-ege, xegvy, y-ege, yegvx.
 *
 * Preprocessing: rows are split 80/20 with `splitTrainTest(n, 0.2, new Random(0))` (the paper's protocol,
 * 80/20, not numpy's exact permutation). Then, by `preprocessing`:
 * - 'standardize' (default, our choice): every feature is standardised with the training part's mean and
 *   population standard deviation (as scikit-learn's StandardScaler; a constant feature keeps std 1),
 *   applied to both parts;
 * - 'raw': the integers 0..15 as they are, as the authors' code feeds OpenML features to the MLP
 *   (`transforms.ToTensor()` only). The reproduction grid uses 'raw'.
 */
import { join } from 'node:path';
import { dataDir } from './cache.ts';
import type { Dataset } from './dataset.ts';
import { DataFileError } from './dataFileError.ts';
import { readRData, type DataFrame, type FactorColumn } from './formats/rdata.ts';
import { debianFile } from './sources/debian.ts';
import { splitTrainTest } from './splits.ts';
import { Random } from '../random.ts';

/** Debian package and path of the file. */
export const LETTER_SOURCE = {
  pkg: 'r-cran-mlbench',
  path: 'usr/lib/R/site-library/mlbench/data/LetterRecognition.rda',
  object: 'LetterRecognition',
  classColumn: 'lettr',
} as const;

/** The 16 feature columns as mlbench names them (OpenML-6's order). */
export const LETTER_FEATURES = [
  'x.box', 'y.box', 'width', 'high', 'onpix', 'x.bar', 'y.bar', 'x2bar',
  'y2bar', 'xybar', 'x2ybr', 'xy2br', 'x.ege', 'xegvy', 'y.ege', 'yegvx',
] as const;

export interface LoadLetterOptions {
  /**
   * Download cache folder; the Debian package is unpacked into `<cacheDir>/r-cran-mlbench/`.
   * Default: `dataDir()` from cache.ts (`$FALCUN_DATA_DIR` or `<repo>/data`).
   */
  cacheDir?: string;
  /** 'standardize' (default) or 'raw' (the authors' choice); see the module comment. */
  preprocessing?: TablePreprocessing;
}

/** How a table's features reach the model: standardised with the training part's statistics, or as stored. */
export type TablePreprocessing = 'standardize' | 'raw';
const PREPROCESSINGS: readonly TablePreprocessing[] = ['standardize', 'raw'];

/**
 * Standardises row-major features into new Float32Arrays: each column of `train` and `test` becomes
 * (v − mean) / std with the mean and population std (ddof 0) of that column over `train` (std 0 → 1).
 * Cost: O((nTrain + nTest) · d). Inputs are not changed.
 */
export function standardizeByTrain(train: Float64Array, test: Float64Array, d: number): { train: Float32Array; test: Float32Array; mean: Float64Array; std: Float64Array } {
  const nTrain = train.length / d;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let i = 0; i < nTrain; i++) for (let j = 0; j < d; j++) mean[j]! += train[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j] = nTrain > 0 ? mean[j]! / nTrain : 0;
  for (let i = 0; i < nTrain; i++) {
    for (let j = 0; j < d; j++) {
      const t = train[i * d + j]! - mean[j]!;
      std[j]! += t * t;
    }
  }
  for (let j = 0; j < d; j++) {
    const s = nTrain > 0 ? Math.sqrt(std[j]! / nTrain) : 0;
    std[j] = s > 0 ? s : 1;
  }
  const apply = (x: Float64Array) => {
    const out = new Float32Array(x.length);
    for (let k = 0; k < x.length; k++) {
      const j = k % d;
      out[k] = (x[k]! - mean[j]!) / std[j]!;
    }
    return out;
  };
  return { train: apply(train), test: apply(test), mean, std };
}

/**
 * Checks the data frame's shape and turns it into row-major features and 0-based labels.
 * @throws DataFileError naming the file when the class column or a feature is missing or of the wrong
 *   type, or a value is NA.
 */
export function letterFromDataFrame(df: DataFrame, file: string, hint: string): { x: Float64Array; y: Int32Array; classNames: string[] } {
  const where = (what: string) => new DataFileError(file, `${what}. ${hint}`);
  const ci = df.names.indexOf(LETTER_SOURCE.classColumn);
  const cls = df.columns[ci];
  if (ci < 0 || cls === undefined || cls instanceof Float64Array) {
    throw where(`expected a factor column '${LETTER_SOURCE.classColumn}' (the letter), found columns ${df.names.join(', ')}`);
  }
  const factor = cls as FactorColumn;
  if (factor.levels.length !== 26) throw where(`class column '${LETTER_SOURCE.classColumn}' has ${factor.levels.length} levels, expected 26 (A..Z)`);
  const d = LETTER_FEATURES.length;
  const n = df.nrow;
  const x = new Float64Array(n * d);
  LETTER_FEATURES.forEach((name, j) => {
    const col = df.columns[df.names.indexOf(name)];
    if (!(col instanceof Float64Array)) throw where(`expected a numeric column '${name}', found ${col === undefined ? 'none' : 'a factor'}`);
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      if (Number.isNaN(v)) throw where(`column '${name}' has NA in row ${i + 1}`);
      x[i * d + j] = v;
    }
  });
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = factor.codes[i]!;
    if (c < 0) throw where(`class column '${LETTER_SOURCE.classColumn}' has NA in row ${i + 1}`);
    y[i] = c;
  }
  return { x, y, classNames: factor.levels.slice() };
}

/**
 * Loads Letter (OpenML-6) from Debian's `r-cran-mlbench` (fetched into `cacheDir` on first use),
 * split 80/20 with seed 0, standardised with the training part's statistics or raw (see the module comment).
 * ~0.3 s once the package is cached.
 * @throws TypeError when options.cacheDir is not a non-empty string (or absent);
 *   DebianSourceError when the package cannot be fetched (names the package and what to do);
 *   DataFileError naming the file when it is truncated, corrupt or not the expected data frame.
 */
export async function loadLetter(options: LoadLetterOptions = {}): Promise<Dataset> {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`loadLetter: options must be an object like { cacheDir: 'data' }, got ${String(options)}`);
  }
  if (options.cacheDir !== undefined && (typeof options.cacheDir !== 'string' || options.cacheDir === '')) {
    throw new TypeError(`loadLetter: options.cacheDir must be a non-empty folder path, got ${JSON.stringify(options.cacheDir)}`);
  }
  const preprocessing = options.preprocessing ?? 'standardize';
  if (!PREPROCESSINGS.includes(preprocessing)) {
    throw new RangeError(`letter: options.preprocessing must be one of ${PREPROCESSINGS.join(', ')}, got ${JSON.stringify(preprocessing)}`);
  }
  const cacheDir = dataDir(options.cacheDir);
  const file = debianFile(LETTER_SOURCE.pkg, LETTER_SOURCE.path, cacheDir);
  const hint =
    `This file comes from Debian's ${LETTER_SOURCE.pkg} package: delete the folder ` +
    `${join(cacheDir, LETTER_SOURCE.pkg)} and run 'npm run data -- letter' to fetch it again.`;
  const frames = await readRData(file, { hint });
  const df = frames[LETTER_SOURCE.object];
  if (!df) throw new DataFileError(file, `has no data frame '${LETTER_SOURCE.object}' (found ${Object.keys(frames).join(', ')}). ${hint}`);
  const { x, y, classNames } = letterFromDataFrame(df, file, hint);
  const d = LETTER_FEATURES.length;
  const { train, test } = splitTrainTest(df.nrow, 0.2, new Random(0));
  const gather = (idx: Int32Array) => {
    const out = new Float64Array(idx.length * d);
    for (let k = 0; k < idx.length; k++) out.set(x.subarray(idx[k]! * d, idx[k]! * d + d), k * d);
    return out;
  };
  const scaled = preprocessing === 'raw' ? { train: Float32Array.from(gather(train)), test: Float32Array.from(gather(test)) } : standardizeByTrain(gather(train), gather(test), d);
  return {
    name: 'letter',
    description:
      `Letter (OpenML-6, UCI Letter Recognition): ${df.nrow} letters × 16 integer features, 26 classes, from Debian's ` +
      'r-cran-mlbench (LetterRecognition.rda); 80/20 split with seed 0, ' +
      (preprocessing === 'raw' ? 'raw integer features (as the authors feed them).' : 'features standardised with training mean/std.'),
    kind: 'table',
    shape: [d],
    numClasses: classNames.length,
    classNames,
    train: { x: scaled.train, y: Int32Array.from(train, (i) => y[i]!), n: train.length },
    test: { x: scaled.test, y: Int32Array.from(test, (i) => y[i]!), n: test.length },
  };
}
