import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMedMnist, resizeNearest, MEDMNIST_CLASS_NAMES } from '../../src/data/medmnist.ts';
import { DataFileError } from '../../src/data/dataFileError.ts';
import { encodeNpy, encodeNpz } from './npyWriter.ts';

const TOL = 1e-6;
const pix = (i: number, r: number, c: number, ch: number) => (i * 31 + r * 7 + c * 2 + ch * 50) % 256;

function images(n: number, offset: number): number[] {
  const v: number[] = [];
  for (let i = 0; i < n; i++) for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) for (let ch = 0; ch < 3; ch++) v.push(pix(i + offset, r, c, ch));
  return v;
}

function writeNpz(path: string, sizes: { train: number; val: number; test: number }, numClasses: number, skip?: string): void {
  const arrays: Record<string, Uint8Array> = {};
  let offset = 0;
  for (const part of ['train', 'val', 'test'] as const) {
    const n = sizes[part];
    if (`${part}_images` !== skip) arrays[`${part}_images`] = encodeNpy('|u1', [n, 28, 28, 3], images(n, offset));
    arrays[`${part}_labels`] = encodeNpy('|u1', [n, 1], Array.from({ length: n }, (_, i) => (i + offset) % numClasses));
    offset += n;
  }
  writeFileSync(path, encodeNpz(arrays));
}

test('resizeNearest: matches the slow rule src = floor(dst·from/to)', () => {
  const n = 2, from = 5, to = 7, chs = 2;
  const src = Uint8Array.from({ length: n * from * from * chs }, (_, i) => (i * 13) % 256);
  const copy = src.slice();
  const out = resizeNearest(src, n, from, to, chs);
  for (let i = 0; i < n; i++) for (let r = 0; r < to; r++) for (let c = 0; c < to; c++) for (let ch = 0; ch < chs; ch++) {
    const sr = Math.floor((r * from) / to), sc = Math.floor((c * from) / to);
    assert.equal(out[((i * to + r) * to + c) * chs + ch], src[((i * from + sr) * from + sc) * chs + ch]);
  }
  assert.deepEqual(src, copy);
  assert.throws(() => resizeNearest(src, 3, from, to, chs), /resizeNearest: src.length 100 is not n·from²·channels = 150/);
});

test('loadMedMnist: train/test from the npz, val dropped or merged, 28 or 32 pixels, 0.5/0.5 normalisation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medmnist-'));
  writeNpz(join(dir, 'bloodmnist.npz'), { train: 5, val: 2, test: 3 }, 8);
  const d = await loadMedMnist('bloodmnist', { path: dir, size: 28 }); // a folder holding the file
  assert.deepEqual([d.train.n, d.test.n, d.numClasses], [5, 3, 8]);
  assert.deepEqual(d.shape, [28, 28, 3]);
  assert.deepEqual(d.classNames, MEDMNIST_CLASS_NAMES.bloodmnist);
  assert.deepEqual(Array.from(d.train.y), [0, 1, 2, 3, 4]);
  assert.deepEqual(Array.from(d.test.y), [7, 0, 1]); // test follows train (5) and val (2) in the writer's numbering
  for (let i = 0; i < 5; i++) for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) for (let ch = 0; ch < 3; ch++) {
    const want = (pix(i, r, c, ch) / 255 - 0.5) / 0.5;
    if (Math.abs(d.train.x[((i * 28 + r) * 28 + c) * 3 + ch]! - want) > TOL) assert.fail(`pixel ${i},${r},${c},${ch}`);
  }
  const merged = await loadMedMnist('bloodmnist', { path: join(dir, 'bloodmnist.npz'), mergeVal: true });
  assert.deepEqual([merged.train.n, merged.test.n], [7, 3]);
  assert.deepEqual(merged.shape, [32, 32, 3]);
  assert.deepEqual(Array.from(merged.train.y), [0, 1, 2, 3, 4, 5, 6]);
  // Pixel (r, c) of the 32×32 image is pixel (⌊r·28/32⌋, ⌊c·28/32⌋) of the original.
  const i = 6, r = 31, c = 9, ch = 2;
  const want = (pix(i, Math.floor((r * 28) / 32), Math.floor((c * 28) / 32), ch) / 255 - 0.5) / 0.5;
  assert.ok(Math.abs(merged.train.x[((i * 32 + r) * 32 + c) * 3 + ch]! - want) < TOL);
});

test('loadMedMnist: missing file, missing key, bad labels, bad name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medmnist-'));
  await assert.rejects(loadMedMnist('dermamnist', { path: dir }), (e: Error) =>
    e instanceof DataFileError && /dermamnist\.npz: file not found; download https:\/\/zenodo\.org\/records\/10519652\/files\/dermamnist\.npz/.test(e.message));
  await assert.rejects(loadMedMnist('dermamnist', { cacheDir: dir, download: false }), /medmnist\/dermamnist\.npz: not in the cache and downloading is off/);
  writeNpz(join(dir, 'dermamnist.npz'), { train: 2, val: 1, test: 1 }, 7, 'test_images');
  await assert.rejects(loadMedMnist('dermamnist', { path: dir }), /dermamnist\.npz: has no array test_images/);
  writeNpz(join(dir, 'bloodmnist.npz'), { train: 9, val: 1, test: 1 }, 9); // label 8 is outside BloodMNIST's 8 classes
  await assert.rejects(loadMedMnist('bloodmnist', { path: dir }), /train_labels\[8\] = 8 is outside the 8 classes \[0, 8\)/);
  await assert.rejects(loadMedMnist('pathmnist' as 'bloodmnist', { path: dir }), RangeError);
  await assert.rejects(loadMedMnist('bloodmnist', { path: dir, size: 64 as 32 }), /size must be 28 or 32, got 64/);
});
