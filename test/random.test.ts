import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random, hashString } from '../src/random.ts';

test('same seed gives the same stream; different seeds differ', () => {
  const a = new Random(42), b = new Random(42), c = new Random(43);
  const xa = Array.from({ length: 20 }, () => a.nextUint32());
  const xb = Array.from({ length: 20 }, () => b.nextUint32());
  const xc = Array.from({ length: 20 }, () => c.nextUint32());
  assert.deepEqual(xa, xb);
  assert.notDeepEqual(xa, xc);
});

test('string seeds are hashed; fork is independent of draws taken from the parent', () => {
  assert.equal(new Random('mnist').seed, hashString('mnist'));
  const a = new Random(7);
  const f1 = a.fork('round', 3).uniform();
  a.uniform();
  const f2 = a.fork('round', 3).uniform();
  assert.equal(f1, f2);
  assert.notEqual(a.fork('round', 3).uniform(), a.fork('round', 4).uniform());
});

test('uniform lies in [0,1) with mean near 1/2', () => {
  const r = new Random(1);
  let s = 0;
  for (let i = 0; i < 100000; i++) {
    const u = r.uniform();
    assert.ok(u >= 0 && u < 1);
    s += u;
  }
  assert.ok(Math.abs(s / 100000 - 0.5) < 0.005);
});

test('int is unbiased over a non-power-of-two range (chi-square, 6 bins)', () => {
  const r = new Random(2);
  const counts = new Array(6).fill(0);
  const n = 60000;
  for (let i = 0; i < n; i++) counts[r.int(6)]++;
  const chi2 = counts.reduce((s, c) => s + (c - n / 6) ** 2 / (n / 6), 0);
  assert.ok(chi2 < 20.5, `chi2 = ${chi2} (df 5, p = 0.001 critical value 20.5)`);
  assert.throws(() => r.int(0), RangeError);
  assert.throws(() => r.int(2.5), RangeError);
});

test('normal has the requested mean and standard deviation', () => {
  const r = new Random(3);
  const n = 100000;
  let s = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = r.normal(2, 3);
    s += x;
    s2 += x * x;
  }
  const mean = s / n, sd = Math.sqrt(s2 / n - mean * mean);
  assert.ok(Math.abs(mean - 2) < 0.05, `mean ${mean}`);
  assert.ok(Math.abs(sd - 3) < 0.05, `sd ${sd}`);
});

test('weightedIndex follows the weights and rejects bad weights', () => {
  const r = new Random(4);
  const w = [1, 0, 3];
  const counts = [0, 0, 0];
  for (let i = 0; i < 40000; i++) counts[r.weightedIndex(w)]!++;
  assert.equal(counts[1], 0);
  assert.ok(Math.abs(counts[2]! / 40000 - 0.75) < 0.01);
  assert.throws(() => r.weightedIndex([0, 0]), /positive finite sum/);
  assert.throws(() => r.weightedIndex([1, NaN]), /weight 1 is NaN/);
  assert.throws(() => r.weightedIndex([1, -1]), RangeError);
  assert.equal(r.choice(['a', 'b'], [0, 1]), 'b');
});

test('shuffle, permutation and sampleWithoutReplacement give distinct valid indices', () => {
  const r = new Random(5);
  const p = r.permutation(100);
  assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => i));
  const input = Object.freeze([1, 2, 3, 4, 5]);
  const s = r.shuffle(input);
  assert.deepEqual([...s].sort(), [1, 2, 3, 4, 5]);
  for (const [n, k] of [[1000, 10], [1000, 900], [5, 5], [5, 0]] as const) {
    const x = r.sampleWithoutReplacement(n, k);
    assert.equal(x.length, k);
    assert.equal(new Set(x).size, k);
    assert.ok([...x].every((v) => v >= 0 && v < n));
  }
  assert.throws(() => r.sampleWithoutReplacement(5, 6), /k must be an integer in \[0, 5\]/);
});

test('getState / setState resume a stream exactly', () => {
  const r = new Random(9);
  r.uniform();
  const st = r.getState();
  const a = [r.uniform(), r.int(10)];
  r.setState(st);
  assert.deepEqual([r.uniform(), r.int(10)], a);
});

test('bad seeds are rejected', () => {
  assert.throws(() => new Random(-1), TypeError);
  assert.throws(() => new Random(1.5), TypeError);
  assert.throws(() => new Random(NaN), TypeError);
});
