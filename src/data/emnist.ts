/**
 * EMNIST Balanced (Cohen et al., 2017): 112,800 training and 18,800 test images of handwritten
 * characters, 28×28×1, 47 classes (digits, uppercase letters, and the 11 lowercase letters that do
 * not look like their uppercase form). The official IDX files store each image transposed (column by
 * column); this loader transposes every 28×28 image back so it reads like MNIST.
 *
 * Source: no offline copy exists here. Pass `{path}`: a folder holding
 * `emnist-balanced-{train,test}-{images-idx3,labels-idx1}-ubyte.gz` (or the same without .gz), which are
 * in the `gzip/` folder of the official archive https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip
 * (https://www.nist.gov/itl/products-and-services/emnist-dataset).
 * Normalisation: the MNIST constants (v/255 − 0.1307) / 0.3081 (assumption; see normalize.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
  `download ${EMNIST_URL}, unzip it and pass {path: '<folder>/gzip'} (CLI: --path <folder>/gzip)`;

export interface EmnistOptions {
  /** Folder with the four official emnist-balanced-* IDX files (gzip or raw). */
  readonly path?: string;
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
  const r = readIdxImagesAndLabels(images, labels, HOW_TO_GET);
  if (r.height !== 28 || r.width !== 28) {
    throw new DataFileError(images, `expected 28×28 images, got ${r.height}×${r.width}; ${HOW_TO_GET}`);
  }
  for (let i = 0; i < r.n; i++) {
    const l = r.labels[i]!;
    if (l >= EMNIST_BALANCED_CLASS_NAMES.length) {
      throw new DataFileError(labels, `label ${l} at row ${i} is outside the 47 balanced classes [0, 47); is this the balanced split? ${HOW_TO_GET}`);
    }
  }
  return { x: transposeAndNormalize(r.pixels, r.n, 28), y: r.labels, n: r.n };
}

/**
 * Loads EMNIST Balanced from the official IDX files in `options.path`.
 * @throws DataFileError naming the missing/corrupt file and where to get it.
 */
export async function loadEmnist(options: EmnistOptions = {}): Promise<Dataset> {
  if (options.path === undefined) {
    throw new DataFileError('emnist', `no offline source: ${HOW_TO_GET}`);
  }
  if (!existsSync(options.path)) throw new DataFileError(options.path, `folder not found; ${HOW_TO_GET}`);
  return {
    name: 'emnist',
    description: 'EMNIST Balanced handwritten characters, 112.8k/18.8k, 28×28 grayscale, 47 classes (official IDX files)',
    kind: 'image',
    shape: [28, 28, 1],
    numClasses: 47,
    classNames: EMNIST_BALANCED_CLASS_NAMES,
    train: readSplit(options.path, 'train'),
    test: readSplit(options.path, 'test'),
  };
}
