/**
 * RepeatedMNIST (Kirsch et al., 2019, BatchBALD; used by the FALCUN paper, Sec. 5): a training set with
 * heavy duplication. A fraction (20%, 10% or 5%) of the MNIST training images is kept as unique
 * originals; the remaining slots are filled with copies of those originals plus Gaussian noise, so the
 * set keeps its size (60,000) while holding only 12,000 / 6,000 / 3,000 distinct images. The test set
 * is MNIST's, unchanged.
 *
 * Noise conventions (docs/protocol.md):
 * - `'normalized'` (default, BatchBALD's original): noise N(0, std²) is added to the normalised pixels
 *   of each copy; default std 0.1.
 * - `'raw'` (the FALCUN authors' code): noise N(0, std²) is added to the raw 0..255 pixel values, the
 *   result truncated towards zero and clamped to 0..255 (as a uint8 cast), then normalised; default
 *   std 0.25, which truncation mostly erases (most copies come out identical to their original).
 * Copies are spread evenly: slot j of the fill copies original j mod k, so every original has the same
 * number of copies (±1). The final training order is a seeded shuffle of originals and copies.
 */
import type { Dataset, Split } from './dataset.ts';
import { Random } from '../random.ts';
import { loadMnistRaw, MNIST_CLASS_NAMES, normalizedSplit, type RawImageSplit } from './mnist.ts';
import { NORMALIZATION, normalizationTable } from './normalize.ts';

export type NoiseConvention = 'normalized' | 'raw';

export interface RepeatOptions {
  /** Fraction of unique originals kept, in (0, 1]; the paper uses 0.2, 0.1 (default) and 0.05. */
  readonly fraction?: number;
  /** Noise std (default 0.1 for 'normalized', 0.25 for 'raw'); 0 makes exact copies. */
  readonly noiseStd?: number;
  /** Where the noise is added (default 'normalized'). */
  readonly noise?: NoiseConvention;
  /** Random stream for the choice of originals, the noise and the order (default new Random(seed)). */
  readonly random?: Random;
  /** Seed used when no `random` is given (default 0). */
  readonly seed?: number;
}

export interface RepeatedMnistOptions extends RepeatOptions {
  readonly cacheDir?: string;
}

/** Row indices of a repeated set: `source[i]` is the original row of output row i; `isCopy[i]` is 1 for a noisy copy. */
interface RepeatPlan {
  readonly source: Int32Array;
  readonly isCopy: Uint8Array;
  readonly uniques: number;
}

function checkOptions(o: RepeatOptions): { fraction: number; std: number; noise: NoiseConvention; random: Random } {
  const fraction = o.fraction ?? 0.1;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`repeatImages: fraction must be a number in (0, 1] (the paper uses 0.2, 0.1, 0.05), got ${String(fraction)}`);
  }
  const noise = o.noise ?? 'normalized';
  if (noise !== 'normalized' && noise !== 'raw') {
    throw new RangeError(`repeatImages: noise must be 'normalized' or 'raw', got ${JSON.stringify(noise)}`);
  }
  const std = o.noiseStd ?? (noise === 'raw' ? 0.25 : 0.1);
  if (typeof std !== 'number' || !(std >= 0) || !Number.isFinite(std)) {
    throw new RangeError(`repeatImages: noiseStd must be a finite number >= 0, got ${String(std)}`);
  }
  if (o.random !== undefined && !(o.random instanceof Random)) {
    throw new TypeError('repeatImages: random must be a Random from src/random.ts');
  }
  const random = o.random ?? new Random(o.seed ?? 0);
  return { fraction, std, noise, random };
}

function plan(n: number, fraction: number, random: Random): RepeatPlan {
  const k = Math.max(1, Math.round(n * fraction));
  const originals = random.sampleWithoutReplacement(n, k);
  const source = new Int32Array(n);
  const isCopy = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    source[i] = originals[i % k]!;
    isCopy[i] = i < k ? 0 : 1;
  }
  // One seeded shuffle of (source, isCopy) pairs.
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const s = source[i]!;
    source[i] = source[j]!;
    source[j] = s;
    const c = isCopy[i]!;
    isCopy[i] = isCopy[j]!;
    isCopy[j] = c;
  }
  return { source, isCopy, uniques: k };
}

/**
 * Builds a repeated training split from raw uint8 images (N × rowSize) and their labels.
 * The output has the same N rows, normalised with MNIST's constants; `raw` is not changed.
 *
 * Cost: O(N · rowSize) time; one Float32Array of N · rowSize.
 * @throws RangeError for a fraction outside (0, 1], a negative or non-finite std, an unknown noise
 *   convention, or a pixel count that is not N · rowSize; TypeError when random is not a Random.
 */
export function repeatImages(raw: RawImageSplit, rowSize: number, options: RepeatOptions = {}): Split & { uniques: number } {
  const { fraction, std, noise, random } = checkOptions(options);
  if (!Number.isInteger(rowSize) || rowSize < 1 || raw.pixels.length !== raw.n * rowSize || raw.labels.length !== raw.n) {
    throw new RangeError(
      `repeatImages: need ${raw.n} labels and ${raw.n} × rowSize ${rowSize} pixels, got ${raw.labels.length} and ${raw.pixels.length}`,
    );
  }
  const n = raw.n;
  const { source, isCopy, uniques } = plan(n, fraction, random);
  const mean = NORMALIZATION.mnist.mean[0];
  const sd = NORMALIZATION.mnist.std[0];
  const table = normalizationTable(mean, sd);
  const x = new Float32Array(n * rowSize);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const src = source[i]! * rowSize;
    const dst = i * rowSize;
    y[i] = raw.labels[source[i]!]!;
    if (!isCopy[i] || std === 0) {
      for (let j = 0; j < rowSize; j++) x[dst + j] = table[raw.pixels[src + j]!]!;
    } else if (noise === 'normalized') {
      for (let j = 0; j < rowSize; j++) x[dst + j] = table[raw.pixels[src + j]!]! + random.normal(0, std);
    } else {
      for (let j = 0; j < rowSize; j++) {
        const v = Math.trunc(raw.pixels[src + j]! + random.normal(0, std));
        x[dst + j] = table[v < 0 ? 0 : v > 255 ? 255 : v]!;
      }
    }
  }
  return { x, y, n, uniques };
}

/**
 * Loads RepeatedMNIST (see the module comment): MNIST with its training set rebuilt by
 * {@link repeatImages}; the test set is MNIST's.
 * Cost: ~1 s more than MNIST for the 47M noise draws.
 */
export async function loadRepeatedMnist(options: RepeatedMnistOptions = {}): Promise<Dataset> {
  const { fraction, std, noise } = checkOptions(options);
  const raw = await loadMnistRaw(options);
  const train = repeatImages(raw.train, 784, options);
  return {
    name: 'repeated-mnist',
    description:
      `RepeatedMNIST: ${train.uniques} unique MNIST training images (${Math.round(fraction * 1000) / 10}%) repeated with ` +
      `Gaussian noise (std ${std} on ${noise === 'raw' ? 'raw 0..255 pixels' : 'normalised pixels'}) to 60k; MNIST test set`,
    kind: 'image',
    shape: [28, 28, 1],
    numClasses: 10,
    classNames: MNIST_CLASS_NAMES,
    train: { x: train.x, y: train.y, n: train.n },
    test: normalizedSplit(raw.test, 1, NORMALIZATION.mnist),
  };
}
