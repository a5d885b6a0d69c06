/**
 * The local grid runner: the experiment's cells run in parallel worker processes (default one per core),
 * each cell resumable by itself (runCell.ts), finished cells skipped. Worker processes rather than threads:
 * tfjs's wasm backend is single-threaded under Node, and a process keeps one run's memory to itself.
 *
 *   runExperiment ──fork×W──► cellWorker.ts ──runCell(i)──► runs/<runId>.jsonl (append + fsync per round)
 *        ▲                          │
 *        └─ IPC: epoch / round / done ◄┘  ──► ProgressReporter (bars on a terminal, log lines otherwise)
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
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { sourceModulePath } from '../sourcePath.ts';
import { gridCells } from './grid.ts';
import { readManifest } from './manifest.ts';
import { createProgressReporter, type ProgressReporter } from './progress.ts';
import { readRunRecords, runFile } from '../results/resultStore.ts';
import { cellBackend } from './backendRule.ts';
import { acquireLock, cellLockFile, directoryLockFile, LockBusyError, readLockHolder, type HeldLock } from './writerLock.ts';
import type { ParentMessage, WorkerMessage } from './workerProtocol.ts';

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
  readonly failed: ReadonlyArray<{ readonly index: number; readonly runId: string; readonly message: string }>;
  /** Cells never started although nobody asked to stop (e.g. every worker failed to start). */
  readonly notStarted: number;
  /** Errors of workers that could not start (bad dependencies module, import errors). */
  readonly workerErrors: readonly string[];
  readonly interrupted: boolean;
  /** A SIGTERM stopped the run (exit 143 for the scheduler to requeue). */
  readonly terminated: boolean;
  /** What became of each cell this call ran (not the skipped ones). */
  readonly cells: ReadonlyArray<{ readonly index: number; readonly runId: string; readonly status: 'complete' | 'stopped' | 'failed'; readonly resumedFrom: number; readonly roundsWritten: number }>;
}

// The source file even when this module runs compiled from dist/ (notebooks): workers run under tsx.
const WORKER = sourceModulePath('experiment/cellWorker.ts');

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

