import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../../tally.ts';
import { argmaxRows } from '../../../src/acquisition/kernels/argmaxRows.ts';
import { drawProportional } from '../../../src/acquisition/kernels/drawProportional.ts';
import { kmeans } from '../../../src/acquisition/kernels/kmeans.ts';
import { kmeansPlusPlus } from '../../../src/acquisition/kernels/kmeansPlusPlus.ts';
import { leastConfidence } from '../../../src/acquisition/kernels/leastConfidence.ts';
import { marginUncertainty } from '../../../src/acquisition/kernels/marginUncertainty.ts';
import { nearestPointPerCentroid } from '../../../src/acquisition/kernels/nearestPointPerCentroid.ts';
import { predictiveEntropy } from '../../../src/acquisition/kernels/predictiveEntropy.ts';
import { squaredDistance, squaredDistancesToPoint, updateMinSquaredDistances } from '../../../src/acquisition/kernels/squaredDistances.ts';
import { dotProduct } from '../../../src/acquisition/kernels/dotProduct.ts';
import { topK } from '../../../src/acquisition/kernels/topK.ts';
import { Random } from '../../../src/random.ts';
import { randomMatrix, randomProbs, row } from '../helpers.ts';

test('score kernels: doc examples', () => {
  assert.deepEqual(marginUncertainty(new Float32Array([0.5, 0.25, 0.25]), 1, 3), new Float64Array([0.75]));
  assert.ok(Math.abs(predictiveEntropy(new Float32Array([0.5, 0.5]), 1, 2)[0]! - Math.LN2) < 1e-15);
  assert.ok(Math.abs(leastConfidence(new Float32Array([0.7, 0.2, 0.1]), 1, 3)[0]! - 0.3) < 1e-7);
  assert.deepEqual(argmaxRows(new Float32Array([0.1, 0.9, 0.6, 0.4]), 2, 2), new Int32Array([1, 0]));
  assert.deepEqual(topK(new Float64Array([0.2, 0.9, 0.5, 0.9]), 2), new Int32Array([1, 3]));
  assert.equal(squaredDistance([0, 0], 0, [3, 4], 0, 2), 25);
});

test('score kernels equal obvious per-row versions (sorting, Math.max, reduce)', () => {
  for (const c of [2, 5, 47]) {
    const n = 300;
    const probs = randomProbs(new Random(c), n, c);
    probs.set(new Float32Array(c).fill(0).map((_, k) => (k === 0 ? 1 : 0)), 0); // a one-hot row (0·ln 0)
    const m = marginUncertainty(probs, n, c);
    const h = predictiveEntropy(probs, n, c);
    const lc = leastConfidence(probs, n, c);
    const am = argmaxRows(probs, n, c);
    for (let i = 0; i < n; i++) {
      const p = row(probs, i, c);
      const s = [...p].sort((a, b) => b - a);
      assert.equal(m[i], 1 - (s[0]! - s[1]!));
      assert.ok(Math.abs(h[i]! - -p.reduce((acc, v) => acc + (v > 0 ? v * Math.log(v) : 0), 0)) < 1e-12);
      assert.equal(lc[i], 1 - Math.max(...p));
      assert.equal(am[i], p.indexOf(Math.max(...p)));
    }
  }
});

test('topK equals a full sort (score desc, index asc) for many sizes and ties', () => {
  const rng = new Random(1);
  for (const n of [1, 2, 10, 257]) {
    const scores = Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * 7) / 7); // many ties
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const k of [0, 1, Math.floor(n / 2), n]) assert.deepEqual(Array.from(topK(scores, k)), order.slice(0, k), `n=${n} k=${k}`);
  }
  assert.throws(() => topK(new Float64Array(3), 4), /topK: k must be an integer in \[0, 3\], got 4/);
});

test('squared distance kernels equal the obvious formula', () => {
  const rng = new Random(2);
  const n = 50;
  const d = 7;
  const pts = randomMatrix(rng, n, d);
  const centre = randomMatrix(rng, 1, d);
  const out = new Float64Array(n);
  squaredDistancesToPoint(pts, n, d, centre, 0, out);
  const minD = new Float64Array(n).fill(3);
  updateMinSquaredDistances(pts, n, d, centre, 0, minD);
  for (let i = 0; i < n; i++) {
    const e = row(pts, i, d).reduce((s, v, j) => s + (v - centre[j]!) ** 2, 0);
    // Four partial sums vs a left-to-right sum: equal up to float64 rounding (1e-12 relative).
    assert.ok(Math.abs(out[i]! - e) <= 1e-12 * e, `row ${i}: ${out[i]} vs ${e}`);
    assert.ok(Math.abs(minD[i]! - Math.min(3, e)) <= 1e-12 * e);
    assert.equal(out[i], squaredDistance(pts, i * d, centre, 0, d), 'one definition for all kernels');
  }
  assert.equal(squaredDistance(pts, 3 * d, pts, 3 * d, d), 0, 'a point is at distance exactly 0 from itself');
});

