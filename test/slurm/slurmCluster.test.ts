/**
 * End to end on a real one-node Slurm (Debian's slurmctld/slurmd/munge, started inside each test):
 *
 * 1. A grid with fake dependencies (fast, with a fit delay so that a task can be caught mid-run): requeue
 *    one task while it runs, let the cells of one strategy fail and delete a finished cell's records, then
 *    `status --resubmit` submits exactly the failed and missing cells as one array spec; afterwards every
 *    cell is complete once, with records equal to those of the local runner for the same seeds.
 * 2. A tiny real grid (MNIST with LeNet, RandomRBF with the MLP, real strategies, tfjs on wasm) submitted
 *    with its report job (afterany): every cell completes once, the report job writes the report files,
 *    and the records equal, bit for bit (timings aside), those of the local worker pool (`falcun-lab run`).
 *
 * Each test stops every daemon it started and wipes its state folder, also when it fails.
 * Skipped (with the reason) where the Slurm packages are missing or the test does not run as root.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { missingSlurmBinaries, startLocalCluster, type LocalCluster } from '../../src/slurm/localCluster.ts';
import { formatArraySpec } from '../../src/slurm/arraySpec.ts';
import { slurmStatus } from '../../src/slurm/slurmGrid.ts';
import { readRunRecords } from '../../src/results/resultStore.ts';
import { runCell } from '../../src/experiment/runCell.ts';
import { gridCells } from '../../src/experiment/grid.ts';
import { readManifest } from '../../src/experiment/manifest.ts';
import type { ExperimentConfig } from '../../src/experiment/config.ts';
import { DEFAULT_CHROMIUM } from '../../src/figures/export.ts';
import { dependencies } from '../experiment/fixtures/fakeDependencies.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from '../experiment/helpers.ts';
import { skipUnless } from '../systemTools.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'falcun-lab.js');
/** The fake dependencies plus a switch (a file naming strategies) that makes cells fail. */
const FAIL_SWITCH = resolve(import.meta.dirname, 'fixtures', 'failSwitchDependencies.ts');
/** Four ports per test process (two per cluster), so that parallel test runs on one machine do not collide. */
const PORT_BASE = 17000 + (process.pid % 500) * 4;

const missing = missingSlurmBinaries();
const skip =
  skipUnless(missing.length === 0, `Slurm is not installed (${missing.join(', ')} missing): apt-get install slurmctld slurmd slurm-client munge`) ||
  skipUnless(process.getuid?.() === 0, 'the Slurm daemons need root here');

/**
 * A tiny real grid derived from the `smoke` preset: 2 datasets (MNIST/LeNet, RandomRBF/MLP) × 2 strategies
 * (FALCUN, BADGE: probabilities, embeddings and the classifier head) × 2 seeds, 3 rounds of 2 epochs.
 */
const REAL_TINY: ExperimentConfig = {
  name: 'slurm-tiny',
  datasets: [
    { name: 'mnist', querySize: 10, initialSize: 10, budget: 30, trainSubset: 300, testSubset: 100, training: { epochs: 2 } },
    { name: 'randomrbf', options: { rows: 2000 }, querySize: 10, initialSize: 10, budget: 30, trainSubset: 300, testSubset: 100, training: { epochs: 2 } },
  ],
  strategies: ['falcun', 'badge'],
  seeds: [0, 1],
  backend: 'wasm',
};

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Runs `body` with a fresh one-node cluster in a scratch folder; stops every daemon and removes the
 * folder afterwards, whether `body` passed or failed (and, as a last resort, when the process exits
 * while the test is still running, e.g. after a test timeout).
 */
async function withCluster(portBase: number, body: (cluster: LocalCluster, scratch: string) => Promise<void>): Promise<void> {
  const scratch = scratchDir('falcun-slurm-');
  const root = join(scratch.dir, 'cluster');
  let cluster: LocalCluster | undefined;
  const cleanup = () => {
    cluster?.stop();
    scratch.cleanup();
  };
  process.once('exit', cleanup);
  try {
    cluster = startLocalCluster(root, { portBase });
    await body(cluster, scratch.dir);
  } finally {
    process.off('exit', cleanup);
    cleanup();
  }
  assert.equal(spawnSync('pgrep', ['-f', root]).status, 1, 'a daemon of the test cluster is still running');
  assert.equal(existsSync(scratch.dir), false, 'the scratch folder is still there');
}

