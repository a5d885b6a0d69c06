/**
 * The grid of runs: dataset setting × strategy × seed, in a fixed order, so that a cell's index means the
 * same cell on every machine (the worker pool here, a Slurm array task elsewhere). One cell = one run =
 * one results file, resumable by itself.
 */
import type { ExperimentPlan, PlannedDataset, PlannedStrategy } from './config.ts';

export interface GridCell {
  /** Position in the grid: datasets outermost, then strategies, then seeds. */
  readonly index: number;
  readonly dataset: PlannedDataset;
  readonly strategy: PlannedStrategy;
  readonly seed: number;
  /** `<dataset>__<strategy>__s<seed>`: the run's name and its file's stem. */
  readonly runId: string;
}

/** The run name used for the results file `runs/<runId>.jsonl`. */
export function runIdOf(datasetLabel: string, strategyLabel: string, seed: number): string {
  return `${datasetLabel}__${strategyLabel}__s${seed}`;
}

/** Every cell of the plan's grid, in index order. Cost O(cells). */
export function gridCells(plan: ExperimentPlan): GridCell[] {
  const cells: GridCell[] = [];
  for (const dataset of plan.datasets) {
    for (const strategy of plan.strategies) {
      for (const seed of plan.seeds) {
        cells.push({ index: cells.length, dataset, strategy, seed, runId: runIdOf(dataset.label, strategy.label, seed) });
      }
    }
  }
  return cells;
}

/**
 * One cell by index.
 * @throws RangeError when the index is not an integer in [0, cells).
 */
export function gridCell(plan: ExperimentPlan, index: number): GridCell {
  const cells = gridCells(plan);
  if (!Number.isInteger(index) || index < 0 || index >= cells.length) {
    throw new RangeError(`gridCell: index must be an integer in [0, ${cells.length - 1}], got ${index}`);
  }
  return cells[index]!;
}
