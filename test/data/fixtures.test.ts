import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSvhn } from '../../src/data/svhn.ts';
import { loadMedMnist } from '../../src/data/medmnist.ts';
import { NORMALIZATION } from '../../src/data/normalize.ts';

// Files written by the reference writers (scipy.io.savemat, numpy.savez_compressed): see
// fixtures/make_fixtures.py, which also defines the pixel formula below.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const pix = (i: number, r: number, c: number, ch: number) => (i * 37 + r * 5 + c * 3 + ch * 101) % 256;
const TOL = 1e-6;

test('loadSvhn reads scipy.io.savemat output (plain and compressed) into upright NHWC images', async () => {
  const d = await loadSvhn({ path: join(FIXTURES, 'svhn-scipy'), download: false });
  assert.deepEqual([d.train.n, d.test.n], [3, 2]);
  assert.deepEqual(Array.from(d.train.y), [1, 8, 5]);
  assert.deepEqual(Array.from(d.test.y), [1, 8]);
  const { mean, std } = NORMALIZATION.svhn;
  for (const [split, n] of [[d.train, 3], [d.test, 2]] as const) {
    for (let i = 0; i < n; i++) for (let r = 0; r < 32; r++) for (let c = 0; c < 32; c++) for (let ch = 0; ch < 3; ch++) {
      const want = (pix(i, r, c, ch) / 255 - mean[ch]!) / std[ch]!;
      if (Math.abs(split.x[((i * 32 + r) * 32 + c) * 3 + ch]! - want) > TOL) assert.fail(`image ${i} (${r},${c},${ch})`);
    }
  }
});

test('loadMedMnist reads numpy.savez_compressed output', async () => {
  const d = await loadMedMnist('bloodmnist', { path: join(FIXTURES, 'medmnist-numpy'), size: 28 });
  assert.deepEqual([d.train.n, d.test.n], [4, 3]);
  assert.deepEqual(Array.from(d.test.y), [0, 1, 2]);
  for (let i = 0; i < 3; i++) for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) for (let ch = 0; ch < 3; ch++) {
    const want = (pix(i, r, c, ch) / 255 - 0.5) / 0.5;
    if (Math.abs(d.test.x[((i * 28 + r) * 28 + c) * 3 + ch]! - want) > TOL) assert.fail(`image ${i} (${r},${c},${ch})`);
  }
});
