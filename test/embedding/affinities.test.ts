import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../src/random.ts';
import { kNearestNeighbours } from '../../src/embedding/kNearestNeighbours.ts';
import { sparseAffinities } from '../../src/embedding/sparseAffinities.ts';
import { denseAffinities } from '../../src/embedding/denseAffinities.ts';
import { gaussianClusters } from './helpers.ts';

/** Same sums in a different order: float64 rounding only. */
const TOL = 1e-12;

test('sparseAffinities: symmetric, sums to 1, zero diagonal, only kNN pairs', () => {
  const n = 120, d = 5, k = 15;
  const { x } = gaussianClusters(n, d, 3, 4, 1, 1);
  const knn = kNearestNeighbours(x, n, d, k, new Random(2));
  const p = sparseAffinities(knn, n, 5);
  const dense = new Float64Array(n * n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let e = p.rowStart[i]!; e < p.rowStart[i + 1]!; e++) {
      const j = p.columns[e]!;
      assert.notEqual(j, i);
      if (e > p.rowStart[i]!) assert.ok(j > p.columns[e - 1]!, 'columns ascend');
      dense[i * n + j] = p.values[e]!;
      sum += p.values[e]!;
    }
  }
  assert.ok(Math.abs(sum - 1) < TOL);
  for (let i = 0; i < n; i++) {
    const nb = new Set(knn.indices.subarray(i * k, (i + 1) * k));
    for (let j = 0; j < n; j++) {
      assert.ok(Math.abs(dense[i * n + j]! - dense[j * n + i]!) < TOL, `symmetric at ${i},${j}`);
      const linked = nb.has(j) || Array.from(knn.indices.subarray(j * k, (j + 1) * k)).includes(i);
      assert.equal(dense[i * n + j]! > 0, linked, `nonzero exactly on kNN pairs (${i},${j})`);
    }
  }
});

test('sparseAffinities with k = n − 1 equals the dense affinities of exact t-SNE', () => {
  const n = 40, d = 3;
  const { x } = gaussianClusters(n, d, 2, 3, 1, 9);
  const knn = kNearestNeighbours(x, n, d, n - 1, new Random(0));
  const p = sparseAffinities(knn, n, 8);
  const dense = denseAffinities(x, n, d, 8);
  assert.equal(p.values.length, n * (n - 1));
  for (let i = 0; i < n; i++) {
    assert.equal(dense[i * n + i], 0);
    for (let e = p.rowStart[i]!; e < p.rowStart[i + 1]!; e++) {
      const j = p.columns[e]!;
      assert.ok(Math.abs(p.values[e]! - dense[i * n + j]!) < 1e-9, `(${i},${j}) ${p.values[e]} vs ${dense[i * n + j]}`);
    }
  }
});

test('sparseAffinities: a hub that is every point’s neighbour keeps all its links', () => {
  // point 0 at the origin, point i at the unit vector e_i: 0 is at distance 1 from all, the others √2 apart
  const n = 30, d = n - 1;
  const x = new Float64Array(n * d);
  for (let i = 1; i < n; i++) x[i * d + i - 1] = 1;
  const knn = kNearestNeighbours(x, n, d, 2, new Random(0));
  const p = sparseAffinities(knn, n, 1.5);
  assert.equal(p.rowStart[1]! - p.rowStart[0]!, n - 1);
  for (const v of p.values) assert.ok(Number.isFinite(v) && v > 0);
});
