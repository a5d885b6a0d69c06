/**
 * How a run stops on signals. SIGINT once: every worker finishes its current round, then the run ends
 * (nothing is lost); SIGINT twice: the workers are killed at once (the rounds in progress are redone on
 * resume). SIGTERM (a scheduler's preemption or time limit): as one SIGINT, but the workers still running
 * after `graceMs` are killed; the run then exits 143 so the scheduler requeues it.
 */
import type { CellWorkerPool } from './cellWorkerPool.ts';

export interface StopState {
  /** Workers were killed on purpose (second SIGINT, or the SIGTERM grace ran out). */
  readonly interrupted: boolean;
  /** A SIGTERM arrived. */
  readonly terminated: boolean;
}

/** Installs the SIGINT/SIGTERM handlers for `pool`; call `dispose` when the run has ended. */
export function watchStopSignals(pool: CellWorkerPool, graceMs: number, log: (line: string) => void): StopState & { dispose(): void } {
  const state = { interrupted: false, terminated: false };
  let graceTimer: NodeJS.Timeout | undefined;
  const killNow = (why: string) => {
    state.interrupted = true;
    log(why);
    pool.killAll();
  };
  const onSigint = () => {
    if (!pool.isStopping) {
      log('Ctrl-C: finishing the rounds in progress, then stopping (press Ctrl-C again to stop at once; finished rounds are kept)');
      pool.requestStop();
    } else {
      killNow('Ctrl-C again: stopping the workers now; rounds in progress will be redone on resume');
    }
  };
  const onSigterm = () => {
    if (state.terminated) return;
    state.terminated = true;
    log(`SIGTERM: finishing the rounds in progress, for at most ${graceMs / 1000} s, then stopping (exit 143; re-run or requeue to resume)`);
    pool.requestStop();
    graceTimer = setTimeout(() => killNow(`the rounds in progress did not end within ${graceMs / 1000} s of SIGTERM: stopping the workers now; they are redone on resume`), graceMs);
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  return {
    get interrupted() {
      return state.interrupted;
    },
    get terminated() {
      return state.terminated;
    },
    dispose() {
      if (graceTimer !== undefined) clearTimeout(graceTimer);
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    },
  };
}
