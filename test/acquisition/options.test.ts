/**
 * One test per strategy option (registry.test.ts requires a test titled "option <strategy>.<option>:" for
 * each): the option reaches the strategy, changes what it does, takes its documented default, and its
 * bounds are refused. Options tested in a strategy's own file carry the same kind of title there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AlfaMixTrace } from '../../src/acquisition/alfaMix.ts';
import type { FalcunTrace } from '../../src/acquisition/falcun.ts';
import { marginUncertainty } from '../../src/acquisition/kernels/marginUncertainty.ts';
import { createStrategy, listStrategies } from '../../src/acquisition/registry.ts';
import { Random } from '../../src/random.ts';
import { syntheticPool } from './helpers.ts';

const pool = syntheticPool(21, 80, 4, 6, 12);
const picks = (name: string, options: Record<string, unknown>, seed: number, q = 8) =>
  Array.from(createStrategy(name, options).select(pool, q, { random: new Random(seed) }).indices).join();
const defaultOf = (strategy: string, option: string) => listStrategies().find((s) => s.name === strategy)!.options.find((o) => o.name === option)!.default;

test('option falcun.gamma: default 10; 0 and 10 pick differently; negative refused, 0 allowed', () => {
  assert.equal(defaultOf('falcun', 'gamma'), 10);
  assert.equal(picks('falcun', {}, 1), picks('falcun', { gamma: 10 }, 1));
  assert.ok([1, 2, 3, 4].some((seed) => picks('falcun', { gamma: 0 }, seed) !== picks('falcun', { gamma: 10 }, seed)));
  assert.throws(() => createStrategy('falcun', { gamma: -0.5 }), /option gamma must be >= 0, got -0.5/);
  assert.doesNotThrow(() => createStrategy('falcun', { gamma: 0 }));
});

test('option falcun.relevance: default both; uncertainty puts the most uncertain point first; the three differ', () => {
  assert.equal(defaultOf('falcun', 'relevance'), 'both');
  const u = marginUncertainty(pool.probs, pool.numUnlabeled, pool.numClasses);
  const top = u.indexOf(Math.max(...u));
  assert.equal(createStrategy('falcun', { relevance: 'uncertainty', deterministic: true }).select(pool, 1, { random: new Random(0) }).indices[0], top);
  const det = (relevance: string) => picks('falcun', { relevance, deterministic: true }, 0, 10);
  assert.equal(new Set([det('both'), det('uncertainty'), det('diversity')]).size, 3);
  assert.throws(() => createStrategy('falcun', { relevance: 'entropy' }), /option relevance must be one of both, uncertainty, diversity, got entropy/);
});

test('option falcun.deterministic: default false; true draws nothing and ignores the seed', () => {
  assert.equal(defaultOf('falcun', 'deterministic'), false);
  const r = new Random(3);
  const before = r.getState().s.join();
  createStrategy('falcun', { deterministic: true }).select(pool, 8, { random: r });
  assert.equal(r.getState().s.join(), before);
  assert.equal(picks('falcun', { deterministic: true }, 1), picks('falcun', { deterministic: true }, 2));
  assert.ok([1, 2, 3].some((seed) => picks('falcun', {}, seed) !== picks('falcun', {}, seed + 10)));
  assert.throws(() => createStrategy('falcun', { deterministic: 'yes' }), /option deterministic must be a boolean, got yes/);
});

test("option falcun.variant: default paper; authors changes d-only picks, not 'both'; unknown refused (slow references: falcun.test.ts)", () => {
  assert.equal(defaultOf('falcun', 'variant'), 'paper');
  assert.equal(picks('falcun', {}, 2), picks('falcun', { variant: 'paper' }, 2));
  assert.equal(picks('falcun', { variant: 'authors' }, 2), picks('falcun', { variant: 'paper' }, 2));
  // d only: the authors draw ∝ raw d′^γ, the paper ∝ normalised d^γ: the same first pick has another probability.
  const firstProbability = (variant: string) =>
    (createStrategy('falcun', { relevance: 'diversity', variant }).select(pool, 1, { random: new Random(1), trace: true }).trace as FalcunTrace).pickProbability[0]!;
  assert.notEqual(firstProbability('authors'), firstProbability('paper'));
  assert.throws(() => createStrategy('falcun', { variant: 'python' }), /option variant must be one of paper, authors, got python/);
});

test('option alfamix.alphaStep: default 1/32; the search stops at a multiple of the step below 1; (0, 1) exclusive', () => {
  assert.equal(defaultOf('alfamix', 'alphaStep'), 1 / 32);
  for (const alphaStep of [1 / 32, 0.25, 0.3]) {
    const trace = createStrategy('alfamix', { alphaStep }).select(pool, 8, { random: new Random(1), trace: true }).trace as AlfaMixTrace;
    const k = Math.round(trace.alpha / alphaStep);
    assert.ok(k >= 1 && Math.abs(k * alphaStep - trace.alpha) < 1e-12 && trace.alpha < 1, `alphaStep ${alphaStep}: α = ${trace.alpha}`);
  }
  assert.throws(() => createStrategy('alfamix', { alphaStep: 0 }), /option alphaStep must be > 0, got 0/);
  assert.throws(() => createStrategy('alfamix', { alphaStep: 1 }), /option alphaStep must be < 1, got 1/);
});

test('option alfamix.maxIterations: default 20; with more candidates than Q, 0 (the k-means++ seeds) picks differently; integers >= 0 only', () => {
  assert.equal(defaultOf('alfamix', 'maxIterations'), 20);
  const big = syntheticPool(22, 300, 4, 6, 12); // 14 candidates for Q = 10: the clustering has work to do
  const alfa = (maxIterations: number, seed: number) => Array.from(createStrategy('alfamix', { maxIterations }).select(big, 10, { random: new Random(seed) }).indices).join();
  assert.equal(Array.from(createStrategy('alfamix').select(big, 10, { random: new Random(4) }).indices).join(), alfa(20, 4));
  assert.ok([1, 2, 3].some((seed) => alfa(0, seed) !== alfa(20, seed)));
  assert.throws(() => createStrategy('alfamix', { maxIterations: 2.5 }), /option maxIterations must be an integer, got 2.5/);
  assert.throws(() => createStrategy('alfamix', { maxIterations: -1 }), /option maxIterations must be >= 0, got -1/);
});

test('option clue.maxIterations: default 20; 0 and 20 pick differently; integers >= 0 only (0 = the seeds: clue.test.ts)', () => {
  assert.equal(defaultOf('clue', 'maxIterations'), 20);
  assert.equal(picks('clue', {}, 4, 10), picks('clue', { maxIterations: 20 }, 4, 10));
  assert.ok([1, 2, 3, 4, 5].some((seed) => picks('clue', { maxIterations: 0 }, seed, 10) !== picks('clue', { maxIterations: 20 }, seed, 10)));
  assert.throws(() => createStrategy('clue', { maxIterations: 1.5 }), /option maxIterations must be an integer, got 1.5/);
});
