import type { RoundRecord } from '../results/roundRecord.ts';
import { learningCurves } from './learningCurves.ts';
import { queryTime, type QueryTimeOptions } from './queryTime.ts';
import { groupBy, settingKey } from './recordKeys.ts';

/** One bar pair of the paper's Fig. 5. */
export interface ImprovementRow {
  readonly dataset: string;
  readonly setting: string;
  readonly model: string;
  readonly strategy: string;
  readonly round: number;
  readonly numLabeled: number;
  /** Mean accuracy of the strategy minus mean accuracy of the baseline, in accuracy points (fraction). */
  readonly gain: number;
  readonly meanAccuracy: number;
  readonly baselineAccuracy: number;
  /**
   * Mean over seeds of the time of the query that produced this round's new labels (the previous round's
   * query), in seconds; 0 for round 0 (no query yet).
   */
  readonly querySeconds: number;
}

export interface ImprovementOptions extends QueryTimeOptions {
  /** Strategy that the gains are measured against. Default 'random'. */
  readonly baseline?: string;
}

/**
 * Improvement over random sampling per round (paper Fig. 5): for every setting, strategy and round, the
 * mean test accuracy over seeds minus the baseline's mean accuracy at the same number of labels, together
 * with the mean query time of that round. The baseline's own rows are left out. Rows where the baseline
 * has no result at that number of labels are left out.
 * Cost: O(R log R).
 * @throws RangeError when the baseline strategy is absent from the records.
 */
export function improvementOverRandom(records: readonly RoundRecord[], options: ImprovementOptions = {}): ImprovementRow[] {
  const baseline = options.baseline ?? 'random';
  if (!records.some((r) => r.strategy === baseline)) {
    const present = [...new Set(records.map((r) => r.strategy))].sort().join(', ');
    throw new RangeError(`improvementOverRandom: baseline strategy '${baseline}' is not in the records (present: ${present || 'none'}); set options.baseline`);
  }
  const base = new Map<string, number>();
  const curves = learningCurves(records);
  for (const p of curves) if (p.strategy === baseline) base.set(`${settingKey(p)}|${p.numLabeled}`, p.mean);
  // mean query time per (setting, strategy, round)
  const qt = new Map<string, number>();
  for (const [k, g] of groupBy(records, (r) => `${settingKey(r)}|${r.strategy}|${r.round}`)) {
    let s = 0;
    for (const r of g) s += queryTime(r, options);
    qt.set(k, s / g.length);
  }
  const roundOf = new Map<string, number>();
  for (const r of records) roundOf.set(`${settingKey(r)}|${r.strategy}|${r.numLabeled}`, r.round);
  const out: ImprovementRow[] = [];
  for (const p of curves) {
    if (p.strategy === baseline) continue;
    const b = base.get(`${settingKey(p)}|${p.numLabeled}`);
    if (b === undefined) continue;
    const round = roundOf.get(`${settingKey(p)}|${p.strategy}|${p.numLabeled}`)!;
    out.push({
      dataset: p.dataset, setting: p.setting, model: p.model, strategy: p.strategy, round, numLabeled: p.numLabeled,
      gain: p.mean - b, meanAccuracy: p.mean, baselineAccuracy: b,
      querySeconds: round === 0 ? 0 : qt.get(`${settingKey(p)}|${p.strategy}|${round - 1}`) ?? Number.NaN,
    });
  }
  return out;
}
