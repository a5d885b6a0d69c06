import type { RoundRecord } from '../results/roundRecord.ts';
import { queryTime, type QueryTimeOptions } from './queryTime.ts';
import { groupBy, settingKey } from './recordKeys.ts';

/** Average cumulated query time of one strategy in one setting. */
export interface CumulatedQueryTime {
  readonly dataset: string;
  readonly setting: string;
  readonly model: string;
  readonly strategy: string;
  /** Mean over seeds of the sum over all rounds of the query time, in seconds. */
  readonly seconds: number;
  readonly seeds: number;
}

/**
 * Cumulated query time after the whole budget, averaged over seeds (the quantity of paper Table 2 and
 * Fig. 18). Cost: O(R).
 */
export function cumulatedQueryTimes(records: readonly RoundRecord[], options: QueryTimeOptions = {}): CumulatedQueryTime[] {
  const out: CumulatedQueryTime[] = [];
  for (const g of groupBy(records, (r) => `${settingKey(r)}|${r.strategy}`).values()) {
    const perSeed = new Map<number, number>();
    for (const r of g) perSeed.set(r.seed, (perSeed.get(r.seed) ?? 0) + queryTime(r, options));
    let s = 0;
    for (const v of perSeed.values()) s += v;
    const r0 = g[0]!;
    out.push({ dataset: r0.dataset, setting: r0.setting, model: r0.model, strategy: r0.strategy, seconds: s / perSeed.size, seeds: perSeed.size });
  }
  return out;
}

/** One row of paper Table 2. */
export interface QueryTimeRange {
  readonly strategy: string;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** Setting keys ('dataset|setting|model') where the minimum and maximum were reached. */
  readonly minAt: string;
  readonly maxAt: string;
}

/**
 * Paper Table 2: per strategy, the smallest and largest average cumulated query time among all settings,
 * sorted by the minimum (fastest first). Cost: O(R).
 */
export function queryTimeRange(records: readonly RoundRecord[], options: QueryTimeOptions = {}): QueryTimeRange[] {
  const out: QueryTimeRange[] = [];
  for (const [strategy, g] of groupBy(cumulatedQueryTimes(records, options), (c) => c.strategy)) {
    let lo = g[0]!;
    let hi = g[0]!;
    for (const c of g) {
      if (c.seconds < lo.seconds) lo = c;
      if (c.seconds > hi.seconds) hi = c;
    }
    out.push({ strategy, minSeconds: lo.seconds, maxSeconds: hi.seconds, minAt: settingKey(lo), maxAt: settingKey(hi) });
  }
  return out.sort((a, b) => a.minSeconds - b.minSeconds);
}
