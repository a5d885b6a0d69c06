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
 * process group, so only this process receives a terminal's Ctrl-C and it alone decides; a worker exits
 * when this process goes away (its IPC channel closes).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { sourceModulePath } from '../sourcePath.ts';
import { gridCells } from './grid.ts';
import { readManifest } from './manifest.ts';
import { createProgressReporter, type ProgressReporter } from './progress.ts';
import { readRunRecords, runFile } from '../results/resultStore.ts';
import { cellBackend } from './backendRule.ts';
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
}

export interface RunExperimentSummary {
  readonly total: number;
  /** Complete before this call. */
  readonly skipped: number;
  readonly completed: number;
  readonly stopped: number;
  readonly failed: ReadonlyArray<{ readonly index: number; readonly runId: string; readonly message: string }>;
  /** Cells never started although nobody asked to stop (e.g. every worker failed to start). */
  readonly notStarted: number;
  /** Errors of workers that could not start (bad dependencies module, import errors). */
  readonly workerErrors: readonly string[];
  readonly interrupted: boolean;
}

// The source file even when this module runs compiled from dist/ (notebooks): workers run under tsx.
const WORKER = sourceModulePath('experiment/cellWorker.ts');

/**
 * Runs every unfinished cell of the experiment in `dir`.
 * @throws RangeError for a worker count that is not a positive integer or a cell index outside the grid.
 */
export async function runExperiment(options: RunExperimentOptions): Promise<RunExperimentSummary> {
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
  const workerErrors: string[] = [];
  if (todo.length === 0) {
    reporter.stop();
    return { total: wanted.length, skipped, completed, stopped, failed, notStarted: 0, workerErrors, interrupted };
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
          reporter.runFinished(runId, m.status);
          next(w);
          break;
        case 'cell-error':
          if (!startedRuns.has(idx!)) reporter.runStarted(runId, 0, all[idx!]!.dataset.rounds);
          failed.push({ index: idx!, runId, message: m.message });
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
      if (index !== undefined && !interrupted) {
        const runId = all[index]!.runId;
        const message = `worker exited (${signal ?? `code ${code}`}) while running it`;
        failed.push({ index, runId, message });
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
  const handle = options.handleSignals ?? true;
  if (handle) process.on('SIGINT', onSigint);
  try {
    const n = Math.min(workersWanted, todo.length);
    for (let i = 0; i < n; i++) spawnWorker();
    await finished;
  } finally {
    if (handle) process.off('SIGINT', onSigint);
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
  };
}
