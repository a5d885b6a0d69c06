/**
 * Entry point of a worker process of the local pool (forked by workerPool.ts). It loads the runner's
 * dependencies from the module named in FALCUN_DEPENDENCIES (exporting `dependencies`), then runs the cells
 * the parent sends, one at a time, reporting progress over IPC (rounds, and training epochs at most every
 * EPOCH_MESSAGE_INTERVAL_MS). FALCUN_CELL_BACKEND, when set, is the `--backend` of `falcun-lab run` for an
 * experiment whose plan says 'auto' (backendRule.ts, `cellBackend`). Ctrl-C (SIGINT to the process group) and
 * the parent's 'stop' both mean: finish the current round, then stop; records stay complete (the fit and
 * inference yield to the event loop every ~50 ms, so the message is seen during a round).
 *
 * A worker never outlives its parent: the lifeline thread SIGKILLs it within ~0.1 s of the parent's death
 * even in the middle of synchronous work, and right before each record is written it checks once more
 * that its parent is alive, so no record is written after the parent died.
 */
import { pathToFileURL } from 'node:url';
import type { RunnerDependencies } from './dependencies.ts';
import { watchParent } from './lifeline.ts';
import { runCell } from './runCell.ts';
import type { ParentMessage, WorkerMessage } from './workerProtocol.ts';
import { envValue } from '../environmentVariables.ts';

// The pool's pid as the pool says it (process.ppid at start-up would already be init's if the pool died
// while this worker was still loading).
const parentPid = Number(envValue('FALCUN_PARENT_PID')) || process.ppid;
let stopRequested = false;
// A terminal's Ctrl-C reaches only the parent (own process group); a scheduler's SIGTERM may reach every
// process of the job: both mean stop after the current round (the parent enforces any deadline).
process.on('SIGINT', () => void (stopRequested = true));
process.on('SIGTERM', () => void (stopRequested = true));
const sharedDirectory = envValue('FALCUN_SHARED_DIRECTORY') === '1';

function parentAlive(): boolean {
  return process.ppid === parentPid && process.connected;
}

function send(m: WorkerMessage): void {
  if (process.connected) process.send?.(m, (err: Error | null) => void err);
}

/**
 * An error that escapes (a bug, or tfjs throwing from a callback): one line on stderr and exit. Node's
 * default report prints the source line of the throw, which for minified tfjs is ~80 KB of code.
 */
function dieQuietly(e: unknown): void {
  const first = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const where = e instanceof Error ? (e.stack ?? '').split('\n').find((l) => l.includes(' at ')) : undefined;
  process.stderr.write(`falcun-lab worker ${process.pid}: ${first.split('\n')[0]!.slice(0, 500)}${where ? ` (${where.trim().slice(0, 300)})` : ''}\n`);
  process.exit(1);
}
process.on('uncaughtException', dieQuietly);
process.on('unhandledRejection', dieQuietly);

/** Epoch messages are throttled to this interval (a small MLP fit can run hundreds of epochs a second). */
const EPOCH_MESSAGE_INTERVAL_MS = 250;

async function main(): Promise<void> {
  // First, before the slow imports (tfjs): from here on this process dies with its parent.
  await watchParent(parentPid);
  const dir = envValue('FALCUN_EXPERIMENT_DIR');
  const depsModule = envValue('FALCUN_DEPENDENCIES');
  if (!dir || !depsModule) throw new Error('cellWorker: FALCUN_EXPERIMENT_DIR and FALCUN_DEPENDENCIES must be set (it is started by workerPool.ts)');
  const url = depsModule.startsWith('file:') ? depsModule : pathToFileURL(depsModule).href;
  const deps = (await import(url)).dependencies as RunnerDependencies;
  if (!deps || typeof deps.createSession !== 'function') throw new Error(`cellWorker: ${depsModule} does not export 'dependencies'`);
  const backend = envValue('FALCUN_CELL_BACKEND') || undefined;
  const queue: number[] = [];
  let busy = false;
  let exiting = false;
  const pump = async (): Promise<void> => {
    if (busy) return;
    const index = queue.shift();
    if (index === undefined) {
      if (exiting) process.exit(0);
      return;
    }
    busy = true;
    let lastEpochSent = Number.NEGATIVE_INFINITY;
    try {
      const r = await runCell(dir, index, deps, {
        shouldStop: () => stopRequested,
        // The parent holds the directory lock (unless run-cell); a cell lock left by an orphan of a killed
        // run goes away within ~0.1 s (its lifeline), so wait a little for it.
        holdsDirectory: !sharedDirectory,
        lockWaitMs: sharedDirectory ? 0 : 5_000,
        beforeWrite: () => {
          if (!parentAlive()) process.exit(1);
        },
        ...(backend !== undefined ? { backend } : {}),
        onEvent: (e) => {
          if (e.type === 'epoch') {
            // Always the first and the last planned epoch of a fit; in between at most one per interval.
            const now = performance.now();
            if (e.epoch === 1 || e.epoch === e.epochs || now - lastEpochSent >= EPOCH_MESSAGE_INTERVAL_MS) {
              lastEpochSent = now;
              send({ ...e, index });
            }
          } else if (e.type === 'round-done') {
            send({ type: 'round', index, round: e.round, rounds: e.rounds, numLabeled: e.record.numLabeled, testAccuracy: e.record.testAccuracy });
          } else if (e.type === 'round-start') {
            send({ type: 'round-start', index, round: e.round, rounds: e.rounds });
          }
        },
      });
      send({ type: 'cell-done', index, status: r.status, resumedFrom: r.resumedFrom, roundsWritten: r.roundsWritten, rounds: r.cell.dataset.rounds });
    } catch (e) {
      send({ type: 'cell-error', index, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    } finally {
      busy = false;
    }
    void pump();
  };
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'run') {
      queue.push(m.index);
      void pump();
    } else if (m.type === 'stop') {
      stopRequested = true;
    } else if (m.type === 'exit') {
      exiting = true;
      if (!busy && queue.length === 0) process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

main().catch((e) => {
  send({ type: 'fatal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 50);
});
