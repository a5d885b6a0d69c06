import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../src/random.ts';
import { kNearestNeighbours } from '../../src/embedding/kNearestNeighbours.ts';
import { bruteKnn, gaussianClusters, sqDist } from './helpers.ts';

/** Distances are recomputed in a different order in the test: allow float64 rounding. */
const DIST_TOL = 1e-12;

for (const [n, d, k] of [[200, 3, 10], [150, 30, 45], [60, 2, 59]] as const) {
  test(`kNearestNeighbours matches a brute-force sort (n=${n}, d=${d}, k=${k})`, () => {
    const { x } = gaussianClusters(n, d, 4, 3, 1, n + d);
    const input = x.slice();
    const knn = kNearestNeighbours(x, n, d, k, new Random(7));
    assert.deepEqual(x, input, 'input unchanged');
    const ref = bruteKnn(x, n, d, k);
    for (let i = 0; i < n; i++) {
      const row = Array.from(knn.indices.subarray(i * k, (i + 1) * k));
      assert.ok(!row.includes(i), `row ${i} excludes the point itself`);
      assert.equal(new Set(row).size, k, 'distinct neighbours');
      for (let t = 0; t < k; t++) {
        const dist = knn.distances[i * k + t]!;
        assert.ok(Math.abs(dist - Math.sqrt(sqDist(x, d, i, row[t]!))) < DIST_TOL, 'distance is the Euclidean distance');
        if (t > 0) assert.ok(dist >= knn.distances[i * k + t - 1]!, 'ascending');
        // same k-th distances as the brute force (sets equal up to ties)
        assert.ok(Math.abs(dist - Math.sqrt(sqDist(x, d, i, ref[i]![t]!))) < DIST_TOL, `row ${i} rank ${t}`);
      }
    }
  });
}

test('kNearestNeighbours: duplicated points are neighbours at distance 0', () => {
  const x = new Float64Array([0, 0, 0, 0, 5, 5, 0, 0, 9, 1]);
  const knn = kNearestNeighbours(x, 5, 2, 2, new Random(1));
  assert.deepEqual(Array.from(knn.distances.subarray(0, 2)), [0, 0]);
  assert.deepEqual(new Set(knn.indices.subarray(0, 2)), new Set([1, 3]));
});

test('kNearestNeighbours: bad k throws a RangeError naming the bound', () => {
  const x = new Float64Array(10);
  assert.throws(() => kNearestNeighbours(x, 5, 2, 5, new Random(0)), /kNearestNeighbours: k must be an integer in \[1, n − 1 = 4\], got 5/);
  assert.throws(() => kNearestNeighbours(x, 5, 2, 0, new Random(0)), RangeError);
  assert.throws(() => kNearestNeighbours(x, 4, 2, 1, new Random(0)), /x.length must equal n·d = 8, got 10/);
});

test('kNearestNeighbours: the doc comment example', () => {
  const knn = kNearestNeighbours(new Float64Array([0, 1, 5]), 3, 1, 1, new Random(0));
  assert.deepEqual(knn.indices, new Int32Array([1, 0, 1]));
  assert.deepEqual(knn.distances, new Float64Array([1, 1, 4]));
});
