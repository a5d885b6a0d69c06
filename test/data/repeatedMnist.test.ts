import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../src/random.ts';
import { repeatImages } from '../../src/data/repeatedMnist.ts';
import { normalizationTable } from '../../src/data/normalize.ts';

const ROW = 16;
/** Random images, half of the pixels 0 (MNIST's background), so rows differ by a lot. */
function rawSet(n: number) {
  const rng = new Random(77);
  const pixels = new Uint8Array(n * ROW);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.uniform() < 0.5 ? 0 : rng.int(256);
  const labels = Int32Array.from({ length: n }, (_, i) => i % 10);
  return { pixels, labels, n };
}
const table = normalizationTable(0.1307, 0.3081);

/** For each output row, the original rows whose normalised pixels are within tol of it. */
function matches(out: Float32Array, raw: ReturnType<typeof rawSet>, i: number, tol: number): number[] {
  const hits: number[] = [];
  for (let s = 0; s < raw.n; s++) {
    let ok = true;
    for (let j = 0; j < ROW && ok; j++) ok = Math.abs(out[i * ROW + j]! - table[raw.pixels[s * ROW + j]!]!) <= tol;
    if (ok) hits.push(s);
  }
  return hits;
}

/** The original row closest (squared distance) to output row i. */
function nearest(out: Float32Array, raw: ReturnType<typeof rawSet>, i: number): number {
  let best = -1, bestD = Infinity;
  for (let s = 0; s < raw.n; s++) {
    let d = 0;
    for (let j = 0; j < ROW; j++) d += (out[i * ROW + j]! - table[raw.pixels[s * ROW + j]!]!) ** 2;
    if (d < bestD) [best, bestD] = [s, d];
  }
  return best;
}

test('repeatImages: keeps round(f·n) exact originals, every other row is a noisy copy of one of them', () => {
  const raw = rawSet(100);
  const frozen = raw.pixels.slice();
  for (const fraction of [0.2, 0.1, 0.05]) {
    const r = repeatImages(raw, ROW, { fraction, random: new Random(1) });
    const k = Math.round(100 * fraction);
    assert.equal(r.uniques, k);
    assert.equal(r.n, 100);
    const exact = new Set<number>();
    let copies = 0;
    const perOriginal = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const ex = matches(r.x, raw, i, 0);
      if (ex.length === 1) {
        exact.add(ex[0]!);
        assert.equal(r.y[i], raw.labels[ex[0]!]);
        continue;
      }
      const near = matches(r.x, raw, i, 0.6); // noise std 0.1: 6 sd
      assert.equal(near.length, 1, `row ${i} should be a noisy copy of exactly one original`);
      assert.equal(r.y[i], raw.labels[near[0]!]);
      perOriginal.set(near[0]!, (perOriginal.get(near[0]!) ?? 0) + 1);
      copies++;
    }
    assert.equal(exact.size, k, `fraction ${fraction}: ${k} distinct originals kept`);
    assert.equal(copies, 100 - k);
    for (const o of perOriginal.keys()) assert.ok(exact.has(o), 'copies come from the kept originals only');
    const counts = [...perOriginal.values()];
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, 'copies spread evenly');
  }
  assert.deepEqual(raw.pixels, frozen);
});

test('repeatImages: noise on normalised pixels has the requested std (default 0.1)', () => {
  const raw = rawSet(200);
  for (const [noiseStd, want] of [[0.3, 0.3], [undefined, 0.1]] as const) {
    const r = repeatImages(raw, ROW, { fraction: 0.1, noiseStd, random: new Random(5) });
    let sum = 0, sum2 = 0, m = 0;
    for (let i = 0; i < 200; i++) {
      if (matches(r.x, raw, i, 0).length === 1) continue;
      const src = nearest(r.x, raw, i);
      for (let j = 0; j < ROW; j++) {
        const d = r.x[i * ROW + j]! - table[raw.pixels[src * ROW + j]!]!;
        sum += d;
        sum2 += d * d;
        m++;
      }
    }
    const sd = Math.sqrt(sum2 / m - (sum / m) ** 2);
    assert.ok(Math.abs(sd - want) < want / 15, `sd ${sd}, want ${want}`); // m = 2880: se(sd) ≈ sd/76
    assert.ok(Math.abs(sum / m) < want / 10);
  }
});

test("repeatImages: 'raw' convention adds noise to 0..255 values and truncates (std 0.25 mostly erased)", () => {
  const raw = rawSet(100);
  const r = repeatImages(raw, ROW, { fraction: 0.1, noise: 'raw', random: new Random(2) });
  // trunc(v + e), |e| < 1 almost surely: background 0 stays 0; v > 0 drops to v − 1 when e < 0 (≈ half).
  let zeros = 0, zerosKept = 0, ink = 0, inkDropped = 0;
  for (let i = 0; i < 100; i++) {
    const near = matches(r.x, raw, i, 1.1 / 255 / 0.3081); // within one grey level
    assert.equal(near.length, 1);
    const src = near[0]!;
    for (let j = 0; j < ROW; j++) {
      const v = r.x[i * ROW + j]!;
      const level = table.indexOf(v);
      assert.ok(level >= 0, 'values stay on the normalised 0..255 grid');
      const orig = raw.pixels[src * ROW + j]!;
      if (matches(r.x, raw, i, 0).length === 1) continue; // an original
      if (orig === 0) {
        zeros++;
        if (level === 0) zerosKept++;
      } else {
        ink++;
        if (level === orig - 1) inkDropped++;
      }
    }
  }
  assert.ok(zerosKept / zeros > 0.99, `background kept: ${zerosKept}/${zeros}`);
  assert.ok(Math.abs(inkDropped / ink - 0.5) < 0.08, `ink dropped by one level: ${inkDropped}/${ink}`);
  const big = repeatImages(raw, ROW, { fraction: 0.1, noise: 'raw', noiseStd: 40, random: new Random(2) });
  for (const v of big.x) assert.ok(v >= table[0]! && v <= table[255]!, 'clamped to 0..255');
});

test('repeatImages: seeded (same seed same set, other seed other set), std 0 gives exact copies', () => {
  const raw = rawSet(50);
  const a = repeatImages(raw, ROW, { seed: 3 });
  const b = repeatImages(raw, ROW, { random: new Random(3) });
  const c = repeatImages(raw, ROW, { seed: 4 });
  assert.deepEqual(a.x, b.x);
  assert.deepEqual(a.y, b.y);
  assert.notDeepEqual(a.x, c.x);
  const z = repeatImages(raw, ROW, { fraction: 0.2, noiseStd: 0, seed: 1 });
  for (let i = 0; i < 50; i++) assert.equal(matches(z.x, raw, i, 0).length, 1);
});

test('repeatImages: bad options', () => {
  const raw = rawSet(10);
  assert.throws(() => repeatImages(raw, ROW, { fraction: 0 }), /fraction must be a number in \(0, 1\].*got 0/);
  assert.throws(() => repeatImages(raw, ROW, { fraction: 1.5 }), RangeError);
  assert.throws(() => repeatImages(raw, ROW, { noiseStd: -1 }), /noiseStd must be a finite number >= 0, got -1/);
  assert.throws(() => repeatImages(raw, ROW, { noise: 'pixels' as 'raw' }), /noise must be 'normalized' or 'raw', got "pixels"/);
  assert.throws(() => repeatImages(raw, ROW, { random: {} as Random }), TypeError);
  assert.throws(() => repeatImages(raw, 15, {}), /need 10 labels and 10 × rowSize 15 pixels, got 10 and 160/);
});
