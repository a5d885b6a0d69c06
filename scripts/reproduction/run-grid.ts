/**
 * Runs the reproduction grid (presets `repro-ablation`, `repro-curves` and the side studies
 * `repro-letter-standardized`, `repro-ablation-paper-variant`; REPRODUCTION.md) cell by cell in
 * priority order, so that whatever finishes within a session is a useful, complete slice:
 *   part 1  Table 3's γ = 0 and γ = 10 (u + d) rows on RepeatedMNIST and Letter
 *   part 2  the learning curves of all eight strategies on MNIST, RepeatedMNIST and Letter
 *   part 3  the rest (Letter with standardised features, Table 3's γ = 10 d / u rows with the paper's
 *           definitions and then with the authors', the other Table 3 rows, Fashion-MNIST,
 *           RepeatedMNIST 20 % / 5 %, RandomRBF, Pokerhand)
 * Within a part, seed 0 of every cell comes before seed 1, and so on.
 *
 * Each cell is one `falcun-lab run-cell <dir> --index i` child process (idempotent and resumable, the same
 * path a Slurm array task takes), `--workers` of them at a time. Stop with Ctrl-C (children get SIGINT;
 * a second Ctrl-C kills them; re-run to resume: finished cells are skipped, a partial cell resumes from
 * its last completed round).
 *
 * With `--land DIR` (e.g. results, while --out is a scratch folder), every cell that completes is copied
 * into DIR at once (copyCompleteRuns: complete files only, never over a different one), so a session that
 * ends mid-grid leaves its finished cells where they get committed; and a new scratch folder first gets
 * DIR's complete runs, so they are not run again.
 *
 * With `--end TIME` (HH:MM today, or an ISO date-time: when the session will be stopped) a cell starts only
 * if it can finish by then, estimated from the finished runs of its dataset and strategy (runTimeEstimate.ts,
 * with a 25 % margin); shorter cells fill the last hour, and nothing is left half done.
 *
 *   npm run reproduce:grid -- [--workers n] [--out results] [--land DIR] [--end HH:MM] [--part 1|2|3] [--dry-run]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { resolveExperiment, type ExperimentPlan } from '../../src/experiment/config.ts';
import { gridCells, type GridCell } from '../../src/experiment/grid.ts';
import { openExperimentDir } from '../../src/experiment/manifest.ts';
import { presetConfig } from '../../src/experiment/presets.ts';
import { experimentStatus } from '../../src/experiment/status.ts';
import { copyCompleteRuns } from '../../src/experiment/copyCompleteRuns.ts';
import { runTimeEstimates } from '../../src/experiment/runTimeEstimate.ts';
import { loadExperimentRecords } from '../../src/results/loadRecords.ts';
import { reproductionPart, type ReproductionPart } from '../../src/results/reproductionDirs.ts';

interface Job {
  readonly part: ReproductionPart;
  /** Position of the experiment in REPRODUCTION_EXPERIMENTS (orders part 3). */
  readonly experiment: number;
  readonly dir: string;
  readonly cell: GridCell;
}

/** The reproduction's presets (part 3 runs them in this order), and which part each cell belongs to (reproductionDirs.ts). */
const REPRODUCTION_EXPERIMENTS: ReadonlyArray<{ readonly preset: string; readonly part: (cell: GridCell) => ReproductionPart }> = [
  'repro-ablation', 'repro-curves', 'repro-letter-standardized', 'repro-ablation-paper-variant',
].map((preset) => ({ preset, part: (c: GridCell) => reproductionPart(preset, c.dataset.label, c.strategy.label) }));
/** KCenterGreedy is the slowest acquisition on D = 1024 embeddings: last within each seed of a part. */
const strategyRank = (label: string) => (label === 'kcenter' ? 1 : 0);

/**
 * The jobs of every reproduction experiment in priority order: part, then (part 3) the smaller side
 * studies before the rest, then seed, then dataset / strategy as in the grid.
 */
