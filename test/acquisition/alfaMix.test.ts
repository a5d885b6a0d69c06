import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlfaMix, type AlfaMixTrace } from '../../src/acquisition/alfaMix.ts';
import { Random } from '../../src/random.ts';
import { assertDistinctInRange, syntheticPool } from './helpers.ts';
import type { PoolView } from '../../src/acquisition/types.ts';

/** Slow candidate search: mixes the embeddings explicitly and evaluates the head on each mixture. */
function slowCandidates(pool: PoolView, q: number, step: number): { alpha: number; candidates: Set<number> } {
  const n = pool.numUnlabeled;
  const c = pool.numClasses;
  const d = pool.embeddingDim!;
  const { weights: W, bias: b } = pool.head!;
  const logits = (z: number[]) => Array.from({ length: c }, (_, k) => z.reduce((s, v, j) => s + v * W[j * c + k]!, 0) + b[k]!);
  const argmax = (v: number[]) => v.indexOf(Math.max(...v));
  const emb = (i: number) => Array.from(pool.embeddings!.subarray(i * d, (i + 1) * d));
  const anchors: number[][] = [];
  for (let y = 0; y < c; y++) {
    const members = Array.from({ length: pool.numLabeled! }, (_, l) => l).filter((l) => pool.labeledY![l] === y);
    if (members.length === 0) continue;
    anchors.push(Array.from({ length: d }, (_, j) => members.reduce((s, l) => s + pool.labeledEmbeddings![l * d + j]!, 0) / members.length));
  }
  const pred0 = Array.from({ length: n }, (_, i) => argmax(logits(emb(i))));
  const candidates = new Set<number>();
  let alpha = 0;
  for (let s = 1; candidates.size < q && s * step < 1; s++) {
    alpha = s * step;
    for (let i = 0; i < n; i++) {
      if (candidates.has(i)) continue;
      const z = emb(i);
      if (anchors.some((a) => argmax(logits(z.map((v, j) => (1 - alpha) * v + alpha * a[j]!))) !== pred0[i])) candidates.add(i);
    }
  }
  return { alpha, candidates };
}

test('AlfaMix: the linear-head shortcut finds the same α and candidates as explicit mixing, and picks candidates', () => {
  for (const [seed, q] of [
    [1, 5],
    [2, 20],
    [3, 40],
  ] as const) {
    const pool = syntheticPool(seed, 150, 4, 6, 16);
    const sel = new AlfaMix().select(pool, q, { random: new Random(seed), trace: true });
    const tr = sel.trace as AlfaMixTrace;
    const slow = slowCandidates(pool, q, 1 / 32);
    assert.equal(tr.alpha, slow.alpha, `seed ${seed}`);
    assert.equal(tr.numCandidates, slow.candidates.size);
    assertDistinctInRange(sel.indices, 150);
    assert.equal(sel.indices.length, q);
    // Picks from the clusters are candidates; only the fill may be anything else.
    const fromClusters = q - tr.numRandomFill;
    for (let t = 0; t < fromClusters; t++) assert.ok(slow.candidates.has(sel.indices[t]!), `pick ${sel.indices[t]} is a candidate`);
    if (slow.candidates.size >= q) assert.ok(fromClusters >= 1);
  }
});

test('AlfaMix: with no labeled anchors every pick is a random fill, still distinct', () => {
  const pool = syntheticPool(4, 60, 3, 5, 0);
  const sel = new AlfaMix().select(pool, 25, { random: new Random(1), trace: true });
  assertDistinctInRange(sel.indices, 60);
  assert.equal((sel.trace as AlfaMixTrace).numRandomFill, 25);
  assert.equal((sel.trace as AlfaMixTrace).numCandidates, 0);
});

test('AlfaMix: bad options are rejected', () => {
  assert.throws(() => new AlfaMix({ alphaStep: 0 }), /AlfaMix: option alphaStep must be > 0, got 0/);
  assert.throws(() => new AlfaMix({ maxIterations: 2.5 }), RangeError);
});
