import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readManifest } from '../../src/experiment/manifest.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { readRunRecords, runFile } from '../../src/results/resultStore.ts';
import { runCell } from '../../src/experiment/runCell.ts';
import { createProgressReporter } from '../../src/experiment/progress.ts';
import { runExperiment } from '../../src/experiment/workerPool.ts';
import { dependencies } from '../experiment/fixtures/fakeDependencies.ts';
import { startCli } from './cliProcess.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from '../experiment/helpers.ts';
import { cliInProcess as cli } from './cliProcess.ts';

const FAKE = fileURLToPath(new URL('../experiment/fixtures/fakeDependencies.ts', import.meta.url));
const BROKEN = fileURLToPath(new URL('../experiment/fixtures/brokenDependencies.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/falcun-lab.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('npx falcun-lab --help prints usage and exits 0; an unknown command exits 2', () => {
  const r = spawnSync('npx', ['--no-install', 'falcun-lab', '--help'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Usage: falcun-lab \[options\] \[command\]/);
  for (const c of ['run', 'run-cell', 'status', 'export-csv', 'report', 'list']) assert.match(r.stdout, new RegExp(`\\n  ${c} `));
  const bad = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown command 'frobnicate'/);
});

test('run executes the grid in worker processes, equals per-cell runs, resumes as a no-op, exports CSV', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const out = join(dir, 'out');
    const r = await cli('run', config, '--out', out, '--workers', '2', '--no-png');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /6 runs completed, 0 already done, 0 failed, 0 interrupted, of 6/);
    assert.match(r.out, /final test accuracy \(mean ± std over seeds\):\n  blobs \(q7, centroid\)/);
    assert.ok(existsSync(join(out, 'learning-curves.html')));

    // The same seeds give the same records whether run by the pool or cell by cell in this process.
    const ref = makeExperiment(dir, SMALL_CONFIG, 'ref');
    for (let i = 0; i < 6; i++) await runCell(ref, i, dependencies);
    for (const id of ['blobs__random__s0', 'blobs__margin__s1', 'blobs__needy__s0']) {
      assert.deepEqual(readRunRecords(runFile(out, id)).map(withoutTimes), readRunRecords(runFile(ref, id)).map(withoutTimes));
    }

    const again = await cli('run', config, '--out', out, '--no-report');
    assert.equal(again.code, 0);
    assert.match(again.out, /0 runs completed, 6 already done/);

    const st = await cli('status', out);
    assert.equal(st.code, 0);
    assert.match(st.out, /6 done, 0 partial, 0 missing, of 6 runs/);
    assert.match(st.out, /blobs__needy__s1\s+done\s+5\/5\s+30/);

    const csvFile = join(dir, 'r.csv');
    const ex = await cli('export-csv', out, '--out', csvFile);
    assert.equal(ex.code, 0);
    assert.match(ex.out, /30 records/);
    const lines = readFileSync(csvFile, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 31);
    const header = lines[0]!.split(',');
    assert.deepEqual(header.slice(-3), ['class_0_accuracy', 'class_1_accuracy', 'class_2_accuracy']);
    const row = Object.fromEntries(lines[1]!.split(',').map((v, i) => [header[i]!, v]));
    const rec0 = readRunRecords(runFile(out, 'blobs__random__s0'))[0]!;
    assert.equal(row.dataset, 'blobs');
    assert.equal(Number(row.testAccuracy), rec0.testAccuracy, 'accuracy round-trips exactly');
    assert.equal(row.chosen, rec0.chosen.join(' '));
    assert.equal(Number(row.class_1_accuracy), rec0.perClassAccuracy[1]);
    assert.ok(existsSync(join(out, 'learning-curves.json')));

    // A different config under the same directory is refused, and nothing is written.
    writeFileSync(config, JSON.stringify({ ...SMALL_CONFIG, seeds: [0, 1, 2] }));
    const mixed = await cli('run', config, '--out', out);
    assert.equal(mixed.code, 1);
    assert.match(mixed.err, /already holds experiment 'fake-small'.*refusing to mix results: use another --out directory/);
    assert.equal(existsSync(runFile(out, 'blobs__random__s2')), false);
  } finally {
    cleanup();
  }
});

