/**
 * KCenterGreedy and CLUE on the blocked distance kernels pick exactly what their scalar versions
 * (squaredDistance scans, test/acquisition/scalarReferences.ts) pick, on random pools large enough to
 * span several 64-point blocks, 4 × 4 register blocks with ragged edges and 256-column chunks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clue } from '../../src/acquisition/clue.ts';
import { KCenterGreedy } from '../../src/acquisition/kCenterGreedy.ts';
import { farthestFirst } from '../../src/acquisition/kernels/farthestFirst.ts';
import { kmeansPlusPlus } from '../../src/acquisition/kernels/kmeansPlusPlus.ts';
import { predictiveEntropy } from '../../src/acquisition/kernels/predictiveEntropy.ts';
import { updateMinSquaredDistances } from '../../src/acquisition/kernels/squaredDistances.ts';
import { Random } from '../../src/random.ts';
import { syntheticPool } from './helpers.ts';
import { scanLloyd, scanNearest, scanNearestPointPerCentroid } from './scalarReferences.ts';

test('KCenterGreedy: same picks as the scalar version (labeled distances by a scan) on random pools', () => {
  for (const [n, d, l, q] of [
    [401, 37, 203, 40],
    [150, 300, 70, 25],
  ] as const) {
    const pool = syntheticPool(n * 7 + d, n, 5, d, l);
    const emb = pool.embeddings!;
    const initial = Float64Array.from(scanNearest(emb, n, pool.labeledEmbeddings!, l, d).distance);
    const slow = farthestFirst(n, q, initial, (c, minDist) => updateMinSquaredDistances(emb, n, d, emb, c * d, minDist), new Random(3));
    const fast = new KCenterGreedy().select(pool, q, { random: new Random(3) });
    assert.deepEqual(Array.from(fast.indices), Array.from(slow), `n=${n} d=${d} L=${l}`);
  }
});

test('Clue: same picks as the scalar version (scan k-means and nearest points) on random pools', () => {
  for (const [n, d, q] of [
    [300, 20, 45],
    [180, 270, 30],
  ] as const) {
    const pool = syntheticPool(n + d, n, 4, d, 0);
    const emb = pool.embeddings!;
    const weights = predictiveEntropy(pool.probs, n, 4);
    const seeds = kmeansPlusPlus(emb, n, d, q, new Random(8), { weights });
    const init = new Float64Array(q * d);
    for (let j = 0; j < q; j++) for (let t = 0; t < d; t++) init[j * d + t] = emb[seeds[j]! * d + t]!;
    const km = scanLloyd(emb, n, d, init, q, 20, weights);
    const slow = scanNearestPointPerCentroid(emb, n, d, km.centroids, q);
    const fast = new Clue().select(pool, q, { random: new Random(8) });
    assert.deepEqual(Array.from(fast.indices), slow, `n=${n} d=${d} q=${q}`);
  }
});
