import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import type { LoopEvent } from '../../src/experiment/activeLearningLoop.ts';
import { clearRunCellCache, runCell } from '../../src/experiment/runCell.ts';
import { readRunRecords, runFile } from '../../src/results/resultStore.ts';
import { gridCells } from '../../src/experiment/grid.ts';
import { readManifest } from '../../src/experiment/manifest.ts';
import { dependencies, fakeTable } from './fixtures/fakeDependencies.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from './helpers.ts';

test('a run follows Algorithm 1 with a budget: labels 5, 12, 19, 26, 30 (last query cut to the budget)', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const exp = makeExperiment(dir);
    const r = await runCell(exp, 0, dependencies);
    assert.equal(r.status, 'complete');
    assert.equal(r.roundsWritten, 5);
    const recs = readRunRecords(runFile(exp, 'blobs__random__s0'));
    assert.deepEqual(recs.map((x) => x.numLabeled), [5, 12, 19, 26, 30]);
    assert.deepEqual(recs.map((x) => x.chosen.length), [7, 7, 7, 4, 0]);
    assert.equal(recs[4]!.inferenceSeconds, 0);
    assert.equal(recs[4]!.acquisitionSeconds, 0);
    // Chosen rows are training-split rows, distinct, never in the initial set; classes are their true labels.
    const data = fakeTable(240, 'blobs');
    const initial = recs[0]!.initialIndices!;
    assert.equal(initial.length, 5);
    const all = [...initial, ...recs.flatMap((x) => x.chosen)];
    assert.equal(new Set(all).size, 30);
    for (const x of recs) {
      x.chosen.forEach((t, i) => assert.equal(x.chosenClasses[i], data.train.y[t]));
      assert.ok(x.testAccuracy >= 0 && x.testAccuracy <= 1);
      assert.equal(x.perClassAccuracy.length, 3);
      assert.equal(x.setting, 'q7');
      assert.equal(x.model, 'centroid');
      assert.ok(x.trainSeconds >= 0);
    }
    // The pool is the fixed 200-row subset: every chosen row belongs to it, for every seed.
    const recs1 = readRunRecords(runFile(exp, 'blobs__random__s1'));
    assert.equal(recs1.length, 0, 'cell 0 ran alone');
    // A second call finds the run complete and writes nothing.
    const again = await runCell(exp, 0, dependencies);
    assert.equal(again.roundsWritten, 0);
    assert.equal(readRunRecords(runFile(exp, 'blobs__random__s0')).length, 5);
  } finally {
    cleanup();
  }
});

test('the same seed gives the same records; another seed gives another initial set', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const a = makeExperiment(dir, SMALL_CONFIG, 'a');
    const b = makeExperiment(dir, SMALL_CONFIG, 'b');
    for (const i of [1, 2, 3]) {
      await runCell(a, i, dependencies);
      await runCell(b, i, dependencies);
    }
    const cells = gridCells(readManifest(a).plan);
    for (const i of [1, 2, 3]) {
      const ra = readRunRecords(runFile(a, cells[i]!.runId)).map(withoutTimes);
      const rb = readRunRecords(runFile(b, cells[i]!.runId)).map(withoutTimes);
      assert.deepEqual(ra, rb);
    }
    const s0 = readRunRecords(runFile(a, 'blobs__margin__s0'))[0]!;
    const s1 = readRunRecords(runFile(a, 'blobs__random__s1'))[0]!;
    assert.notDeepEqual(s0.initialIndices, s1.initialIndices);
    // Round 0 is shared by every strategy with the same seed (same initial set, same first model).
    await runCell(a, 0, dependencies);
    const r0 = readRunRecords(runFile(a, 'blobs__random__s0'))[0]!;
    assert.deepEqual(r0.initialIndices, s0.initialIndices);
    assert.equal(r0.testAccuracy, s0.testAccuracy);
  } finally {
    cleanup();
  }
});

for (const keepWeights of [false, true]) {
  test(`stopping between rounds and resuming gives the uninterrupted records (keepWeights ${keepWeights})`, async () => {
    const { dir, cleanup } = scratchDir();
    try {
      const config = { ...SMALL_CONFIG, datasets: [{ ...SMALL_CONFIG.datasets[0]!, keepWeights }] };
      const whole = makeExperiment(dir, config, 'whole');
      const parts = makeExperiment(dir, config, 'parts');
      await runCell(whole, 4, dependencies);
      let rounds = 0;
      const first = await runCell(parts, 4, dependencies, { shouldStop: () => rounds >= 2, onEvent: (e) => void (e.type === 'round-done' && rounds++) });
      assert.equal(first.status, 'stopped');
      assert.equal(first.roundsWritten, 2);
      const second = await runCell(parts, 4, dependencies);
      assert.equal(second.resumedFrom, 2);
      assert.equal(second.roundsWritten, 3);
      const id = 'blobs__needy__s0';
      const expected = readRunRecords(runFile(whole, id)).map(withoutTimes);
      assert.equal(expected.length, 5);
      assert.deepEqual(readRunRecords(runFile(parts, id)).map(withoutTimes), expected);
    } finally {
      cleanup();
    }
  });
}

