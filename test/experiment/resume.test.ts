/**
 * The resume test: a run is killed with SIGKILL in the middle of a round (while its model trains),
 * re-run, and its final records must equal those of an uninterrupted run with the same seed, bit for bit
 * (accuracies, per-class accuracies, chosen indices and classes; only the timings differ).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readRunRecords, runFile } from '../../src/results/resultStore.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from './helpers.ts';

const MNIST_DEPS = fileURLToPath(new URL('./fixtures/mnistTrainingDependencies.ts', import.meta.url));

const SCRIPT = fileURLToPath(new URL('./fixtures/runCellProcess.ts', import.meta.url));

/** Runs the cell in a child process; with `killAtFitOfRound`, SIGKILLs it shortly after that round's fit starts. */
export function runChild(
  dir: string,
  index: number,
  killAtFitOfRound?: number,
  depsModule?: string,
  killDelayMs = 100,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dir, String(index), ...(depsModule ? [depsModule] : [])], {
      env: { ...process.env, FAKE_FIT_DELAY_MS: killAtFitOfRound === undefined ? '0' : '400' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        const e = JSON.parse(line) as { type: string; round: number };
        if (killAtFitOfRound !== undefined && e.type === 'fit-start' && e.round === killAtFitOfRound) {
          setTimeout(() => child.kill('SIGKILL'), killDelayMs); // the fake fit takes 400 ms: this lands mid-round
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, lines }));
  });
}

test('SIGKILL in the middle of a round, then re-run: records equal an uninterrupted run', { timeout: 240_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = { ...SMALL_CONFIG, datasets: [{ ...SMALL_CONFIG.datasets[0]!, keepWeights: true }] };
    const killed = makeExperiment(dir, config, 'killed');
    const whole = makeExperiment(dir, config, 'whole');
    const index = 3; // margin, seed 1: its picks depend on the model, so a wrong resume shows
    const id = 'blobs__margin__s1';

    const first = await runChild(killed, index, 2);
    assert.equal(first.signal, 'SIGKILL');
    assert.equal(readRunRecords(runFile(killed, id)).length, 2, 'rounds 0 and 1 were written, round 2 was cut');

    const second = await runChild(killed, index);
    assert.equal(second.code, 0);
    assert.deepEqual(JSON.parse(second.lines.at(-1)!), { type: 'result', status: 'complete', resumedFrom: 2 });

    const ref = await runChild(whole, index);
    assert.equal(ref.code, 0);
    const expected = readRunRecords(runFile(whole, id)).map(withoutTimes);
    assert.equal(expected.length, 5);
    assert.deepEqual(readRunRecords(runFile(killed, id)).map(withoutTimes), expected);
  } finally {
    cleanup();
  }
});

test('real LeNet on MNIST (wasm): SIGKILL mid-round and re-run give bit-identical records, fresh and kept weights', { timeout: 480_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const entry = { name: 'mnist', querySize: 10, initialSize: 10, budget: 30, trainSubset: 300, testSubset: 200, training: { epochs: 2 } };
    const config = {
      name: 'mnist-resume',
      datasets: [entry, { ...entry, label: 'mnist-keep', keepWeights: true }],
      strategies: ['margin'],
      seeds: [3],
      backend: 'wasm',
    };
    const killed = makeExperiment(dir, config, 'killed');
    const whole = makeExperiment(dir, config, 'whole');
    // The two cases (fresh weights, kept weights) run side by side: one process each at a time.
    const check = async (index: number, id: string) => {
      const first = await runChild(killed, index, 1, MNIST_DEPS, 0);
      assert.equal(first.signal, 'SIGKILL', first.lines.join('\n'));
      assert.equal(readRunRecords(runFile(killed, id)).length, 1, `${id}: round 0 written, round 1 cut`);
      assert.equal((await runChild(killed, index, undefined, MNIST_DEPS)).code, 0);
      assert.equal((await runChild(whole, index, undefined, MNIST_DEPS)).code, 0);
      const expected = readRunRecords(runFile(whole, id)).map(withoutTimes);
      assert.equal(expected.length, 3);
      assert.equal(expected[0]!.model, 'lenet');
      for (const r of expected) assert.ok(r.testAccuracy >= 0 && r.testAccuracy <= 1 && !('trainSeconds' in r));
      assert.deepEqual(readRunRecords(runFile(killed, id)).map(withoutTimes), expected, id);
    };
    await Promise.all([check(0, 'mnist__margin__s3'), check(1, 'mnist-keep__margin__s3')]);
  } finally {
    cleanup();
  }
});
