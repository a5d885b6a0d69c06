/**
 * BloodMNIST and DermaMNIST from MedMNIST v2 (Yang et al., 2023): 28×28 RGB medical images.
 * BloodMNIST: 11,959 train / 1,712 val / 3,421 test, 8 blood-cell classes. DermaMNIST: 7,007 / 1,003 /
 * 2,005, 7 skin-lesion classes.
 *
 * Source: the official `<name>.npz` (keys train_images (N,28,28,3) uint8, train_labels (N,1), val_*, test_*)
 * from `{path}` (the file, or a folder holding it), else from the cache `<data dir>/medmnist/`, else
 * downloaded from Zenodo into the cache when `download` is not false and the machine is online.
 * Splits: train → train, test → test; the validation split is dropped (active learning draws its
 * labels from the training pool and reports test accuracy), unless `mergeVal` appends it to train.
 * Size: images are scaled 28×28 → 32×32 by nearest-neighbour (src = ⌊dst · 28 / 32⌋), as the paper
 * does (Appendix) for ResNet18; `size: 28` keeps them as stored.
 * Normalisation: 0.5 / 0.5 per channel (MedMNIST's own examples); see normalize.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset, Split } from './dataset.ts';
import { dataDir, downloadToCache } from './cache.ts';
import { DataFileError } from './dataFileError.ts';
import { readNpzFile } from './formats/npz.ts';
import type { NpyArray } from './formats/npy.ts';
import { NORMALIZATION, normalizeUint8 } from './normalize.ts';

export type MedMnistName = 'bloodmnist' | 'dermamnist';

export const MEDMNIST_CLASS_NAMES: Record<MedMnistName, readonly string[]> = {
  bloodmnist: [
    'basophil', 'eosinophil', 'erythroblast', 'immature granulocytes', 'lymphocyte', 'monocyte', 'neutrophil', 'platelet',
  ],
  dermamnist: [
    'actinic keratoses and intraepithelial carcinoma', 'basal cell carcinoma', 'benign keratosis-like lesions',
    'dermatofibroma', 'melanoma', 'melanocytic nevi', 'vascular lesions',
  ],
};

/**
 * The official download address of each file: the Zenodo record the `medmnist` Python package (v3)
 * downloads from; its 28×28 `<name>.npz` files hold the MedMNIST v2 data. Not checked from here (offline).
 */
export function medMnistUrl(name: MedMnistName): string {
  return `https://zenodo.org/records/10519652/files/${name}.npz?download=1`;
}

export interface MedMnistOptions {
  /** The official `<name>.npz`, or a folder holding it. */
  readonly path?: string;
  readonly cacheDir?: string;
  /** Fetch from the official URL into the cache when no file is found (default true). */
  readonly download?: boolean;
  /** Overrides the download address (tests, mirrors). */
  readonly url?: string;
  /** Output side length: 32 (default, nearest-neighbour upscaling as the paper) or 28 (as stored). */
  readonly size?: 28 | 32;
  /** Append the validation split to the training split (default false: val is dropped). */
  readonly mergeVal?: boolean;
}

/**
 * Nearest-neighbour rescale of N square RGB(…) images, channels last: out[n, r, c, ch] =
 * src[n, ⌊r·from/to⌋, ⌊c·from/to⌋, ch] (PyTorch's 'nearest' rule). Cost O(N · to² · channels).
 */
export function resizeNearest(src: Uint8Array, n: number, from: number, to: number, channels: number): Uint8Array {
  if (src.length !== n * from * from * channels) {
    throw new RangeError(`resizeNearest: src.length ${src.length} is not n·from²·channels = ${n * from * from * channels}`);
  }
  if (from === to) return src;
  const out = new Uint8Array(n * to * to * channels);
  const map = new Int32Array(to);
  for (let d = 0; d < to; d++) map[d] = Math.floor((d * from) / to);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const base = i * from * from * channels;
    for (let r = 0; r < to; r++) {
      const row = base + map[r]! * from * channels;
      for (let c = 0; c < to; c++) {
        const p = row + map[c]! * channels;
        for (let ch = 0; ch < channels; ch++) out[o++] = src[p + ch]!;
      }
    }
  }
  return out;
}

function howToGet(name: MedMnistName): string {
  return `download ${medMnistUrl(name)} (MedMNIST v2, https://medmnist.com) and pass {path: '<file>'} (CLI: --path <file>)`;
}

