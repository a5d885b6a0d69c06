/**
 * End to end on a real one-node Slurm (Debian's slurmctld/slurmd/munge, started inside the test):
 * submit a small grid as an array job, requeue one task while it runs, and check that every cell
 * completes exactly once with records equal to those of the local runner for the same seeds.
 * Skipped (with the reason) where the Slurm packages are missing or the test does not run as root.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { missingSlurmBinaries, startLocalCluster } from '../../src/slurm/localCluster.ts';
import { slurmStatus } from '../../src/slurm/slurmGrid.ts';
import { readRunRecords } from '../../src/experiment/resultStore.ts';
import { runCell } from '../../src/experiment/runCell.ts';
import { gridCells } from '../../src/experiment/grid.ts';
import { readManifest } from '../../src/experiment/manifest.ts';
import { dependencies } from '../experiment/fixtures/fakeDependencies.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from '../experiment/helpers.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'falcun-lab.js');
const FAKE = resolve(import.meta.dirname, '..', 'experiment', 'fixtures', 'fakeDependencies.ts');

const missing = missingSlurmBinaries();
const skip =
  missing.length > 0
    ? `Slurm is not installed (${missing.join(', ')} missing): apt-get install slurmctld slurmd slurm-client munge`
    : process.getuid?.() !== 0
      ? 'the Slurm daemons need root here'
      : false;

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

test('a grid submitted as a Slurm array completes every cell once, survives a requeue, and matches the local runner', { skip, timeout: 180_000 }, async () => {
  const scratch = scratchDir('falcun-slurm-');
  const cluster = startLocalCluster(join(scratch.dir, 'cluster'), { portBase: 17000 + (process.pid % 500) * 2 });
  try {
    const config = join(scratch.dir, 'config.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const dir = join(scratch.dir, 'exp');
    const env = { ...cluster.env, FAKE_FIT_DELAY_MS: '400' };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, '--dependencies', FAKE, ...args], { env, encoding: 'utf8' });

    const sub = cli('slurm', config, '--out', dir, '--submit', '--parallel', '2', '--time', '00:10:00', '--env', 'FAKE_FIT_DELAY_MS=400');
    assert.equal(sub.status, 0, sub.stderr);
    const jobId = /submitted array job\(s\) (\d+)/.exec(sub.stdout)?.[1];
    assert.ok(jobId, sub.stdout);

    // Requeue the first task once it is running and has written a record or two.
    const cells = gridCells(readManifest(dir).plan);
    let requeued: string | null = null;
    for (let t = 0; t < 300 && requeued === null; t++) {
      const running = readdirSync(join(dir, 'slurm', 'cells')).filter((f) => f.endsWith('.running'));
      for (const f of running) {
        const idx = Number(f.split('.')[0]);
        const file = join(dir, 'runs', `${cells[idx]!.runId}.jsonl`);
        if (existsSync(file) && readRunRecords(file).length >= 1) {
          const task = readFileSync(join(dir, 'slurm', 'cells', f), 'utf8').split(/\s+/)[1]!; // <array job>_<task>
          execFileSync('scontrol', ['requeue', task], { env: cluster.env });
          requeued = task;
          break;
        }
      }
      await sleep(100);
    }
    assert.ok(requeued, 'no task was seen running with a record written');

    // Wait for the queue to drain (a requeued task waits cred_expire + 1 s before it starts again).
    for (let t = 0; t < 900; t++) {
      const q = execFileSync('squeue', ['-h', '-r'], { env: cluster.env, encoding: 'utf8' }).trim();
      if (q === '') break;
      await sleep(200);
    }
    const status = slurmStatus(dir, cluster.env);
    assert.deepEqual(status.counts, { done: cells.length, running: 0, pending: 0, failed: 0, missing: 0 }, JSON.stringify(status.cells.filter((c) => c.slurmState !== 'done')));
    assert.equal(status.missingSpec, '');

    // The same cells, run by the local runner in another directory, give the same records.
    const local = makeExperiment(scratch.dir, SMALL_CONFIG, 'local');
    for (const c of cells) await runCell(local, c.index, dependencies);
    for (const c of cells) {
      const a = readRunRecords(join(dir, 'runs', `${c.runId}.jsonl`));
      const b = readRunRecords(join(local, 'runs', `${c.runId}.jsonl`));
      assert.equal(a.length, c.dataset.rounds, `${c.runId}: ${a.length} records, expected ${c.dataset.rounds}`);
      assert.deepEqual(a.map((r) => r.round), [...Array(c.dataset.rounds).keys()], `${c.runId}: rounds duplicated or missing`);
      assert.deepEqual(a.map(withoutTimes), b.map(withoutTimes), c.runId);
    }
    // Every task left a log; the requeued one ran again and resumed after the rounds already on disk.
    const logs = readdirSync(join(dir, 'slurm', 'logs'));
    assert.ok(logs.length >= cells.length, logs.join(', '));
    const requeuedLog = readFileSync(join(dir, 'slurm', 'logs', `${requeued}.out`), 'utf8');
    assert.match(requeuedLog, /resumed from round [1-9]/, requeuedLog);
    const out = cli('status', dir);
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, new RegExp(`slurm: ${cells.length} done, 0 running, 0 pending, 0 failed, 0 missing`));
  } finally {
    cluster.stop();
    scratch.cleanup();
  }
  assert.equal(spawnSync('pgrep', ['-f', join(scratch.dir, 'cluster')]).status, 1, 'a daemon of the test cluster is still running');
});
