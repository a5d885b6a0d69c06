/**
 * The blocked distance kernels (crossDot, nearestCentres, nearestPointPerCentroid, k-means' assignment)
 * against obvious scalar versions: the product against a triple loop on shapes that are not multiples
 * of the 4 × 4 block or the 256-column chunk, the nearest-centre searches against a squaredDistance scan
 * bit for bit, including exact ties (duplicates) and far-from-origin data where ‖a‖² + ‖b‖² − 2a·b
 * cancels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossDot, crossDotPacked, packedLength, packRows } from '../../../src/acquisition/kernels/crossDot.ts';
import { nearestCentres } from '../../../src/acquisition/kernels/nearestCentres.ts';
import { nearestPointPerCentroid } from '../../../src/acquisition/kernels/nearestPointPerCentroid.ts';
import { kmeans } from '../../../src/acquisition/kernels/kmeans.ts';
import { Random } from '../../../src/random.ts';
import { randomMatrix } from '../helpers.ts';
import { scanLloyd, scanNearest, scanNearestPointPerCentroid } from '../scalarReferences.ts';

function naiveCross(a: ArrayLike<number>, m: number, b: ArrayLike<number>, n: number, d: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += a[i * d + t]! * b[j * d + t]!;
      out.push(s);
    }
  }
  return out;
}

test('crossDot equals a triple loop on odd shapes (float32 and float64 operands)', () => {
  const rng = new Random(11);
  for (const [m, n, d] of [
    [1, 1, 1],
    [5, 7, 3],
    [4, 4, 256],
    [13, 9, 257],
    [3, 17, 513],
    [66, 5, 31],
  ] as const) {
    const a = randomMatrix(rng, m, d);
    const b = Float64Array.from(randomMatrix(rng, n, d));
    const out = crossDot(a, 0, m, b, 0, n, d, new Float64Array(m * n));
    const ref = naiveCross(a, m, b, n, d);
    for (let k = 0; k < m * n; k++) {
      const scale = Math.sqrt(d) * 4;
      assert.ok(Math.abs(out[k]! - ref[k]!) <= 1e-13 * scale, `m=${m} n=${n} d=${d} entry ${k}: ${out[k]} vs ${ref[k]}`);
    }
  }
});

test('crossDot: row offsets, output stride and offset; exact on small integers', () => {
  // Integer entries: every product and partial sum is exact, so any order gives the same bits.
  const d = 6;
  const a = Float32Array.from({ length: 9 * d }, (_, i) => (i % 7) - 3);
  const b = Float32Array.from({ length: 11 * d }, (_, i) => (i % 5) - 2);
  const m = 5;
  const n = 6;
  const ap = packRows(a, 3, m, d, new Float64Array(packedLength(m, d)));
  const bp = packRows(b, 2, n, d, new Float64Array(packedLength(n, d)));
  const stride = 10;
  const out = new Float64Array(2 + (m - 1) * stride + n).fill(NaN);
  crossDotPacked(ap, m, bp, n, d, out, 2, stride);
  const ref = naiveCross(a.subarray(3 * d), m, b.subarray(2 * d), n, d);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) assert.equal(out[2 + i * stride + j], ref[i * n + j]);
  assert.ok(Number.isNaN(out[0]!) && Number.isNaN(out[2 + n]!), 'entries outside the block are left alone');
  assert.throws(() => packRows(a, 8, 2, d, new Float64Array(packedLength(2, d))), /packRows: rows 8..9 exceed the source/);
  assert.throws(() => crossDotPacked(ap, m, bp, n, d, new Float64Array(3)), /crossDotPacked: out has length 3/);
});

test('nearestCentres equals a squaredDistance scan bit for bit (random, duplicates, far from the origin)', () => {
  const rng = new Random(12);
  for (const [n, k, d, kind] of [
    [70, 9, 5, 'random'],
    [130, 300, 33, 'random'],
    [65, 600, 257, 'random'],
    [90, 40, 16, 'duplicates'],
    [80, 50, 64, 'offset'],
    [50, 3, 1, 'offset'],
    [120, 100, 32, 'near-duplicates'],
  ] as const) {
    const points = randomMatrix(rng, n, d);
    let centres = Float64Array.from(randomMatrix(rng, k, d));
    if (kind === 'duplicates') {
      // Every centre appears twice (exact ties: the lower index must win) and some points sit on centres.
      for (let j = k / 2; j < k; j++) centres.copyWithin(j * d, (j - k / 2) * d, (j - k / 2 + 1) * d);
      for (let i = 0; i < n; i += 3) for (let t = 0; t < d; t++) points[i * d + t] = centres[((i * 7) % k) * d + t]!;
    }
    if (kind === 'offset') {
      // ‖x‖² ~ 1e8·d while distances are ~d: the expanded form cancels ~8 digits.
      for (let i = 0; i < points.length; i++) points[i] = 1e4 + points[i]!;
      centres = centres.map((v) => 1e4 + v * 0.5);
    }
    if (kind === 'near-duplicates') {
      // Groups of 5 centres 1e-6 apart, far from the origin: the expanded form's rounding (~1e-4 here)
      // exceeds the gaps between a group's centres, so only the exact re-check can order them.
      for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) centres[j * d + t] = 1e4 + ((Math.floor(j / 5) * 7 + t) % 13) + 1e-6 * rng.normal();
      for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) points[i * d + t] = centres[((i * 3) % k) * d + t]! + 0.01 * rng.normal();
    }
    const fast = nearestCentres(points, n, centres, k, d);
    const slow = scanNearest(points, n, centres, k, d);
    assert.deepEqual(Array.from(fast.index), slow.index, `${kind} n=${n} k=${k} d=${d}`);
    assert.deepEqual(Array.from(fast.distance), slow.distance, `${kind} n=${n} k=${k} d=${d}`);
  }
  assert.throws(() => nearestCentres(new Float32Array(4), 2, new Float32Array(2), 0, 2), /nearestCentres: k must be an integer >= 1, got 0/);
  assert.throws(() => nearestCentres(new Float32Array(4), 2, new Float32Array(3), 1, 2), /nearestCentres: centres has length 3, expected k × d = 2/);
});

test('nearestPointPerCentroid equals a scalar scan over untaken points, with ties and cancellation', () => {
  const rng = new Random(13);
  for (const [n, k, d, kind] of [
    [200, 70, 7, 'random'],
    [100, 100, 130, 'random'],
    [90, 30, 12, 'duplicates'],
    [120, 40, 50, 'offset'],
  ] as const) {
    const points = randomMatrix(rng, n, d);
    if (kind === 'duplicates') for (let i = 1; i < n; i += 2) points.copyWithin(i * d, (i - 1) * d, i * d);
    if (kind === 'offset') for (let i = 0; i < points.length; i++) points[i] = 3e3 + points[i]!;
    const cents = new Float64Array(k * d);
    for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) cents[j * d + t] = points[((j * 5) % n) * d + t]! + (kind === 'duplicates' ? 0 : rng.normal(0, 0.3));
    assert.deepEqual(Array.from(nearestPointPerCentroid(points, n, d, cents, k)), scanNearestPointPerCentroid(points, n, d, cents, k), `${kind} n=${n} k=${k} d=${d}`);
  }
});

test('kmeans on the blocked assignment equals Lloyd with a squaredDistance scan (large k, d)', () => {
  const rng = new Random(14);
  for (const [n, d, k] of [
    [300, 40, 37],
    [150, 260, 70],
  ] as const) {
    const points = randomMatrix(rng, n, d);
    const init = new Float64Array(k * d);
    for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) init[j * d + t] = points[j * 4 * d + t]!;
    const weights = Float64Array.from({ length: n }, () => rng.uniform());
    for (const w of [undefined, weights]) {
      const fast = kmeans(points, n, d, init, k, { maxIterations: 20, ...(w ? { weights: w } : {}) });
      const slow = scanLloyd(points, n, d, init, k, 20, w);
      assert.deepEqual(Array.from(fast.assignment), slow.assignment);
      assert.deepEqual(fast.centroids, slow.centroids);
      assert.deepEqual(Array.from(fast.distances), slow.distances);
    }
  }
});
