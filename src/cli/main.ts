/**
 * The `falcun-lab` command line (bin/falcun-lab.js runs this through tsx):
 *
 *   falcun-lab run <config|preset> [--out dir] [--workers n] [--backend b]   run / resume an experiment grid
 *   falcun-lab run-cell <dir> --index i [--backend b]          one cell (a Slurm array task)
 *   falcun-lab status <dir>                                    what is done, what remains
 *   falcun-lab export-csv <dir> [--out file]                   records as CSV for pandas / R
 *   falcun-lab report <dir>                                    CSV + learning-curve figure
 *   falcun-lab list                                            datasets, strategies, presets
 *   falcun-lab slurm <config> --out <dir> [--submit]           the grid as Slurm job arrays (src/slurm)
 *   falcun-lab select <probs> --batch-size q [...]            next batch from any model's probabilities (src/select)
 *
 * `--backend` (tensorflow-gpu, tensorflow, wasm, cpu, auto) wins over the config's `backend` and over
 * FALCUN_BACKEND. An experiment directory holds the results of one backend: a new directory records the
 * flag in its plan (manifest); on an existing one a flag other than the directory's backend is refused,
 * except that it steers a directory whose plan says 'auto'; without the flag a directory created with one
 * resumes on its own backend. The chosen backend is printed at start with its threads and SIMD.
 *
 * Exit codes: 0 success; 1 a run failed or an error; 2 bad usage or an invalid config;
 * 130 stopped by Ctrl-C (re-run the same command to resume).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BACKENDS, ConfigError, planHash, type ExperimentPlan } from '../experiment/config.ts';
import { exportCsv } from '../experiment/csvExport.ts';
import type { RunnerDependencies } from '../experiment/dependencies.ts';
import { currentGitCommit, manifestPath, openExperimentDir, readManifest, type Manifest } from '../experiment/manifest.ts';
import { listPresets } from '../experiment/presets.ts';
import { cellBackend, runCell } from '../experiment/runCell.ts';
import { experimentStatus, formatStatus, unfinishedCells } from '../experiment/status.ts';
import { addSlurmCommand, slurmStatusSection } from './slurmCommand.ts';
import { loadConfig } from './loadConfig.ts';
import { addSelectCommand } from './selectCommand.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

// The experiment runner and the report (plotly, Chromium driver) load only for the commands that use them,
// so that `select`, `status` and `list` start quickly.
const DEFAULT_DEPENDENCIES = fileURLToPath(new URL('../experiment/defaultDependencies.ts', import.meta.url));

async function loadDependencies(module: string): Promise<RunnerDependencies> {
  const url = module.startsWith('file:') ? module : pathToFileURL(resolve(module)).href;
  const deps = (await import(url)).dependencies as RunnerDependencies | undefined;
  if (!deps) throw new Error(`${module} does not export 'dependencies'`);
  return deps;
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer, got '${v}'`);
    return n;
  };
}

function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`must be an integer >= 0, got '${v}'`);
  return n;
}

type Backend = ExperimentPlan['backend'];

const BACKEND_ALIASES: Readonly<Record<string, Backend>> = { gpu: 'tensorflow-gpu', 'node-gpu': 'tensorflow-gpu', node: 'tensorflow' };

/** `--backend`: one of the config's backend names (case-insensitive; 'gpu' and 'node' as FALCUN_BACKEND allows). */
export function parseBackendFlag(v: string): Backend {
  const s = v.trim().toLowerCase();
  const b = BACKEND_ALIASES[s] ?? s;
  if (!(BACKENDS as readonly string[]).includes(b)) {
    throw new InvalidArgumentError(`unknown backend '${v}'; use one of ${BACKENDS.join(', ')}`);
  }
  return b as Backend;
}

const BACKEND_FLAG_HELP = `tfjs backend: ${BACKENDS.join(', ')}; wins over the config's 'backend' and FALCUN_BACKEND`;
const BACKEND_FLAG_HELP_CELL = `tfjs backend: ${BACKENDS.join(', ')}; the directory's, or any for an 'auto' one; wins over FALCUN_BACKEND`;

/** Where the backend of a `run` comes from, and the plan it runs under. */
interface BackendDecision {
  /** The plan with the backend in force (what the manifest records for a new directory). */
  readonly plan: ExperimentPlan;
  /** A --backend that steers an existing 'auto' directory's cells (not part of its plan). */
  readonly cellBackend?: Backend;
  readonly source: string;
  readonly notes: readonly string[];
}

/**
 * The backend of `run <config> [--backend flag]` into `dir`. A new directory takes the flag into its plan
 * (so the manifest, its hash, the workers and later `run-cell`s all follow it). An existing directory keeps
 * its backend: a flag equal to it, or none, resumes (without the flag, a directory whose backend came from
 * --backend resumes on that backend); a flag on an 'auto' directory steers its cells; any other flag is
 * refused (results of two backends would mix). A config differing in more than the backend is left to
 * openExperimentDir, which refuses it.
 */
