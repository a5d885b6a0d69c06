import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIdx, readIdxFile, readIdxImagesAndLabels } from '../../../src/data/formats/idx.ts';
import { DataFileError } from '../../../src/data/dataFileError.ts';
import { encodeIdx } from '../idxWriter.ts';

test('parseIdx: every type, raw and gzip, round-trips values and dims', () => {
  const cases = [
    ['uint8', [2, 3], [0, 1, 2, 128, 254, 255]],
    ['int8', [4], [-128, -1, 0, 127]],
    ['int16', [2, 2], [-32768, -2, 300, 32767]],
    ['int32', [3], [-2147483648, 7, 2147483647]],
    ['float32', [2], [1.5, -0.25]],
    ['float64', [1, 2, 1], [Math.PI, -1e-300]],
  ] as const;
  for (const [type, dims, values] of cases) {
    for (const gz of [false, true]) {
      const r = parseIdx(encodeIdx(type, [...dims], values, gz), `x.${type}`);
      assert.equal(r.type, type);
      assert.deepEqual(r.dims, dims);
      assert.deepEqual(Array.from(r.data), values, `${type} gzip=${gz}`);
    }
  }
});

test('parseIdx: zero images is a valid file', () => {
  const r = parseIdx(encodeIdx('uint8', [0, 28, 28], []), 'empty');
  assert.deepEqual(r.dims, [0, 28, 28]);
  assert.equal(r.data.length, 0);
});

test('parseIdx: bad input names the file and what is wrong', () => {
  const good = encodeIdx('uint8', [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.throws(() => parseIdx(good.subarray(0, good.length - 1), 'f.idx'), (e: Error) =>
    e instanceof DataFileError && /^f\.idx: .*\[2, 2, 2\].*needs 24 bytes but the file has 23 \(truncated\)/.test(e.message));
  const extra = new Uint8Array(good.length + 3);
  extra.set(good);
  assert.throws(() => parseIdx(extra, 'f.idx'), /extra bytes at the end/);
  const wrongMagic = good.slice();
  wrongMagic[0] = 0x50;
  assert.throws(() => parseIdx(wrongMagic, 'f.idx'), /f\.idx: wrong magic number 50 00 08 03/);
  const wrongType = good.slice();
  wrongType[2] = 0x07;
  assert.throws(() => parseIdx(wrongType, 'f.idx'), /unknown IDX type code 0x7/);
  assert.throws(() => parseIdx(good.subarray(0, 3), 'f.idx'), /only 3 bytes/);
  assert.throws(() => parseIdx(good.subarray(0, 10), 'f.idx'), /promises 3 dimensions/);
  const gz = encodeIdx('uint8', [100], new Array(100).fill(7), true);
  assert.throws(() => parseIdx(gz.subarray(0, gz.length - 10), 'f.gz'), /f\.gz: gzip data is truncated or corrupt/);
});

test('readIdxFile / readIdxImagesAndLabels: read files, check they agree, missing file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idx-'));
  const px = Array.from({ length: 3 * 2 * 2 }, (_, i) => i * 20);
  writeFileSync(join(dir, 'img.gz'), encodeIdx('uint8', [3, 2, 2], px, true));
  writeFileSync(join(dir, 'lab'), encodeIdx('uint8', [3], [2, 0, 1]));
  writeFileSync(join(dir, 'lab4'), encodeIdx('uint8', [4], [2, 0, 1, 1]));
  writeFileSync(join(dir, 'lab32'), encodeIdx('int32', [3], [2, 0, 1]));
  const r = readIdxImagesAndLabels(join(dir, 'img.gz'), join(dir, 'lab'), 10);
  assert.deepEqual([r.n, r.height, r.width], [3, 2, 2]);
  assert.deepEqual(Array.from(r.pixels), px);
  assert.ok(r.labels instanceof Int32Array);
  assert.deepEqual(Array.from(r.labels), [2, 0, 1]);
  assert.throws(() => readIdxImagesAndLabels(join(dir, 'img.gz'), join(dir, 'lab4'), 10), /lab4: has 4 labels but .*img\.gz has 3 images/);
  assert.throws(() => readIdxImagesAndLabels(join(dir, 'img.gz'), join(dir, 'lab32'), 10), /lab32: expected uint8 labels/);
  assert.throws(() => readIdxImagesAndLabels(join(dir, 'lab'), join(dir, 'lab'), 10), /expected uint8 images with dims \[N, H, W\]/);
  assert.throws(() => readIdxFile(join(dir, 'nope'), 'get it from X'), (e: Error) =>
    e instanceof DataFileError && e.message.includes('nope: cannot read the file (ENOENT); get it from X'));
  rmSync(dir, { recursive: true, force: true });
});

test('a corrupt label byte is an error naming the file, row and class range, not a silent wrong class', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idx-'));
  try {
    writeFileSync(join(dir, 'img'), encodeIdx('uint8', [3, 2, 2], new Array(12).fill(0)));
    writeFileSync(join(dir, 'lab'), encodeIdx('uint8', [3], [2, 10, 1]));
    assert.throws(() => readIdxImagesAndLabels(join(dir, 'img'), join(dir, 'lab'), 10, 'fetch it again'), (e: Error) =>
      e instanceof DataFileError && /lab: label 10 at row 1 is outside the 10 classes \[0, 10\).*; fetch it again$/.test(e.message));
    assert.equal(readIdxImagesAndLabels(join(dir, 'img'), join(dir, 'lab'), 11).labels[1], 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every IDX error carries the caller's recovery step (parseIdx and gunzip too)", () => {
  const good = encodeIdx('uint8', [4], [1, 2, 3, 4]);
  const gz = encodeIdx('uint8', [100], new Array(100).fill(7), true);
  assert.throws(() => parseIdx(good.subarray(0, 7), 'f', 'delete the folder X'), /f: header promises 1 dimensions.*; delete the folder X$/);
  assert.throws(() => parseIdx(gz.subarray(0, gz.length - 10), 'f.gz', 'delete the folder X'), /f\.gz: gzip data is truncated or corrupt.*; delete the folder X$/);
  const dir = mkdtempSync(join(tmpdir(), 'idx-'));
  try {
    writeFileSync(join(dir, 'cut'), good.subarray(0, good.length - 1));
    assert.throws(() => readIdxFile(join(dir, 'cut'), 'delete the folder X'), /cut: header shape \[4\].*truncated\); delete the folder X$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
