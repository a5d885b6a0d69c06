import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFashionMnist } from '../../src/data/fashionMnist.ts';

// Real Fashion-MNIST through Debian's dataset-fashion-mnist (apt-get download + dpkg-deb -x into the cache, once).
test('loadFashionMnist: 60000/10000 images from the Debian package, 6000/1000 per class', async () => {
  const d = await loadFashionMnist();
  assert.deepEqual([d.train.n, d.test.n, d.numClasses], [60000, 10000, 10]);
  assert.deepEqual(d.shape, [28, 28, 1]);
  assert.equal(d.classNames[9], 'Ankle boot');
  const counts = (y: Int32Array) => Array.from({ length: 10 }, (_, c) => y.filter((v) => v === c).length);
  assert.deepEqual(counts(d.train.y), new Array(10).fill(6000)); // Fashion-MNIST is balanced (Xiao et al., 2017)
  assert.deepEqual(counts(d.test.y), new Array(10).fill(1000));
  assert.equal(d.train.x.length, 60000 * 784);
});
