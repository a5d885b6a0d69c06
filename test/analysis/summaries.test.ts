import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learningCurveAreas, normalizedAreaUnderCurve } from '../../src/analysis/areaUnderCurve.ts';
import { improvementOverRandom } from '../../src/analysis/improvementOverRandom.ts';
import { cumulatedQueryTimes, queryTimeRange } from '../../src/analysis/queryTimeRange.ts';
import { ablationTable } from '../../src/analysis/ablationTable.ts';
import { TIME_COMPLEXITY } from '../../src/analysis/timeComplexity.ts';
import { syntheticRecords } from './syntheticRecords.ts';

test('normalizedAreaUnderCurve: trapezoids by hand, and bad curves', () => {
  assert.ok(Math.abs(normalizedAreaUnderCurve([0, 1, 3], [0, 1, 1]) - 2.5 / 3) < 1e-15);
  assert.equal(normalizedAreaUnderCurve([100, 200], [0.5, 0.5]), 0.5);
  assert.equal(normalizedAreaUnderCurve([5], [0.7]), 0.7);
  assert.throws(() => normalizedAreaUnderCurve([0, 0], [1, 1]), (e: Error) => e instanceof RangeError && /x\[1\] = 0 follows 0/.test(e.message));
  assert.throws(() => normalizedAreaUnderCurve([0, 1], [1]), /x has 2 values but y has 1/);
  assert.throws(() => normalizedAreaUnderCurve([], []), /empty/);
  assert.throws(() => normalizedAreaUnderCurve([0, 1], [NaN, 1]), /point 0 is \(0, NaN\)/);
});

test('learningCurveAreas: area of the mean curve equals the mean of per-seed areas', () => {
  const recs = syntheticRecords({ strategies: ['falcun', 'random'], rounds: 5 });
  for (const a of learningCurveAreas(recs)) {
    let s = 0;
    for (const seed of [0, 1, 2, 3, 4]) {
      const mine = recs.filter((r) => r.strategy === a.strategy && r.seed === seed).sort((x, y) => x.round - y.round);
      s += normalizedAreaUnderCurve(mine.map((r) => r.numLabeled), mine.map((r) => r.testAccuracy));
    }
    assert.ok(Math.abs(a.area - s / 5) < 1e-12);
  }
});

test('improvementOverRandom: gains and the time of the query that led to each round', () => {
  const recs = syntheticRecords({
    strategies: ['random', 'falcun'], seeds: [0, 1], rounds: 3,
    accuracy: (s, seed, round) => 0.5 + 0.1 * round + (s === 'falcun' ? 0.02 * round + 0.01 * seed : 0),
    acquisitionSeconds: (s, seed, round) => (s === 'falcun' ? 10 * (round + 1) + seed : 1),
    inferenceSeconds: 2,
  });
  const rows = improvementOverRandom(recs);
  assert.deepEqual(rows.map((r) => r.strategy), ['falcun', 'falcun', 'falcun']);
  assert.deepEqual(rows.map((r) => r.round), [0, 1, 2]);
  // gain = 0.02 * round + mean(0.01 * seed) = 0.02 * round + 0.005
  rows.forEach((r) => assert.ok(Math.abs(r.gain - (0.02 * r.round + 0.005)) < 1e-12));
  // round 1's labels came from round 0's query: mean(10 + 0, 10 + 1) + inference 2 = 12.5
  assert.deepEqual(rows.map((r) => r.querySeconds), [0, 12.5, 22.5]);
  const noInf = improvementOverRandom(recs, { includeInference: false });
  assert.deepEqual(noInf.map((r) => r.querySeconds), [0, 10.5, 20.5]);
  assert.throws(() => improvementOverRandom(recs, { baseline: 'nope' }), (e: Error) => e instanceof RangeError && /baseline strategy 'nope' is not in the records \(present: falcun, random\)/.test(e.message));
});

test('cumulatedQueryTimes and queryTimeRange (Table 2): sums over rounds, mean over seeds, min/max over settings', () => {
  const mk = (dataset: string, factor: number) => syntheticRecords({
    dataset, strategies: ['falcun', 'badge'], seeds: [0, 1], rounds: 4,
    acquisitionSeconds: (s, seed) => factor * (s === 'badge' ? 100 : 1) * (1 + seed),
  });
  const recs = [...mk('a', 1), ...mk('b', 5)];
  const c = cumulatedQueryTimes(recs);
  // 3 queries (last round makes none) × mean(1, 2) = 4.5 per unit
  assert.equal(c.find((x) => x.dataset === 'a' && x.strategy === 'falcun')!.seconds, 4.5);
  assert.equal(c.find((x) => x.dataset === 'b' && x.strategy === 'badge')!.seconds, 2250);
  const t = queryTimeRange(recs);
  assert.deepEqual(t.map((r) => [r.strategy, r.minSeconds, r.maxSeconds]), [['falcun', 4.5, 22.5], ['badge', 450, 2250]]);
  assert.equal(t[0]!.minAt, 'a|s|lenet');
  assert.equal(t[0]!.maxAt, 'b|s|lenet');
});

test('ablationTable (Table 3): means at checkpoints with best and worst marked', () => {
  const recs = syntheticRecords({
    dataset: 'emnist', strategies: ['falcun-g0', 'falcun-g10', 'falcun-det'], rounds: 3,
    accuracy: (s, _seed, round) => 0.4 + 0.1 * round + (s === 'falcun-g10' ? 0.02 : s === 'falcun-g0' ? -0.01 : round === 2 ? -0.03 : 0.03),
  });
  const t = ablationTable(recs, 'emnist', [10, 30], ['falcun-g0', 'falcun-g10', 'falcun-det']);
  assert.ok(Math.abs(t.rows[1]!.accuracy[0]! - 0.42) < 1e-12);
  assert.deepEqual(t.best, [2, 1]);
  assert.deepEqual(t.worst, [0, 2]);
  assert.ok(Number.isNaN(ablationTable(recs, 'emnist', [999]).rows[0]!.accuracy[0]!));
  assert.throws(() => ablationTable(recs, 'svhn', [10]), /no records for dataset 'svhn'/);
  assert.throws(() => ablationTable(recs, 'emnist', []), /checkpoints is empty/);
});

test('TIME_COMPLEXITY: Table 1 lists FALCUN as O(Q · N_u · C) and is frozen', () => {
  assert.equal(TIME_COMPLEXITY.find((r) => r.strategy === 'falcun')!.complexity, 'O(Q · N_u · C)');
  assert.ok(Object.isFrozen(TIME_COMPLEXITY));
});
