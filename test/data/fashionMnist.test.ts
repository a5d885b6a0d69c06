import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dataDir } from '../../src/data/cache.ts';
import { DataFileError } from '../../src/data/dataFileError.ts';
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

test('a corrupt label byte in the test split is an error naming the file; the recovery hint works when followed', async () => {
  const d = await loadFashionMnist(); // makes sure the package is in the default cache
  assert.equal(d.test.n, 10000);
  const cache = mkdtempSync(join(tmpdir(), 'fashion-'));
  try {
    cpSync(join(dataDir(), 'dataset-fashion-mnist'), join(cache, 'dataset-fashion-mnist'), { recursive: true });
    const labels = join(cache, 'dataset-fashion-mnist/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz');
    const raw = gunzipSync(readFileSync(labels));
    raw[8 + 1234] = 12; // label of test row 1234
    writeFileSync(labels, gzipSync(raw));
    let hint = '';
    await assert.rejects(loadFashionMnist({ cacheDir: cache }), (e: Error) => {
      hint = e.message;
      return e instanceof DataFileError && e.message.startsWith(`${labels}: label 12 at row 1234 is outside the 10 classes [0, 10)`);
    });
    // follow the hint: delete the folder it names, load again (what 'npm run data -- fashion-mnist' does)
    const folder = /delete (\S+) and run 'npm run data -- fashion-mnist'/.exec(hint)?.[1];
    assert.equal(folder, join(cache, 'dataset-fashion-mnist'), hint);
    rmSync(folder!, { recursive: true, force: true });
    const again = await loadFashionMnist({ cacheDir: cache });
    assert.deepEqual(again.test.y, d.test.y);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