test('an invalid config or a missing config file exits 2 naming it; status of a missing directory exits 1', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ ...SMALL_CONFIG, datasets: [{ name: 'blobs', querySize: 0 }] }));
    const r = await cli('run', config, '--out', join(dir, 'o'));
    assert.equal(r.code, 2);
    assert.match(r.err, /config\.datasets\[0\]\.querySize: .*>=1.*\(got 0\)/);
    writeFileSync(config, '{ "name": ');
    assert.match((await cli('run', config)).err, /is not valid JSON/);
    const missing = await cli('run', join(dir, 'nope.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /neither a preset \(smoke, quick, paper, repro-curves, repro-ablation, repro-letter-standardized, repro-ablation-paper-variant\) nor an existing config file/);
    const st = await cli('status', join(dir, 'nothing'));
    assert.equal(st.code, 1);
    assert.match(st.err, /holds no manifest\.json/);
    const w = await cli('run', config, '--workers', '0');
    assert.equal(w.code, 2);
    assert.match(w.err, /--workers must be a positive integer, got '0'/);
  } finally {
    cleanup();
  }
});

test('workers that cannot start fail the run with exit 1 and the reason', { timeout: 60_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const exp = join(dir, 'out');
    // The parent loads the fake dependencies; the workers get a module that throws on import.
    makeExperiment(dir, SMALL_CONFIG, 'out');
    const summary = await runExperiment({ dir: exp, dependenciesModule: BROKEN, workers: 2, reporter: createProgressReporter(6, 0, false, () => {}), handleSignals: false });
    assert.equal(summary.completed, 0);
    assert.equal(summary.notStarted, 6);
    assert.match(summary.workerErrors[0] ?? '', /brokenDependencies: this module always fails to load/);
    const r = await main(['node', 'falcun-lab', '--dependencies', BROKEN, 'run', config, '--out', exp], { out: () => {}, err: () => {} });
    assert.equal(r, 1);
  } finally {
    cleanup();
  }
});

test('a .mjs config module works; report on an empty experiment exits 1; --no-report skips the report', { timeout: 60_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.mjs');
    writeFileSync(config, `export default ${JSON.stringify({ ...SMALL_CONFIG, strategies: ['margin'], seeds: [4] })};\n`);
    const out = join(dir, 'out');
    const empty = makeExperiment(dir, SMALL_CONFIG, 'empty');
    const rep = await cli('report', empty);
    assert.equal(rep.code, 1);
    assert.match(rep.err, /holds no records yet; run the experiment first/);
    const r = await cli('run', config, '--out', out, '--workers', '1', '--no-report');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /experiment 'fake-small' → .* \(backend wasm\)/);
    assert.match(r.out, /1 runs completed/);
    assert.doesNotMatch(r.out, /final test accuracy/);
    assert.equal(existsSync(join(out, 'records.csv')), false);
    assert.equal(readRunRecords(runFile(out, 'blobs__margin__s4')).length, 5);
  } finally {
    cleanup();
  }
});

test('run-cell runs one cell and is idempotent; list shows datasets, strategies, presets', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const exp = makeExperiment(dir);
    const r = await cli('run-cell', exp, '--index', '4');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /blobs__needy__s0: complete \(resumed from round 0, wrote 5\)/);
    assert.match((await cli('run-cell', exp, '--index', '4')).out, /wrote 0/);
    assert.equal((await cli('run-cell', exp, '--index', '9')).code, 1);
    const l = await cli('list');
    assert.match(l.out, /datasets:\n  blobs/);
    assert.match(l.out, /strategies:\n  random/);
    assert.match(l.out, /presets:\n  smoke .*\n  quick .*\n  paper /);
  } finally {
    cleanup();
  }
});

