/**
 * The paper's named active-learning settings (docs/protocol.md): a query size Q, an initial
 * labeled set of Q points, a budget of 10 × Q labels, and the suffix `_no` for "keep the previous round's
 * weights" instead of a fresh model each round (Parvaneh et al. 2022, used by the paper for colour images).
 */

/** Query size per named setting (the authors' xs, s, m, l, xl). */
export const SETTING_QUERY_SIZES: Readonly<Record<string, number>> = Object.freeze({
  xs: 100,
  s: 200,
  m: 500,
  l: 1000,
  xl: 2000,
});

/** Every accepted setting name: xs, s, m, l, xl and each with `_no`. */
export const SETTING_NAMES: readonly string[] = Object.freeze(
  Object.keys(SETTING_QUERY_SIZES).flatMap((k) => [k, `${k}_no`]),
);

export interface ResolvedSetting {
  /** The setting's name as recorded in RoundRecord.setting (e.g. 's', 'm_no', or 'q20' for a custom one). */
  readonly name: string;
  readonly querySize: number;
  readonly initialSize: number;
  readonly budget: number;
  readonly keepWeights: boolean;
}

/**
 * Query size, initial size, budget and weight policy of a named setting.
 * @throws RangeError when the name is not one of SETTING_NAMES.
 * @example settingByName('s_no') // { name: 's_no', querySize: 200, initialSize: 200, budget: 2000, keepWeights: true }
 */
export function settingByName(name: string): ResolvedSetting {
  const keepWeights = name.endsWith('_no');
  const base = keepWeights ? name.slice(0, -3) : name;
  const q = SETTING_QUERY_SIZES[base];
  if (q === undefined) {
    throw new RangeError(`settingByName: unknown setting '${name}'; use one of ${SETTING_NAMES.join(', ')}`);
  }
  return { name, querySize: q, initialSize: q, budget: 10 * q, keepWeights };
}

/**
 * Number of RoundRecords a complete run writes: round 0 (the initial set), then one round per query
 * until the budget is reached; the last query is cut to the budget (paper, Algorithm 1 with a budget).
 * @example roundCount(10, 10, 100) // 10 (labels 10, 20, ..., 100)
 * @example roundCount(10, 10, 95)  // 10 (the last query adds 5)
 */
export function roundCount(initialSize: number, querySize: number, budget: number): number {
  return 1 + Math.ceil((budget - initialSize) / querySize);
}

/** Labels the model of round `round` is trained on: min(initial + round × Q, budget). */
export function labelsAtRound(initialSize: number, querySize: number, budget: number, round: number): number {
  return Math.min(initialSize + round * querySize, budget);
}