export function priorityOrder(experiments: ReadonlyArray<{ dir: string; plan: ExperimentPlan; part: (cell: GridCell) => ReproductionPart }>): Job[] {
  const jobs: Job[] = [];
  experiments.forEach((e, experiment) => {
    for (const cell of gridCells(e.plan)) jobs.push({ part: e.part(cell), experiment, dir: e.dir, cell });
  });
  // Part 3: the two side studies first (10 and 20 runs); then the ablation's γ = 10 d-only / u-only rows with
  // the authors' definitions (what the paper-variant study is compared with); the ablation's other rows; the curves.
  const partner = (j: Job) => j.cell.strategy.label === 'falcun-g10-d' || j.cell.strategy.label === 'falcun-g10-u';
  const part3Rank = (j: Job) => (j.experiment >= 2 ? 0 : j.experiment === 0 ? (partner(j) ? 1 : 2) : 3);
  return jobs.sort(
    (a, b) =>
      a.part - b.part ||
      (a.part === 3 ? part3Rank(a) - part3Rank(b) : 0) ||
      a.cell.seed - b.cell.seed ||
      strategyRank(a.cell.strategy.label) - strategyRank(b.cell.strategy.label) ||
      a.experiment - b.experiment ||
      a.cell.index - b.cell.index,
  );
}

/** Wall seconds per second of a run's recorded compute, and then some: cells share the cores with each other. */
const ESTIMATE_MARGIN = 1.25;

/** `--end`: HH:MM (today, local time) or an ISO date-time, as epoch milliseconds; must lie ahead. */
function endTime(v: string): number {
  const hm = /^(\d{1,2}):(\d{2})$/.exec(v);
  let t: number;
  if (hm) {
    if (Number(hm[1]) > 23 || Number(hm[2]) > 59) throw new InvalidArgumentError(`${v} is not a time of day (HH:MM, 00:00 to 23:59)`);
    const d = new Date();
    d.setHours(Number(hm[1]), Number(hm[2]), 0, 0);
    t = d.getTime();
  } else t = Date.parse(v);
  if (!Number.isFinite(t)) throw new InvalidArgumentError('expected HH:MM or an ISO date-time, e.g. 13:30 or 2026-12-02T13:30Z');
  if (t <= Date.now()) throw new InvalidArgumentError(`${v} has already passed`);
  return t;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected an integer >= 1');
  return n;
}