test('Ctrl-C stops after the rounds in progress, loses nothing, and a re-run completes to the same records', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const out = join(dir, 'out');
    // detached: the CLI leads its own process group, so SIGINT can go to the whole group, as a
    // terminal's Ctrl-C does (the workers receive it too).
    const child = spawn(process.execPath, [BIN, '--dependencies', FAKE, 'run', config, '--out', out, '--workers', '2'], {
      env: { ...process.env, FAKE_FIT_DELAY_MS: '150' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let text = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      // Not a terminal: progress comes as log lines. Interrupt once a round has completed.
      if (/ round \d+\/5 /.test(text) && !sent) {
        sent = true;
        process.kill(-child.pid!, 'SIGINT');
      }
    });
    child.stderr.on('data', (d: Buffer) => void (text += d.toString()));
    const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    assert.equal(code, 130, text);
    assert.match(text, /Ctrl-C: finishing the rounds in progress/);
    assert.match(text, /stopped; re-run/);
    const st = await cli('status', out);
    assert.doesNotMatch(st.out, /6 done/);
    const resumed = await cli('run', config, '--out', out, '--no-png');
    assert.equal(resumed.code, 0, resumed.err);
    const ref = makeExperiment(dir, SMALL_CONFIG, 'ref');
    for (let i = 0; i < 6; i++) await runCell(ref, i, dependencies);
    for (const id of ['blobs__random__s0', 'blobs__random__s1', 'blobs__margin__s0', 'blobs__margin__s1', 'blobs__needy__s0', 'blobs__needy__s1']) {
      assert.deepEqual(readRunRecords(runFile(out, id)).map(withoutTimes), readRunRecords(runFile(ref, id)).map(withoutTimes), id);
    }
  } finally {
    cleanup();
  }
});

