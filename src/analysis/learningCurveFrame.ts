import * as dfd from 'danfojs-node';
import type { RoundRecord } from '../results/roundRecord.ts';

/**
 * Learning curves as a danfojs DataFrame, aggregated by danfo's groupby (mean and sample std, n − 1)
 * over seeds: columns dataset, setting, model, strategy, numLabeled, testAccuracy_mean,
 * testAccuracy_std, testAccuracy_count. For notebooks (printing, CSV); the plain `learningCurves`
 * computes the same numbers without danfo and is what the figures use.
 * Importing this module loads danfojs-node (~0.7 s), which brings plain @tensorflow/tfjs through the
 * package.json override; it does not change the active tfjs backend.
 * Cost: O(R log R).
 * @throws RangeError when records is empty (danfo cannot build an empty typed frame).
 */
export function learningCurveFrame(records: readonly RoundRecord[]): dfd.DataFrame {
  if (!Array.isArray(records) || records.length === 0) {
    throw new RangeError(`learningCurveFrame: records must be a non-empty array of RoundRecord, got ${Array.isArray(records) ? 'an empty array' : String(records)}`);
  }
  const rows = records.map((r) => ({
    dataset: r.dataset, setting: r.setting, model: r.model, strategy: r.strategy,
    numLabeled: r.numLabeled, testAccuracy: r.testAccuracy,
  }));
  const df = new dfd.DataFrame(rows);
  // Groups come out in first-seen order of their keys.
  return df
    .groupby(['dataset', 'setting', 'model', 'strategy', 'numLabeled'])
    .agg({ testAccuracy: ['mean', 'std', 'count'] });
}

/** The learning-curve table as CSV text (header line first), through danfo's `toCSV`. */
export function learningCurveCsv(records: readonly RoundRecord[]): string {
  return dfd.toCSV(learningCurveFrame(records)) as string;
}
