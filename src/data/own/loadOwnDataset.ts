/**
 * The loaders behind the registry's own-data datasets: `csv` (CSV/TSV, label column by name), `numpy`
 * (X and y as .npy, or both in an .npz), `arff` (OpenML's format) and `image-folder` (PNG/JPEG in class
 * subfolders). Each validates its options, reads and checks every row (file and row named on error), and
 * splits train/test as given (`testPath`) or drawn with `splitSeed`. `checkOwnDataset` is the same load,
 * run by the CLI before an experiment directory is created.
 */
import { basename } from 'node:path';
import type { Dataset } from '../dataset.ts';
import { DataFileError } from '../dataFileError.ts';
import { readNpzFile } from '../formats/npz.ts';
import { parseNpy, type NpyArray } from '../formats/npy.ts';
import { readFileSync } from 'node:fs';
import { readArffTable } from './arffTable.ts';
import { readImageFolder } from './imageFolder.ts';
import { ArffOptionsSchema, CsvOptionsSchema, ImageFolderOptionsSchema, NumpyOptionsSchema, parseOwnOptions } from './ownOptions.ts';
import { assembleDataset, type LabelledRows } from './ownSplits.ts';
import { readLabelledTable } from './readLabelledTable.ts';

export const OWN_DATASETS = ['csv', 'numpy', 'arff', 'image-folder'] as const;
export type OwnDatasetKind = (typeof OWN_DATASETS)[number];

const split = (o: { testFraction?: number; splitSeed?: number; classes?: string[] }) => ({ testFraction: o.testFraction, splitSeed: o.splitSeed, classes: o.classes });
const describe = (kind: string, path: string, given: string | undefined, test: string | undefined) =>
  given ?? `own ${kind} dataset ${basename(path)}${test !== undefined ? ` (test: ${basename(test)})` : ''}`;

/**
 * Loads an own dataset of `kind` with `options` (see ownOptions.ts).
 * @throws OwnDatasetOptionsError for bad options; DataFileError naming the file and row for bad data.
 */
export async function loadOwnDataset(kind: OwnDatasetKind, options: unknown): Promise<Dataset> {
  switch (kind) {
    case 'csv': {
      const o = parseOwnOptions(kind, CsvOptionsSchema, options);
      const read = (p: string) => readLabelledTable(p, o.labelColumn, { delimiter: o.delimiter, ignoreColumns: o.ignoreColumns });
      const train = await read(o.path);
      const test = o.testPath !== undefined ? await read(o.testPath) : undefined;
      if (test !== undefined && test.featureNames.join('\0') !== train.featureNames.join('\0')) {
        throw new DataFileError(o.testPath!, `has feature columns ${test.featureNames.join(', ')}; the training file ${o.path} has ${train.featureNames.join(', ')}`);
      }
      return assembleDataset({ name: 'csv', description: describe('CSV', o.path, o.description, o.testPath), kind: 'table', shape: [train.featureNames.length], train, ...(test ? { test } : {}), ...split(o), preprocessing: o.preprocessing });
    }
    case 'arff': {
      const o = parseOwnOptions(kind, ArffOptionsSchema, options);
      const read = (p: string) => readArffTable(p, { labelColumn: o.labelColumn, ignoreColumns: o.ignoreColumns });
      const train = read(o.path);
      const test = o.testPath !== undefined ? read(o.testPath) : undefined;
      if (test !== undefined && test.featureNames.join('\0') !== train.featureNames.join('\0')) {
        throw new DataFileError(o.testPath!, `has attributes ${test.featureNames.join(', ')}; the training file ${o.path} has ${train.featureNames.join(', ')}`);
      }
      return assembleDataset({ name: 'arff', description: describe('ARFF', o.path, o.description, o.testPath), kind: 'table', shape: [train.featureNames.length], train, ...(test ? { test } : {}), ...split(o), preprocessing: o.preprocessing });
    }
    case 'numpy': {
      const o = parseOwnOptions(kind, NumpyOptionsSchema, options);
      const train = readNumpyPair(o.path, o.labels, o.xKey ?? 'x', o.yKey ?? 'y');
      const test = o.testPath !== undefined ? readNumpyPair(o.testPath, o.testLabels, o.xKey ?? 'x', o.yKey ?? 'y') : undefined;
      if (test !== undefined && test.shape.join('×') !== train.shape.join('×')) {
        throw new DataFileError(o.testPath!, `rows have shape ${test.shape.join('×')}; the training rows ${train.shape.join('×')}`);
      }
      const kind2 = train.shape.length === 1 ? 'table' : 'image';
      if (kind2 === 'image' && train.shape.length !== 3) throw new DataFileError(o.path, `rows of shape ${train.shape.join('×')}: give a table (N × features) or images (N × H × W or N × H × W × C)`);
      return assembleDataset({ name: 'numpy', description: describe('NumPy', o.path, o.description, o.testPath), kind: kind2, shape: train.shape, train: train.rows, ...(test ? { test: test.rows } : {}), ...split(o), preprocessing: o.preprocessing });
    }
    case 'image-folder': {
      const o = parseOwnOptions(kind, ImageFolderOptionsSchema, options);
      const channels = o.channels ?? 3;
      const mean = o.mean ?? Array(channels).fill(0.5);
      const std = o.std ?? Array(channels).fill(0.5);
      if (mean.length !== channels || std.length !== channels) {
        throw new RangeError(`dataset 'image-folder': options.mean and options.std need ${channels} value(s), one per channel; got ${mean.length} and ${std.length}`);
      }
      const read = (p: string) => readImageFolder(p, { size: o.size, channels, mean, std });
      const train = read(o.path);
      const test = o.testPath !== undefined ? read(o.testPath) : undefined;
      return assembleDataset({ name: 'image-folder', description: describe('image', o.path, o.description, o.testPath), kind: 'image', shape: [o.size[0], o.size[1], channels], train, ...(test ? { test } : {}), ...split(o) });
    }
  }
}

