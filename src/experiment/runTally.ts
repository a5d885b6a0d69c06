/**
 * What became of the cells of one `runExperiment` call, as its workers report them: the counts and per-cell
 * outcomes of the summary, kept in step with the progress display (each cell is announced to the reporter
 * once, before its first round, epoch or outcome).
 */
import type { GridCell } from './grid.ts';
import type { ProgressReporter } from './progress.ts';
import type { WorkerMessage } from './workerProtocol.ts';

export type CellOutcome = { readonly index: number; readonly runId: string; readonly status: 'complete' | 'stopped' | 'failed'; readonly resumedFrom: number; readonly roundsWritten: number };
export type CellFailure = { readonly index: number; readonly runId: string; readonly message: string };

export class RunTally {
  completed = 0;
  stopped = 0;
  readonly failed: CellFailure[] = [];
  readonly cells: CellOutcome[] = [];
  /** Errors of workers that could not start (bad dependencies module, import errors). */
  readonly workerErrors: string[] = [];
  private readonly announced = new Set<number>();

  /**
   * @param all every cell of the grid, by index
   * @param doneAtStart rounds already on disk per cell to run (where its progress starts)
   */
  constructor(
    private readonly all: readonly GridCell[],
    private readonly doneAtStart: ReadonlyMap<number, number>,
    private readonly reporter: ProgressReporter,
  ) {}

  private runId(index: number): string {
    return this.all[index]?.runId ?? `cell ${index}`;
  }

  private announce(index: number, fromRound: number, rounds: number): void {
    if (this.announced.has(index)) return;
    this.announced.add(index);
    this.reporter.runStarted(this.runId(index), fromRound, rounds);
  }

  /** Books one message of a worker. Returns true when the worker is free for the next cell. */
  onMessage(m: WorkerMessage): boolean {
    switch (m.type) {
      case 'ready':
        return true;
      case 'round-start':
        this.announce(m.index, m.round, m.rounds);
        return false;
      case 'epoch': {
        // Replayed fits (kept weights, on resume) come before the run's first 'round-start'.
        this.announce(m.index, this.doneAtStart.get(m.index) ?? 0, m.rounds);
        const { type: _type, index: _index, ...progress } = m;
        this.reporter.epochDone?.(this.runId(m.index), progress);
        return false;
      }
      case 'round':
        this.reporter.roundDone(this.runId(m.index), m.round, m.rounds, m.numLabeled, m.testAccuracy);
        return false;
      case 'cell-done':
        this.announce(m.index, m.resumedFrom, m.rounds);
        if (m.status === 'complete') this.completed++;
        else this.stopped++;
        this.cells.push({ index: m.index, runId: this.runId(m.index), status: m.status, resumedFrom: m.resumedFrom, roundsWritten: m.roundsWritten });
        this.reporter.runFinished(this.runId(m.index), m.status);
        return true;
      case 'cell-error':
        this.announce(m.index, 0, this.all[m.index]?.dataset.rounds ?? 0);
        this.fail(m.index, m.message);
        return true;
      case 'fatal':
        this.workerErrors.push(m.message);
        this.reporter.log(`worker failed to start: ${m.message.split('\n')[0]}`);
        return false;
    }
  }

  /** A cell that failed (its error, or its worker died while running it). */
  fail(index: number, message: string): void {
    this.failed.push({ index, runId: this.runId(index), message });
    this.cells.push({ index, runId: this.runId(index), status: 'failed', resumedFrom: this.doneAtStart.get(index) ?? 0, roundsWritten: 0 });
    this.reporter.runFinished(this.runId(index), 'failed', message.split('\n')[0]);
  }

  /** A cell whose worker was killed on purpose (a second Ctrl-C, the SIGTERM grace ran out): resumed next time. */
  killed(index: number): void {
    this.stopped++;
    this.cells.push({ index, runId: this.runId(index), status: 'stopped', resumedFrom: this.doneAtStart.get(index) ?? 0, roundsWritten: 0 });
    this.reporter.runFinished(this.runId(index), 'stopped');
  }
}
