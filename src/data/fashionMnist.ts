/**
 * Fashion-MNIST (Xiao et al., 2017): 60,000 training and 10,000 test images of clothing, 28×28×1,
 * 10 classes. Source: the gzip IDX files of Debian's `dataset-fashion-mnist`
 * (`usr/share/datasets/fashion-mnist/`), fetched with `apt-get download` and unpacked (no install,
 * no root) into `<data dir>/dataset-fashion-mnist/` once (the same layout as the other Debian sources).
 * Normalisation: the MNIST constants (v/255 − 0.1307) / 0.3081, as the paper's code uses for it.
 */
import { join } from 'node:path';
import type { Dataset } from './dataset.ts';
import { dataDir } from './cache.ts';
import { DataFileError } from './dataFileError.ts';
import { readIdxImagesAndLabels } from './formats/idx.ts';
import { normalizedSplit } from './mnist.ts';
import { NORMALIZATION } from './normalize.ts';
import { debianFile } from './sources/debian.ts';

export const FASHION_MNIST_CLASS_NAMES: readonly string[] = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];

const PACKAGE = 'dataset-fashion-mnist';
const DIR = 'usr/share/datasets/fashion-mnist';
const howToGet = (cache: string) =>
  `delete ${join(cache, PACKAGE)} and run 'npm run data -- fashion-mnist' to unpack the Debian package again, or pass {path} to a folder with the official files`;

export interface FashionMnistOptions {
  readonly cacheDir?: string;
  /** A folder holding the four official `*-ubyte.gz` (or raw) files; skips the Debian package. */
  readonly path?: string;
}

/**
 * Loads Fashion-MNIST, normalised, as flat NHWC Float32Arrays (N × 784).
 * @throws DebianSourceError when the package cannot be fetched; DataFileError for corrupt files.
 */
export async function loadFashionMnist(options: FashionMnistOptions = {}): Promise<Dataset> {
  const cache = dataDir(options.cacheDir);
  const file = (name: string) => (options.path !== undefined ? join(options.path, name) : debianFile(PACKAGE, join(DIR, name), cache));
  const HOW_TO_GET = howToGet(cache);
  const read = (images: string, labels: string, n: number) => {
    const r = readIdxImagesAndLabels(file(images), file(labels), 10, HOW_TO_GET);
    if (r.n !== n || r.height !== 28 || r.width !== 28) {
      throw new DataFileError(file(images), `expected ${n} images of 28×28, got ${r.n} of ${r.height}×${r.width}; ${HOW_TO_GET}`);
    }
    return normalizedSplit(r, 1, NORMALIZATION['fashion-mnist']);
  };
  return {
    name: 'fashion-mnist',
    description: 'Fashion-MNIST clothing images, 60k/10k, 28×28 grayscale (Debian dataset-fashion-mnist)',
    kind: 'image',
    shape: [28, 28, 1],
    numClasses: 10,
    classNames: FASHION_MNIST_CLASS_NAMES,
    train: read('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 60000),
    test: read('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', 10000),
  };
}
