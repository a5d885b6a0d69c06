import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relabel, rowsByClass } from '../../src/data/classSubset.ts';
import { Random } from '../../src/random.ts';

test('rowsByClass: exactly the rows of each chosen class, in the order of classes; relabel numbers them 0..k−1', () => {
  const y = Int32Array.from([3, 1, 3, 0, 2, 1, 3, 2]);
  const groups = rowsByClass(y, [3, 2], new Random(4));
  assert.deepEqual(groups.map((g) => [...g].sort((a, b) => a - b)), [[0, 2, 6], [4, 7]]);
  assert.deepEqual(Array.from(relabel(y, [7, 0, 4, 6], [3, 2])), [1, 0, 1, 0]);
  assert.throws(() => relabel(y, [1], [3, 2]), /relabel: row 1 has label 1, not one of the classes \[3, 2\]/);
  assert.throws(() => relabel(y, [99], [3, 2]), /row 99 has label undefined/);
});
