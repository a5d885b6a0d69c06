import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../tally.ts';
import { EntropySampling } from '../../src/acquisition/entropySampling.ts';
import { LeastConfidenceSampling } from '../../src/acquisition/leastConfidenceSampling.ts';
import { MarginSampling } from '../../src/acquisition/marginSampling.ts';
import { RandomSampling } from '../../src/acquisition/randomSampling.ts';
import type { ScoreTrace } from '../../src/acquisition/topScoreSelection.ts';
import { Random } from '../../src/random.ts';
import { randomProbs, row } from './helpers.ts';

const n = 400;
const c = 6;
const probs = randomProbs(new Random(21), n, c, 1.5);
const pool = { probs, numUnlabeled: n, numClasses: c };
const rows = Array.from({ length: n }, (_, i) => row(probs, i, c));
const topBy = (score: (p: number[]) => number, q: number) =>
  rows
    .map((p, i) => [score(p), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, q)
    .map((x) => x[1]);

test('Entropy / Margin / LeastConfidence pick the top-Q of their scores, by a full sort', () => {
  const entropy = (p: number[]) => -p.reduce((s, v) => s + (v > 0 ? v * Math.log(v) : 0), 0);
  const margin = (p: number[]) => {
    const s = [...p].sort((a, b) => b - a);
    return 1 - (s[0]! - s[1]!);
  };
  const lc = (p: number[]) => 1 - Math.max(...p);
  for (const q of [1, 37, 400]) {
    const r = { random: new Random(0) };
    const e = Array.from(new EntropySampling().select(pool, q, r).indices);
    const eRef = topBy(entropy, q);
    // Entropy from a different summation order may differ in the last bit: compare the score sets.
    assert.deepEqual(e.map((i) => entropy(rows[i]!).toFixed(12)), eRef.map((i) => entropy(rows[i]!).toFixed(12)));
    assert.deepEqual(Array.from(new MarginSampling().select(pool, q, r).indices), topBy(margin, q));
    assert.deepEqual(Array.from(new LeastConfidenceSampling().select(pool, q, r).indices), topBy(lc, q));
  }
});

test('top-Q strategies return their scores on request', () => {
  const sel = new MarginSampling().select(pool, 3, { random: new Random(0), trace: true });
  const tr = sel.trace as ScoreTrace;
  assert.equal(tr.kind, 'scores');
  assert.equal(tr.scores.length, n);
  assert.ok(tr.scores[sel.indices[0]!]! >= Math.max(...Array.from(tr.scores)));
});

test('RandomSampling: uniform over the pool (χ² over first picks)', () => {
  const small = { probs: randomProbs(new Random(1), 8, 2), numUnlabeled: 8, numClasses: 2 };
  const counts = new Array<number>(8).fill(0);
  const root = new Random(5);
  for (let t = 0; t < 4000; t++) tally(counts, new RandomSampling().select(small, 3, { random: root.fork(t) }).indices[0]);
  const chi2 = counts.reduce((s, o) => s + (o - 500) ** 2 / 500, 0);
  assert.ok(chi2 < 24.32, `χ²(7) = ${chi2}`); // p = 0.001
});