async function runLocked(options: RunExperimentOptions): Promise<RunExperimentSummary> {
  const manifest = readManifest(options.dir);
  // Refused here, before any worker starts, when the flag would mix backends in the directory.
  if (options.backend !== undefined) cellBackend(options.dir, manifest.plan.backend, options.backend);
  const all = gridCells(manifest.plan);
  const wanted = options.cells ?? all.map((c) => c.index);
  for (const i of wanted) {
    if (!Number.isInteger(i) || i < 0 || i >= all.length) throw new RangeError(`runExperiment: cell index must be in [0, ${all.length - 1}], got ${i}`);
  }
  const workersWanted = options.workers ?? availableParallelism();
  if (!Number.isInteger(workersWanted) || workersWanted < 1) {
    throw new RangeError(`runExperiment: workers must be a positive integer, got ${workersWanted}`);
  }
  // A cell written by another live process (a `run-cell`, e.g. a Slurm task) is refused up front.
  for (const i of wanted) {
    const c = all[i]!;
    const h = readLockHolder(cellLockFile(options.dir, c.runId));
    if (h?.alive && h.holder.pid !== process.pid) {
      throw new LockBusyError(cellLockFile(options.dir, c.runId), h.holder, `run ${c.runId} (cell ${c.index}) of ${options.dir}`);
    }
  }
  const todo: number[] = [];
  /** Rounds on disk per cell to run (where its progress starts). */
  const doneAtStart = new Map<number, number>();
  let skipped = 0;
  for (const i of wanted) {
    const c = all[i]!;
    const n = readRunRecords(runFile(options.dir, c.runId)).length;
    if (n >= c.dataset.rounds) skipped++;
    else {
      todo.push(i);
      doneAtStart.set(i, n);
    }
  }
  const reporter = options.reporter ?? createProgressReporter(wanted.length, skipped);
  const failed: Array<{ index: number; runId: string; message: string }> = [];
  let completed = 0;
  let stopped = 0;
  let interrupted = false;
  let terminated = false;
  const cells: Array<RunExperimentSummary['cells'][number]> = [];
  const workerErrors: string[] = [];
  if (todo.length === 0) {
    reporter.stop();
    return { total: wanted.length, skipped, completed, stopped, failed, notStarted: 0, workerErrors, interrupted, terminated, cells };
  }

  const tsxLoader = import.meta.resolve('tsx');
  const workers = new Set<ChildProcess>();
  const current = new Map<ChildProcess, number | undefined>();
  let stopping = false;
  let resolveAll!: () => void;
  const finished = new Promise<void>((r) => (resolveAll = r));

  const post = (w: ChildProcess, m: ParentMessage) => {
    // A worker may die between the check and the write (EPIPE): its 'exit' handler accounts for it.
    if (w.connected) w.send(m, (err) => void err);
  };
  const next = (w: ChildProcess) => {
    const index = stopping ? undefined : todo.shift();
    current.set(w, index);
    if (index === undefined) post(w, { type: 'exit' });
    else post(w, { type: 'run', index });
  };
  const spawnWorker = () => {
    const w = fork(WORKER, [], {
      execArgv: ['--import', tsxLoader],
      env: {
        ...process.env,
        ...options.env,
        FALCUN_EXPERIMENT_DIR: options.dir,
        FALCUN_DEPENDENCIES: options.dependenciesModule,
        FALCUN_CELL_BACKEND: options.backend ?? '',
        FALCUN_SHARED_DIRECTORY: options.directoryLock === 'shared' ? '1' : '',
        FALCUN_PARENT_PID: String(process.pid),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Own process group: a terminal's Ctrl-C reaches only this process, which stops the workers
      // through 'stop' messages (a worker still starting up would otherwise die of the SIGINT).
      detached: true,
    });
    w.on('error', (e) => reporter.log(`worker error: ${e.message}`));
    workers.add(w);
    current.set(w, undefined);
    w.on('message', (m: WorkerMessage) => {
      const idx = 'index' in m ? m.index : undefined;
      const runId = idx !== undefined ? all[idx]!.runId : '';
      switch (m.type) {
        case 'ready':
          next(w);
          break;
        case 'round-start':
          if (!startedRuns.has(idx!)) {
            startedRuns.add(idx!);
            reporter.runStarted(runId, m.round, m.rounds);
          }
          break;
        case 'epoch':
          // Replayed fits (kept weights, on resume) come before the run's first 'round-start'.
          if (!startedRuns.has(idx!)) {
            startedRuns.add(idx!);
            reporter.runStarted(runId, doneAtStart.get(idx!) ?? 0, m.rounds);
          }
          reporter.epochDone?.(runId, {
            round: m.round,
            rounds: m.rounds,
            replay: m.replay,
            epoch: m.epoch,
            epochs: m.epochs,
            loss: m.loss,
            accuracy: m.accuracy,
          });
          break;
        case 'round':
          reporter.roundDone(runId, m.round, m.rounds, m.numLabeled, m.testAccuracy);
          break;
        case 'cell-done':
          if (!startedRuns.has(idx!)) reporter.runStarted(runId, m.resumedFrom, m.rounds);
          if (m.status === 'complete') completed++;
          else stopped++;
          cells.push({ index: idx!, runId, status: m.status, resumedFrom: m.resumedFrom, roundsWritten: m.roundsWritten });
          reporter.runFinished(runId, m.status);
          next(w);
          break;
        case 'cell-error':
          if (!startedRuns.has(idx!)) reporter.runStarted(runId, 0, all[idx!]!.dataset.rounds);
          failed.push({ index: idx!, runId, message: m.message });
          cells.push({ index: idx!, runId, status: 'failed', resumedFrom: doneAtStart.get(idx!) ?? 0, roundsWritten: 0 });
          reporter.runFinished(runId, 'failed', m.message.split('\n')[0]);
          next(w);
          break;
        case 'fatal':
          workerErrors.push(m.message);
          reporter.log(`worker failed to start: ${m.message.split('\n')[0]}`);
          break;
      }
    });
    w.on('exit', (code, signal) => {
      workers.delete(w);
      const index = current.get(w);
      current.delete(w);
      if (index !== undefined && interrupted) {
        stopped++;
        cells.push({ index, runId: all[index]!.runId, status: 'stopped', resumedFrom: doneAtStart.get(index) ?? 0, roundsWritten: 0 });
        reporter.runFinished(all[index]!.runId, 'stopped');
      } else if (index !== undefined) {
        const runId = all[index]!.runId;
        const message = `worker exited (${signal ?? `code ${code}`}) while running it`;
        failed.push({ index, runId, message });
        cells.push({ index, runId, status: 'failed', resumedFrom: doneAtStart.get(index) ?? 0, roundsWritten: 0 });
        reporter.runFinished(runId, 'failed', message);
      }
      // A worker that died unexpectedly is replaced while work remains.
      if (!stopping && todo.length > 0 && (code !== 0 || index !== undefined)) {
        if (failedStarts++ < 3 * workersWanted) spawnWorker();
      }
      if (workers.size === 0) resolveAll();
    });
  };
  const startedRuns = new Set<number>();
  let failedStarts = 0;

  const onSigint = () => {
    if (!stopping) {
      stopping = true;
      reporter.log('Ctrl-C: finishing the rounds in progress, then stopping (press Ctrl-C again to stop at once; finished rounds are kept)');
      for (const w of workers) post(w, { type: 'stop' });
    } else {
      interrupted = true;
      reporter.log('Ctrl-C again: stopping the workers now; rounds in progress will be redone on resume');
      for (const w of workers) w.kill('SIGKILL');
    }
  };
  const graceMs = options.stopGraceMs ?? STOP_GRACE_MS;
  let graceTimer: NodeJS.Timeout | undefined;
  const onSigterm = () => {
    if (terminated) return;
    terminated = true;
    stopping = true;
    reporter.log(`SIGTERM: finishing the rounds in progress, for at most ${graceMs / 1000} s, then stopping (exit 143; re-run or requeue to resume)`);
    for (const w of workers) post(w, { type: 'stop' });
    graceTimer = setTimeout(() => {
      interrupted = true;
      reporter.log(`the rounds in progress did not end within ${graceMs / 1000} s of SIGTERM: stopping the workers now; they are redone on resume`);
      for (const w of workers) w.kill('SIGKILL');
    }, graceMs);
  };
  const handle = options.handleSignals ?? true;
  if (handle) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
  }
  try {
    const n = Math.min(workersWanted, todo.length);
    for (let i = 0; i < n; i++) spawnWorker();
    await finished;
  } finally {
    if (graceTimer !== undefined) clearTimeout(graceTimer);
    if (handle) {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    }
    reporter.stop();
  }
  return {
    total: wanted.length,
    skipped,
    completed,
    stopped: stopped + (stopping ? todo.length : 0),
    failed,
    notStarted: stopping ? 0 : todo.length,
    workerErrors,
    interrupted,
    terminated,
    cells,
  };
}
