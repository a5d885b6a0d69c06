import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSvhn, svhnToNhwc } from '../../src/data/svhn.ts';
import { NORMALIZATION } from '../../src/data/normalize.ts';
import { DataFileError } from '../../src/data/dataFileError.ts';
import { encodeMat, miDOUBLE, miUINT8, mxDOUBLE, mxUINT8 } from './matWriter.ts';

const TOL = 1e-6; // float32 rounding of (v/255 - mean)/std, |x| < 3

/** Column-major X (32×32×3×n) where pixel value = f(n, r, c, ch). */
function makeX(n: number, f: (i: number, r: number, c: number, ch: number) => number): number[] {
  const X = new Array<number>(32 * 32 * 3 * n);
  for (let i = 0; i < n; i++) for (let ch = 0; ch < 3; ch++) for (let c = 0; c < 32; c++) for (let r = 0; r < 32; r++) {
    X[r + 32 * c + 1024 * ch + 3072 * i] = f(i, r, c, ch);
  }
  return X;
}
const pix = (i: number, r: number, c: number, ch: number) => (i * 37 + r * 5 + c * 3 + ch * 101) % 256;

function writeSvhn(dir: string, nTrain: number, nTest: number, compress: boolean, labels?: number[]): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, n] of [['train_32x32.mat', nTrain], ['test_32x32.mat', nTest]] as const) {
    const y = labels ?? Array.from({ length: n }, (_, i) => (i % 10) + 1);
    writeFileSync(join(dir, name), encodeMat([
      { name: 'X', classCode: mxUINT8, dims: [32, 32, 3, n], dataType: miUINT8, values: makeX(n, pix) },
      { name: 'y', classCode: mxDOUBLE, dims: [n, 1], dataType: compress ? miUINT8 : miDOUBLE, values: y },
    ], { compress }));
  }
}

test('loadSvhn: column-major X becomes NHWC rows, label 10 becomes 0, per-channel normalisation', async () => {
  for (const compress of [false, true]) {
    const dir = join(mkdtempSync(join(tmpdir(), 'svhn-')), 'files');
    writeSvhn(dir, 3, 11, compress);
    const d = await loadSvhn({ path: dir, download: false });
    assert.deepEqual([d.train.n, d.test.n, d.numClasses], [3, 11, 10]);
    assert.deepEqual(d.shape, [32, 32, 3]);
    assert.equal(d.train.x.length, 3 * 3072);
    assert.deepEqual(Array.from(d.test.y), [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    const { mean, std } = NORMALIZATION.svhn;
    for (let i = 0; i < 3; i++) for (let r = 0; r < 32; r++) for (let c = 0; c < 32; c++) for (let ch = 0; ch < 3; ch++) {
      const want = (pix(i, r, c, ch) / 255 - mean[ch]!) / std[ch]!;
      const got = d.train.x[i * 3072 + (r * 32 + c) * 3 + ch]!;
      if (Math.abs(got - want) > TOL) assert.fail(`image ${i} (${r},${c},${ch}): ${got} vs ${want}`);
    }
  }
});

test('svhnToNhwc: does not change its input', () => {
  const X = Uint8Array.from(makeX(2, pix));
  const copy = X.slice();
  svhnToNhwc(X, 2);
  assert.deepEqual(X, copy);
});

test('loadSvhn: missing file, bad labels, wrong shape', async () => {
  const root = mkdtempSync(join(tmpdir(), 'svhn-'));
  await assert.rejects(loadSvhn({ path: root, download: false }), (e: Error) =>
    e instanceof DataFileError && e.message.includes('train_32x32.mat: file not found; download train_32x32.mat and test_32x32.mat from http://ufldl.stanford.edu/housenumbers/'));
  await assert.rejects(loadSvhn({ cacheDir: root, download: false }), /not in the cache and downloading is off/);
  const bad = join(root, 'bad');
  writeSvhn(bad, 2, 2, true, [0, 3]);
  await assert.rejects(loadSvhn({ path: bad, download: false }), /train_32x32\.mat: y\[0\] = 0 is outside SVHN's labels 1\.\.10/);
  const shape = join(root, 'shape');
  mkdirSync(shape);
  for (const name of ['train_32x32.mat', 'test_32x32.mat']) {
    writeFileSync(join(shape, name), encodeMat([
      { name: 'X', classCode: mxUINT8, dims: [28, 28, 3, 1], dataType: miUINT8, values: new Array(28 * 28 * 3).fill(0) },
      { name: 'y', classCode: mxDOUBLE, dims: [1, 1], dataType: miUINT8, values: [1] },
    ]));
  }
  await assert.rejects(loadSvhn({ path: shape, download: false }), /X should be uint8 of size 32×32×3×N, got uint8 28×28×3×1/);
});
