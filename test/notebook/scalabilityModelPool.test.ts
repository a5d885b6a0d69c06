// The scalability study on OpenML-156 (src/notebook/scalabilityModelPool.ts): real RandomRBF rows through
// a trained MLP of D hidden units, each round's forward pass timed apart from the acquisition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../src/backend/initBackend.ts';
import { getDatasetEntry } from '../../src/data/registry.ts';
import { createStrategy } from '../../src/acquisition/registry.ts';
import { measureScalability } from '../../src/notebook/scalability.ts';
import { ModelRun, openmlSettingPools, randomRbfRowsFor } from '../../src/notebook/scalabilityModelPool.ts';
import type { ScalabilityGrid } from '../../src/results/scalabilityStudy.ts';

await initBackend({ backend: 'wasm', log: () => {} });

test('randomRbfRowsFor: the fewest generated rows whose training split holds the pool; beyond 800,000 refused', () => {
  const size = getDatasetEntry('randomrbf').size!;
  for (const want of [1, 299, 5100, 20_100, 200_001]) {
    const rows = randomRbfRowsFor(want);
    assert.ok(size({ rows }).train >= want && size({ rows: rows - 1 }).train < want, `${want}: ${rows}`);
  }
  assert.throws(() => randomRbfRowsFor(800_001), /exceeds its 800,000 training rows/);
});

test('measureScalability on OpenML-156: every row has its forward-pass time; the embedding strategies read more of the model', async () => {
  const grid: ScalabilityGrid = { N: [300, 600], Q: [20], D: [16, 64], baseline: { N: 300, Q: 20, D: 16 }, rounds: 3, pool: 'openml-156', strategies: ['falcun', 'kcenter', 'badge'] };
  const rows = await measureScalability(grid, 0);
  assert.equal(rows.length, 3 * 3); // settings: the baseline, N = 600, D = 64
  for (const r of rows) {
    assert.equal(r.roundSeconds!.length, 3);
    assert.ok(r.forwardSeconds! > 0 && Number.isFinite(r.forwardSeconds!), `${r.strategy} N=${r.N} D=${r.D}: forward ${r.forwardSeconds}`);
    assert.equal(r.initialLabeled, 20);
  }
  const synthetic = await measureScalability({ ...grid, pool: 'synthetic', strategies: ['falcun'] }, 0);
  assert.ok(synthetic.every((r) => r.forwardSeconds === undefined), 'no model, no forward pass');
  await assert.rejects(() => measureScalability({ ...grid, pool: 'nope' as never }), /measureScalability: pool must be one of synthetic, openml-156, got nope/);
});

test('ModelRun: the view is the model on the rows still unlabeled; picks move to the labeled set in pick order', async () => {
  const make = await openmlSettingPools(200, 10, 3);
  const setting = await make({ N: 200, D: 8 });
  try {
    const kcenter = createStrategy('kcenter');
    const run = setting.run(kcenter, 30) as ModelRun;
    const { unlabeled: u0, labeled: l0 } = run.rows();
    assert.deepEqual([u0.length, l0.length], [200, 10]);
    assert.equal(new Set([...u0, ...l0]).size, 210, 'labeled and unlabeled rows are disjoint');
    const first = await run.view();
    assert.equal(first.view.numUnlabeled, 200);
    assert.equal(first.view.numLabeled, 10);
    assert.equal(first.view.embeddings!.length, 200 * 8, 'KCenterGreedy gets the embeddings it needs');
    run.label(Int32Array.from([5, 0, 199]), 3);
    const { unlabeled: u1, labeled: l1 } = run.rows();
    assert.deepEqual(l1.slice(10), [u0[5], u0[0], u0[199]]);
    assert.deepEqual(Array.from(u1), Array.from(u0).filter((_, i) => ![0, 5, 199].includes(i)));
    const second = await run.view();
    // The model is not retrained: a row's probabilities are the same in both views.
    const c = first.view.numClasses;
    const row1 = u0.indexOf(u1[0]!);
    assert.deepEqual(Array.from(second.view.probs.subarray(0, c)), Array.from(first.view.probs.subarray(row1 * c, (row1 + 1) * c)));
    assert.throws(() => run.label(Int32Array.from([197]), 1), /a strategy returned index 197, not a new point of the pool of 197/);
    // A second strategy's run starts from the same rows.
    assert.deepEqual(Array.from((setting.run(createStrategy('falcun'), 30) as ModelRun).rows().unlabeled), Array.from(u0));
  } finally {
    setting.dispose();
  }
});
