import type { RoundRecord } from '../results/roundRecord.ts';
import { groupBy, settingKey } from './recordKeys.ts';

/** One point of a learning curve: accuracy over seeds at one number of labels. */
export interface LearningCurvePoint {
  readonly dataset: string;
  readonly setting: string;
  readonly model: string;
  readonly strategy: string;
  readonly numLabeled: number;
  /** Mean test accuracy over the seeds (fraction in [0, 1]). */
  readonly mean: number;
  /** Sample standard deviation over the seeds (Bessel's correction, n − 1); 0 for a single seed. */
  readonly std: number;
  /** Number of seeds that reached this number of labels. */
  readonly n: number;
  /** The seeds, ascending. */
  readonly seeds: readonly number[];
}

/**
 * Learning curves (paper Fig. 2, 13–17): mean and standard deviation over seeds of the test accuracy
 * per (dataset, setting, model, strategy) and number of labels. Points are sorted by setting key,
 * strategy, then numLabeled. A seed that appears twice at the same point is a corrupted result set.
 * Cost: O(R log R) for R records.
 * @throws TypeError when records is not an array; RangeError for a duplicated (run, numLabeled).
 */
export function learningCurves(records: readonly RoundRecord[]): LearningCurvePoint[] {
  if (!Array.isArray(records)) throw new TypeError(`learningCurves: records must be an array of RoundRecord, got ${String(records)}`);
  const groups = groupBy(records, (r) => `${settingKey(r)}|${r.strategy}|${r.numLabeled}`);
  const out: LearningCurvePoint[] = [];
  for (const g of groups.values()) {
    const seeds = g.map((r) => r.seed).sort((a, b) => a - b);
    for (let i = 1; i < seeds.length; i++) {
      if (seeds[i] === seeds[i - 1]) {
        const r = g[0]!;
        throw new RangeError(`learningCurves: seed ${seeds[i]} appears twice for ${r.dataset}/${r.setting}/${r.model}/${r.strategy} at ${r.numLabeled} labels; each run must be loaded once`);
      }
    }
    const n = g.length;
    let s = 0;
    for (const r of g) s += r.testAccuracy;
    const mean = s / n;
    let ss = 0;
    for (const r of g) ss += (r.testAccuracy - mean) ** 2;
    const r0 = g[0]!;
    out.push({
      dataset: r0.dataset, setting: r0.setting, model: r0.model, strategy: r0.strategy,
      numLabeled: r0.numLabeled, mean, std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n, seeds,
    });
  }
  out.sort((a, b) =>
    cmp(settingKey(a), settingKey(b)) || cmp(a.strategy, b.strategy) || a.numLabeled - b.numLabeled);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
