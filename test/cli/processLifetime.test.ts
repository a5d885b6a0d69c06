/**
 * Faults that used to damage results, each injected: kill -9 of a run's whole process group (workers in
 * synchronous work must die with it and never write after it), two writers on one directory or one cell,
 * Ctrl-C once / twice, SIGTERM on run-cell. The fake fits hold the event loop like real training does
 * (FAKE_SYNC_EPOCH_MS, FAKE_BLOCK_MS); the bounds asserted are generous limits, not speed measurements.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readRunRecords, runFile } from '../../src/results/resultStore.ts';
import { runCell } from '../../src/experiment/runCell.ts';
import { dependencies } from '../experiment/fixtures/fakeDependencies.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from '../experiment/helpers.ts';
import { alive, childPids, eventually, sleep, startCli } from './cliProcess.ts';
import { cliInProcess as cli } from './cliProcess.ts';

const IDS = ['blobs__random__s0', 'blobs__random__s1', 'blobs__margin__s0', 'blobs__margin__s1', 'blobs__needy__s0', 'blobs__needy__s1'];

/** Every run file's bytes. */
function snapshot(dir: string): Record<string, string> {
  const runs = join(dir, 'runs');
  const out: Record<string, string> = {};
  if (!existsSync(runs)) return out;
  for (const f of readdirSync(runs).filter((f) => f.endsWith('.jsonl'))) out[f] = readFileSync(join(runs, f), 'utf8');
  return out;
}

async function assertEqualsUninterrupted(dir: string, out: string): Promise<void> {
  const ref = makeExperiment(dir, SMALL_CONFIG, 'ref');
  for (let i = 0; i < 6; i++) await runCell(ref, i, dependencies);
  for (const id of IDS) {
    assert.deepEqual(readRunRecords(runFile(out, id)).map(withoutTimes), readRunRecords(runFile(ref, id)).map(withoutTimes), id);
  }
}

test('kill -9 of the run\'s process group: workers in synchronous work die within 2 s, write nothing after, and a re-run writes exactly the records of an uninterrupted run', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const out = join(dir, 'out');
    // Every fit first holds the event loop for 20 s without yielding (one long kernel).
    const run = startCli(['run', config, '--out', out, '--workers', '2', '--no-report'], { FAKE_BLOCK_MS: '20000' });
    await run.waitFor(/start {2}blobs__\w+__s\d at round 0\/5[^]*start {2}blobs__\w+__s\d at round 0\/5/);
    const workers = childPids(run.child.pid!);
    assert.equal(workers.length, 2);
    await sleep(500); // both workers are now inside the 20-s synchronous block
    process.kill(-run.child.pid!, 'SIGKILL');
    // The run is dead once it has been reaped (a signalled process may take a moment to die); every record
    // on disk now was written while it lived.
    await run.exited;
    const before = snapshot(out);
    assert.ok(await eventually(() => workers.every((p) => !alive(p)), 2_000), `workers ${workers.join(', ')} outlived their run`);
    await sleep(500);
    assert.deepEqual(snapshot(out), before, 'a record was written after the run died');

    // The same with the workers between epochs (yielding), several rounds in.
    const again = startCli(['run', config, '--out', out, '--workers', '2', '--no-report'], { FAKE_SYNC_EPOCH_MS: '150' });
    await again.waitFor(/ round 2\/5 /);
    const w2 = childPids(again.child.pid!);
    process.kill(-again.child.pid!, 'SIGKILL');
    await again.exited;
    const before2 = snapshot(out);
    assert.ok(await eventually(() => w2.every((p) => !alive(p)), 2_000), 'workers outlived their run');
    await sleep(500);
    assert.deepEqual(snapshot(out), before2, 'a record was written after the run died');

    // An immediate re-run completes and equals an uninterrupted run.
    const resumed = await cli('run', config, '--out', out, '--no-report');
    assert.equal(resumed.code, 0, resumed.err + resumed.out);
    await assertEqualsUninterrupted(dir, out);
  } finally {
    cleanup();
  }
});

test('one writer per directory: a second run on the same --out refuses at once naming the holder; so does run-cell; a dead holder\'s lock is taken over', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const out = join(dir, 'out');
    const first = startCli(['run', config, '--out', out, '--workers', '1', '--no-report'], { FAKE_SYNC_EPOCH_MS: '100' });
    await first.waitFor(/ round 1\/5 /);
    const second = await cli('run', config, '--out', out, '--no-report');
    assert.equal(second.code, 1);
    assert.match(second.err, new RegExp(`experiment directory .*out is in use by pid ${first.child.pid} on host ${hostname()} since \\d{4}-\\d\\d-\\d\\dT`));
    const cellRun = await cli('run-cell', out, '--index', '5');
    assert.equal(cellRun.code, 1);
    assert.match(cellRun.err, new RegExp(`is in use by pid ${first.child.pid} on host`));
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    // Its lock file is left behind, naming a dead process: taken over.
    assert.match(readFileSync(join(out, 'run.lock'), 'utf8'), new RegExp(`"pid":${first.child.pid}`));
    await sleep(300);
    const resumed = await cli('run', config, '--out', out, '--no-report');
    assert.equal(resumed.code, 0, resumed.err);
    await assertEqualsUninterrupted(dir, out);
  } finally {
    cleanup();
  }
});

