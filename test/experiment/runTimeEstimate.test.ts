import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTimeEstimates } from '../../src/experiment/runTimeEstimate.ts';
import type { RoundRecord } from '../../src/results/roundRecord.ts';

const round = (dataset: string, strategy: string, seed: number, seconds: [number, number, number]) =>
  ({ dataset, strategy, seed, trainSeconds: seconds[0], inferenceSeconds: seconds[1], acquisitionSeconds: seconds[2] }) as RoundRecord;

test('runTimeEstimates: mean compute per run of the same dataset and strategy, else of the dataset, else the longest dataset mean', () => {
  const e = runTimeEstimates([
    // letter/kcenter: runs of 2 rounds taking 30 s and 50 s in all.
    round('letter', 'kcenter', 0, [10, 1, 4]), round('letter', 'kcenter', 0, [10, 1, 4]),
    round('letter', 'kcenter', 1, [20, 1, 4]), round('letter', 'kcenter', 1, [20, 1, 4]),
    round('letter', 'random', 0, [5, 0, 0]), round('letter', 'random', 0, [5, 0, 0]),
    round('mnist', 'falcun', 0, [1, 1, 1]),
  ]);
  assert.equal(e.seconds('letter', 'kcenter'), 40);
  assert.equal(e.seconds('letter', 'random'), 10);
  assert.equal(e.seconds('letter', 'clue'), (30 + 50 + 10) / 3, 'no clue run yet: the mean of the dataset');
  assert.equal(e.seconds('mnist', 'falcun'), 3);
  assert.equal(e.seconds('randomrbf', 'falcun'), 30, 'not run yet: the longest mean of a dataset (letter), on the safe side');
  assert.equal(runTimeEstimates([]).seconds('letter', 'falcun'), undefined);
});

test('runTimeEstimates: the MLP\'s tape rounds count at the dense step\'s measured speed (cells still to do train on it)', () => {
  const mlp = (strategy: string, seed: number, trainSeconds: number, trainingStep?: 'dense') =>
    ({ dataset: 'letter', strategy, seed, model: 'mlp', numLabeled: 1000, epochsTrained: 200, trainSeconds, inferenceSeconds: 1, acquisitionSeconds: 1, ...(trainingStep ? { trainingStep } : {}) }) as RoundRecord;
  // Tape rounds 40 s, dense rounds 10 s for the same epochs and rows: 4× faster; a tape run of 40 + 2 s now takes 10 + 2.
  const e = runTimeEstimates([mlp('falcun', 0, 40), mlp('random', 0, 10, 'dense')]);
  assert.equal(e.seconds('letter', 'falcun'), 12);
  assert.equal(e.seconds('letter', 'random'), 12);
  // Without a dense round there is nothing to scale by.
  assert.equal(runTimeEstimates([mlp('falcun', 0, 40)]).seconds('letter', 'falcun'), 42);
});
