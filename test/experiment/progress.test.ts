/** Per-epoch progress: from the loop through the worker protocol to the reporter, and how each display shows it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createProgressReporter, formatRunInfo, type EpochProgress, type ProgressReporter } from '../../src/experiment/progress.ts';
import { readRunRecords, runFile } from '../../src/results/resultStore.ts';
import { runCell } from '../../src/experiment/runCell.ts';
import { runExperiment } from '../../src/experiment/workerPool.ts';
import { dependencies } from './fixtures/fakeDependencies.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from './helpers.ts';

const FAKE = fileURLToPath(new URL('./fixtures/fakeDependencies.ts', import.meta.url));

const epoch = (round: number, e: number, replay = false): EpochProgress => ({ round, rounds: 10, replay, epoch: e, epochs: 20, loss: 0.43219, accuracy: 0.875 });

test('formatRunInfo: the running round and epoch, then the last round', () => {
  assert.equal(formatRunInfo(undefined, undefined), 'rounds');
  assert.equal(formatRunInfo(epoch(2, 5), undefined), 'rounds | round 3/10 epoch 5/20 loss 0.4322 train-acc 0.875');
  assert.equal(formatRunInfo(epoch(0, 1, true), 'labels 5 acc 0.5000 eta 3s'), 'rounds | replaying round 1/10 epoch 1/20 loss 0.4322 train-acc 0.875 | labels 5 acc 0.5000 eta 3s');
});

test('the terminal display shows the running round and epoch; plain log mode writes no line per epoch', () => {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, cb) => void ((text += String(chunk)), cb()) });
  const live = createProgressReporter(3, 0, true, () => {}, stream);
  live.runStarted('blobs__margin__s0', 2, 10);
  for (let e = 1; e <= 5; e++) live.epochDone?.('blobs__margin__s0', epoch(2, e));
  live.stop();
  assert.match(text, /blobs__margin__s0 +\|.*\| 2\/10 rounds \| round 3\/10 epoch 5\/20 loss 0\.4322 train-acc 0\.875/);

  text = '';
  const next = createProgressReporter(3, 0, true, () => {}, stream);
  next.runStarted('blobs__margin__s0', 2, 10);
  next.epochDone?.('blobs__margin__s0', epoch(2, 20));
  next.roundDone('blobs__margin__s0', 2, 10, 150, 0.9012);
  next.stop();
  // A finished round replaces the epoch with its result.
  assert.match(text, /\| 3\/10 rounds \| labels 150 acc 0\.9012 eta \S+/);
  assert.doesNotMatch(text.slice(text.lastIndexOf('3/10 rounds')), /epoch/);

  const lines: string[] = [];
  const plain = createProgressReporter(3, 0, false, (s) => void lines.push(s));
  plain.runStarted('a__b__s0', 0, 10);
  for (let e = 1; e <= 20; e++) plain.epochDone?.('a__b__s0', epoch(0, e));
  plain.roundDone('a__b__s0', 0, 10, 5, 0.5);
  assert.equal(lines.length, 2);
  assert.match(lines[1]!, /a__b__s0 round 1\/10 labels 5 acc 0\.5000 eta/);
});

test('epoch progress reaches the reporter from a worker process, replays flagged, records unchanged', { timeout: 60_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = { ...SMALL_CONFIG, datasets: [{ ...SMALL_CONFIG.datasets[0]!, keepWeights: true }], strategies: ['margin'], seeds: [1] };
    const exp = makeExperiment(dir, config, 'pool');
    const ref = makeExperiment(dir, config, 'ref');
    const id = 'blobs__margin__s1';
    // Two rounds done in this process: the worker resumes at round 2, replaying the fits of rounds 0 and 1.
    let done = 0;
    await runCell(exp, 0, dependencies, { shouldStop: () => done >= 2, onEvent: (e) => void (e.type === 'round-done' && done++) });
    const events: string[] = [];
    const reporter: ProgressReporter = {
      runStarted: (runId, round, rounds) => void events.push(`start ${runId} ${round}/${rounds}`),
      epochDone: (runId, p) => {
        assert.equal(runId, id);
        assert.ok(Number.isFinite(p.loss) && p.accuracy >= 0 && p.accuracy <= 1);
        events.push(`epoch ${p.round}/${p.rounds} ${p.epoch}/${p.epochs}${p.replay ? ' replay' : ''}`);
      },
      roundDone: (_runId, round) => void events.push(`round ${round}`),
      runFinished: (runId, status) => void events.push(`${status} ${runId}`),
      log: () => {},
      stop: () => {},
    };
    const summary = await runExperiment({ dir: exp, dependenciesModule: FAKE, workers: 1, reporter, handleSignals: false });
    assert.equal(summary.completed, 1);
    assert.equal(events[0], `start ${id} 2/5`, 'the run starts at its resumed round, before the replays');
    // The worker forwards the first and the last epoch of every fit (the middle one is throttled when fast).
    for (const [r, tag] of [[0, ' replay'], [1, ' replay'], [2, ''], [3, ''], [4, '']] as const) {
      for (const e of [1, 3]) assert.ok(events.includes(`epoch ${r}/5 ${e}/3${tag}`), `round ${r} epoch ${e}${tag}: ${events.join(', ')}`);
    }
    for (const r of [2, 3, 4]) {
      assert.ok(events.indexOf(`epoch ${r}/5 3/3`) < events.indexOf(`round ${r}`), `round ${r}: its epochs come before it is done`);
    }
    assert.equal(events.at(-1), `complete ${id}`);
    await runCell(ref, 0, dependencies);
    assert.deepEqual(readRunRecords(runFile(exp, id)).map(withoutTimes), readRunRecords(runFile(ref, id)).map(withoutTimes));
  } finally {
    cleanup();
  }
});