/** Loads and checks an own dataset (everything a run would load), for the CLI's check before anything is written. */
export async function checkOwnDataset(kind: OwnDatasetKind, options: unknown): Promise<void> {
  await loadOwnDataset(kind, options);
}

function readNpyFile(path: string): NpyArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataFileError(path, `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; paths are relative to the folder the command runs in)`);
  }
  return parseNpy(bytes, path);
}

/** X (N × …) and y (N integer or string-free labels) from an .npz (keys) or two .npy files. */
function readNumpyPair(path: string, labels: string | undefined, xKey: string, yKey: string): { rows: LabelledRows; shape: number[] } {
  let x: NpyArray;
  let y: NpyArray;
  let yFile: string;
  if (path.toLowerCase().endsWith('.npz')) {
    const arrays = readNpzFile(path, [xKey, yKey]);
    [x, y, yFile] = [arrays.get(xKey)!, arrays.get(yKey)!, `${path}:${yKey}.npy`];
  } else {
    if (labels === undefined) throw new DataFileError(path, 'is a single .npy array: give the labels as options.labels (an .npy of N class ids), or pass an .npz holding x and y');
    [x, y, yFile] = [readNpyFile(path), readNpyFile(labels), labels];
  }
  if (x.shape.length < 2) throw new DataFileError(path, `X has shape (${x.shape.join(', ')}); expected N rows (N × features, or N × H × W [× C] images)`);
  const n = x.shape[0]!;
  if (y.shape.length !== 1 && !(y.shape.length === 2 && y.shape[1] === 1)) throw new DataFileError(yFile, `y has shape (${y.shape.join(', ')}); expected (N,) class ids`);
  if (y.shape[0] !== n) throw new DataFileError(yFile, `y has ${y.shape[0]} labels but X has ${n} rows`);
  const labelsOut: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = y.data[i]!;
    if (!Number.isInteger(v) || v < 0) throw new DataFileError(yFile, `row ${i}: label ${v} is not a class id (an integer >= 0)`);
    labelsOut.push(String(v));
  }
  const xs = x.data instanceof Float32Array || x.data instanceof Float64Array ? x.data : Float64Array.from(x.data);
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]!)) {
      const d = xs.length / n;
      throw new DataFileError(path, `row ${Math.floor(i / d)}: value ${xs[i]} at position ${i % d} is not finite`);
    }
  }
  const rest = x.shape.slice(1);
  const shape = rest.length === 2 ? [rest[0]!, rest[1]!, 1] : rest;
  return { rows: { file: path, x: xs, labels: labelsOut, rowName: (i) => `row ${i}` }, shape: rest.length === 1 ? rest : shape };
}