async function locate(name: MedMnistName, o: MedMnistOptions): Promise<string> {
  if (o.path !== undefined) {
    const p = existsSync(o.path) && statSync(o.path).isDirectory() ? join(o.path, `${name}.npz`) : o.path;
    if (!existsSync(p)) throw new DataFileError(p, `file not found; ${howToGet(name)}`);
    return p;
  }
  const cached = join(dataDir(o.cacheDir), 'medmnist', `${name}.npz`);
  if (existsSync(cached)) return cached;
  if (o.download === false) {
    throw new DataFileError(cached, `not in the cache and downloading is off; ${howToGet(name)}`);
  }
  return downloadToCache(o.url ?? medMnistUrl(name), cached, { howToGet: howToGet(name) });
}

function split(arrays: Map<string, NpyArray>, file: string, part: string, numClasses: number, name: MedMnistName) {
  const images = arrays.get(`${part}_images`)!;
  const labels = arrays.get(`${part}_labels`)!;
  const [n, h, w, c] = images.shape;
  if (images.shape.length !== 4 || h !== 28 || w !== 28 || c !== 3 || !(images.data instanceof Uint8Array) || images.dtype.slice(1) !== 'u1') {
    throw new DataFileError(file, `${part}_images should be uint8 of shape (N, 28, 28, 3), got '${images.dtype}' (${images.shape.join(', ')}); ${howToGet(name)}`);
  }
  if (labels.data.length !== n || (labels.shape.length === 2 && labels.shape[1] !== 1) || labels.shape.length > 2) {
    throw new DataFileError(file, `${part}_labels should have shape (${n}, 1), got (${labels.shape.join(', ')}); ${howToGet(name)}`);
  }
  const y = new Int32Array(n!);
  for (let i = 0; i < n!; i++) {
    const l = labels.data[i]!;
    if (!Number.isInteger(l) || l < 0 || l >= numClasses) {
      throw new DataFileError(file, `${part}_labels[${i}] = ${l} is outside the ${numClasses} classes [0, ${numClasses}); ${howToGet(name)}`);
    }
    y[i] = l;
  }
  return { pixels: images.data, y, n: n! };
}

/**
 * Loads BloodMNIST or DermaMNIST (see the module comment for source, splits, size and normalisation).
 * @throws DataFileError naming the file when it is missing (with the official URL), cannot be
 *   downloaded, or lacks/mis-shapes one of the six arrays.
 */
export async function loadMedMnist(name: MedMnistName, options: MedMnistOptions = {}): Promise<Dataset> {
  if (name !== 'bloodmnist' && name !== 'dermamnist') {
    throw new RangeError(`loadMedMnist: name must be 'bloodmnist' or 'dermamnist', got ${JSON.stringify(name)}`);
  }
  const size = options.size ?? 32;
  if (size !== 28 && size !== 32) throw new RangeError(`loadMedMnist: size must be 28 or 32, got ${String(size)}`);
  const file = await locate(name, options);
  const parts = options.mergeVal ? ['train', 'val', 'test'] : ['train', 'test'];
  const arrays = readNpzFile(file, parts.flatMap((p) => [`${p}_images`, `${p}_labels`]), howToGet(name));
  const classNames = MEDMNIST_CLASS_NAMES[name];
  const make = (...ps: string[]): Split => {
    const got = ps.map((p) => split(arrays, file, p, classNames.length, name));
    const n = got.reduce((a, g) => a + g.n, 0);
    const pixels = new Uint8Array(n * 28 * 28 * 3);
    const y = new Int32Array(n);
    let at = 0;
    for (const g of got) {
      pixels.set(g.pixels, at * 28 * 28 * 3);
      y.set(g.y, at);
      at += g.n;
    }
    return { x: normalizeUint8(resizeNearest(pixels, n, 28, size, 3), 3, NORMALIZATION.medmnist), y, n };
  };
  const train = options.mergeVal ? make('train', 'val') : make('train');
  const test = make('test');
  const title = name === 'bloodmnist' ? 'BloodMNIST blood-cell' : 'DermaMNIST skin-lesion';
  return {
    name,
    description: `${title} images (MedMNIST v2), ${train.n}/${test.n}, ${size}×${size} RGB, ${classNames.length} classes`,
    kind: 'image',
    shape: [size, size, 3],
    numClasses: classNames.length,
    classNames,
    train,
    test,
  };
}
