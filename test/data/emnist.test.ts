import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmnist, EMNIST_BALANCED_CLASS_NAMES } from '../../src/data/emnist.ts';
import { DataFileError } from '../../src/data/dataFileError.ts';
import { encodeIdx } from './idxWriter.ts';

const TOL = 1e-6;
/** The upright image: value at (row, col). The file stores it transposed, as EMNIST does. */
const upright = (i: number, r: number, c: number) => (i * 11 + r * 9 + c) % 256;

function writeSplit(dir: string, split: string, n: number, gz: boolean, labels?: number[], side = 28): void {
  const px: number[] = [];
  for (let i = 0; i < n; i++) for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) px.push(upright(i, c, r)); // stored[r][c] = upright[c][r]
  const ext = gz ? '.gz' : '';
  writeFileSync(join(dir, `emnist-balanced-${split}-images-idx3-ubyte${ext}`), encodeIdx('uint8', [n, side, side], px, gz));
  writeFileSync(join(dir, `emnist-balanced-${split}-labels-idx1-ubyte${ext}`), encodeIdx('uint8', [n], labels ?? Array.from({ length: n }, (_, i) => (i * 5) % 47), gz));
}

test('EMNIST balanced class names: 47 = 10 digits + 26 uppercase + 11 lowercase', () => {
  assert.equal(EMNIST_BALANCED_CLASS_NAMES.length, 47);
  assert.equal(EMNIST_BALANCED_CLASS_NAMES[10], 'A');
  assert.equal(EMNIST_BALANCED_CLASS_NAMES[36], 'a');
  assert.equal(EMNIST_BALANCED_CLASS_NAMES[46], 't');
});

test('loadEmnist: gz or raw files, images transposed back to upright, MNIST normalisation', async () => {
  for (const gz of [true, false]) {
    const dir = mkdtempSync(join(tmpdir(), 'emnist-'));
    writeSplit(dir, 'train', 4, gz);
    writeSplit(dir, 'test', 2, gz);
    const d = await loadEmnist({ path: dir });
    assert.deepEqual([d.train.n, d.test.n, d.numClasses, d.classNames.length], [4, 2, 47, 47]);
    assert.deepEqual(Array.from(d.train.y), [0, 5, 10, 15]);
    for (let i = 0; i < 4; i++) for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) {
      const want = (upright(i, r, c) / 255 - 0.1307) / 0.3081;
      if (Math.abs(d.train.x[i * 784 + r * 28 + c]! - want) > TOL) assert.fail(`gz=${gz} image ${i} (${r},${c})`);
    }
  }
});

test('loadEmnist: no path, missing file, label outside 47, wrong size', async () => {
  await assert.rejects(loadEmnist(), (e: Error) => e instanceof DataFileError && /no offline source: download https:\/\/biometrics\.nist\.gov\/cs_links\/EMNIST\/gzip\.zip/.test(e.message));
  const dir = mkdtempSync(join(tmpdir(), 'emnist-'));
  await assert.rejects(loadEmnist({ path: join(dir, 'nope') }), /nope: folder not found/);
  writeSplit(dir, 'train', 2, true);
  await assert.rejects(loadEmnist({ path: dir }), /emnist-balanced-test-images-idx3-ubyte\.gz: missing \(looked for/);
  writeSplit(dir, 'test', 2, true, [3, 47]);
  await assert.rejects(loadEmnist({ path: dir }), /label 47 at row 1 is outside the 47 balanced classes/);
  writeSplit(dir, 'test', 2, true, [3, 4], 27);
  await assert.rejects(loadEmnist({ path: dir }), /expected 28×28 images, got 27×27/);
});
