/**
 * The FALCUN variants of the ablation study (paper Table 3): γ ∈ {0, 1, 5, 10, 20} or deterministic
 * (argmax) picks, with the relevance r = u + d (Eq. (5)), u only, or d only. γ = 0 is uniform sampling,
 * so it is run once (relevance irrelevant). Labels look like `falcun-g10-ud`, `falcun-det-u`.
 */
import type { FalcunVariant } from '../acquisition/falcun.ts';
import type { ExperimentConfig } from './config.ts';

type StrategyEntry = ExperimentConfig['strategies'][number];

/** The γ values of paper Table 3 ('det' = deterministic picks). */
export const PAPER_ABLATION_GAMMAS: readonly (number | 'det')[] = Object.freeze([0, 1, 5, 10, 20, 'det']);
/** The relevance terms of paper Table 3: d only, u only, both. */
export const ABLATION_TERMS: readonly AblationTerms[] = Object.freeze(['d', 'u', 'ud']);
export type AblationTerms = 'u' | 'd' | 'ud';

const RELEVANCE: Record<AblationTerms, 'uncertainty' | 'diversity' | 'both'> = { u: 'uncertainty', d: 'diversity', ud: 'both' };

/** The label of one variant, e.g. ablationLabel(10, 'ud') = 'falcun-g10-ud', ablationLabel(0) = 'falcun-g0'. */
export function ablationLabel(gamma: number | 'det', terms: AblationTerms = 'ud'): string {
  if (gamma === 0) return 'falcun-g0';
  return `falcun-${gamma === 'det' ? 'det' : `g${gamma}`}-${terms}`;
}

/**
 * Strategy entries for every (γ, terms) pair (γ = 0 once), in the paper's row order. `variant` 'authors'
 * gives the public code's d-only / u-only definitions (FalcunVariant); the default leaves FALCUN's own
 * default ('paper') and adds no option, so existing plans keep their hash.
 * @throws RangeError for a γ that is not 'det' or a finite number in [0, 100], or an unknown term set.
 */
export function ablationStrategies(
  gammas: readonly (number | 'det')[] = PAPER_ABLATION_GAMMAS,
  terms: readonly AblationTerms[] = ABLATION_TERMS,
  variant?: FalcunVariant,
): StrategyEntry[] {
  const out: StrategyEntry[] = [];
  for (const t of terms) {
    if (!(t in RELEVANCE)) throw new RangeError(`ablationStrategies: terms may be 'u', 'd' or 'ud', got '${String(t)}'`);
  }
  for (const g of gammas) {
    if (g !== 'det' && !(typeof g === 'number' && Number.isFinite(g) && g >= 0 && g <= 100)) {
      throw new RangeError(`ablationStrategies: gamma must be 'det' or a number in [0, 100], got ${String(g)}`);
    }
    if (g === 0) {
      out.push({ name: 'falcun', label: ablationLabel(0), options: { gamma: 0 } });
      continue;
    }
    for (const t of terms) {
      const options: Record<string, unknown> = { relevance: RELEVANCE[t] };
      if (variant !== undefined) options.variant = variant;
      if (g === 'det') options.deterministic = true;
      else options.gamma = g;
      out.push({ name: 'falcun', label: ablationLabel(g, t), options });
    }
  }
  return out;
}

/** Row label for a table: 'falcun-g10-ud' → 'γ=10, u+d'; 'falcun-det-u' → 'det., u'; 'falcun-g0' → 'γ=0 (random)'. */
export function ablationRowLabel(label: string): string {
  const m = /^falcun-(?:g(\d+(?:\.\d+)?)|(det))(?:-(u|d|ud))?$/.exec(label);
  if (m === null) return label;
  if (m[1] === '0') return 'γ=0 (random)';
  const g = m[2] === 'det' ? 'det.' : `γ=${m[1]}`;
  const t = m[3] === 'ud' ? 'u+d' : (m[3] ?? 'u+d');
  return `${g}, ${t}`;
}
