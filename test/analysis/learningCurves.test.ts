import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learningCurves } from '../../src/analysis/learningCurves.ts';
import { learningCurveCsv, learningCurveFrame } from '../../src/analysis/learningCurveFrame.ts';
import { syntheticRecords } from './syntheticRecords.ts';

test('learningCurves: mean and sample std over seeds, by hand', () => {
  const recs = syntheticRecords({
    strategies: ['falcun'], seeds: [0, 1, 2], rounds: 2,
    accuracy: (_s, seed, round) => [0.5, 0.6, 0.7][seed]! + round * 0.1,
  });
  const pts = learningCurves(recs);
  assert.equal(pts.length, 2);
  assert.equal(pts[0]!.numLabeled, 10);
  assert.ok(Math.abs(pts[0]!.mean - 0.6) < 1e-12);
  assert.ok(Math.abs(pts[0]!.std - 0.1) < 1e-12); // sqrt((0.01 + 0 + 0.01) / 2)
  assert.deepEqual(pts[0]!.seeds, [0, 1, 2]);
  assert.ok(Math.abs(pts[1]!.mean - 0.7) < 1e-12);
  assert.equal(pts[1]!.numLabeled, 20);
});

test('learningCurves: a single seed has std 0; a duplicated run is an error', () => {
  const recs = syntheticRecords({ strategies: ['a'], seeds: [3], rounds: 1 });
  assert.equal(learningCurves(recs)[0]!.std, 0);
  assert.throws(() => learningCurves([...recs, ...recs]), (e: Error) => e instanceof RangeError && /seed 3 appears twice/.test(e.message));
  assert.throws(() => learningCurves({} as never), TypeError);
});

test('learningCurveFrame (danfo groupby) agrees with learningCurves; CSV has a header and one line per point', () => {
  const recs = [
    ...syntheticRecords({ strategies: ['random', 'falcun'], rounds: 3 }),
    ...syntheticRecords({ dataset: 'letter', setting: 'l', model: 'mlp', strategies: ['random'], rounds: 2 }),
  ];
  const pts = learningCurves(recs);
  const df = learningCurveFrame(recs);
  const rows = df.values as unknown[][];
  const cols = df.columns;
  assert.equal(rows.length, pts.length);
  const at = (name: string) => cols.indexOf(name);
  for (const row of rows) {
    const p = pts.find((q) => q.dataset === row[at('dataset')] && q.strategy === row[at('strategy')] && q.numLabeled === row[at('numLabeled')]);
    assert.ok(p, `point ${row.join(',')}`);
    assert.ok(Math.abs((row[at('testAccuracy_mean')] as number) - p.mean) < 1e-6);
    assert.ok(Math.abs((row[at('testAccuracy_std')] as number) - p.std) < 1e-6);
    assert.equal(row[at('testAccuracy_count')], p.n);
  }
  const csv = learningCurveCsv(recs).trim().split('\n');
  assert.equal(csv[0], 'dataset,setting,model,strategy,numLabeled,testAccuracy_mean,testAccuracy_std,testAccuracy_count');
  assert.equal(csv.length, pts.length + 1);
  assert.throws(() => learningCurveFrame([]), /learningCurveFrame: records must be a non-empty array/);
});
