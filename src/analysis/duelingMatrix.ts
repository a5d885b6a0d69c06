import type { RoundRecord } from '../results/roundRecord.ts';
import { pairedTTest } from './pairedTTest.ts';
import { groupBy, settingKey } from './recordKeys.ts';

/** Options of `duelingMatrix`. */
export interface DuelingMatrixOptions {
  /** Significance level of the two-sided paired t-test. Default 0.05 (paper Sec. 4.1). */
  readonly alpha?: number;
  /** Strategies, in the order of rows and columns. Default: all strategies in the records, sorted. */
  readonly strategies?: readonly string[];
  /** Fewest matched seeds a comparison needs (a t-test needs 2). Default 2. */
  readonly minPairs?: number;
}

/** The dueling matrix (paper Fig. 4) with its raw counts. S = number of strategies; matrices are S×S row-major. */
export interface DuelingMatrix {
  readonly strategies: readonly string[];
  /** wins[i*S+j]: comparisons where strategy i was significantly better than j (= losses of j against i). */
  readonly wins: Int32Array;
  /** comparisons[i*S+j]: (setting, checkpoint) pairs where i and j had at least minPairs matched seeds. */
  readonly comparisons: Int32Array;
  /** 100 · wins / comparisons per cell (NaN on the diagonal and where there were no comparisons). */
  readonly percent: Float64Array;
  /** Last column of Fig. 4: 100 · Σ_j wins[i,j] / Σ_j comparisons[i,j] — % wins of row strategy i. */
  readonly rowWinPercent: Float64Array;
  /** Last row of Fig. 4: 100 · Σ_i wins[i,j] / Σ_i comparisons[i,j] — % losses of column strategy j. */
  readonly columnLossPercent: Float64Array;
}

/**
 * The dueling matrix of the paper (Sec. 4.1, Fig. 4; after Ash et al. 2020). For every experimental
 * setting (dataset, setting = query size and weight reuse, model) and every checkpoint (number of labels),
 * each pair of strategies is compared by a two-sided paired t-test over their matched seeds. When
 * p < alpha, the strategy with the higher mean accuracy gets a win and the other a loss; otherwise neither
 * (wins and losses need not sum to 100 %). A t-test with all differences zero (p NaN) counts as a tie.
 *
 * Cell (i, j) is the share of i's comparisons with j that i won, which is also the share that j lost:
 * rows read as wins, columns as losses. The extra column/row are averages over all comparisons.
 *
 * Cost: O(G · S² · n) for G (setting, checkpoint) groups, S strategies and n seeds.
 * @throws TypeError for non-array records; RangeError for alpha outside (0, 1), minPairs < 2,
 *   an unknown or duplicated strategy in options.strategies, or a seed recorded twice in one group.
 */
export function duelingMatrix(records: readonly RoundRecord[], options: DuelingMatrixOptions = {}): DuelingMatrix {
  if (!Array.isArray(records)) throw new TypeError(`duelingMatrix: records must be an array of RoundRecord, got ${String(records)}`);
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`duelingMatrix: options.alpha must lie in (0, 1), got ${alpha}`);
  const minPairs = options.minPairs ?? 2;
  if (!Number.isInteger(minPairs) || minPairs < 2) throw new RangeError(`duelingMatrix: options.minPairs must be an integer >= 2, got ${minPairs}`);
  const present = [...new Set(records.map((r) => r.strategy))].sort();
  const strategies = options.strategies ? [...options.strategies] : present;
  if (new Set(strategies).size !== strategies.length) throw new RangeError(`duelingMatrix: options.strategies has duplicates: ${strategies.join(', ')}`);
  for (const s of strategies) {
    if (!present.includes(s)) throw new RangeError(`duelingMatrix: strategy '${s}' of options.strategies is not in the records (present: ${present.join(', ')})`);
  }
  const S = strategies.length;
  const index = new Map(strategies.map((s, i) => [s, i] as const));
  const wins = new Int32Array(S * S);
  const comparisons = new Int32Array(S * S);

  for (const group of groupBy(records, (r) => `${settingKey(r)}|${r.numLabeled}`).values()) {
    // accuracy by strategy, then by seed
    const bySeed: Array<Map<number, number> | undefined> = new Array(S);
    for (const r of group) {
      const i = index.get(r.strategy);
      if (i === undefined) continue;
      const m = (bySeed[i] ??= new Map());
      if (m.has(r.seed)) {
        throw new RangeError(`duelingMatrix: seed ${r.seed} of '${r.strategy}' appears twice in ${settingKey(r)} at ${r.numLabeled} labels; load each run once`);
      }
      m.set(r.seed, r.testAccuracy);
    }
    for (let i = 0; i < S; i++) {
      const mi = bySeed[i];
      if (!mi) continue;
      for (let j = i + 1; j < S; j++) {
        const mj = bySeed[j];
        if (!mj) continue;
        const a: number[] = [];
        const b: number[] = [];
        for (const [seed, acc] of mi) {
          const other = mj.get(seed);
          if (other !== undefined) {
            a.push(acc);
            b.push(other);
          }
        }
        if (a.length < minPairs) continue;
        comparisons[i * S + j]! += 1;
        comparisons[j * S + i]! += 1;
        const { p, meanDifference } = pairedTTest(a, b);
        if (p < alpha) {
          if (meanDifference > 0) wins[i * S + j]! += 1;
          else wins[j * S + i]! += 1;
        }
      }
    }
  }

  const percent = new Float64Array(S * S);
  const rowWinPercent = new Float64Array(S);
  const columnLossPercent = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    let w = 0;
    let c = 0;
    let l = 0;
    let cc = 0;
    for (let j = 0; j < S; j++) {
      const k = i * S + j;
      percent[k] = i === j || comparisons[k] === 0 ? Number.NaN : (100 * wins[k]!) / comparisons[k]!;
      w += wins[k]!;
      c += comparisons[k]!;
      l += wins[j * S + i]!;
      cc += comparisons[j * S + i]!;
    }
    rowWinPercent[i] = c === 0 ? Number.NaN : (100 * w) / c;
    columnLossPercent[i] = cc === 0 ? Number.NaN : (100 * l) / cc;
  }
  return { strategies, wins, comparisons, percent, rowWinPercent, columnLossPercent };
}
