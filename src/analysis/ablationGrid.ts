import type { RoundRecord } from '../results/roundRecord.ts';
import { learningCurves } from './learningCurves.ts';
import { groupBy, settingKey } from './recordKeys.ts';

/** One FALCUN variant of the ablation study: γ (or deterministic picks) and the relevance terms. */
export interface AblationVariant {
  /** Strategy label as recorded ('falcun-g10-ud'). */
  readonly strategy: string;
  readonly gamma: number | 'det';
  /** Relevance terms: d only, u only, u + d; null for γ = 0 (uniform picks, the terms do not matter). */
  readonly terms: 'd' | 'u' | 'ud' | null;
}

const LABEL = /^falcun-(?:g(\d+(?:\.\d+)?)|(det))(?:-(u|d|ud))?$/;

/**
 * The variant an ablation label names: 'falcun-g10-ud' → γ 10, u + d; 'falcun-det-u' → deterministic, u;
 * 'falcun-g0' → γ 0. A label without terms means u + d. Other labels → null.
 */
export function parseAblationLabel(strategy: string): AblationVariant | null {
  const m = LABEL.exec(strategy);
  if (m === null) return null;
  const gamma = m[2] === 'det' ? 'det' : Number(m[1]);
  if (gamma === 0) return { strategy, gamma, terms: null };
  return { strategy, gamma, terms: (m[3] as 'u' | 'd' | 'ud' | undefined) ?? 'ud' };
}

/** The 16 rows of paper Table 3: γ = 0, then γ ∈ {1, 5, 10, 20, det.} × {d, u, u + d}. */
export const PAPER_ABLATION_VARIANTS: readonly AblationVariant[] = Object.freeze([
  { strategy: 'falcun-g0', gamma: 0, terms: null },
  ...([1, 5, 10, 20, 'det'] as const).flatMap((g) => (['d', 'u', 'ud'] as const).map((t) => ({ strategy: `falcun-${g === 'det' ? 'det' : `g${g}`}-${t}`, gamma: g, terms: t }))),
] as AblationVariant[]);

/** Paper Table 3's row order: γ ascending (det. last), and per γ d only, u only, u + d. */
export function compareAblationVariants(a: AblationVariant, b: AblationVariant): number {
  const g = (v: AblationVariant) => (v.gamma === 'det' ? Infinity : v.gamma);
  const t = (v: AblationVariant) => (v.terms === null ? -1 : ['d', 'u', 'ud'].indexOf(v.terms));
  return g(a) - g(b) || t(a) - t(b);
}

/** One column group of Table 3: a dataset in one setting, at a few numbers of labels. */
export interface AblationBlock {
  readonly dataset: string;
  readonly setting: string;
  readonly model: string;
  readonly checkpoints: readonly number[];
  /** accuracy[row][column]: mean test accuracy over seeds (NaN where a variant has no result). */
  readonly accuracy: ReadonlyArray<readonly number[]>;
  /** Seeds behind each row (the largest count over its checkpoints). */
  readonly seeds: readonly number[];
  /** Per column: the row of the highest and lowest mean (−1 when the column is empty or all rows tie). */
  readonly best: readonly number[];
  readonly worst: readonly number[];
}

export interface AblationGrid {
  /** Rows, in the paper's order: the paper's 16 variants (absent ones have NaN accuracies) and any other recorded one. */
  readonly variants: readonly AblationVariant[];
  readonly blocks: readonly AblationBlock[];
}

/**
 * The whole of paper Table 3 from ablation records: one row per FALCUN variant (γ × relevance terms, see
 * `parseAblationLabel`), one column group per (dataset, setting, model) with ablation records, each at
 * three numbers of labels — by default those after acquisition rounds 1, ⌊R/2⌋ and R (the last), as the
 * paper (RepeatedMNIST m: 1000, 2500, 5000). Round 0 is left out: every variant shares the initial set and
 * its model, so the column would only repeat one number. Records of other strategies are ignored.
 * Cost: O(R log R).
 * @throws RangeError when no record carries an ablation label, or a checkpoint list is empty.
 */
export function ablationGrid(records: readonly RoundRecord[], options: { checkpoints?: Readonly<Record<string, readonly number[]>> } = {}): AblationGrid {
  const own = records.filter((r) => parseAblationLabel(r.strategy) !== null);
  if (own.length === 0) {
    const present = [...new Set(records.map((r) => r.strategy))].sort().join(', ');
    throw new RangeError(`ablationGrid: no records of ablation variants ('falcun-g<γ>-<u|d|ud>', 'falcun-det-…', 'falcun-g0'); strategies present: ${present || 'none'}`);
  }
  // Every row of the paper's table, absent ones as dashes, plus any other variant the records hold.
  const present = [...new Set(own.map((r) => r.strategy))].map((s) => parseAblationLabel(s)!);
  const rowKey = (v: AblationVariant) => `${v.gamma}|${v.terms}`;
  const have = new Set(present.map(rowKey));
  const variants = [...present, ...PAPER_ABLATION_VARIANTS.filter((v) => !have.has(rowKey(v)))].sort(compareAblationVariants);
  const blocks: AblationBlock[] = [];
  for (const [key, recs] of [...groupBy(own, settingKey)].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const r0 = recs[0]!;
    const labelsAt = new Map<number, number>();
    for (const r of recs) labelsAt.set(r.round, r.numLabeled);
    const last = Math.max(...labelsAt.keys());
    const checkpoints = options.checkpoints?.[key] ?? [...new Set([1, Math.floor(last / 2), last].filter((k) => k >= 1 && labelsAt.has(k)).map((k) => labelsAt.get(k)!))];
    if (checkpoints.length === 0) throw new RangeError(`ablationGrid: no checkpoints for ${key} (its runs have no round after the initial one)`);
    const mean = new Map<string, { mean: number; n: number }>();
    for (const p of learningCurves(recs)) mean.set(`${p.strategy}|${p.numLabeled}`, { mean: p.mean, n: p.n });
    const accuracy = variants.map((v) => checkpoints.map((c) => mean.get(`${v.strategy}|${c}`)?.mean ?? Number.NaN));
    const seeds = variants.map((v) => Math.max(0, ...checkpoints.map((c) => mean.get(`${v.strategy}|${c}`)?.n ?? 0)));
    const best: number[] = [];
    const worst: number[] = [];
    checkpoints.forEach((_, c) => {
      let b = -1;
      let w = -1;
      accuracy.forEach((row, i) => {
        const v = row[c]!;
        if (Number.isNaN(v)) return;
        if (b < 0 || v > accuracy[b]![c]!) b = i;
        if (w < 0 || v < accuracy[w]![c]!) w = i;
      });
      const tie = b >= 0 && accuracy[b]![c]! - accuracy[w]![c]! <= 1e-12;
      best.push(tie ? -1 : b);
      worst.push(tie ? -1 : w);
    });
    blocks.push({ dataset: r0.dataset, setting: r0.setting, model: r0.model, checkpoints, accuracy, seeds, best, worst });
  }
  return { variants, blocks };
}
