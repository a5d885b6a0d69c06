/**
 * EMNIST Balanced (Cohen et al., 2017): 112,800 training and 18,800 test images of handwritten
 * characters, 28×28×1, 47 classes (digits, uppercase letters, and the 11 lowercase letters that do
 * not look like their uppercase form). The official IDX files store each image transposed (column by
 * column); this loader transposes every 28×28 image back so it reads like MNIST.
 *
 * Source: the four files `emnist-balanced-{train,test}-{images-idx3,labels-idx1}-ubyte.gz` of the
 * official archive https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip (folder `gzip/`;
 * https://www.nist.gov/itl/products-and-services/emnist-dataset). In order: `{path}` as a folder
 * holding them (gzip or raw) or as the archive itself (the four are extracted into the cache, and extracted
 * again whenever another archive is given, so `{path}` always wins over the cache); else
 * the cache `<data dir>/emnist/`; else, when `download` is not false and the machine is online, the
 * archive (~560 MB) is downloaded into the cache and the four files extracted. No offline copy exists here.
 * Normalisation: the MNIST constants (v/255 − 0.1307) / 0.3081 (assumption; see normalize.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { writeFileAtomic } from '../atomicFile.ts';
import { dataDir, downloadToCache } from './cache.ts';
import type { Dataset, Split } from './dataset.ts';
import { DataFileError } from './dataFileError.ts';
import { readIdxImagesAndLabels } from './formats/idx.ts';
import { NORMALIZATION, normalizationTable } from './normalize.ts';

/** The balanced split's label → character mapping (emnist-balanced-mapping.txt). */
export const EMNIST_BALANCED_CLASS_NAMES: readonly string[] = [
  ...'0123456789',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'abdefghnqrt',
];

export const EMNIST_URL = 'https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip';
const HOW_TO_GET =
  `download ${EMNIST_URL} and pass {path: '<gzip.zip>'} or, unzipped, {path: '<folder>/gzip'} (CLI: --path ...)`;

export interface EmnistOptions {
  /** Folder with the four official emnist-balanced-* IDX files (gzip or raw), or the official gzip.zip. */
  readonly path?: string;
  readonly cacheDir?: string;
  /** Fetch the official archive into the cache when nothing is found (default true). */
  readonly download?: boolean;
  /** Overrides the archive's address (tests, mirrors). */
  readonly url?: string;
}

const BALANCED_FILES = ['train-images-idx3', 'train-labels-idx1', 'test-images-idx3', 'test-labels-idx1'].map(
  (k) => `emnist-balanced-${k}-ubyte.gz`,
);

/**
 * Extracts the four balanced-split files from the official archive into `dest` (each written
 * atomically). Only those members are inflated.
 * @throws DataFileError naming the archive when it is unreadable, corrupt, or lacks one of them.
 */