test('drawProportional never draws zero weights and follows the weights (χ²)', () => {
  const w = new Float64Array([0, 1, 0, 3, 0, 4]);
  const counts = new Array<number>(6).fill(0);
  const rng = new Random(3);
  for (let t = 0; t < 8000; t++) tally(counts, drawProportional(w, 6, 8, rng));
  assert.equal(counts[0]! + counts[2]! + counts[4]!, 0);
  const chi2 = [1, 3, 5].reduce((s, i) => s + (counts[i]! - w[i]! * 1000) ** 2 / (w[i]! * 1000), 0);
  assert.ok(chi2 < 13.82, `χ²(2) = ${chi2}`); // p = 0.001
});

/** Slow k-means++: arrays of rows, min over centres recomputed each time. */
function slowKmeansPlusPlus(points: number[][], k: number, random: Random, weights?: number[]): number[] {
  const dist2 = (a: number[], b: number[]) => a.reduce((s, x, t) => s + (x - b[t]!) ** 2, 0);
  const pickBy = (w: number[]): number => {
    const total = w.reduce((a, b) => a + b, 0);
    const target = random.uniform() * total;
    let acc = 0;
    let last = -1;
    for (let i = 0; i < w.length; i++) {
      if (w[i]! > 0) {
        acc += w[i]!;
        last = i;
        if (target < acc) return i;
      }
    }
    return last;
  };
  const centres = [weights === undefined ? random.int(points.length) : pickBy(weights)];
  while (centres.length < k) {
    const w = points.map((p, i) => (centres.includes(i) ? 0 : Math.min(...centres.map((c) => dist2(p, points[c]!))) * (weights?.[i] ?? 1)));
    centres.push(pickBy(w));
  }
  return centres;
}

test('kmeansPlusPlus equals a slow k-means++ (unweighted and weighted)', () => {
  const rng = new Random(4);
  const n = 120;
  const d = 5;
  const pts = randomMatrix(rng, n, d);
  const weights = Float64Array.from({ length: n }, () => rng.uniform());
  const rows = Array.from({ length: n }, (_, i) => row(pts, i, d));
  for (const seed of [1, 2, 3]) {
    assert.deepEqual(Array.from(kmeansPlusPlus(pts, n, d, 15, new Random(seed))), slowKmeansPlusPlus(rows, 15, new Random(seed)));
    assert.deepEqual(Array.from(kmeansPlusPlus(pts, n, d, 15, new Random(seed), { weights })), slowKmeansPlusPlus(rows, 15, new Random(seed), Array.from(weights)));
  }
  assert.throws(() => kmeansPlusPlus(pts, n, d, n + 1, new Random(1)), /kmeansPlusPlusSeeding: k must be an integer in \[1, n = 120\], got 121/);
});

test('kmeansPlusPlus on duplicates: distinct centres, uniform fallback once every remaining point is a duplicate', () => {
  const pts = new Float32Array([1, 1, 1, 1, 2, 2, 2, 2]); // 4 points in 2-D: two distinct positions
  const idx = kmeansPlusPlus(pts, 4, 2, 4, new Random(5));
  assert.equal(new Set(idx).size, 4);
  assert.equal(new Set(Array.from(idx.subarray(0, 2), (i) => pts[i * 2])).size, 2, 'the second centre is the other position');
});

/** Slow Lloyd: arrays of rows, clusters as member lists. */
function slowKmeans(points: number[][], init: number[][], maxIterations: number, weights?: number[]): { centroids: number[][]; assignment: number[] } {
  const dist2 = (a: number[], b: number[]) => a.reduce((s, x, t) => s + (x - b[t]!) ** 2, 0);
  let centroids = init.map((c) => c.slice());
  const assignOf = () =>
    points.map((p) => {
      const ds = centroids.map((c) => dist2(p, c));
      return ds.indexOf(Math.min(...ds));
    });
  let assignment = assignOf();
  for (let it = 0; it < maxIterations; it++) {
    centroids = centroids.map((c, j) => {
      const members = points.map((_, i) => i).filter((i) => assignment[i] === j && (weights?.[i] ?? 1) !== 0);
      const mass = members.reduce((s, i) => s + (weights?.[i] ?? 1), 0);
      if (mass === 0) return c;
      return c.map((_, t) => members.reduce((s, i) => s + (weights?.[i] ?? 1) * points[i]![t]!, 0) / mass);
    });
    const next = assignOf();
    const same = next.every((a, i) => a === assignment[i]);
    assignment = next;
    if (same) break;
  }
  return { centroids, assignment };
}

