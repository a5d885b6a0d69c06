import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Badge } from '../../src/acquisition/badge.ts';
import { Random } from '../../src/random.ts';
import { assertDistinctInRange, syntheticPool } from './helpers.ts';

/** Slow BADGE: builds every C·D gradient embedding explicitly, then k-means++ with squared distances. */
function slowBadge(probs: Float32Array, h: Float32Array, n: number, c: number, d: number, q: number, random: Random): number[] {
  const g: number[][] = [];
  for (let i = 0; i < n; i++) {
    const p = Array.from(probs.subarray(i * c, (i + 1) * c));
    const yHat = p.indexOf(Math.max(...p));
    const v: number[] = [];
    for (let k = 0; k < c; k++) for (let j = 0; j < d; j++) v.push(((k === yHat ? 1 : 0) - p[k]!) * h[i * d + j]!);
    g.push(v);
  }
  const dist2 = (a: number[], b: number[]) => a.reduce((s, x, t) => s + (x - b[t]!) ** 2, 0);
  const norms = g.map((v) => v.reduce((s, x) => s + x * x, 0));
  let first = 0;
  for (let i = 1; i < n; i++) if (norms[i]! > norms[first]!) first = i;
  const centres = [first];
  while (centres.length < q) {
    const w = g.map((v, i) => (centres.includes(i) ? 0 : Math.min(...centres.map((cIdx) => dist2(v, g[cIdx]!)))));
    const total = w.reduce((a, b) => a + b, 0);
    let pick = -1;
    if (total > 0) {
      const target = random.uniform() * total;
      let acc = 0;
      for (let i = 0; i < n; i++) {
        if (w[i]! > 0) {
          acc += w[i]!;
          pick = i;
          if (target < acc) break;
        }
      }
    } else {
      const free = g.map((_, i) => i).filter((i) => !centres.includes(i));
      pick = free[random.int(free.length)]!;
    }
    centres.push(pick);
  }
  return centres;
}

test('Badge: factorised distances give the same picks as explicit C·D gradient embeddings', () => {
  for (const [n, c, d, q] of [
    [150, 3, 5, 20],
    [200, 10, 16, 30],
    [120, 7, 40, 25],
  ] as const) {
    for (const seed of [1, 2, 3]) {
      const pool = syntheticPool(seed * 10 + c, n, c, d, 0);
      const fast = new Badge().select(pool, q, { random: new Random(seed) });
      const slow = slowBadge(pool.probs, pool.embeddings!, n, c, d, q, new Random(seed));
      assert.deepEqual(Array.from(fast.indices), slow, `n=${n} c=${c} d=${d} q=${q} seed=${seed}`);
    }
  }
});

test('Badge: the first pick is the largest gradient norm; exact duplicates are never picked twice', () => {
  const n = 40;
  const c = 3;
  const d = 4;
  const pool = syntheticPool(5, n, c, d, 0);
  // Make the pool 4 distinct points, each repeated 10 times.
  const probs = new Float32Array(n * c);
  const emb = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    probs.set(pool.probs.subarray((i % 4) * c, (i % 4 + 1) * c), i * c);
    emb.set(pool.embeddings!.subarray((i % 4) * d, (i % 4 + 1) * d), i * d);
  }
  const sel = new Badge().select({ ...pool, probs, embeddings: emb }, 8, { random: new Random(1) });
  assertDistinctInRange(sel.indices, n);
  // The first four picks cover the four distinct points (D² of a duplicate of a centre is 0).
  assert.equal(new Set(Array.from(sel.indices.subarray(0, 4), (i) => i % 4)).size, 4);
});
