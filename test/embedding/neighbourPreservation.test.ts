import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../src/random.ts';
import { neighbourPreservation } from '../../src/embedding/neighbourPreservation.ts';
import { bruteNeighbourPreservation, gaussianClusters } from './helpers.ts';

test('neighbourPreservation equals the brute-force count', () => {
  const n = 150;
  const { x } = gaussianClusters(n, 6, 3, 4, 1, 2);
  // a lossy 2-D view: the first two coordinates plus noise
  const r = new Random(1);
  const y = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < 2; c++) y[2 * i + c] = x[i * 6 + c]! + r.normal(0, 0.5);
  for (const k of [1, 5, 10]) {
    const fast = neighbourPreservation(x, n, 6, y, 2, k);
    const slow = bruteNeighbourPreservation(x, 6, y, 2, n, k);
    assert.ok(Math.abs(fast - slow) < 1e-12, `k=${k}: ${fast} vs ${slow}`);
    assert.ok(fast > 0 && fast < 1);
  }
});

test('neighbourPreservation is 1 for the identity and about k/n for a shuffled layout', () => {
  const n = 200;
  const { x } = gaussianClusters(n, 2, 2, 4, 1, 3);
  assert.equal(neighbourPreservation(x, n, 2, x, 2, 10), 1);
  const perm = new Random(4).permutation(n);
  const shuffled = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    shuffled[2 * i] = x[2 * perm[i]!]!;
    shuffled[2 * i + 1] = x[2 * perm[i]! + 1]!;
  }
  assert.ok(neighbourPreservation(x, n, 2, shuffled, 2, 10) < 0.15);
});

test('neighbourPreservation: bad input names the argument and bound', () => {
  const x = new Float64Array(20);
  assert.throws(() => neighbourPreservation(x, 10, 2, x, 2, 10), /neighbourPreservation: k must be an integer in \[1, n − 1 = 9\], got 10/);
  assert.throws(() => neighbourPreservation(x, 10, 2, new Float64Array(10), 2, 3), /neighbourPreservation \(low\): x\.length must equal n·d = 10·2 = 20, got 10/);
});