export function extractEmnistBalanced(zipPath: string, dest: string): void {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(zipPath);
  } catch (e) {
    throw new DataFileError(zipPath, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${HOW_TO_GET}`);
  }
  const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => BALANCED_FILES.includes(base(f.name)) });
  } catch (e) {
    throw new DataFileError(zipPath, `the zip archive is truncated or corrupt (${(e as Error).message}); ${HOW_TO_GET}`);
  }
  const found = new Map(Object.entries(files).map(([name, data]) => [base(name), data]));
  const missing = BALANCED_FILES.filter((f) => !found.has(f));
  if (missing.length > 0) {
    throw new DataFileError(zipPath, `holds no ${missing.join(', ')}; is this the official EMNIST gzip.zip? ${HOW_TO_GET}`);
  }
  for (const [name, data] of found) writeFileAtomic(join(dest, name), data);
}

/** The folder holding the four files (extracting or downloading them into the cache when needed). */
async function locate(o: EmnistOptions): Promise<string> {
  const cache = join(dataDir(o.cacheDir), 'emnist');
  const complete = (dir: string) => BALANCED_FILES.every((f) => existsSync(join(dir, f)));
  if (o.path !== undefined) {
    if (!existsSync(o.path)) throw new DataFileError(o.path, `not found; ${HOW_TO_GET}`);
    if (statSync(o.path).isDirectory()) return o.path;
    // The archive given is what the user means: the cache is reused only when it was extracted from this
    // very file (same path, size and modification time), else it is replaced by this archive's files.
    if (!complete(cache) || !sameSource(cache, o.path)) {
      extractEmnistBalanced(o.path, cache);
      writeFileAtomic(join(cache, SOURCE_STAMP), JSON.stringify(sourceOf(o.path)));
    }
    return cache;
  }
  if (complete(cache)) return cache;
  const zip = join(cache, 'gzip.zip');
  if (!existsSync(zip)) {
    if (o.download === false) throw new DataFileError(cache, `has no EMNIST files and downloading is off; ${HOW_TO_GET}`);
    await downloadToCache(o.url ?? EMNIST_URL, zip, { howToGet: HOW_TO_GET });
  }
  extractEmnistBalanced(zip, cache);
  return cache;
}

/** Which archive the cache's files were extracted from (written beside them). */
const SOURCE_STAMP = 'extracted-from.json';

function sourceOf(zip: string): { path: string; size: number; mtimeMs: number } {
  const st = statSync(zip);
  return { path: resolve(zip), size: st.size, mtimeMs: st.mtimeMs };
}

function sameSource(cache: string, zip: string): boolean {
  try {
    return JSON.stringify(JSON.parse(readFileSync(join(cache, SOURCE_STAMP), 'utf8'))) === JSON.stringify(sourceOf(zip));
  } catch {
    return false;
  }
}

function findFile(folder: string, base: string): string {
  for (const name of [`${base}.gz`, base]) {
    const p = join(folder, name);
    if (existsSync(p)) return p;
  }
  throw new DataFileError(join(folder, `${base}.gz`), `missing (looked for ${base}.gz and ${base}); ${HOW_TO_GET}`);
}

/**
 * Transposes each square image of `pixels` (N × side × side, uint8) and normalises it:
 * out[n, r, c] = normalise(pixels[n, c, r]).
 */
export function transposeAndNormalize(pixels: Uint8Array, n: number, side: number): Float32Array {
  const t = normalizationTable(NORMALIZATION.emnist.mean[0], NORMALIZATION.emnist.std[0]);
  const size = side * side;
  const out = new Float32Array(n * size);
  for (let i = 0; i < n; i++) {
    const base = i * size;
    for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) out[base + r * side + c] = t[pixels[base + c * side + r]!]!;
  }
  return out;
}

function readSplit(folder: string, split: 'train' | 'test'): Split {
  const images = findFile(folder, `emnist-balanced-${split}-images-idx3-ubyte`);
  const labels = findFile(folder, `emnist-balanced-${split}-labels-idx1-ubyte`);
  const r = readIdxImagesAndLabels(images, labels, EMNIST_BALANCED_CLASS_NAMES.length, `is this the balanced split? ${HOW_TO_GET}`);
  if (r.height !== 28 || r.width !== 28) {
    throw new DataFileError(images, `expected 28×28 images, got ${r.height}×${r.width}; ${HOW_TO_GET}`);
  }
  return { x: transposeAndNormalize(r.pixels, r.n, 28), y: r.labels, n: r.n };
}

/**
 * Loads EMNIST Balanced from the official files (see the module comment for where they are looked for).
 * @throws DataFileError naming the missing/corrupt file and where to get it.
 */
export async function loadEmnist(options: EmnistOptions = {}): Promise<Dataset> {
  const folder = await locate(options);
  return {
    name: 'emnist',
    description: 'EMNIST Balanced handwritten characters, 112.8k/18.8k, 28×28 grayscale, 47 classes (official IDX files)',
    kind: 'image',
    shape: [28, 28, 1],
    numClasses: 47,
    classNames: EMNIST_BALANCED_CLASS_NAMES,
    train: readSplit(folder, 'train'),
    test: readSplit(folder, 'test'),
  };
}