/** The CLI in a child process, against `cluster`. */
function cli(cluster: LocalCluster, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...cluster.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, text: `exit ${r.status}\n${r.stdout}\n${r.stderr}` };
}

/** Waits until squeue lists no job (a requeued task waits cred_expire + 1 s before it starts again). */
async function drain(cluster: LocalCluster, dir: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let q = '';
  while (Date.now() < deadline) {
    q = execFileSync('squeue', ['-h', '-r', '-o', '%i %t %r'], { env: cluster.env, encoding: 'utf8' }).trim();
    if (q === '') return;
    await sleep(200);
  }
  const logs = join(dir, 'slurm', 'logs');
  const tails = existsSync(logs) ? readdirSync(logs).map((f) => `${f}: ${readFileSync(join(logs, f), 'utf8').split('\n').slice(-4).join(' | ')}`) : [];
  assert.fail(`the queue did not drain in ${timeoutMs} ms:\n${q}\n${tails.join('\n')}`);
}

function arrayLogs(dir: string, jobId: string): string[] {
  return readdirSync(join(dir, 'slurm', 'logs'))
    .filter((f) => f.startsWith(`${jobId}_`))
    .sort((a, b) => Number(a.slice(jobId.length + 1, -4)) - Number(b.slice(jobId.length + 1, -4)));
}

function readLog(dir: string, name: string): string {
  return readFileSync(join(dir, 'slurm', 'logs', name), 'utf8');
}