test('one writer per cell: two run-cell tasks of one index (a requeue racing a slow node): the second refuses naming the holder; run refuses too', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const out = makeExperiment(dir);
    const first = startCli(['run-cell', out, '--index', '1'], { FAKE_SYNC_EPOCH_MS: '300' });
    await first.waitFor(/round 1\/5/);
    const second = await cli('run-cell', out, '--index', '1');
    assert.equal(second.code, 1);
    // The holder is the worker process of the first run-cell.
    const holder = Number(/is in use by pid (\d+) on host/.exec(second.err)?.[1]);
    assert.match(second.err, new RegExp(`run blobs__random__s1 \\(cell 1\\) of .* is in use by pid ${holder} on host ${hostname()} since `));
    assert.deepEqual(childPids(first.child.pid!), [holder]);
    writeFileSync(join(dir, 'exp.json'), JSON.stringify(SMALL_CONFIG));
    const run = await cli('run', join(dir, 'exp.json'), '--out', out, '--no-report');
    assert.equal(run.code, 1);
    assert.match(run.err, new RegExp(`run blobs__random__s1 \\(cell 1\\) of .* is in use by pid ${holder}`));
    const other = await cli('run-cell', out, '--index', '0');
    assert.equal(other.code, 0, other.err); // other cells of the directory run alongside
    const done = await first.exited;
    assert.equal(done.code, 0, first.text());
    const ref = makeExperiment(dir, SMALL_CONFIG, 'ref');
    await runCell(ref, 1, dependencies);
    assert.deepEqual(readRunRecords(runFile(out, IDS[1]!)).map(withoutTimes), readRunRecords(runFile(ref, IDS[1]!)).map(withoutTimes));
  } finally {
    cleanup();
  }
});

test('Ctrl-C once while the workers train synchronously: they stop after their current round, exit 130, the summary counts the interrupted cells; twice: at once', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const out = join(dir, 'out');
    const once = startCli(['run', config, '--out', out, '--workers', '2', '--no-report'], { FAKE_SYNC_EPOCH_MS: '100' });
    await once.waitFor(/ round 1\/5 /);
    process.kill(-once.child.pid!, 'SIGINT');
    const r1 = await once.exited;
    assert.equal(r1.code, 130, once.text());
    assert.match(once.text(), /0 runs completed, 0 already done, 0 failed, 6 interrupted, of 6/);
    // Every run file holds complete rounds only, and at most two rounds past the first (no run to the end).
    for (const id of IDS) assert.ok(readRunRecords(runFile(out, id)).length < 5, id);

    const twice = startCli(['run', config, '--out', out, '--workers', '2', '--no-report'], { FAKE_SYNC_EPOCH_MS: '300' });
    await twice.waitFor(/ round \d\/5 /);
    process.kill(-twice.child.pid!, 'SIGINT');
    await twice.waitFor(/Ctrl-C: finishing/);
    process.kill(-twice.child.pid!, 'SIGINT');
    const r2 = await twice.exited;
    assert.equal(r2.code, 130, twice.text());
    assert.match(twice.text(), /Ctrl-C again: stopping the workers now/);
    assert.match(twice.text(), /0 failed, \d interrupted/);

    const resumed = await cli('run', config, '--out', out, '--no-report');
    assert.equal(resumed.code, 0, resumed.err);
    await assertEqualsUninterrupted(dir, out);
  } finally {
    cleanup();
  }
});

test('SIGTERM on run-cell: the round in progress ends, exit 143; a round longer than the grace period is cut at the bound', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const out = makeExperiment(dir);
    const a = startCli(['run-cell', out, '--index', '2'], { FAKE_SYNC_EPOCH_MS: '150' });
    await a.waitFor(/round 1\/5/);
    const n = readRunRecords(runFile(out, IDS[2]!)).length;
    process.kill(a.child.pid!, 'SIGTERM');
    const ra = await a.exited;
    assert.equal(ra.code, 143, a.text());
    assert.match(a.text(), /SIGTERM: finishing the rounds in progress, for at most 20 s/);
    const after = readRunRecords(runFile(out, IDS[2]!)).length;
    assert.ok(after === n || after === n + 1, `${n} → ${after}`);
    assert.ok(after < 5);

    // A round that holds the thread for 60 s: stopped at the grace period (1 s here) + at most 2 s.
    const b = startCli(['run-cell', out, '--index', '2'], { FAKE_BLOCK_MS: '60000', FALCUN_STOP_GRACE_S: '1' });
    await b.waitFor(/tfjs backend/);
    await sleep(1000);
    const t0 = Date.now();
    process.kill(b.child.pid!, 'SIGTERM');
    const rb = await b.exited;
    assert.ok(Date.now() - t0 < 10_000, 'not stopped within the bound');
    assert.ok(rb.code === 143 || rb.signal === 'SIGKILL', JSON.stringify(rb));
    assert.equal(readRunRecords(runFile(out, IDS[2]!)).length, after);
    // The requeued task resumes to the same records as an uninterrupted run.
    const c = await cli('run-cell', out, '--index', '2');
    assert.equal(c.code, 0, c.err);
    const ref = makeExperiment(dir, SMALL_CONFIG, 'ref');
    await runCell(ref, 2, dependencies);
    assert.deepEqual(readRunRecords(runFile(out, IDS[2]!)).map(withoutTimes), readRunRecords(runFile(ref, IDS[2]!)).map(withoutTimes));
  } finally {
    cleanup();
  }
});
