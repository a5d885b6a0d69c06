/**
 * The local grid runner: the experiment's cells run in parallel worker processes (default one per core),
 * each cell resumable by itself (runCell.ts), finished cells skipped. Worker processes rather than threads:
 * tfjs's wasm backend is single-threaded under Node, and a process keeps one run's memory to itself.
 *
 *   runExperiment ──CellWorkerPool, fork×W──► cellWorker.ts ──runCell(i)──► runs/<runId>.jsonl
 *        ▲                                          │          (append + fsync per round)
 *        └─ IPC: epoch / round / done ─► RunTally ◄─┘  ──► ProgressReporter (bars on a terminal, log lines otherwise)
 *
 * The steps: planCells (validate, refuse cells in use, skip finished ones) → a CellWorkerPool runs the
 * queue → RunTally books every message → watchStopSignals turns SIGINT/SIGTERM into stop or kill → summary.
 *
 * Ctrl-C: the first SIGINT lets every worker finish its current round and stops (nothing is lost, every
 * record on disk is complete; re-running resumes). A second SIGINT kills the workers at once: the rounds
 * in progress are redone on resume, records already written are untouched. Workers run in their own
 * process group, so only this process receives a terminal's Ctrl-C and it alone decides; a worker ends
 * within ~0.1 s when this process dies, whatever it is doing (cellWorker.ts, lifeline.ts).
 *
 * One writer per directory: this process holds `<dir>/run.lock` for the whole run (writerLock.ts), and
 * refuses to start while another live process holds it or any cell of the directory.
 */
import { availableParallelism } from 'node:os';
import { readRunRecords, runFile } from '../results/resultStore.ts';
import { cellBackend } from './backendRule.ts';
import { CellWorkerPool } from './cellWorkerPool.ts';
import { gridCells, type GridCell } from './grid.ts';
import { readManifest } from './manifest.ts';
import { createProgressReporter, type ProgressReporter } from './progress.ts';
import { RunTally, type CellFailure, type CellOutcome } from './runTally.ts';
import { watchStopSignals } from './stopSignals.ts';
import { acquireLock, cellLockFile, directoryLockFile, LockBusyError, readLockHolder, type HeldLock } from './writerLock.ts';

export interface RunExperimentOptions {
  /** An experiment directory with its manifest (see openExperimentDir). */
  readonly dir: string;
  /** Module exporting `dependencies: RunnerDependencies` (path or file URL). */
  readonly dependenciesModule: string;
  /** Worker processes; default one per core, never more than the cells to run. */
  readonly workers?: number;
  /** Run only these cell indices (default: all). */
  readonly cells?: readonly number[];
  readonly reporter?: ProgressReporter;
  /** Install SIGINT handling for the duration of the run (default true). */
  readonly handleSignals?: boolean;
  /** Extra environment for the workers. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * A `--backend` flag for the cells (see backendRule.ts, `cellBackend`: the plan's backend, or any when the
   * plan says 'auto'; it wins over FALCUN_BACKEND in the workers).
   */
  readonly backend?: string;
  /**
   * The directory's lock when the caller took it already (the CLI does, before it writes the manifest);
   * 'shared' for `run-cell`: the directory is not locked (a cluster's tasks share it), only the cells, and a
   * live `run` holding the directory is refused.
   */
  readonly directoryLock?: HeldLock | 'shared';
  /**
   * SIGTERM (handled with handleSignals): every worker stops after its current round; those still running
   * after this long are killed (their rounds are redone on resume). Default STOP_GRACE_MS.
   */
  readonly stopGraceMs?: number;
}

/**
 * After SIGTERM (Slurm: preemption, time limit, scancel; its SIGKILL follows after KillWait, 30 s by
 * default), the rounds in progress may finish for this long before the workers are killed.
 */
export const STOP_GRACE_MS = 20_000;

/**
 * Takes `<dir>/run.lock` for this process (one `run` per experiment directory).
 * @throws LockBusyError naming the live holder (host, pid, since).
 */
export function lockExperimentDir(dir: string, command = 'falcun-lab run'): Promise<HeldLock> {
  return acquireLock(directoryLockFile(dir), { what: `experiment directory ${dir}`, command });
}

export interface RunExperimentSummary {
  readonly total: number;
  /** Complete before this call. */
  readonly skipped: number;
  readonly completed: number;
  /** Cells left unfinished because of a stop request (Ctrl-C): resumed by the next run. */
  readonly stopped: number;
  readonly failed: readonly CellFailure[];
  /** Cells never started although nobody asked to stop (e.g. every worker failed to start). */
  readonly notStarted: number;
  /** Errors of workers that could not start (bad dependencies module, import errors). */
  readonly workerErrors: readonly string[];
  readonly interrupted: boolean;
  /** A SIGTERM stopped the run (exit 143 for the scheduler to requeue). */
  readonly terminated: boolean;
  /** What became of each cell this call ran (not the skipped ones). */
  readonly cells: readonly CellOutcome[];
}

/**
 * Runs every unfinished cell of the experiment in `dir`.
 * @throws RangeError for a worker count that is not a positive integer or a cell index outside the grid.
 */
