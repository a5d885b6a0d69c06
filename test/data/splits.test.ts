import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../tally.ts';
import { Random } from '../../src/random.ts';
import { splitTrainTest, takeRows } from '../../src/data/splits.ts';

test('splitTrainTest: disjoint, covering, sorted, sizes round(n*f)', () => {
  for (const [n, f] of [[10, 0.2], [101, 0.2], [7, 0], [7, 1], [0, 0.5], [1000, 0.33]] as const) {
    const { train, test: te } = splitTrainTest(n, f, new Random(3));
    assert.equal(te.length, Math.round(n * f));
    assert.equal(train.length + te.length, n);
    const all = [...train, ...te].sort((a, b) => a - b);
    assert.deepEqual(all, Array.from({ length: n }, (_, i) => i));
    for (let i = 1; i < train.length; i++) assert.ok(train[i]! > train[i - 1]!);
    for (let i = 1; i < te.length; i++) assert.ok(te[i]! > te[i - 1]!);
    assert.ok(train instanceof Int32Array && te instanceof Int32Array);
  }
});

test('splitTrainTest: same seed same split, other seed other split', () => {
  const a = splitTrainTest(500, 0.2, new Random(0));
  const b = splitTrainTest(500, 0.2, new Random(0));
  const c = splitTrainTest(500, 0.2, new Random(1));
  assert.deepEqual(a.test, b.test);
  assert.notDeepEqual(a.test, c.test);
});

test('splitTrainTest: every row lands in test about testFraction of the time', () => {
  const counts = new Float64Array(20);
  const random = new Random(9);
  const reps = 2000;
  for (let r = 0; r < reps; r++) for (const i of splitTrainTest(20, 0.25, random).test) tally(counts, i);
  // Binomial(2000, 0.25): sd ≈ 19.4; 5 sd bounds.
  for (const c of counts) assert.ok(Math.abs(c - 500) < 100, `count ${c}`);
});

test('splitTrainTest: bad input', () => {
  assert.throws(() => splitTrainTest(-1, 0.2, new Random(0)), /splitTrainTest: n .* got -1/);
  assert.throws(() => splitTrainTest(2.5, 0.2, new Random(0)), RangeError);
  assert.throws(() => splitTrainTest(10, 1.5, new Random(0)), /testFraction .*\[0, 1\], got 1.5/);
  assert.throws(() => splitTrainTest(10, NaN, new Random(0)), RangeError);
  assert.throws(() => splitTrainTest(10, 0.2, {} as Random), TypeError);
});

test('takeRows: matches a slow gather, keeps the array kind, does not mutate', () => {
  const x = new Float32Array(Array.from({ length: 12 }, (_, i) => i * 1.5));
  const copy = x.slice();
  const idx = [3, 0, 3, 1];
  const out = takeRows(x, 3, idx);
  const slow: number[] = [];
  for (const r of idx) for (let j = 0; j < 3; j++) slow.push(x[r * 3 + j]!);
  assert.ok(out instanceof Float32Array);
  assert.deepEqual(Array.from(out), slow);
  assert.deepEqual(x, copy);
  const y = takeRows(new Int32Array([7, 8, 9]), 1, new Int32Array([2, 2, 0]));
  assert.ok(y instanceof Int32Array);
  assert.deepEqual(Array.from(y), [9, 9, 7]);
  assert.equal(takeRows(x, 3, []).length, 0);
});

test('takeRows: bad input', () => {
  const x = new Float32Array(6);
  assert.throws(() => takeRows(x, 0, [0]), /takeRows: rowSize .* got 0/);
  assert.throws(() => takeRows(x, 4, [0]), /x.length 6 is not a multiple of rowSize 4/);
  assert.throws(() => takeRows(x, 2, [3]), /idx\[0\] = 3 is outside the 3 rows/);
  assert.throws(() => takeRows(x, 2, [-1]), RangeError);
  assert.throws(() => takeRows(x, 2, [0.5]), RangeError);
});