test('a trailing partial line (a crash mid-write) is ignored, cut off, and the round is redone', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const exp = makeExperiment(dir);
    const whole = makeExperiment(dir, SMALL_CONFIG, 'whole');
    await runCell(whole, 1, dependencies);
    let rounds = 0;
    await runCell(exp, 1, dependencies, { shouldStop: () => rounds >= 3, onEvent: (e) => void (e.type === 'round-done' && rounds++) });
    const file = runFile(exp, 'blobs__random__s1');
    appendFileSync(file, '{"dataset":"blobs","strategy":"rand');
    assert.equal(readRunRecords(file).length, 3);
    await runCell(exp, 1, dependencies);
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes('"rand\n') && !text.includes('"strategy":"rand{'), 'partial line removed');
    assert.deepEqual(readRunRecords(file).map(withoutTimes), readRunRecords(runFile(whole, 'blobs__random__s1')).map(withoutTimes));
  } finally {
    cleanup();
  }
});

test('a strategy that returns a repeated index fails the run without writing that round', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const exp = makeExperiment(dir, { ...SMALL_CONFIG, strategies: ['broken'], seeds: [0] });
    await assert.rejects(runCell(exp, 0, dependencies), /strategy 'broken' returned index 0 in round 0: out of \[0, 194\] or repeated/);
    assert.equal(readRunRecords(runFile(exp, 'blobs__broken__s0')).length, 0);
  } finally {
    cleanup();
  }
});

test('records that belong to another run are refused, not mixed', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const exp = makeExperiment(dir);
    await runCell(exp, 0, dependencies, { shouldStop: () => false });
    const file = runFile(exp, 'blobs__random__s1');
    const foreign = readRunRecords(runFile(exp, 'blobs__random__s0'))[0]!;
    appendFileSync(file, `${JSON.stringify(foreign)}\n`);
    await assert.rejects(runCell(exp, 1, dependencies), /existing round 0 does not match this run \(dataset\/strategy\/seed differ/);
  } finally {
    cleanup();
  }
});

test('runCell rejects an index outside the grid and a pool smaller than the budget', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const exp = makeExperiment(dir);
    await assert.rejects(runCell(exp, 6, dependencies), /gridCell: index must be an integer in \[0, 5\], got 6/);
    const small = makeExperiment(dir, { ...SMALL_CONFIG, datasets: [{ name: 'blobs', options: { n: 20 }, querySize: 7, budget: 30 }] }, 'small');
    await assert.rejects(runCell(small, 0, dependencies), /config\.datasets\[0\] \('blobs'\): querySize 7 and budget 30 must not exceed the training pool of 20 rows/);
  } finally {
    cleanup();
  }
});

test('a process keeps one dataset loaded: reused for consecutive cells, replaced for another dataset', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = { ...SMALL_CONFIG, datasets: [SMALL_CONFIG.datasets[0]!, { ...SMALL_CONFIG.datasets[0]!, name: 'blobs2' }], strategies: ['random'], seeds: [0] };
    const exp = makeExperiment(dir, config);
    const loads: string[] = [];
    const counting = { ...dependencies, loadDataset: (name: string, o: Readonly<Record<string, unknown>>) => (loads.push(name), dependencies.loadDataset(name, o)) };
    clearRunCellCache();
    await runCell(exp, 0, counting, { shouldStop: () => false, onEvent: () => {} });
    const exp2 = makeExperiment(dir, { ...config, name: 'again' }, 'again');
    await runCell(exp2, 0, counting);
    assert.deepEqual(loads, ['blobs'], 'the second blobs cell reuses the loaded dataset');
    await runCell(exp, 1, counting);
    await runCell(exp2, 0, counting); // complete: returns before loading anything
    await runCell(makeExperiment(dir, { ...config, name: 'third' }, 'third'), 0, counting);
    assert.deepEqual(loads, ['blobs', 'blobs2', 'blobs']);
  } finally {
    cleanup();
  }
});

test('every fit reports its epochs to onEvent (replayed fits flagged), and listening changes no record', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = { ...SMALL_CONFIG, datasets: [{ ...SMALL_CONFIG.datasets[0]!, keepWeights: true }] };
    const quiet = makeExperiment(dir, config, 'quiet');
    const heard = makeExperiment(dir, config, 'heard');
    await runCell(quiet, 3, dependencies);
    const events: string[] = [];
    const log = (e: LoopEvent) => {
      if (e.type === 'epoch') {
        assert.equal(e.rounds, 5);
        assert.ok(e.loss > 0 && e.accuracy > 0 && e.accuracy <= 1);
        events.push(`epoch ${e.round} ${e.epoch}/${e.epochs}${e.replay ? ' replay' : ''}`);
      } else events.push(`${e.type} ${e.round}`);
    };
    let done = 0;
    await runCell(heard, 3, dependencies, { shouldStop: () => done >= 2, onEvent: (e) => (e.type === 'round-done' && done++, log(e)) });
    const fit = (r: number) => [`fit-start ${r}`, `epoch ${r} 1/3`, `epoch ${r} 2/3`, `epoch ${r} 3/3`];
    assert.deepEqual(events, [`round-start 0`, ...fit(0), `round-done 0`, `round-start 1`, ...fit(1), `round-done 1`]);
    events.length = 0;
    // Resumed with kept weights: rounds 0 and 1 are refitted first, their epochs flagged as replays.
    await runCell(heard, 3, dependencies, { onEvent: log });
    const replay = (r: number) => [`fit-start ${r}`, `epoch ${r} 1/3 replay`, `epoch ${r} 2/3 replay`, `epoch ${r} 3/3 replay`];
    assert.deepEqual(events.slice(0, 8), [...replay(0), ...replay(1)]);
    assert.deepEqual(events.slice(8, 14), [`round-start 2`, ...fit(2), `round-done 2`]);
    const id = 'blobs__margin__s1';
    assert.deepEqual(readRunRecords(runFile(heard, id)).map(withoutTimes), readRunRecords(runFile(quiet, id)).map(withoutTimes));
  } finally {
    cleanup();
  }
});
