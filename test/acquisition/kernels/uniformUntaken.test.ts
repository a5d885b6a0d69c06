import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uniformUntaken } from '../../../src/acquisition/kernels/uniformUntaken.ts';
import { Random } from '../../../src/random.ts';

test('uniformUntaken: the r-th untaken index for r = random.int(remaining), as the obvious filter-then-pick', () => {
  const taken = Uint8Array.from([1, 0, 0, 1, 0, 1, 1, 0]);
  const free = [...taken.keys()].filter((i) => taken[i] === 0);
  for (let t = 0; t < 50; t++) {
    const got = uniformUntaken(taken, free.length, new Random(`u-${t}`));
    assert.equal(got, free[new Random(`u-${t}`).int(free.length)]);
  }
  assert.throws(() => uniformUntaken(Uint8Array.from([1, 1, 1]), 1, new Random(1)), /fewer than 1 points are left/);
});
