/**
 * Progress of a grid run: a live multi-bar display on a terminal (cli-progress: one bar per active run
 * with rounds done, the running round's training epoch and loss, the last accuracy and ETA, plus an
 * overall "runs done / total" bar), or plain log lines when stdout is not a terminal (CI logs, `> file`,
 * Slurm): one line per run start, round and run end, never one per epoch.
 */
import cliProgress from 'cli-progress';

/** One training epoch of a run's current round (0-based `round`, 1-based `epoch`). */
export interface EpochProgress {
  readonly round: number;
  readonly rounds: number;
  /** A completed round's fit redone on resume to rebuild kept weights. */
  readonly replay: boolean;
  readonly epoch: number;
  readonly epochs: number;
  /** Training loss and accuracy of the epoch. */
  readonly loss: number;
  readonly accuracy: number;
}

export interface ProgressReporter {
  runStarted(runId: string, round: number, rounds: number): void;
  /** After a training epoch (optional: reporters that show only rounds leave it out). */
  epochDone?(runId: string, progress: EpochProgress): void;
  roundDone(runId: string, round: number, rounds: number, numLabeled: number, testAccuracy: number): void;
  runFinished(runId: string, status: 'complete' | 'stopped' | 'failed', detail?: string): void;
  /** A line of text that must not garble the bars. */
  log(line: string): void;
  stop(): void;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`;
}

interface RunState {
  readonly startedAt: number;
  readonly startRound: number;
  bar?: cliProgress.SingleBar;
  /** The epoch last reported for the running round (cleared when the round is done). */
  epoch?: EpochProgress;
  /** The last completed round's summary: labels, accuracy, ETA. */
  last?: string;
}

/**
 * The live display's text for a run: what runs now (`round 3/10 epoch 5/20 loss 0.4321 train-acc 0.875`)
 * and how the last completed round went (`labels 150 acc 0.9012 eta 1m20s`).
 */
export function formatRunInfo(epoch: EpochProgress | undefined, last: string | undefined): string {
  const parts = ['rounds'];
  if (epoch !== undefined) {
    parts.push(
      `${epoch.replay ? 'replaying ' : ''}round ${epoch.round + 1}/${epoch.rounds} epoch ${epoch.epoch}/${epoch.epochs} ` +
        `loss ${epoch.loss.toFixed(4)} train-acc ${epoch.accuracy.toFixed(3)}`,
    );
  }
  if (last !== undefined) parts.push(last);
  return parts.join(' | ');
}

/** Remaining seconds for a run from its pace since it (re)started. */
function eta(state: RunState, doneRounds: number, rounds: number, now: number): number {
  const done = doneRounds - state.startRound;
  if (done <= 0) return Number.NaN;
  return ((now - state.startedAt) / 1000 / done) * (rounds - doneRounds);
}

/**
 * A reporter for `total` runs, `alreadyDone` of which were finished before this invocation.
 * @param tty true for the live display, false for log lines (default: whether stdout is a terminal).
 * @param write where log lines go (plain mode).
 * @param stream where the live display renders (default stderr; tests pass a buffer).
 */
export function createProgressReporter(
  total: number,
  alreadyDone: number,
  tty = Boolean(process.stdout.isTTY),
  write: (s: string) => void = (s) => process.stdout.write(s),
  stream?: NodeJS.WritableStream,
): ProgressReporter {
  const runs = new Map<string, RunState>();
  let done = alreadyDone;
  if (!tty) {
    const stamp = () => new Date().toISOString().slice(11, 19);
    return {
      runStarted(runId, round, rounds) {
        runs.set(runId, { startedAt: Date.now(), startRound: round });
        write(`[${stamp()}] start  ${runId} at round ${round}/${rounds}\n`);
      },
      // No line per epoch here: a log gets one line per round at most.
      roundDone(runId, round, rounds, numLabeled, acc) {
        const st = runs.get(runId);
        const e = st ? eta(st, round + 1, rounds, Date.now()) : Number.NaN;
        write(`[${stamp()}] ${runId} round ${round + 1}/${rounds} labels ${numLabeled} acc ${acc.toFixed(4)} eta ${formatSeconds(e)}\n`);
      },
      runFinished(runId, status, detail) {
        if (status === 'complete') done++;
        runs.delete(runId);
        write(`[${stamp()}] ${status.padEnd(8)} ${runId} (runs done ${done}/${total})${detail ? `: ${detail}` : ''}\n`);
      },
      log(line) {
        write(`${line}\n`);
      },
      stop() {},
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      format: '{name} |{bar}| {value}/{total} {info}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      barsize: 24,
      autopadding: true,
      ...(stream !== undefined ? { stream, noTTYOutput: true } : {}),
    },
    cliProgress.Presets.shades_classic,
  );
  const overall = multi.create(total, alreadyDone, { name: 'runs done'.padEnd(32), info: '' });
  return {
    runStarted(runId, round, rounds) {
      const bar = multi.create(rounds, round, { name: runId.padEnd(32).slice(0, 32), info: formatRunInfo(undefined, undefined) });
      runs.set(runId, { startedAt: Date.now(), startRound: round, bar });
    },
    epochDone(runId, progress) {
      const st = runs.get(runId);
      if (st?.bar === undefined) return;
      st.epoch = progress;
      st.bar.update({ info: formatRunInfo(progress, st.last) });
    },
    roundDone(runId, round, rounds, numLabeled, acc) {
      const st = runs.get(runId);
      if (st === undefined) return;
      const e = eta(st, round + 1, rounds, Date.now());
      st.epoch = undefined;
      st.last = `labels ${numLabeled} acc ${acc.toFixed(4)} eta ${formatSeconds(e)}`;
      st.bar?.update(round + 1, { info: formatRunInfo(undefined, st.last) });
    },
    runFinished(runId, status, detail) {
      const st = runs.get(runId);
      if (st?.bar) multi.remove(st.bar);
      runs.delete(runId);
      if (status === 'complete') {
        done++;
        overall.update(done);
      } else {
        multi.log(`${status} ${runId}${detail ? `: ${detail}` : ''}\n`);
      }
    },
    log(line) {
      multi.log(`${line}\n`);
    },
    stop() {
      multi.stop();
    },
  };
}