function decideBackend(dir: string, plan: ExperimentPlan, flag: Backend | undefined): BackendDecision {
  const fresh: BackendDecision = flag === undefined ? { plan, source: 'the config', notes: [] } : { plan: { ...plan, backend: flag }, source: '--backend', notes: [] };
  if (!existsSync(manifestPath(dir))) return fresh;
  const m: Manifest = readManifest(dir);
  const own = m.plan.backend;
  if (planHash({ ...plan, backend: own }) !== m.planHash) return fresh;
  const resumed = { ...plan, backend: own };
  if (flag === undefined) {
    if (plan.backend === own) return { plan: resumed, source: 'the config', notes: [] };
    if (m.backend.requestedBy === '--backend') {
      return { plan: resumed, source: `${dir} (set by --backend when it was created)`, notes: [`note: resuming on backend '${own}', the backend ${dir} was created with (--backend ${own})`] };
    }
    return fresh; // the config's backend key changed: openExperimentDir refuses the different plan
  }
  if (flag === own) return { plan: resumed, source: '--backend', notes: [] };
  // Refuses a flag other than a fixed backend of the directory.
  return { plan: resumed, cellBackend: cellBackend(dir, own, flag), source: '--backend', notes: [`note: ${dir} picks its backend automatically ('auto'); --backend ${flag} decides it for this invocation`] };
}

/**
 * One line about the backend in force: name, package, threads, SIMD, where the request came from and
 * (auto) the faster backends that did not load. Tolerates partial facts (test fakes, Slurm manifests).
 */
export function formatBackendLine(info: Readonly<Record<string, unknown>>, requested: string, source: string): string {
  const name = String(info.choice ?? info.name ?? requested);
  const pkg = typeof info.package === 'string' ? ` (${info.package}${typeof info.version === 'string' ? ` ${info.version}` : ''})` : '';
  const threads = typeof info.threads === 'number' ? `${info.threads} thread${info.threads === 1 ? '' : 's'}` : 'threads unknown';
  const simd = info.simd === true ? 'SIMD on' : info.simd === false ? 'SIMD off' : 'SIMD n/a';
  const skipped = Array.isArray(info.skipped) && info.skipped.length > 0 ? `; skipped ${info.skipped.map((s: { choice?: unknown }) => String(s.choice)).join(', ')}` : '';
  return `tfjs backend: ${name}${pkg}, ${threads}, ${simd}; requested '${requested}' by ${source}${skipped}`;
}

/**
 * FALCUN_BACKEND steers only an automatic choice (plan 'auto' without a deciding --backend); a plan with a
 * fixed backend (the presets' deterministic 'wasm') ignores it. Says so rather than ignoring it silently.
 */
function ignoredEnvBackendNote(planBackend: Backend, flagForAuto: Backend | undefined, source: string): string | undefined {
  const env = process.env.FALCUN_BACKEND;
  if (env === undefined || env.trim() === '') return undefined;
  if (planBackend === 'auto' && flagForAuto === undefined) return undefined;
  return `note: FALCUN_BACKEND=${env} is ignored: this run's backend is '${flagForAuto ?? planBackend}' (from ${source}); FALCUN_BACKEND steers only 'auto'`;
}

/** The backend choice a directory was created on ('auto' may load another one elsewhere), when its manifest says. */
function recordedChoice(m: Manifest): string | undefined {
  return typeof m.backend.choice === 'string' ? m.backend.choice : undefined;
}

export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

