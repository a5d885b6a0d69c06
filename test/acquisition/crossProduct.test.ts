/**
 * The injected float32 product (SelectOptions.crossProduct): with a deliberately coarse stand-in (float32
 * products and float32 running sums, Math.fround on every operation) the distance searches and the
 * strategies still return exactly what the scalar scans return, and the operand is always disposed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlfaMix } from '../../src/acquisition/alfaMix.ts';
import { Clue } from '../../src/acquisition/clue.ts';
import { KCenterGreedy } from '../../src/acquisition/kCenterGreedy.ts';
import type { CrossProductKernel } from '../../src/acquisition/kernels/crossProductKernel.ts';
import { kmeans } from '../../src/acquisition/kernels/kmeans.ts';
import { kmeansPlusPlus } from '../../src/acquisition/kernels/kmeansPlusPlus.ts';
import { ScreenedPointDistances } from '../../src/acquisition/kernels/screenedPointDistances.ts';
import { updateMinSquaredDistances } from '../../src/acquisition/kernels/squaredDistances.ts';
import { nearestCentres } from '../../src/acquisition/kernels/nearestCentres.ts';
import { nearestPointPerCentroid } from '../../src/acquisition/kernels/nearestPointPerCentroid.ts';
import { Random } from '../../src/random.ts';
import { randomMatrix, syntheticPool } from './helpers.ts';
import { scanLloyd, scanNearest, scanNearestPointPerCentroid } from './scalarReferences.ts';

/** A·Bᵀ in float32 arithmetic (every product and partial sum rounded), counting live operands. */
function float32Product(): CrossProductKernel & { live: number; calls: number } {
  const k = {
    live: 0,
    calls: 0,
    rightOperand(b: Float32Array, n: number, d: number) {
      const copy = b.slice();
      k.live++;
      return {
        product(a: Float32Array, m: number): Float32Array {
          k.calls++;
          const out = new Float32Array(m * n);
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let t = 0; t < d; t++) s = Math.fround(s + Math.fround(a[i * d + t]! * copy[j * d + t]!));
              out[i * n + j] = s;
            }
          }
          return out;
        },
        dispose() {
          k.live--;
        },
      };
    },
  };
  return k;
}

test('nearestCentres with a float32 product equals the scan bit for bit (random, duplicates, offset, near-duplicates)', () => {
  const rng = new Random(21);
  for (const [n, k, d, kind] of [
    [300, 40, 24, 'random'],
    [90, 40, 16, 'duplicates'],
    [80, 50, 64, 'offset'],
    [120, 100, 32, 'near-duplicates'],
  ] as const) {
    const points = randomMatrix(rng, n, d);
    let centres = Float64Array.from(randomMatrix(rng, k, d));
    if (kind === 'duplicates') for (let j = k / 2; j < k; j++) centres.copyWithin(j * d, (j - k / 2) * d, (j - k / 2 + 1) * d);
    if (kind === 'offset') {
      for (let i = 0; i < points.length; i++) points[i] = 1e4 + points[i]!;
      centres = centres.map((v) => 1e4 + v * 0.5);
    }
    if (kind === 'near-duplicates') {
      for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) centres[j * d + t] = 1e2 + ((Math.floor(j / 5) * 7 + t) % 13) + 1e-4 * rng.normal();
      for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) points[i * d + t] = centres[((i * 3) % k) * d + t]! + 0.01 * rng.normal();
    }
    const product = float32Product();
    const fast = nearestCentres(points, n, centres, k, d, { product });
    const slow = scanNearest(points, n, centres, k, d);
    assert.deepEqual(Array.from(fast.index), slow.index, `${kind}`);
    assert.deepEqual(Array.from(fast.distance), slow.distance, `${kind}`);
    assert.equal(product.live, 0, 'operand disposed');
    assert.ok(product.calls > 0, 'the injected product was used');
  }
});

