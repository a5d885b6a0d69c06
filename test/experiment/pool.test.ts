import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedSubset, gatherLabels, gatherRows, preparePool } from '../../src/experiment/pool.ts';
import { Random } from '../../src/random.ts';
import { fakeTable } from './fixtures/fakeDependencies.ts';

/** Slow obvious version: element by element. */
function slowGather(x: Float32Array, rowSize: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * rowSize);
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < rowSize; j++) out[i * rowSize + j] = x[rows[i]! * rowSize + j]!;
  return out;
}

test('gatherRows equals the obvious copy for runs, gaps, repeats and reversed order', () => {
  const rnd = new Random(3);
  const x = Float32Array.from({ length: 50 * 3 }, () => rnd.normal());
  const before = x.slice();
  for (const rows of [[], [0], [49], [0, 1, 2, 3], [5, 6, 7, 20, 21, 3, 3, 4], [49, 48, 47], Array.from(rnd.permutation(50))]) {
    assert.deepEqual(gatherRows(x, 3, rows), slowGather(x, 3, rows), JSON.stringify(rows));
  }
  assert.deepEqual(x, before, 'input unchanged');
  assert.throws(() => gatherRows(x, 3, [48, 49, 50]), /gatherRows: row 48 is outside \[0, 49\]/);
  assert.throws(() => gatherRows(x, 3, [-1]), /gatherRows: row -1 is outside/);
  assert.deepEqual(gatherLabels(Int32Array.from([4, 5, 6]), [2, 0]), Int32Array.from([6, 4]));
});

test('the pool subset is fixed per dataset label, ascending, distinct; the full split maps to itself', () => {
  const a = fixedSubset('mnist', 'train', 1000, 100);
  assert.deepEqual(a, fixedSubset('mnist', 'train', 1000, 100));
  assert.notDeepEqual(a, fixedSubset('other', 'train', 1000, 100));
  assert.equal(new Set(a).size, 100);
  for (let i = 1; i < a.length; i++) assert.ok(a[i]! > a[i - 1]!);
  const d = fakeTable(240);
  const p = preparePool(d, 'blobs', 100, 20);
  assert.equal(p.n, 100);
  assert.equal(p.testN, 20);
  for (let i = 0; i < p.n; i++) {
    assert.equal(p.y[i], d.train.y[p.trainIndex[i]!]);
    assert.deepEqual(p.x.subarray(i * 4, i * 4 + 4), d.train.x.subarray(p.trainIndex[i]! * 4, p.trainIndex[i]! * 4 + 4));
  }
  const full = preparePool(d, 'blobs', null, null);
  assert.equal(full.x, d.train.x, 'no copy without a subset');
  assert.deepEqual(Array.from(full.trainIndex.subarray(0, 3)), [0, 1, 2]);
  assert.throws(() => preparePool(d, 'blobs', 500, null), /preparePool: dataset 'blobs' trainSubset 500 exceeds the split's 240 rows/);
});
