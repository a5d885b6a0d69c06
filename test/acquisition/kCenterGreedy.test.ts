import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KCenterGreedy } from '../../src/acquisition/kCenterGreedy.ts';
import { Cdal } from '../../src/acquisition/cdal.ts';
import { Random } from '../../src/random.ts';
import { syntheticPool } from './helpers.ts';

/** Slow farthest-first: recomputes every candidate's Euclidean distance to every centre at each step. */
function slowFarthestFirst(points: number[][], initialCentres: number[][], q: number, firstRandom: Random | null): number[] {
  const dist = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, x, t) => s + (x - b[t]!) ** 2, 0));
  const centres = initialCentres.slice();
  const picks: number[] = [];
  if (centres.length === 0) {
    const first = firstRandom!.int(points.length);
    picks.push(first);
    centres.push(points[first]!);
  }
  while (picks.length < q) {
    let best = -1;
    let bestD = -Infinity;
    for (let i = 0; i < points.length; i++) {
      if (picks.includes(i)) continue;
      const m = Math.min(...centres.map((cc) => dist(points[i]!, cc)));
      if (m > bestD) {
        bestD = m;
        best = i;
      }
    }
    picks.push(best);
    centres.push(points[best]!);
  }
  return picks;
}

const rows = (a: Float32Array, n: number, w: number) => Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * w, (i + 1) * w)));

test('KCenterGreedy: same picks as a slow farthest-first from the labeled set', () => {
  for (const [n, d, l, q] of [
    [200, 6, 10, 25],
    [150, 32, 1, 20],
    [100, 3, 30, 40],
  ] as const) {
    const pool = syntheticPool(n + d, n, 4, d, l);
    const fast = new KCenterGreedy().select(pool, q, { random: new Random(0) });
    const slow = slowFarthestFirst(rows(pool.embeddings!, n, d), rows(pool.labeledEmbeddings!, l, d), q, null);
    assert.deepEqual(Array.from(fast.indices), slow, `n=${n} d=${d} L=${l} q=${q}`);
  }
});

test('KCenterGreedy: without labeled points the first centre is random, the rest farthest-first', () => {
  const pool = syntheticPool(3, 80, 3, 5, 0);
  const fast = new KCenterGreedy().select(pool, 10, { random: new Random(4) });
  const slow = slowFarthestFirst(rows(pool.embeddings!, 80, 5), [], 10, new Random(4));
  assert.deepEqual(Array.from(fast.indices), slow);
});

test('Cdal: same picks as a slow farthest-first on the probability vectors', () => {
  for (const [n, c, q] of [
    [200, 3, 30],
    [150, 10, 50],
    [100, 47, 20],
  ] as const) {
    for (const seed of [1, 2]) {
      const pool = syntheticPool(seed + c, n, c, 4, 0);
      const fast = new Cdal().select(pool, q, { random: new Random(seed) });
      const slow = slowFarthestFirst(rows(pool.probs, n, c), [], q, new Random(seed));
      assert.deepEqual(Array.from(fast.indices), slow, `n=${n} c=${c} seed=${seed}`);
    }
  }
});

test('KCenterGreedy: a point far from everything is picked first', () => {
  const pool = syntheticPool(9, 60, 3, 4, 5);
  const emb = pool.embeddings!.slice();
  emb.set([50, 50, 50, 50], 17 * 4);
  const sel = new KCenterGreedy().select({ ...pool, embeddings: emb }, 3, { random: new Random(0) });
  assert.equal(sel.indices[0], 17);
});