test('nearestPointPerCentroid and kmeans with a float32 product equal the scans', () => {
  const rng = new Random(22);
  const n = 260;
  const d = 20;
  const k = 30;
  const points = randomMatrix(rng, n, d);
  for (let i = 0; i < points.length; i++) points[i] = 50 + points[i]!;
  const init = new Float64Array(k * d);
  for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) init[j * d + t] = points[j * 7 * d + t]!;
  const product = float32Product();
  const km = kmeans(points, n, d, init, k, { maxIterations: 20, product });
  const slow = scanLloyd(points, n, d, init, k, 20);
  assert.deepEqual(Array.from(km.assignment), slow.assignment);
  assert.deepEqual(km.centroids, slow.centroids);
  assert.deepEqual(Array.from(nearestPointPerCentroid(points, n, d, km.centroids, k, product)), scanNearestPointPerCentroid(points, n, d, slow.centroids, k));
  assert.equal(product.live, 0);
});

test('screened per-pick updates leave the minima exactly as updateMinSquaredDistances; k-means++ picks the same', () => {
  const rng = new Random(23);
  for (const [n, d, kind] of [
    [400, 30, 'random'],
    [300, 16, 'near-duplicates'],
  ] as const) {
    const points = randomMatrix(rng, n, d);
    if (kind === 'near-duplicates') {
      // Points in groups 1e-3 apart at 100 from the origin: the float32 estimates cannot order them.
      for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) points[i * d + t] = 100 + ((Math.floor(i / 6) * 5 + t) % 11) + 1e-3 * rng.normal();
    }
    const product = float32Product();
    const screened = ScreenedPointDistances.create(points, n, d, product)!;
    const fast = new Float64Array(n).fill(Infinity);
    const slow = new Float64Array(n).fill(Infinity);
    for (const c of [0, 17, 5, 299, 18, 1, 6, 250]) {
      screened.updateMin(c, fast);
      updateMinSquaredDistances(points, n, d, points, c * d, slow);
      assert.deepEqual(fast, slow, `${kind} after centre ${c}`);
    }
    screened.dispose();
    assert.equal(product.live, 0);
    const weights = Float64Array.from({ length: n }, () => rng.uniform());
    for (const w of [{}, { weights }]) {
      const plain = kmeansPlusPlus(points, n, d, 40, new Random(4), w);
      const withProduct = kmeansPlusPlus(points, n, d, 40, new Random(4), { ...w, product });
      assert.deepEqual(withProduct, plain, kind);
    }
    assert.equal(product.live, 0);
  }
  assert.equal(ScreenedPointDistances.create(new Float32Array(0), 0, 4, float32Product()), undefined);
});

test('KCenterGreedy, CLUE and AlfaMix pick the same with and without an injected product', () => {
  for (const [seed, n, d, l, q] of [
    [1, 300, 40, 120, 30],
    [2, 200, 130, 60, 25],
  ] as const) {
    const pool = syntheticPool(seed, n, 5, d, l);
    for (const s of [new KCenterGreedy(), new Clue(), new AlfaMix()]) {
      const plain = s.select(pool, q, { random: new Random(seed) });
      const crossProduct = float32Product();
      const injected = s.select(pool, q, { random: new Random(seed), crossProduct });
      assert.deepEqual(Array.from(injected.indices), Array.from(plain.indices), `${s.name} seed ${seed}`);
      assert.equal(crossProduct.live, 0);
    }
  }
});

test('a bad crossProduct is rejected by name; a wrong-sized product is an error and still disposes', () => {
  const pool = syntheticPool(3, 50, 3, 4, 5);
  assert.throws(() => new KCenterGreedy().select(pool, 3, { random: new Random(0), crossProduct: {} as CrossProductKernel }), /KCenterGreedy.select: options.crossProduct must be a CrossProductKernel/);
  let live = 0;
  const broken: CrossProductKernel = {
    rightOperand() {
      live++;
      return { product: () => new Float32Array(1), dispose: () => void live-- };
    },
  };
  assert.throws(() => nearestCentres(new Float32Array(8), 4, new Float32Array(6), 3, 2, { product: broken }), /nearestCentres: the injected product returned 1 values, expected 4 × 3/);
  assert.equal(live, 0);
});