test('kmeans (Lloyd) gives the same centroids and assignment as a slow version', () => {
  const rng = new Random(6);
  for (const [n, d, k, iters] of [
    [200, 2, 5, 50],
    [150, 9, 12, 3],
    [90, 4, 3, 0],
  ] as const) {
    const pts = randomMatrix(rng, n, d);
    const rows = Array.from({ length: n }, (_, i) => row(pts, i, d));
    const weights = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : rng.uniform()));
    const init = Array.from({ length: k }, (_, j) => rows[j * 3]!);
    for (const w of [undefined, weights]) {
      const fast = kmeans(pts, n, d, init.flat(), k, { maxIterations: iters, ...(w ? { weights: w } : {}) });
      const slow = slowKmeans(rows, init, iters, w ? Array.from(w) : undefined);
      assert.deepEqual(Array.from(fast.centroids), slow.centroids.flat(), `n=${n} d=${d} k=${k}`);
      assert.deepEqual(Array.from(fast.assignment), slow.assignment);
      for (let i = 0; i < n; i++) {
        const e = rows[i]!.reduce((s, v, t) => s + (v - fast.centroids[fast.assignment[i]! * d + t]!) ** 2, 0);
        assert.ok(Math.abs(fast.distances[i]! - e) < 1e-12);
      }
    }
  }
});

test('kmeans converges on separated blobs and reports it; bad lengths throw', () => {
  const rng = new Random(7);
  const n = 90;
  const pts = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) pts.set([(i % 3) * 100 + rng.normal(), rng.normal()], i * 2);
  const km = kmeans(pts, n, 2, [0, 0, 100, 0, 200, 0], 3, { maxIterations: 100 });
  assert.ok(km.converged);
  for (let i = 0; i < n; i++) assert.equal(km.assignment[i], i % 3);
  assert.throws(() => kmeans(pts, n, 2, [0, 0], 3), /kmeans: initialCentroids has length 2, expected k × dim = 6/);
  assert.throws(() => kmeans(pts, n, 2, [0, 0, 1, 1, 2, 2], 3, { maxIterations: -1 }), RangeError);
});

test('nearestPointPerCentroid: nearest untaken point per centroid, in order, no duplicates', () => {
  const pts = new Float32Array([0, 0, 1, 0, 10, 0, 11, 0]);
  // Both centroids are nearest to point 0; the second gets the next nearest (point 1).
  assert.deepEqual(Array.from(nearestPointPerCentroid(pts, 4, 2, new Float64Array([0.1, 0, 0.2, 0, 10.6, 0]), 3)), [0, 1, 3]);
  const rng = new Random(8);
  const n = 60;
  const d = 3;
  const p = randomMatrix(rng, n, d);
  const cents = Float64Array.from(randomMatrix(rng, 10, d));
  const fast = Array.from(nearestPointPerCentroid(p, n, d, cents, 10));
  const taken = new Set<number>();
  const slow: number[] = [];
  for (let j = 0; j < 10; j++) {
    const order = Array.from({ length: n }, (_, i) => i)
      .filter((i) => !taken.has(i))
      .sort((a, b) => row(p, a, d).reduce((s, v, t) => s + (v - cents[j * d + t]!) ** 2, 0) - row(p, b, d).reduce((s, v, t) => s + (v - cents[j * d + t]!) ** 2, 0) || a - b);
    slow.push(order[0]!);
    taken.add(order[0]!);
  }
  assert.deepEqual(fast, slow);
});

test('dotProduct equals a left-to-right sum up to rounding, for lengths around the unroll width', () => {
  assert.equal(dotProduct([1, 2, 3], 0, [4, 5, 6], 0, 3), 32);
  const rng = new Random(10);
  for (const len of [0, 1, 3, 4, 5, 8, 513]) {
    const a = randomMatrix(rng, 1, len + 2);
    const b = randomMatrix(rng, 1, len + 1);
    let e = 0;
    let mag = 0;
    for (let j = 0; j < len; j++) {
      e += a[j + 2]! * b[j + 1]!;
      mag += Math.abs(a[j + 2]! * b[j + 1]!);
    }
    assert.ok(Math.abs(dotProduct(a, 2, b, 1, len) - e) <= 1e-13 * mag, `len ${len}`);
  }
});