const stdio: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Builds the commander program; each action stores its exit code in `result.code`. */
export function buildProgram(io: CliIo = stdio, result: { code: number } = { code: 0 }): Command {
  const program = new Command();
  program
    .name('falcun-lab')
    .description('Deep active learning experiments: FALCUN and its competitors (paper, Algorithm 1), with resumable results')
    .addOption(new Option('--dependencies <module>', 'module exporting the runner dependencies (tests use fakes)').default(DEFAULT_DEPENDENCIES).hideHelp())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  program
    .command('run')
    .description('run (or resume) an experiment: every dataset × strategy × seed, in parallel worker processes')
    .argument('<config>', 'a preset (smoke, quick, paper) or a config file (.json, .ts, .js)')
    .option('-o, --out <dir>', 'experiment directory (default: results/<experiment name>)')
    .option('-w, --workers <n>', 'worker processes (default: one per core)', positiveInt('--workers'))
    .option('--no-report', 'skip the CSV export and learning-curve figure at the end')
    .option('--no-png', 'write the figure as HTML only (no headless Chromium)')
    .option('--backend <backend>', BACKEND_FLAG_HELP, parseBackendFlag)
    .addHelpText(
      'after',
      '\nRe-running the same command resumes every run from its last completed round.\nA different config under an existing --out directory is refused.\n' +
        '--backend: a new directory records the backend in its plan (manifest.json). An existing directory keeps\n' +
        "its own: another --backend is refused (two backends' results would mix), unless its plan says 'auto';\n" +
        'without --backend, a directory created with one resumes on that backend.',
    )
    .action(async (configArg: string, opts: { out?: string; workers?: number; report: boolean; png: boolean; backend?: Backend }) => {
      const loaded = await loadConfig(configArg);
      const dir = resolve(opts.out ?? `results/${loaded.plan.name}`);
      const decision = decideBackend(dir, loaded.plan, opts.backend);
      const plan = decision.plan;
      const requested = decision.cellBackend ?? plan.backend;
      const depsModule = program.opts<{ dependencies: string }>().dependencies;
      const deps = await loadDependencies(depsModule);
      const info = deps.describeBackend ? await deps.describeBackend(requested) : {};
      const manifest = openExperimentDir(dir, plan, loaded.source, {
        ...info,
        requested: plan.backend,
        requestedBy: decision.source === '--backend' ? '--backend' : 'config',
      });
      io.out(`experiment '${plan.name}' → ${dir} (backend ${String(info.choice ?? info.name ?? requested)})\n`);
      io.out(`${formatBackendLine(info, requested, decision.source)}\n`);
      for (const n of decision.notes) io.out(`${n}\n`);
      const envNote = ignoredEnvBackendNote(plan.backend, decision.cellBackend, decision.source);
      if (envNote) io.out(`${envNote}\n`);
      const before = recordedChoice(manifest);
      const now = info.choice;
      if (plan.backend === 'auto' && before !== undefined && typeof now === 'string' && now !== before) {
        io.out(`warning: ${dir} started on backend '${before}' (auto) and this invocation runs on '${now}': runs resumed now mix both; pass --backend ${before} to stay on it\n`);
      }
      const commit = currentGitCommit();
      if (manifest.gitCommit !== null && commit !== null && manifest.gitCommit !== commit) {
        io.out(`note: ${dir} was created at commit ${manifest.gitCommit.slice(0, 10)}, the code is now at ${commit.slice(0, 10)}; resumed runs mix both if the change alters results\n`);
      }
      const t0 = performance.now();
      const { runExperiment } = await import('../experiment/workerPool.ts');
      const summary = await runExperiment({
        dir,
        dependenciesModule: depsModule,
        ...(opts.workers ? { workers: opts.workers } : {}),
        ...(decision.cellBackend !== undefined ? { backend: decision.cellBackend } : {}),
      });
      const seconds = (performance.now() - t0) / 1000;
      io.out(
        `${summary.completed} runs completed, ${summary.skipped} already done, ${summary.failed.length} failed, ${summary.stopped} not finished, of ${summary.total} (${seconds.toFixed(1)} s)\n`,
      );
      for (const f of summary.failed) io.err(`FAILED ${f.runId}: ${f.message}\n`);
      if (summary.notStarted > 0) {
        io.err(`${summary.notStarted} runs were not started: the worker processes could not start\n${summary.workerErrors.slice(0, 1).join('')}\n`);
      }
      if (summary.failed.length > 0 || summary.notStarted > 0) result.code = EXIT.failed;
      else if (summary.stopped > 0 || summary.interrupted) {
        io.out(`stopped; re-run 'falcun-lab run ${configArg}${opts.out ? ` --out ${opts.out}` : ''}${opts.backend ? ` --backend ${opts.backend}` : ''}' to resume\n`);
        result.code = EXIT.interrupted;
      } else if (opts.report) {
        const { writeReport } = await import('../report/report.ts');
        const r = await writeReport(dir, { png: opts.png });
        for (const line of r.lines) io.out(`${line}\n`);
      }
    });

  program
    .command('run-cell')
    .description('run one cell of the grid (idempotent: resumes from its last completed round); what a Slurm array task runs')
    .argument('<dir>', 'experiment directory (created by run, or by slurm)')
    .requiredOption('-i, --index <i>', 'cell index (see status)', nonNegativeInt)
    .option('--backend <backend>', BACKEND_FLAG_HELP_CELL, parseBackendFlag)
    .addHelpText(
      'after',
      "\n--backend must be the directory's backend (its manifest's plan), or any one when the plan says 'auto'\n(it then decides the automatic choice); another is refused: two backends' results would mix.",
    )
    .action(async (dirArg: string, opts: { index: number; backend?: Backend }) => {
      const dir = resolve(dirArg);
      const manifest = readManifest(dir);
      const backend = cellBackend(dir, manifest.plan.backend, opts.backend);
      const deps = await loadDependencies(program.opts<{ dependencies: string }>().dependencies);
      if (deps.describeBackend) {
        const info = await deps.describeBackend(backend);
        io.out(`${formatBackendLine(info, backend, opts.backend !== undefined ? '--backend' : `the plan of ${dir}`)}\n`);
        const before = recordedChoice(manifest);
        const now = info.choice;
        if (manifest.plan.backend === 'auto' && before !== undefined && typeof now === 'string' && now !== before) {
          io.out(`warning: ${dir} started on backend '${before}' (auto) and this cell runs on '${now}': its results mix both; pass --backend ${before} to stay on it\n`);
        }
      }
      let stop = false;
      const onSigterm = () => void (stop = true);
      process.on('SIGTERM', onSigterm);
      process.on('SIGINT', onSigterm);
      try {
        const r = await runCell(dir, opts.index, deps, {
          shouldStop: () => stop,
          ...(opts.backend !== undefined ? { backend: opts.backend } : {}),
          onEvent: (e) => {
            if (e.type === 'round-done') io.out(`round ${e.round + 1}/${e.rounds} labels ${e.record.numLabeled} acc ${e.record.testAccuracy.toFixed(4)}\n`);
          },
        });
        io.out(`${r.cell.runId}: ${r.status} (resumed from round ${r.resumedFrom}, wrote ${r.roundsWritten})\n`);
        if (r.status === 'stopped') result.code = EXIT.interrupted;
      } finally {
        process.off('SIGTERM', onSigterm);
        process.off('SIGINT', onSigterm);
      }
    });

  program
    .command('status')
    .description('show what is done and what remains in an experiment directory')
    .argument('<dir>', 'experiment directory')
    .option('--json', 'machine-readable output')
    .option('--resubmit', 'Slurm: submit the missing and failed cells again (with the options saved by `slurm`)')
    .action((dir: string, opts: { json?: boolean; resubmit?: boolean }) => {
      const s = experimentStatus(resolve(dir));
      if (opts.json) {
        io.out(`${JSON.stringify({ dir: s.dir, planHash: s.manifest.planHash, done: s.done, partial: s.partial, missing: s.missing, unfinished: unfinishedCells(s), cells: s.cells }, null, 2)}\n`);
        return;
      }
      io.out(formatStatus(s));
      // Grids set up with `falcun-lab slurm` also get the queue's view (running / pending / failed).
      slurmStatusSection(resolve(dir), Boolean(opts.resubmit), io);
    });

  program
    .command('export-csv')
    .description('write every round record as CSV (one row per round; see README "Results format")')
    .argument('<dir>', 'experiment directory')
    .option('-o, --out <file>', 'CSV file (default: <dir>/records.csv)')
    .action((dir: string, opts: { out?: string }) => {
      const file = resolve(opts.out ?? resolve(dir, 'records.csv'));
      const n = exportCsv(resolve(dir), file);
      io.out(`${n} records → ${file}\n`);
    });

  program
    .command('report')
    .description('aggregate an experiment: CSV, learning curves (JSON), learning-curve figure (HTML, PNG)')
    .argument('<dir>', 'experiment directory')
    .option('--no-png', 'write the figure as HTML only (no headless Chromium)')
    .action(async (dir: string, opts: { png: boolean }) => {
      const { writeReport } = await import('../report/report.ts');
      const r = await writeReport(resolve(dir), { png: opts.png });
      for (const line of r.lines) io.out(`${line}\n`);
    });

  addSlurmCommand(program, io);
  addSelectCommand(program, io, result);

  program
    .command('list')
    .description('list datasets, strategies and presets')
    .action(async () => {
      const deps = await loadDependencies(program.opts<{ dependencies: string }>().dependencies);
      const section = (title: string, items: Array<{ name: string; description?: string }>) => {
        io.out(`${title}:\n`);
        const w = Math.max(0, ...items.map((i) => i.name.length));
        for (const i of items) io.out(`  ${i.name.padEnd(w)}  ${i.description ?? ''}\n`);
      };
      section('datasets', deps.listDatasets?.() ?? []);
      section('strategies', deps.listStrategies?.() ?? []);
      section('presets', listPresets());
    });
  return program;
}

/**
 * Runs the CLI on `argv` (node-style: [node, script, ...args]) and returns the exit code.
 * Errors are printed (no stack for expected ones) and mapped to exit codes.
 */
export async function main(argv: readonly string[], io: CliIo = stdio): Promise<number> {
  const result = { code: EXIT.ok as number };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync([...argv]);
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; usage errors were already printed by commander.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof ConfigError) {
      io.err(`${e.message}\n`);
      return EXIT.usage;
    }
    io.err(`falcun-lab: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failed;
  }
}