/** Sets environment variables for the duration of `f` (worker processes inherit them). */
async function withEnv<T>(vars: Record<string, string>, f: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('--backend wins over the config and FALCUN_BACKEND, reaches the workers and the manifest; the directory keeps its backend', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.json');
    writeFileSync(config, JSON.stringify({ ...SMALL_CONFIG, strategies: ['margin'], seeds: [0], backend: 'cpu' }));
    const out = join(dir, 'out');
    const id = 'blobs__margin__s0';
    // The fake createSession fails for any backend but FAKE_EXPECT_BACKEND: a worker that got the config's
    // or the environment's backend fails its run.
    const r = await withEnv({ FALCUN_BACKEND: 'tensorflow', FAKE_EXPECT_BACKEND: 'wasm' }, () => cli('run', config, '--out', out, '--workers', '1', '--backend', 'WASM', '--no-report'));
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /1 runs completed/);
    assert.match(r.out, /\(backend wasm\)\ntfjs backend: wasm, 1 thread, SIMD on; requested 'wasm' by --backend\n/);
    assert.match(r.out, /note: FALCUN_BACKEND=tensorflow is ignored: this run's backend is 'wasm' \(from --backend\); FALCUN_BACKEND steers only 'auto'/);
    const m = readManifest(out);
    assert.equal(m.plan.backend, 'wasm', 'the plan records the backend the runs follow');
    assert.equal(m.backend.requestedBy, '--backend');
    const records = readRunRecords(runFile(out, id));
    assert.equal(records.length, 5);

    // Another backend on this directory is refused before anything runs, by run and by run-cell.
    const other = await cli('run', config, '--out', out, '--backend', 'cpu');
    assert.equal(other.code, 1);
    assert.match(other.err, /runs on backend 'wasm' \(its manifest's plan\); --backend cpu would mix results computed on two backends/);
    const cell = await cli('run-cell', out, '--index', '0', '--backend', 'tensorflow');
    assert.equal(cell.code, 1);
    assert.match(cell.err, /--backend tensorflow would mix results/);
    assert.equal((await cli('run-cell', out, '--index', '0', '--backend', 'wasm')).code, 0);

    // Without the flag (the config says cpu) the directory resumes on the backend it was created with.
    writeFileSync(runFile(out, id), `${readFileSync(runFile(out, id), 'utf8').split('\n').slice(0, 2).join('\n')}\n`);
    const resumed = await withEnv({ FAKE_EXPECT_BACKEND: 'wasm' }, () => cli('run', config, '--out', out, '--workers', '1', '--no-report'));
    assert.equal(resumed.code, 0, resumed.out + resumed.err);
    assert.match(resumed.out, /note: resuming on backend 'wasm', the backend .* was created with \(--backend wasm\)/);
    assert.match(resumed.out, /1 runs completed/);
    assert.deepEqual(readRunRecords(runFile(out, id)).map(withoutTimes), records.map(withoutTimes));
  } finally {
    cleanup();
  }
});

test('--backend decides the cells of an auto directory (run-cell and run); an unknown backend name exits 2 naming the choices', { timeout: 60_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const autoConfig = { ...SMALL_CONFIG, strategies: ['random'], seeds: [2, 3], backend: 'auto' };
    const exp = makeExperiment(dir, autoConfig);
    // run-cell runs the cell in a worker process, which fails on any backend but cpu.
    const r = await withEnv({ FALCUN_BACKEND: 'tensorflow', FAKE_EXPECT_BACKEND: 'cpu' }, () => cli('run-cell', exp, '--index', '0', '--backend', 'cpu'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^tfjs backend: cpu, 1 thread, SIMD on; requested 'cpu' by --backend\n/);
    assert.match(r.out, /blobs__random__s2: complete \(resumed from round 0, wrote 5\)/);
    // run on the same directory: the plan stays 'auto', the flag reaches the worker (which fails on another backend).
    const config = join(dir, 'auto.json');
    writeFileSync(config, JSON.stringify(autoConfig));
    const all = await withEnv({ FALCUN_BACKEND: 'tensorflow', FAKE_EXPECT_BACKEND: 'cpu' }, () => cli('run', config, '--out', exp, '--workers', '1', '--backend', 'cpu', '--no-report'));
    assert.equal(all.code, 0, all.out + all.err);
    assert.match(all.out, /picks its backend automatically \('auto'\); --backend cpu decides it for this invocation/);
    assert.match(all.out, /1 runs completed, 1 already done/);
    assert.equal(readManifest(exp).plan.backend, 'auto');

    for (const args of [['run', 'smoke', '--backend', 'tpu'], ['run-cell', exp, '--index', '0', '--backend', 'tpu']]) {
      const bad = await cli(...args);
      assert.equal(bad.code, 2, args.join(' '));
      assert.match(bad.err, /option '--backend <backend>' argument 'tpu' is invalid\. unknown backend 'tpu'; use one of wasm, cpu, tensorflow, tensorflow-gpu, auto/);
    }
    let help = '';
    await main(['node', 'falcun-lab', 'run', '--help'], { out: (s) => void (help += s), err: (s) => void (help += s) });
    assert.match(help, /--backend <backend> +tfjs backend: wasm, cpu, tensorflow, tensorflow-gpu,\s+auto; wins over the config's 'backend' and FALCUN_BACKEND/);
  } finally {
    cleanup();
  }
});

test('a worker dying of an uncaught error (e.g. thrown inside a library callback) prints one short line, not the library source; the cell fails, exit 1', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'exp.json');
    writeFileSync(config, JSON.stringify({ ...SMALL_CONFIG, strategies: ['random'], seeds: [0] }));
    const run = startCli(['run', config, '--out', join(dir, 'out'), '--workers', '1', '--no-report'], { FAKE_ASYNC_THROW: '1' });
    const { code } = await run.exited;
    assert.equal(code, 1, run.text());
    const lines = run.text().split('\n').filter((l) => /cannot read 'shape'/.test(l));
    assert.equal(lines.length, 1, run.text().slice(0, 2000));
    assert.ok(lines[0]!.length < 1000, `a ${lines[0]!.length}-character line`);
    assert.match(lines[0]!, /^falcun-lab worker \d+: TypeError: cannot read 'shape' of undefined in function/);
    assert.match(run.text(), /blobs__random__s0.*failed|failed.*blobs__random__s0/);
  } finally {
    cleanup();
  }
});