test('a Slurm array survives a requeue; status --resubmit submits exactly the failed and missing cells; all match the local runner', { skip, timeout: 480_000 }, async () => {
  await withCluster(PORT_BASE, async (cluster, scratch) => {
    const config = join(scratch, 'config.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const dir = join(scratch, 'exp one 100%'); // a space and a percent sign: quoted and escaped in the #SBATCH lines
    const failSwitch = join(scratch, 'fail-switch');
    writeFileSync(failSwitch, 'margin\n'); // the cells of 'margin' fail until the file is gone
    const fake = (...args: string[]) => cli(cluster, ['--dependencies', FAIL_SWITCH, ...args]);

    // The fit delay (so that a task can be caught mid-run) goes through the submitting environment, which
    // sbatch hands to the first job's tasks (requeued ones included) but not to the resubmitted ones.
    const sub = cli(cluster, ['--dependencies', FAIL_SWITCH, 'slurm', config, '--out', dir, '--submit', '--parallel', '2', '--time', '00:10:00', '--env', `FAIL_SWITCH_FILE=${failSwitch}`], { FAKE_FIT_DELAY_MS: '400' });
    assert.equal(sub.status, 0, sub.text);
    const jobId = /submitted array job\(s\) (\d+)/.exec(sub.stdout)?.[1];
    assert.ok(jobId, sub.text);
    const cells = gridCells(readManifest(dir).plan);
    const failing = cells.filter((c) => c.strategy.name === 'margin').map((c) => c.index);
    assert.equal(failing.length, 2);

    // Requeue the first task seen running with a record or two written.
    let requeued: { task: string; index: number } | null = null;
    // Each task starts two processes (run-cell and its worker): allow for a slow start on a loaded machine.
    for (let t = 0; t < 1500 && requeued === null; t++) {
      const running = readdirSync(join(dir, 'slurm', 'cells')).filter((f) => f.endsWith('.running'));
      for (const f of running) {
        const index = Number(f.split('.')[0]);
        const file = join(dir, 'runs', `${cells[index]!.runId}.jsonl`);
        if (existsSync(file) && readRunRecords(file).length >= 1) {
          const task = readFileSync(join(dir, 'slurm', 'cells', f), 'utf8').split(/\s+/)[1]!; // <array job>_<task>
          execFileSync('scontrol', ['requeue', task], { env: cluster.env });
          requeued = { task, index };
          break;
        }
      }
      await sleep(100);
    }
    assert.ok(requeued, 'no task was seen running with a record written');
    const requeuedIndex = requeued.index;
    await drain(cluster, dir);

    // The switched-off cells failed (marker with the exit code), every other cell is done.
    let status = slurmStatus(dir, cluster.env);
    assert.deepEqual(status.counts, { done: cells.length - 2, running: 0, pending: 0, failed: 2, missing: 0 }, JSON.stringify(status.cells.filter((c) => c.slurmState !== 'done')));
    for (const i of failing) {
      assert.match(status.cells[i]!.marker ?? '', /^exit 1 job \d+/, `cell ${i}`);
      assert.match(readLog(dir, `${jobId}_${i}.out`), /fail switch: strategy 'margin' fails/);
    }
    // A finished cell's records go missing (e.g. deleted by hand, or lost with a node-local disk).
    const lost = cells.filter((c) => !failing.includes(c.index) && c.index !== requeuedIndex).at(-1)!;
    rmSync(join(dir, 'runs', `${lost.runId}.jsonl`));
    const expected = [...failing, lost.index].sort((a, b) => a - b);
    const spec = formatArraySpec(expected);
    assert.match(spec, /^\d+-\d+,\d+$/, 'a range and a single cell'); // 2-3,5 for SMALL_CONFIG

    const before = fake('status', dir);
    assert.equal(before.status, 0, before.text);
    assert.match(before.stdout, new RegExp(`slurm: ${cells.length - 3} done, 0 running, 0 pending, 2 failed, 1 missing, of ${cells.length} cells\\n`), before.text);
    assert.match(before.stdout, new RegExp(`missing or failed cells: --array=${spec}\\n`), before.text);

    // Fix the cause, then resubmit: one array job with exactly those cells, same options and dependencies.
    rmSync(failSwitch);
    const re = fake('status', dir, '--resubmit');
    assert.equal(re.status, 0, re.text);
    const reJob = new RegExp(`resubmitted ${expected.length} cell\\(s\\) as job\\(s\\) (\\d+)\\n`).exec(re.stdout)?.[1];
    assert.ok(reJob, re.text);
    const submissions = readFileSync(join(dir, 'slurm', 'jobs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { arrayJobIds: string[]; scripts: string[]; reportJobId: string | null });
    assert.equal(submissions.length, 2);
    assert.deepEqual(submissions[1]!.arrayJobIds, [reJob]);
    assert.equal(submissions[1]!.reportJobId, null);
    const script = readFileSync(submissions[1]!.scripts[0]!, 'utf8');
    assert.match(script, new RegExp(`^#SBATCH --array=${spec}%2$`, 'm'), script);
    assert.match(script, /^#SBATCH --time=00:10:00$/m);
    assert.match(script, /^cell=\$\(\( 0 \+ SLURM_ARRAY_TASK_ID \)\)$/m);
    assert.ok(script.includes(FAIL_SWITCH) && script.includes('export FAIL_SWITCH_FILE='), script);
    await drain(cluster, dir);

    // The resubmitted job ran exactly those cells, each once and from scratch; now every cell is done.
    assert.deepEqual(arrayLogs(dir, reJob), expected.map((i) => `${reJob}_${i}.out`));
    for (const i of expected) {
      assert.match(readLog(dir, `${reJob}_${i}.out`), new RegExp(`${cells[i]!.runId}: complete \\(resumed from round 0, wrote ${cells[i]!.dataset.rounds}\\)`));
    }
    status = slurmStatus(dir, cluster.env);
    assert.deepEqual(status.counts, { done: cells.length, running: 0, pending: 0, failed: 0, missing: 0 }, JSON.stringify(status.cells.filter((c) => c.slurmState !== 'done')));
    assert.equal(status.missingSpec, '');
    const after = fake('status', dir, '--resubmit');
    assert.equal(after.status, 0, after.text);
    assert.match(after.stdout, new RegExp(`slurm: ${cells.length} done, 0 running, 0 pending, 0 failed, 0 missing`));
    assert.match(after.stdout, /nothing to resubmit\n/);

    // The same cells, run by the local runner in another directory, give the same records.
    const local = makeExperiment(scratch, SMALL_CONFIG, 'local');
    for (const c of cells) await runCell(local, c.index, dependencies);
    for (const c of cells) {
      const a = readRunRecords(join(dir, 'runs', `${c.runId}.jsonl`));
      const b = readRunRecords(join(local, 'runs', `${c.runId}.jsonl`));
      assert.deepEqual(a.map((r) => r.round), [...Array(c.dataset.rounds).keys()], `${c.runId}: rounds duplicated or missing`);
      assert.deepEqual(a.map(withoutTimes), b.map(withoutTimes), c.runId);
    }
    // The requeued task ran again and resumed after the rounds already on disk.
    const requeuedLog = readLog(dir, `${requeued.task}.out`);
    assert.match(requeuedLog, /resumed from round [1-9]/, requeuedLog);
  });
});

test('a tiny real grid (MNIST/LeNet, RandomRBF/MLP) on Slurm completes every cell once, runs its report job, and equals the local pool bit for bit', { skip, timeout: 480_000 }, async () => {
  await withCluster(PORT_BASE + 2, async (cluster, scratch) => {
    const config = join(scratch, 'tiny.json');
    writeFileSync(config, JSON.stringify(REAL_TINY));
    const dir = join(scratch, 'slurm-exp');
    // Real default dependencies (no --dependencies): the tasks load MNIST, train with tfjs on wasm.
    const sub = cli(cluster, ['slurm', config, '--out', dir, '--submit', '--parallel', '2', '--time', '00:10:00', '--report']);
    assert.equal(sub.status, 0, sub.text);
    const m = /submitted array job\(s\) (\d+); report job (\d+)/.exec(sub.stdout);
    assert.ok(m, sub.text);
    const [, jobId, reportJob] = m;
    assert.ok(jobId && reportJob);
    const cells = gridCells(readManifest(dir).plan);
    assert.equal(cells.length, 8);
    await drain(cluster, dir);

    // Every cell ran once, from round 0 to the budget, in its own task.
    const status = slurmStatus(dir, cluster.env);
    assert.deepEqual(status.counts, { done: cells.length, running: 0, pending: 0, failed: 0, missing: 0 }, JSON.stringify(status.cells.filter((c) => c.slurmState !== 'done')));
    assert.deepEqual(arrayLogs(dir, jobId), cells.map((c) => `${jobId}_${c.index}.out`));
    for (const c of cells) {
      assert.match(readLog(dir, `${jobId}_${c.index}.out`), new RegExp(`${c.runId}: complete \\(resumed from round 0, wrote ${c.dataset.rounds}\\)`));
    }
    assert.equal(readManifest(dir).plan.backend, 'wasm');

    // The report job (afterany) ran once every task had ended and wrote the report files.
    const reportLog = readLog(dir, `report_${reportJob}.out`);
    const files = ['records.csv', 'learning-curves.json', 'learning-curves.html'];
    const png = existsSync(process.env.FALCUN_CHROMIUM ?? DEFAULT_CHROMIUM);
    if (png) files.push('learning-curves.png');
    for (const f of files) {
      assert.ok(existsSync(join(dir, f)), `${f} missing; report log:\n${reportLog}`);
      assert.ok(reportLog.includes(`wrote ${join(dir, f)}`), reportLog);
    }
    assert.equal(readFileSync(join(dir, 'records.csv'), 'utf8').trim().split('\n').length, 1 + cells.length * 3, 'one CSV row per round');
    assert.match(reportLog, /mnist \(q10, lenet\) +falcun +30 labels: [0-9.]+ ± [0-9.]+ \(2 seeds\)/, reportLog);

    // The local worker pool on the same config and seeds writes the same records.
    const local = join(scratch, 'local-exp');
    const run = cli(cluster, ['run', config, '--out', local, '--workers', '2', '--no-report']);
    assert.equal(run.status, 0, run.text);
    assert.match(run.stdout, new RegExp(`${cells.length} runs completed, 0 already done, 0 failed`), run.text);
    for (const c of cells) {
      const a = readRunRecords(join(dir, 'runs', `${c.runId}.jsonl`));
      const b = readRunRecords(join(local, 'runs', `${c.runId}.jsonl`));
      assert.deepEqual(a.map((r) => r.round), [0, 1, 2], c.runId);
      assert.equal(a[0]!.model, c.dataset.name === 'mnist' ? 'lenet' : 'mlp');
      assert.deepEqual(a.map(withoutTimes), b.map(withoutTimes), c.runId);
    }
  });
});
