import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duelingMatrix } from '../../src/analysis/duelingMatrix.ts';
import type { RoundRecord } from '../../src/results/roundRecord.ts';
import { Random } from '../../src/random.ts';
import { syntheticRecords } from './syntheticRecords.ts';
import { slowDueling } from './slowDueling.ts';

// Seed offsets with mean 0 (so a strategy equal to another plus these offsets ties with it).
const JITTER = [0.01, -0.02, 0.015, -0.005, 0];

function constructed(): RoundRecord[] {
  // 2 settings × 4 checkpoints; 'good' = 'base' + 0.05 + tiny noise (always significant);
  // 'same' = 'base' + zero-mean jitter (never significant); 'bad' = 'base' − 0.1 + tiny noise.
  const acc = (s: string, seed: number, round: number) => {
    const base = 0.5 + 0.08 * round + 0.03 * Math.sin(seed * 7 + round);
    if (s === 'good') return base + 0.05 + 0.001 * JITTER[seed]!;
    if (s === 'same') return base + JITTER[seed]!;
    if (s === 'bad') return base - 0.1 + 0.001 * JITTER[(seed + 2) % 5]!;
    return base;
  };
  const strategies = ['base', 'bad', 'good', 'same'];
  return [
    ...syntheticRecords({ dataset: 'mnist', strategies, accuracy: acc }),
    ...syntheticRecords({ dataset: 'letter', setting: 'l', model: 'mlp', strategies, accuracy: acc }),
  ];
}

test('duelingMatrix: constructed results with a known answer', () => {
  const m = duelingMatrix(constructed(), { strategies: ['good', 'base', 'same', 'bad'] });
  const S = 4;
  // every pair compared in 2 settings × 4 checkpoints = 8 times
  for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) assert.equal(m.comparisons[i * S + j], i === j ? 0 : 8);
  const W = (a: number, b: number) => m.wins[a * S + b];
  // good beats everyone; bad loses to everyone; base and same tie
  assert.deepEqual([W(0, 1), W(0, 2), W(0, 3)], [8, 8, 8]);
  assert.deepEqual([W(1, 0), W(1, 2), W(1, 3)], [0, 0, 8]);
  assert.deepEqual([W(2, 0), W(2, 1), W(2, 3)], [0, 0, 8]);
  assert.deepEqual([W(3, 0), W(3, 1), W(3, 2)], [0, 0, 0]);
  assert.deepEqual(Array.from(m.rowWinPercent), [100, 100 / 3, 100 / 3, 0]);
  assert.deepEqual(Array.from(m.columnLossPercent), [0, 100 / 3, 100 / 3, 100]);
  assert.equal(m.percent[0 * S + 3], 100);
  assert.equal(m.percent[1 * S + 2], 0);
  assert.ok(Number.isNaN(m.percent[0]!));
});

test('duelingMatrix: significance threshold alpha decides', () => {
  // two strategies, one checkpoint, differences chosen so p ≈ 0.0742 (d = [1,2,3] scaled)
  const recs = syntheticRecords({
    strategies: ['a', 'b'], seeds: [0, 1, 2], rounds: 1,
    accuracy: (s, seed) => (s === 'a' ? 0.5 + 0.01 * (seed + 1) : 0.5),
  });
  assert.equal(duelingMatrix(recs).wins[1], 0); // p = 0.074 > 0.05
  assert.equal(duelingMatrix(recs, { alpha: 0.1 }).wins[1], 1);
});

test('duelingMatrix: only matched seeds are paired; fewer than 2 pairs is no comparison', () => {
  const a = syntheticRecords({ strategies: ['a'], seeds: [0, 1, 2], rounds: 1, accuracy: (_s, seed) => 0.9 + 0.001 * seed });
  const b = syntheticRecords({ strategies: ['b'], seeds: [2, 3, 4], rounds: 1, accuracy: () => 0.1 });
  const m = duelingMatrix([...a, ...b]);
  assert.equal(m.comparisons[1], 0);
  assert.ok(Number.isNaN(m.rowWinPercent[0]!));
});

test('duelingMatrix: equals the slow obvious version on random results with missing runs', () => {
  const rng = new Random('dueling');
  const strategies = ['random', 'entropy', 'badge', 'falcun', 'cdal'];
  const skill: Record<string, number> = { random: 0, entropy: -0.01, badge: 0.02, falcun: 0.025, cdal: 0.005 };
  let recs = [
    ...syntheticRecords({ dataset: 'mnist', strategies, rounds: 6, accuracy: (s, _seed, r) => 0.5 + 0.05 * r + skill[s]! * r + 0.01 * rng.normal() }),
    ...syntheticRecords({ dataset: 'svhn', setting: 's_no', strategies, rounds: 6, accuracy: (s, _seed, r) => 0.3 + 0.06 * r + skill[s]! + 0.02 * rng.normal() }),
  ];
  recs = recs.filter(() => rng.uniform() > 0.1); // drop some rounds: unmatched seeds
  const m = duelingMatrix(recs, { strategies });
  const slow = slowDueling(recs, strategies, 0.05);
  assert.deepEqual(Array.from(m.wins), slow.wins);
  assert.deepEqual(Array.from(m.comparisons), slow.comps);
  assert.ok(slow.wins.reduce((a: number, b: number) => a + b, 0) > 5, 'the random test must contain wins to be meaningful');
});

test('duelingMatrix: bad options and duplicated seeds are rejected with the value and the bound', () => {
  const recs = syntheticRecords({ strategies: ['a', 'b'], rounds: 1 });
  assert.throws(() => duelingMatrix(recs, { alpha: 1.5 }), (e: Error) => e instanceof RangeError && /options.alpha must lie in \(0, 1\), got 1.5/.test(e.message));
  assert.throws(() => duelingMatrix(recs, { minPairs: 1 }), /options.minPairs must be an integer >= 2, got 1/);
  assert.throws(() => duelingMatrix(recs, { strategies: ['a', 'zzz'] }), /strategy 'zzz' of options.strategies is not in the records/);
  assert.throws(() => duelingMatrix(recs, { strategies: ['a', 'a'] }), /duplicates/);
  assert.throws(() => duelingMatrix([...recs, recs[0]!]), /seed 0 of 'a' appears twice/);
  assert.throws(() => duelingMatrix('x' as unknown as RoundRecord[]), TypeError);
});
