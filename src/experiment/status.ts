/**
 * What is done and what remains in an experiment directory (`falcun-lab status <dir>`), read from the
 * manifest and the run files only, so it works while runs are going on and on a cluster's shared folder.
 */
import { gridCells } from './grid.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { readRunRecords, runFile } from '../results/resultStore.ts';

export interface CellStatus {
  readonly index: number;
  readonly runId: string;
  readonly state: 'done' | 'partial' | 'missing';
  /** Completed rounds on disk / rounds of a complete run. */
  readonly roundsDone: number;
  readonly rounds: number;
  /** Labels and test accuracy of the last completed round, null when none. */
  readonly numLabeled: number | null;
  readonly testAccuracy: number | null;
  /** Set when the run file cannot be read. */
  readonly error?: string;
}

export interface ExperimentStatus {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly cells: readonly CellStatus[];
  readonly done: number;
  readonly partial: number;
  readonly missing: number;
}

/** Status of every cell. Cost: reads every run file once. */
export function experimentStatus(dir: string): ExperimentStatus {
  const manifest = readManifest(dir);
  const cells: CellStatus[] = gridCells(manifest.plan).map((c) => {
    const rounds = c.dataset.rounds;
    try {
      const recs = readRunRecords(runFile(dir, c.runId));
      const last = recs.at(-1);
      return {
        index: c.index,
        runId: c.runId,
        state: recs.length >= rounds ? 'done' : recs.length > 0 ? 'partial' : 'missing',
        roundsDone: recs.length,
        rounds,
        numLabeled: last?.numLabeled ?? null,
        testAccuracy: last?.testAccuracy ?? null,
      };
    } catch (e) {
      return { index: c.index, runId: c.runId, state: 'partial', roundsDone: 0, rounds, numLabeled: null, testAccuracy: null, error: (e as Error).message };
    }
  });
  const count = (s: CellStatus['state']) => cells.filter((c) => c.state === s).length;
  return { dir, manifest, cells, done: count('done'), partial: count('partial'), missing: count('missing') };
}

/** Indices of the cells that are not done (what a re-run or a Slurm resubmission has to do). */
export function unfinishedCells(status: ExperimentStatus): number[] {
  return status.cells.filter((c) => c.state !== 'done').map((c) => c.index);
}

/** A plain-text report: one line per cell, then totals. */
export function formatStatus(status: ExperimentStatus): string {
  const m = status.manifest;
  const width = Math.max(6, ...status.cells.map((c) => c.runId.length));
  const lines = [
    `experiment '${m.plan.name}' in ${status.dir} (plan ${m.planHash.slice(0, 12)}, created ${m.createdAt}, commit ${m.gitCommit?.slice(0, 10) ?? 'none'})`,
    `${'cell'.padStart(4)}  ${'run'.padEnd(width)}  ${'state'.padEnd(7)}  rounds  labels  accuracy`,
  ];
  for (const c of status.cells) {
    lines.push(
      `${String(c.index).padStart(4)}  ${c.runId.padEnd(width)}  ${c.state.padEnd(7)}  ${`${c.roundsDone}/${c.rounds}`.padStart(6)}  ${String(c.numLabeled ?? '-').padStart(6)}  ${c.testAccuracy === null ? '-' : c.testAccuracy.toFixed(4)}${c.error ? `  ERROR ${c.error}` : ''}`,
    );
  }
  lines.push(`${status.done} done, ${status.partial} partial, ${status.missing} missing, of ${status.cells.length} runs`);
  return `${lines.join('\n')}\n`;
}