export async function runExperiment(options: RunExperimentOptions): Promise<RunExperimentSummary> {
  if (options.directoryLock === 'shared') {
    const run = readLockHolder(directoryLockFile(options.dir));
    if (run?.alive) throw new LockBusyError(directoryLockFile(options.dir), run.holder, `experiment directory ${options.dir}`);
    return runLocked(options);
  }
  const lock = options.directoryLock ?? (await lockExperimentDir(options.dir));
  try {
    return await runLocked(options);
  } finally {
    if (options.directoryLock === undefined) lock.release();
  }
}

/** What one call will run: the grid, the cells asked for, those still to run and where each starts. */
interface CellPlan {
  readonly all: readonly GridCell[];
  readonly wanted: readonly number[];
  /** Unfinished cells, in order: the pool's queue. */
  readonly todo: number[];
  /** Rounds already on disk per cell to run. */
  readonly doneAtStart: ReadonlyMap<number, number>;
  /** Cells asked for that are complete already. */
  readonly skipped: number;
  readonly workers: number;
}

/**
 * Validates the options against the directory's plan and finds the cells to run; nothing starts here.
 * @throws RangeError for bad cell indices or worker counts; LockBusyError for a cell another live process writes.
 */
function planCells(options: RunExperimentOptions): CellPlan {
  const manifest = readManifest(options.dir);
  // Refused here, before any worker starts, when the flag would mix backends in the directory.
  if (options.backend !== undefined) cellBackend(options.dir, manifest.plan.backend, options.backend);
  const all = gridCells(manifest.plan);
  const wanted = options.cells ?? all.map((c) => c.index);
  const cellAt = (i: number): GridCell => {
    const c = Number.isInteger(i) ? all[i] : undefined;
    if (c === undefined) throw new RangeError(`runExperiment: cell index must be in [0, ${all.length - 1}], got ${i}`);
    return c;
  };
  wanted.forEach(cellAt);
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`runExperiment: workers must be a positive integer, got ${workers}`);
  // A cell written by another live process (a `run-cell`, e.g. a Slurm task) is refused up front.
  for (const i of wanted) {
    const c = cellAt(i);
    const h = readLockHolder(cellLockFile(options.dir, c.runId));
    if (h?.alive && h.holder.pid !== process.pid) {
      throw new LockBusyError(cellLockFile(options.dir, c.runId), h.holder, `run ${c.runId} (cell ${c.index}) of ${options.dir}`);
    }
  }
  const todo: number[] = [];
  const doneAtStart = new Map<number, number>();
  for (const i of wanted) {
    const c = cellAt(i);
    const n = readRunRecords(runFile(options.dir, c.runId)).length;
    if (n < c.dataset.rounds) {
      todo.push(i);
      doneAtStart.set(i, n);
    }
  }
  return { all, wanted, todo, doneAtStart, skipped: wanted.length - todo.length, workers };
}

/** What the workers need to know besides the cell index (their environment). */
function workerEnv(options: RunExperimentOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...options.env,
    FALCUN_EXPERIMENT_DIR: options.dir,
    FALCUN_DEPENDENCIES: options.dependenciesModule,
    FALCUN_CELL_BACKEND: options.backend ?? '',
    FALCUN_SHARED_DIRECTORY: options.directoryLock === 'shared' ? '1' : '',
    FALCUN_PARENT_PID: String(process.pid),
  };
}

async function runLocked(options: RunExperimentOptions): Promise<RunExperimentSummary> {
  const plan = planCells(options);
  const reporter = options.reporter ?? createProgressReporter(plan.wanted.length, plan.skipped);
  const tally = new RunTally(plan.all, plan.doneAtStart, reporter);
  const summary = (queueLeft: number, stopping: boolean, interrupted: boolean, terminated: boolean): RunExperimentSummary => ({
    total: plan.wanted.length,
    skipped: plan.skipped,
    completed: tally.completed,
    // cells never started because of a stop request count as stopped; without one, as not started
    stopped: tally.stopped + (stopping ? queueLeft : 0),
    failed: tally.failed,
    notStarted: stopping ? 0 : queueLeft,
    workerErrors: tally.workerErrors,
    interrupted,
    terminated,
    cells: tally.cells,
  });
  if (plan.todo.length === 0) {
    reporter.stop();
    return summary(0, false, false, false);
  }
  let signals: ReturnType<typeof watchStopSignals> | undefined;
  const pool = new CellWorkerPool(plan.todo, {
    env: workerEnv(options),
    workers: plan.workers,
    onMessage: (m) => tally.onMessage(m),
    onLost: (index, how) => (signals?.interrupted ? tally.killed(index) : tally.fail(index, `worker exited (${how}) while running it`)),
    log: (line) => reporter.log(line),
  });
  if (options.handleSignals ?? true) signals = watchStopSignals(pool, options.stopGraceMs ?? STOP_GRACE_MS, (line) => reporter.log(line));
  try {
    pool.start(plan.workers);
    await pool.finished;
  } finally {
    signals?.dispose();
    reporter.stop();
  }
  return summary(plan.todo.length, pool.isStopping, signals?.interrupted ?? false, signals?.terminated ?? false);
}