async function main(): Promise<void> {
  const opts = new Command('reproduce:grid')
    .option('-w, --workers <n>', 'cells at a time', positiveInt, 1)
    .option('-o, --out <dir>', 'parent folder of the two experiment directories', 'results')
    .option('--land <dir>', 'copy each cell that completes into this folder (e.g. results, with --out a scratch folder)')
    .option('--end <time>', 'when the session ends (HH:MM today or an ISO date-time): start only cells that can finish by then', endTime)
    .option('--part <k>', 'run only part 1, 2 or 3', positiveInt)
    .option('--dry-run', 'print the order and what is done, run nothing')
    .parse()
    .opts<{ workers: number; out: string; land?: string; end?: number; part?: number; dryRun?: boolean }>();
  if (opts.land !== undefined && resolve(opts.land) === resolve(opts.out)) {
    console.error('reproduce:grid: --land must differ from --out (it is where the finished cells of --out are copied)');
    process.exit(2);
  }
  const open = (name: string) => {
    const plan = resolveExperiment(presetConfig(name), `preset ${name}`);
    const dir = resolve(join(opts.out, name));
    openExperimentDir(dir, plan, `preset ${name}`, { requested: plan.backend, requestedBy: 'config' });
    return { dir, plan };
  };
  const experiments = REPRODUCTION_EXPERIMENTS.map((e) => ({ ...open(e.preset), part: e.part }));
  // A fresh scratch folder (a new machine) starts from what has landed, so finished cells never rerun.
  if (opts.land !== undefined) {
    let seeded = 0;
    for (const { dir } of experiments) {
      const landed = join(opts.land, basename(dir));
      if (existsSync(join(landed, 'manifest.json'))) seeded += copyCompleteRuns(landed, dir).copied.length;
    }
    if (seeded > 0) log(`${seeded} complete runs copied from ${opts.land} into ${opts.out} (done there, not rerun)`);
  }
  const done = new Set<string>();
  const doneRuns = new Set<string>();
  for (const { dir } of experiments) {
    for (const c of experimentStatus(dir).cells) {
      if (c.state !== 'done') continue;
      done.add(`${dir}#${c.index}`);
      doneRuns.add(`${dir}#${c.runId}`);
    }
  }
  // Compute time of one run per dataset and strategy, from the complete runs on disk (read only for --end).
  const estimates = runTimeEstimates(
    opts.end === undefined
      ? []
      : experiments.flatMap(({ dir }) => (existsSync(join(dir, 'runs')) ? loadExperimentRecords(dir).filter((r) => doneRuns.has(`${dir}#${r.dataset}__${r.strategy}__s${r.seed}`)) : [])),
  );
  const todo = priorityOrder(experiments).filter((j) => !done.has(`${j.dir}#${j.cell.index}`) && (opts.part === undefined || j.part === opts.part));
  log(`${done.size} cells done, ${todo.length} to run (${opts.workers} at a time)`);
  // Lands the complete runs of one experiment folder in --land; [] without --land.
  const land = (dir: string): readonly string[] => {
    if (opts.land === undefined) return [];
    const r = copyCompleteRuns(dir, join(opts.land, basename(dir)));
    if (r.conflicts.length > 0) log(`not landed (differs from ${opts.land}): ${r.conflicts.join(', ')}`);
    return r.copied;
  };
  if (opts.dryRun) {
    for (const j of todo) log(`part ${j.part}  ${j.dir.split('/').pop()}  #${j.cell.index}  ${j.cell.runId}`);
    return;
  }

  if (opts.land !== undefined) {
    try {
      const landed = experiments.flatMap(({ dir }) => land(dir));
      log(`landing finished cells in ${opts.land}${landed.length > 0 ? ` (${landed.length} complete runs copied now)` : ''}`);
    } catch (e) {
      console.error(`reproduce:grid: ${(e as Error).message}`);
      process.exit(2);
    }
  }

  const running = new Set<ChildProcess>();
  let stopping = 0;
  const onSignal = () => {
    stopping++;
    log(stopping === 1 ? 'stopping: the cells in progress finish their round (Ctrl-C again kills them)' : 'killing the cells in progress');
    for (const c of running) c.kill(stopping === 1 ? 'SIGINT' : 'SIGKILL');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let next = 0;
  let failed = 0;
  let skipped = 0;
  const runOne = (job: Job) =>
    new Promise<void>((res) => {
      const t0 = performance.now();
      const child = spawn(process.execPath, ['bin/falcun-lab.js', 'run-cell', job.dir, '--index', String(job.cell.index)], { stdio: ['ignore', 'pipe', 'pipe'] });
      running.add(child);
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-2000)));
      child.stdout.resume();
      child.on('exit', (code, signal) => {
        running.delete(child);
        const s = ((performance.now() - t0) / 1000).toFixed(0);
        if (code === 0) {
          log(`done   part ${job.part}  ${job.cell.runId}  (${s} s)`);
          try {
            if (land(job.dir).length > 0) log(`landed ${job.cell.runId} in ${opts.land}`);
          } catch (e) {
            log(`could not land ${job.cell.runId}: ${(e as Error).message}`);
          }
        }
        else {
          failed++;
          log(`FAILED part ${job.part}  ${job.cell.runId}  (exit ${code ?? signal}, ${s} s)\n${err.trim()}`);
        }
        res();
      });
    });
  // With --end: whether a cell can still finish in time (nothing finished at all yet: only while the end is ahead).
  const fitsBeforeEnd = (job: Job): boolean => {
    if (opts.end === undefined) return true;
    const left = (opts.end - Date.now()) / 1000;
    const need = estimates.seconds(job.cell.dataset.label, job.cell.strategy.label);
    return left > 0 && (need === undefined || need * ESTIMATE_MARGIN <= left);
  };
  const lane = async () => {
    while (stopping === 0 && next < todo.length) {
      const job = todo[next++]!;
      if (opts.end !== undefined && Date.now() >= opts.end) break;
      if (!fitsBeforeEnd(job)) {
        skipped++;
        continue;
      }
      log(`start  part ${job.part}  ${job.cell.runId}  [${next}/${todo.length}]`);
      await runOne(job);
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, lane));
  const notStarted = todo.length - next + skipped;
  log(`finished: ${failed} failed${stopping > 0 ? ', stopped early (re-run to resume)' : ''}${opts.end !== undefined && notStarted > 0 ? `, ${notStarted} cells left for later (they would not finish by --end)` : ''}`);
  process.exitCode = stopping > 0 ? 130 : failed > 0 ? 1 : 0;
}

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString().slice(0, 19)}Z ${line}\n`);
}

await main();
