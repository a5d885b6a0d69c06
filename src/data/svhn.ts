/**
 * SVHN (Netzer et al., 2011), cropped digits: 73,257 training and 26,032 test images of house-number
 * digits, 32×32×3, 10 classes. The official files `train_32x32.mat` / `test_32x32.mat` (MATLAB v5)
 * hold `X`, uint8 of size 32×32×3×N in MATLAB's column-major order, and `y`, N×1, with label 10
 * standing for the digit 0 (mapped to class 0 here).
 *
 * Source: `{path}` (a folder with both files), else the cache `<data dir>/svhn/`, else downloaded
 * from http://ufldl.stanford.edu/housenumbers/ into the cache when `download` is not false and the
 * machine is online. The optional `extra_32x32.mat` is not used (the paper trains on train only).
 * Normalisation: per channel, mean (0.4377, 0.4438, 0.4728), std (0.1980, 0.2010, 0.1970); see normalize.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset, Split } from './dataset.ts';
import { dataDir, downloadToCache } from './cache.ts';
import { DataFileError } from './dataFileError.ts';
import { readMatFile, type MatVariable } from './formats/mat.ts';
import { NORMALIZATION, normalizationTable } from './normalize.ts';

export const SVHN_BASE_URL = 'http://ufldl.stanford.edu/housenumbers/';
const HOW_TO_GET = `download train_32x32.mat and test_32x32.mat from ${SVHN_BASE_URL} and pass {path: '<folder>'} (CLI: --path <folder>)`;

export interface SvhnOptions {
  /** Folder holding train_32x32.mat and test_32x32.mat. */
  readonly path?: string;
  readonly cacheDir?: string;
  /** Fetch from the official URL into the cache when no file is found (default true). */
  readonly download?: boolean;
  /** Overrides the download folder URL (tests, mirrors); must end with '/'. */
  readonly baseUrl?: string;
}

/**
 * Converts SVHN's column-major X (32×32×3×N: row, column, channel, image) into normalised NHWC rows:
 * out[n, r, c, ch] = normalise_ch(X[r + 32c + 1024ch + 3072n]). Cost O(N · 3072).
 */
export function svhnToNhwc(X: Uint8Array, n: number): Float32Array {
  const { mean, std } = NORMALIZATION.svhn;
  const t0 = normalizationTable(mean[0], std[0]);
  const t1 = normalizationTable(mean[1], std[1]);
  const t2 = normalizationTable(mean[2], std[2]);
  const out = new Float32Array(n * 3072);
  let o = 0;
  // Output order (contiguous writes); the reads stay inside one 3 KB image, which sits in L1 cache.
  for (let i = 0; i < n; i++) {
    const img = i * 3072;
    for (let r = 0; r < 32; r++) {
      for (let c = 0; c < 32; c++) {
        const s = img + c * 32 + r;
        out[o++] = t0[X[s]!]!;
        out[o++] = t1[X[s + 1024]!]!;
        out[o++] = t2[X[s + 2048]!]!;
      }
    }
  }
  return out;
}

function toSplit(vars: Map<string, MatVariable>, file: string): Split {
  const X = vars.get('X')!;
  const y = vars.get('y')!;
  const [h, w, ch, n = 1] = X.dims;
  if (X.className !== 'uint8' || X.dims.length > 4 || h !== 32 || w !== 32 || ch !== 3) {
    throw new DataFileError(file, `X should be uint8 of size 32×32×3×N, got ${X.className} ${X.dims.join('×')}; ${HOW_TO_GET}`);
  }
  if (y.data.length !== n) throw new DataFileError(file, `y has ${y.data.length} labels but X has ${n} images; ${HOW_TO_GET}`);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const l = y.data[i]!;
    if (!Number.isInteger(l) || l < 1 || l > 10) {
      throw new DataFileError(file, `y[${i}] = ${l} is outside SVHN's labels 1..10 (10 means digit 0); ${HOW_TO_GET}`);
    }
    labels[i] = l === 10 ? 0 : l;
  }
  return { x: svhnToNhwc(X.data as Uint8Array, n), y: labels, n };
}

async function locate(name: string, o: SvhnOptions): Promise<string> {
  if (o.path !== undefined) {
    const p = join(o.path, name);
    if (!existsSync(p)) throw new DataFileError(p, `file not found; ${HOW_TO_GET}`);
    return p;
  }
  const cached = join(dataDir(o.cacheDir), 'svhn', name);
  if (existsSync(cached)) return cached;
  if (o.download === false) throw new DataFileError(cached, `not in the cache and downloading is off; ${HOW_TO_GET}`);
  return downloadToCache(`${o.baseUrl ?? SVHN_BASE_URL}${name}`, cached, { howToGet: HOW_TO_GET });
}

/**
 * Loads SVHN (see the module comment).
 * @throws DataFileError naming the file when it is missing (with the official URL), cannot be
 *   downloaded, or does not hold X and y of the expected size.
 */
export async function loadSvhn(options: SvhnOptions = {}): Promise<Dataset> {
  const read = async (name: string) => {
    const file = await locate(name, options);
    return toSplit(readMatFile(file, ['X', 'y'], HOW_TO_GET), file);
  };
  const train = await read('train_32x32.mat');
  const test = await read('test_32x32.mat');
  return {
    name: 'svhn',
    description: `SVHN house-number digits, ${train.n}/${test.n}, 32×32 RGB (official .mat files)`,
    kind: 'image',
    shape: [32, 32, 3],
    numClasses: 10,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    train,
    test,
  };
}
