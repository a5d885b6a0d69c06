import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatArraySpec, parseArraySpec, planArrayChunks } from '../../src/slurm/arraySpec.ts';
import { Random } from '../../src/random.ts';

test('formatArraySpec compresses runs and parseArraySpec inverts it', () => {
  assert.equal(formatArraySpec([5, 0, 1, 2, 7, 8, 2]), '0-2,5,7-8');
  assert.equal(formatArraySpec([]), '');
  assert.deepEqual(parseArraySpec('0-2,5,7-8%4'), [0, 1, 2, 5, 7, 8]);
  assert.deepEqual(parseArraySpec('1-9:4'), [1, 5, 9]);
  const r = new Random(1);
  for (let t = 0; t < 50; t++) {
    const xs = [...new Set(Array.from({ length: r.int(30) }, () => r.int(100)))].sort((a, b) => a - b);
    assert.deepEqual(parseArraySpec(formatArraySpec(xs)), xs);
  }
});

test('bad specs and indices are rejected with the offending part named', () => {
  assert.throws(() => parseArraySpec('0-2,x'), /cannot read 'x'/);
  assert.throws(() => parseArraySpec('5-2'), /bad range '5-2'/);
  assert.throws(() => formatArraySpec([-1]), RangeError);
  assert.throws(() => planArrayChunks([0], 0), /maxArraySize/);
});

test('planArrayChunks keeps every task id below MaxArraySize and covers each cell once', () => {
  const cells = Array.from({ length: 2500 }, (_, i) => i);
  const chunks = planArrayChunks(cells, 1001);
  assert.deepEqual(chunks.map((c) => [c.offset, c.spec, c.count]), [
    [0, '0-1000', 1001],
    [1001, '0-1000', 1001],
    [2002, '0-497', 498],
  ]);
  const covered = chunks.flatMap((c) => parseArraySpec(c.spec).map((id) => {
    assert.ok(id < 1001);
    return c.offset + id;
  }));
  assert.deepEqual(covered, cells);
  // Resubmitting a few missing cells keeps their chunk offsets.
  assert.deepEqual(planArrayChunks([3, 1500, 1501, 7], 1001), [
    { offset: 0, spec: '3,7', count: 2 },
    { offset: 1001, spec: '499-500', count: 2 },
  ]);
});
