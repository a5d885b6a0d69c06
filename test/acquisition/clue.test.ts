import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clue } from '../../src/acquisition/clue.ts';
import { kmeansPlusPlus } from '../../src/acquisition/kernels/kmeansPlusPlus.ts';
import { predictiveEntropy } from '../../src/acquisition/kernels/predictiveEntropy.ts';
import type { PoolView } from '../../src/acquisition/types.ts';
import { Random } from '../../src/random.ts';
import { randomProbs } from './helpers.ts';

function blobs(seed: number, perBlob: number, centres: number[][], c = 3): PoolView {
  const rng = new Random(seed);
  const d = centres[0]!.length;
  const n = perBlob * centres.length;
  const emb = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) emb[i * d + j] = centres[i % centres.length]![j]! + rng.normal(0, 0.1);
  return { probs: randomProbs(rng, n, c, 0.5), numUnlabeled: n, numClasses: c, embeddings: emb, embeddingDim: d };
}

test('Clue: one pick per well-separated blob', () => {
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
    [10, 10],
    [5, 20],
  ];
  for (const seed of [1, 2, 3]) {
    const pool = blobs(seed, 30, centres);
    const sel = new Clue().select(pool, 5, { random: new Random(seed) });
    assert.deepEqual(Array.from(sel.indices, (i) => i % 5).sort(), [0, 1, 2, 3, 4], `seed ${seed}: ${Array.from(sel.indices)}`);
  }
});

test('Clue: the pick of a blob is the point nearest its entropy-weighted centroid', () => {
  // One blob; the certain points (entropy 0) carry no weight, so the centroid is the mean of the uncertain ones.
  const n = 20;
  const emb = new Float32Array(n);
  const probs = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    emb[i] = i;
    probs.set(i < 15 ? [1, 0] : [0.5, 0.5], i * 2); // uncertain points at 15..19, mean 17
  }
  const sel = new Clue().select({ probs, numUnlabeled: n, numClasses: 2, embeddings: emb, embeddingDim: 1 }, 1, { random: new Random(0) });
  assert.deepEqual(Array.from(sel.indices), [17]);
});

test('Clue with maxIterations 0 picks exactly its entropy-weighted k-means++ seeds', () => {
  const pool = blobs(4, 20, [
    [0, 0, 0],
    [3, 1, 0],
    [1, 4, 2],
  ]);
  const n = pool.numUnlabeled;
  const seeds = kmeansPlusPlus(pool.embeddings!, n, 3, 12, new Random(9), { weights: predictiveEntropy(pool.probs, n, 3) });
  const sel = new Clue({ maxIterations: 0 }).select(pool, 12, { random: new Random(9) });
  assert.deepEqual(Array.from(sel.indices), Array.from(seeds));
});

test('Clue: bad maxIterations is rejected', () => {
  assert.throws(() => new Clue({ maxIterations: -1 }), /Clue: option maxIterations must be >= 0, got -1/);
});
