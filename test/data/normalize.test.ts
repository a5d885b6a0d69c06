import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizationTable, normalizeUint8, NORMALIZATION } from '../../src/data/normalize.ts';

test('normalizationTable: (v/255 − mean)/std rounded once to float32', () => {
  const t = normalizationTable(0.1307, 0.3081);
  assert.equal(t.length, 256);
  for (let v = 0; v < 256; v++) assert.equal(t[v], Math.fround((v / 255 - 0.1307) / 0.3081));
  assert.throws(() => normalizationTable(0.5, 0), /normalizationTable: std\[0\] must be finite and > 0, got 0/);
  assert.throws(() => normalizationTable(NaN, 1), /mean\[0\] must be finite, got NaN/);
});

test('normalizeUint8: per-channel constants, channels last, input unchanged', () => {
  const src = Uint8Array.from({ length: 3 * 7 }, (_, i) => (i * 41) % 256);
  const copy = src.slice();
  const norm = { mean: [0.1, 0.5, 0.9], std: [0.2, 0.25, 0.5] };
  const out = normalizeUint8(src, 3, norm);
  assert.ok(out instanceof Float32Array);
  for (let i = 0; i < src.length; i++) {
    const c = i % 3;
    assert.equal(out[i], Math.fround((src[i]! / 255 - norm.mean[c]!) / norm.std[c]!));
  }
  assert.deepEqual(src, copy);
  assert.deepEqual(Array.from(normalizeUint8(new Uint8Array([0, 255]), 1, { mean: [0.5], std: [0.5] })), [-1, 1]);
});

test('normalizeUint8: bad input', () => {
  assert.throws(() => normalizeUint8(new Uint8Array(4), 3, NORMALIZATION.svhn), /normalizeUint8: src.length 4 is not a multiple of channels 3/);
  assert.throws(() => normalizeUint8(new Uint8Array(4), 1, NORMALIZATION.svhn), /need 1 means and stds \(one per channel\), got 3 and 3/);
  assert.throws(() => normalizeUint8(new Uint8Array(4), 0, NORMALIZATION.mnist), /channels must be an integer >= 1, got 0/);
});

test('NORMALIZATION: the documented constants', () => {
  assert.deepEqual(NORMALIZATION.mnist, { mean: [0.1307], std: [0.3081] });
  assert.deepEqual(NORMALIZATION['fashion-mnist'], NORMALIZATION.mnist);
  assert.equal(NORMALIZATION.svhn.mean.length, 3);
});
