/**
 * How long a grid cell will take, from the runs already finished: the mean compute time (training, forward
 * pass and acquisition summed over the rounds) of the complete runs with the same dataset label and
 * strategy, else of those with the same dataset, else (a dataset not run yet) the longest such mean of any
 * dataset: a guess on the safe side. `reproduce:grid --end` uses it to start only the cells that can finish
 * before a session ends, so that no half-done run is thrown away. The MLP's rounds trained on the tape step
 * count at the dense step's measured speed (results/denseSpeedup.ts): cells still to do train on it.
 */
import type { RoundRecord } from '../results/roundRecord.ts';
import { denseSpeedup, trainSecondsNow } from '../results/denseSpeedup.ts';

export interface RunTimeEstimates {
  /** Estimated seconds of one run, or undefined when no run has finished at all. */
  seconds(dataset: string, strategy: string): number | undefined;
}

/**
 * Estimates from the records of complete runs (records of unfinished runs must be left out: they would
 * pull the means down). Cost O(records).
 */
export function runTimeEstimates(completeRunRecords: readonly RoundRecord[]): RunTimeEstimates {
  const perRun = new Map<string, { dataset: string; strategy: string; seconds: number }>();
  const speedup = denseSpeedup(completeRunRecords);
  for (const r of completeRunRecords) {
    const id = `${r.dataset}|${r.strategy}|${r.seed}`;
    const run = perRun.get(id) ?? perRun.set(id, { dataset: r.dataset, strategy: r.strategy, seconds: 0 }).get(id)!;
    run.seconds += trainSecondsNow(r, speedup) + r.inferenceSeconds + r.acquisitionSeconds;
  }
  const mean = (xs: number[]) => (xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length);
  const runs = [...perRun.values()];
  return {
    seconds(dataset, strategy) {
      const same = runs.filter((r) => r.dataset === dataset);
      const known = mean(same.filter((r) => r.strategy === strategy).map((r) => r.seconds)) ?? mean(same.map((r) => r.seconds));
      if (known !== undefined) return known;
      const perDataset = [...new Set(runs.map((r) => r.dataset))].map((d) => mean(runs.filter((r) => r.dataset === d).map((r) => r.seconds))!);
      return perDataset.length === 0 ? undefined : Math.max(...perDataset);
    },
  };
}
