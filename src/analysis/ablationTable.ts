import type { RoundRecord } from '../results/roundRecord.ts';
import { learningCurves } from './learningCurves.ts';

/** One row of an ablation table (paper Table 3): mean accuracy of one strategy variant at each checkpoint. */
export interface AblationRow {
  readonly strategy: string;
  /** Mean accuracy over seeds at each checkpoint, NaN where the strategy has no result there. */
  readonly accuracy: readonly number[];
}

/** Paper Table 3 for one dataset: rows per strategy, plus the best and worst row index per checkpoint column. */
export interface AblationTable {
  readonly dataset: string;
  readonly checkpoints: readonly number[];
  readonly rows: readonly AblationRow[];
  /** Per column: index of the row with the highest mean accuracy (−1 when the column is empty or all rows tie). */
  readonly best: readonly number[];
  /** Per column: index of the row with the lowest mean accuracy (−1 when the column is empty or all rows tie). */
  readonly worst: readonly number[];
}

/**
 * Ablation table (paper Table 3): mean test accuracy over seeds of each strategy variant
 * (e.g. 'falcun-g1', 'falcun-u-only') on one dataset at the given numbers of labels; the best (bold in
 * the paper) and worst (red) entry per column are marked. Records of other datasets are ignored.
 * Cost: O(R log R).
 * @throws RangeError when checkpoints is empty or the dataset has no records.
 */
export function ablationTable(
  records: readonly RoundRecord[],
  dataset: string,
  checkpoints: readonly number[],
  strategies?: readonly string[],
): AblationTable {
  if (checkpoints.length === 0) throw new RangeError('ablationTable: checkpoints is empty; give the numbers of labels to report');
  const own = records.filter((r) => r.dataset === dataset);
  if (own.length === 0) throw new RangeError(`ablationTable: no records for dataset '${dataset}'`);
  const names = strategies ? [...strategies] : [...new Set(own.map((r) => r.strategy))].sort();
  const mean = new Map<string, number>();
  for (const p of learningCurves(own)) mean.set(`${p.strategy}|${p.numLabeled}`, p.mean);
  const rows = names.map((s) => ({ strategy: s, accuracy: checkpoints.map((c) => mean.get(`${s}|${c}`) ?? Number.NaN) }));
  const best: number[] = [];
  const worst: number[] = [];
  checkpoints.forEach((_, c) => {
    let b = -1;
    let w = -1;
    rows.forEach((r, i) => {
      const v = r.accuracy[c]!;
      if (Number.isNaN(v)) return;
      if (b < 0 || v > rows[b]!.accuracy[c]!) b = i;
      if (w < 0 || v < rows[w]!.accuracy[c]!) w = i;
    });
    // A column where every row agrees (the shared initial checkpoint) has no best or worst.
    const tie = b >= 0 && rows[b]!.accuracy[c]! - rows[w]!.accuracy[c]! <= 1e-12;
    best.push(tie ? -1 : b);
    worst.push(tie ? -1 : w);
  });
  return { dataset, checkpoints: [...checkpoints], rows, best, worst };
}
