import type { Random } from '../random.ts';
import { drawProportional } from './kernels/drawProportional.ts';
import { uniformUntaken } from './kernels/uniformUntaken.ts';
import { marginUncertainty } from './kernels/marginUncertainty.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateProbabilities, validateSelectOptions } from './validate.ts';
import { checkOptions, type StrategySpec } from './strategySpec.ts';

export type FalcunRelevance = 'both' | 'uncertainty' | 'diversity';

/**
 * Which definition of the ablation modes (paper Table 3) to use. They differ only for relevance
 * 'diversity' and 'uncertainty'; 'both' is the same in each.
 * - 'paper': Eqs. (4)–(6) as printed: d is the min-max normalised d′ in every mode; u-only never looks at d′.
 * - 'authors': the public code (sobermeier/falcun, `falcun.py`, custom_dist 'distance' / 'unc'): d-only
 *   draws ∝ (raw d′)^γ without normalisation, and u-only still tracks d′ and draws uniformly once every
 *   candidate's raw d′ is zero.
 */
export type FalcunVariant = 'paper' | 'authors';

export interface FalcunOptions {
  /** Relevance exponent γ >= 0 of Eq. (6). Default 10 (the paper's). 0 gives uniform picks. */
  readonly gamma?: number;
  /** Which terms make the relevance: u + d ('both', default), u only, or d only. */
  readonly relevance?: FalcunRelevance;
  /** Pick argmax r instead of sampling (ties to the lowest index). Default false. */
  readonly deterministic?: boolean;
  /** Definition of the d-only and u-only ablations (see {@link FalcunVariant}). Default 'paper'. */
  readonly variant?: FalcunVariant;
}

/** Per-pick record for the "course of relevance" figure. */
export interface FalcunTrace {
  readonly kind: 'falcun';
  /** Chosen pool index per pick (same as Selection.indices). */
  readonly indices: Int32Array;
  /** Probability with which each pick was drawn (1 for deterministic picks). */
  readonly pickProbability: Float64Array;
  /** Relevance r = u + d (Eq. (5), or the ablation's term) of each pick just before it was picked. */
  readonly pickRelevance: Float64Array;
  /** Margin uncertainty u of every pool point (static within the acquisition). */
  readonly uncertainty: Float64Array;
  /** Only with `trace: { relevance: true }`: per pick, r of every candidate before the pick (NaN for chosen points). Q × N floats. */
  readonly relevance?: readonly Float32Array[];
}

/** Above this γ, r^γ with r <= 2 could overflow, so r is divided by max r first. */
const MAX_UNSCALED_GAMMA = 1000;
/**
 * Below this Σ r^γ the unscaled weights may have underflowed (e.g. u-only, γ = 200, u ≈ 2e-3), so they are
 * recomputed as (r / max r)^γ. Above it, max r^γ >= total / N > 2^-931 for any N < 2^31, so a weight that
 * underflowed (< 2^-1022) had a relative probability below 2^-91: far under the 2^-53 resolution of the
 * draw, so the unscaled draw is exact to float64 and costs no extra pass.
 */
const UNDERFLOW_TOTAL = 2 ** -900;

/**
 * FALCUN — Fast Active Learning by Contrastive UNcertainty (paper, section 2.2, Algorithm 1 lines 5–10).
 *
 * Works on the softmax probabilities alone, so its cost depends on N and C but not on the embedding
 * size D. Per acquisition:
 * - u(x) = 1 − (p[c1] − p[c2]), the margin uncertainty (Eq. (1));
 * - d′(x) starts as u(x) (Eq. (2)) and after each pick x_q becomes min(d′(x), ‖p(x) − p(x_q)‖₁) (Eq. (3));
 * - before each pick d′ is min-max normalised over the remaining candidates (Eq. (4); a zero range gives d = 0);
 * - relevance r = u + d (Eq. (5)), and the pick is drawn with probability r^γ / Σ r^γ (Eq. (6)),
 *   uniformly when every relevance is zero, and (as the authors' code does) uniformly when d is used and
 *   every candidate's raw diversity d′ is zero (each is confident or a duplicate of a chosen point).
 *   Chosen points leave the candidates.
 * Ablations (paper Table 3): any γ >= 0 (γ = 0 is uniform), relevance from u only, d only or both,
 * and deterministic picks (argmax of r, ties to the lowest index); `variant: 'authors'` gives the public
 * code's d-only and u-only definitions (see {@link FalcunVariant}).
 *
 * Cost per pick: one streaming pass over the N × C probabilities (the L1 update of Eq. (3), fused with
 * the min/max of Eq. (4), and skipping a row's C-term sum when an exact lower bound shows it cannot lower
 * d′), one pass over N doubles for the weights and their total, and an inverse-CDF scan for the draw.
 * Chosen points are marked by d′ = NaN, which drops out of every comparison, so the hot loops carry no
 * membership test. Integer γ is evaluated by repeated squaring (no `Math.pow` per element; γ = 10 is
 * unrolled); r <= 2, so r^γ cannot overflow for γ <= 1000; larger γ divide r by max r first, and so does
 * any γ whose unscaled weights sum below 2^-900 (underflow: see UNDERFLOW_TOTAL), so the draw stays exact.
 * Relevance 'uncertainty' skips the L1 pass (d is unused). Nothing depends on D.
 * Memory: O(N) doubles. Random draws: one `random.uniform()` per stochastic pick (`random.int` for a
 * uniform fallback), none when deterministic. Float64 throughout; d is normalised by multiplying with
 * 1 / range (Eq. (4) up to one rounding).
 *
 * Reference: the FALCUN paper ("Time- and label-efficient active learning by diversity and uncertainty
 * of probabilities", double-blind review version), section 2.2, Eqs. (1)–(6); see `Falcun.spec.citation`.
 */
export class Falcun implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'falcun',
    aliases: [],
    label: 'FALCUN',
    fullName: 'FALCUN: Fast Active Learning by Contrastive UNcertainty',
    summary: 'Draws points ∝ (margin uncertainty + min-max-normalised L1 diversity in probability space)^γ, one pick at a time.',
    citation: { authors: 'Anonymous authors (double-blind review version)', title: 'Time- and label-efficient active learning by diversity and uncertainty of probabilities (section 2.2, Eqs. (1)–(6))', venue: 'paper under double-blind review', year: undefined },
    options: [
      { name: 'gamma', kind: 'number', default: 10, min: 0, description: 'relevance exponent γ of Eq. (6); 0 = uniform picks' },
      { name: 'relevance', kind: 'enum', default: 'both', values: ['both', 'uncertainty', 'diversity'], description: 'relevance from u + d, u only, or d only (ablation, Table 3)' },
      { name: 'deterministic', kind: 'boolean', default: false, description: 'argmax picks instead of sampling (ablation, Table 3)' },
      { name: 'variant', kind: 'enum', default: 'paper', values: ['paper', 'authors'], description: "d-only / u-only as the paper's Eq. (4) or as the authors' code (raw d′; uniform fallback in u-only)" },
    ],
    // matplotlib/d3 category red; Okabe–Ito vermillion, the colour-blind palette's red.
    colors: { default: '#d62728', colorblind: '#D55E00' },
    complexity: { text: 'O(Q · N_u · C)', latex: String.raw`\mathcal{O}(Q \cdot N_u \cdot C)` },
    stochastic: true,
    inPaper: true,
  };

  readonly name = Falcun.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({});
  readonly gamma: number;
  readonly relevance: FalcunRelevance;
  readonly deterministic: boolean;
  readonly variant: FalcunVariant;

  /** @throws TypeError / RangeError for an option outside `Falcun.spec.options` (checkOptions). */
  constructor(options: FalcunOptions = {}) {
    const o = checkOptions(Falcun.spec.options, options, 'Falcun');
    this.gamma = o.gamma as number;
    this.relevance = o.relevance as FalcunRelevance;
    this.deterministic = o.deterministic as boolean;
    this.variant = o.variant as FalcunVariant;
  }

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'Falcun.select';
    validateSelectOptions(options, fn);
    const { probs, n, c } = validateProbabilities(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    const random: Random = options.random;
    const wantRelevance = typeof options.trace === 'object' && options.trace !== null && options.trace.relevance === true;
    const wantTrace = options.trace === true || typeof options.trace === 'object';

    const useU = this.relevance !== 'diversity';
    const useD = this.relevance !== 'uncertainty';
    const authors = this.variant === 'authors';
    // d′ is tracked when d enters r, and in the authors' u-only mode for its uniform fallback.
    const trackD = useD || authors;
    // The authors' d-only relevance is the raw d′ (mn = 0, scale = 1 below), not Eq. (4)'s normalised d.
    const rawD = authors && this.relevance === 'diversity';
    const gamma = this.gamma;
    const intGamma = Number.isInteger(gamma) && gamma <= MAX_UNSCALED_GAMMA;
    const scaled = gamma > MAX_UNSCALED_GAMMA;

    const u = marginUncertainty(probs, n, c); // Eq. (1)
    const dv = Float64Array.from(u); // d′ = u, Eq. (2)
    const rowSum = trackD ? rowSums(probs, n, c) : new Float64Array(0);
    const taken = new Uint8Array(n);
    const w = new Float64Array(n);
    const pq = new Float64Array(c);
    const minMax = new Float64Array(2);
    const indices = new Int32Array(q);
    const pickProbability = new Float64Array(q);
    const pickRelevance = new Float64Array(q);
    const relevanceTrace: Float32Array[] = [];

    // Without tracked d′ (relevance 'uncertainty') min = max = 0, so (d′ − min)·scale stays a finite 0.
    let mn = trackD ? Infinity : 0;
    let mx = trackD ? -Infinity : 0;
    if (trackD) {
      for (let i = 0; i < n; i++) {
        const d = dv[i]!;
        if (d < mn) mn = d;
        if (d > mx) mx = d;
      }
    }

    for (let pick = 0; pick < q; pick++) {
      const range = mx - mn; // Eq. (4): zero range gives d = 0
      const scale = rawD ? 1 : useD && range > 0 ? 1 / range : 0;
      const shift = rawD || !useD ? 0 : mn;
      const rel = wantRelevance ? new Float32Array(n).fill(NaN) : null;
      if (rel !== null) fillRelevance(u, dv, taken, n, shift, scale, useU, rel);
      let chosen: number;
      let prob: number;
      if (this.deterministic) {
        chosen = argmaxRelevance(u, dv, taken, n, shift, scale, useU);
        prob = 1;
      } else {
        let total: number;
        if (scaled) {
          total = scaledWeights(u, dv, taken, n, shift, scale, useU, gamma, w);
        } else if (gamma === 10) {
          total = tenthPowerWeights(u, dv, n, shift, scale, useU ? 1 : 0, w);
        } else if (intGamma) {
          total = integerPowerWeights(u, dv, taken, n, shift, scale, useU ? 1 : 0, gamma, w);
        } else {
          total = powWeights(u, dv, taken, n, shift, scale, useU ? 1 : 0, gamma, w);
        }
        if (!scaled && total < UNDERFLOW_TOTAL) {
          total = scaledWeights(u, dv, taken, n, shift, scale, useU, gamma, w); // r^γ may have underflowed
        }
        if (trackD && !(mx > 0)) {
          total = 0; // every raw diversity is zero: the authors draw uniformly (see the doc comment)
        }
        if (total > 0 && Number.isFinite(total)) {
          chosen = drawProportional(w, n, total, random); // Eq. (6)
          prob = w[chosen]! / total;
        } else {
          chosen = uniformUntaken(taken, n - pick, random); // every relevance, or every raw diversity, is zero
          prob = 1 / (n - pick);
        }
      }
      indices[pick] = chosen;
      pickProbability[pick] = prob;
      pickRelevance[pick] = (useU ? u[chosen]! : 0) + (dv[chosen]! - shift) * scale;
      if (rel !== null) relevanceTrace.push(rel);
      taken[chosen] = 1;
      dv[chosen] = NaN; // leaves the candidates of every pass (see updateDiversity)
      if (!trackD || pick === q - 1) continue;
      // Eq. (3), fused with the min/max over the remaining candidates for Eq. (4).
      let kq = 0;
      for (let k = 0, off = chosen * c; k < c; k++) {
        pq[k] = probs[off + k]!;
        if (pq[k]! > pq[kq]!) kq = k;
      }
      updateDiversity(probs, rowSum, n, c, pq, kq, chosen, dv, minMax);
      mn = minMax[0]!;
      mx = minMax[1]!;
    }

    if (!wantTrace) return { indices };
    const trace: FalcunTrace = {
      kind: 'falcun',
      indices: indices.slice(),
      pickProbability,
      pickRelevance,
      uncertainty: u,
      ...(wantRelevance ? { relevance: relevanceTrace } : {}),
    };
    return { indices, trace };
  }
}

// The passes of one pick, as small monomorphic functions (V8 optimises them separately). Relevance is
// r = useU·u + (d′ − min)·scale with scale = 1 / range (0 when d is unused or the range is zero), Eq. (4)–(5).

/**
 * Eq. (3): d′ ← min(d′, ‖p − p_q‖₁) over the candidates, and their new min/max into minMax.
 *
 * Exact pruning: for any two vectors, ‖a − b‖₁ >= 2·|a_k − b_k| − |Σa − Σb| for every class k (the
 * positive and the negative parts of a − b sum to (‖a − b‖₁ ± (Σa − Σb)) / 2, and one coordinate is at
 * most one part). With k = kq, the chosen point's top class, a candidate whose bound already exceeds d′ by
 * PRUNE_MARGIN cannot be lowered, so its full C-term sum is skipped (typically most candidates predicted
 * as another class). The sum term keeps the bound exact for every accepted row (rows may sum to
 * 1 ± PROBABILITY_SUM_TOLERANCE), and the margin (1e-9) dwarfs the float64 rounding of a C-term sum
 * (< C·2⁻⁵² relative), so skipping gives exactly the d′ the full sum would.
 * Cost: one pass over N × C in the worst case; pruned rows read 2 floats instead of C.
 */
function updateDiversity(probs: Float32Array, rowSum: Float64Array, n: number, c: number, pq: Float64Array, kq: number, chosen: number, dv: Float64Array, minMax: Float64Array): void {
  let mn = Infinity;
  let mx = -Infinity;
  const c4 = c & ~3;
  const pqk = pq[kq]!;
  const sq = rowSum[chosen]!;
  for (let i = 0, off = 0; i < n; i++, off += c) {
    // Chosen points hold d′ = NaN: the bound test and both comparisons below are false for NaN.
    let d = dv[i]!;
    if (2 * Math.abs(probs[off + kq]! - pqk) - Math.abs(rowSum[i]! - sq) <= d + PRUNE_MARGIN) {
      let s = 0;
      let k = 0;
      for (; k < c4; k += 4) {
        s += Math.abs(probs[off + k]! - pq[k]!);
        s += Math.abs(probs[off + k + 1]! - pq[k + 1]!);
        s += Math.abs(probs[off + k + 2]! - pq[k + 2]!);
        s += Math.abs(probs[off + k + 3]! - pq[k + 3]!);
      }
      for (; k < c; k++) s += Math.abs(probs[off + k]! - pq[k]!);
      if (s < d) {
        d = s;
        dv[i] = s;
      }
    }
    if (d < mn) mn = d;
    if (d > mx) mx = d;
  }
  minMax[0] = mn;
  minMax[1] = mx;
}

/** Slack of the L1 pruning bound in updateDiversity: far above float64 rounding of a C-term sum. */
const PRUNE_MARGIN = 1e-9;

/** Σ_k p_ik per row in float64 (for the pruning bound of updateDiversity). One pass over N × C. */
function rowSums(probs: Float32Array, n: number, c: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0, off = 0; i < n; i++, off += c) {
    let s = 0;
    for (let k = 0; k < c; k++) s += probs[off + k]!;
    out[i] = s;
  }
  return out;
}

/** w_i = r_i^γ for integer γ by repeated squaring (no Math.pow); 0 for chosen points. Returns Σ w. One pass over N. */
function integerPowerWeights(u: Float64Array, dv: Float64Array, taken: Uint8Array, n: number, mn: number, scale: number, uFactor: number, gamma: number, w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (taken[i] !== 0) {
      w[i] = 0;
      continue;
    }
    let x = uFactor * u[i]! + (dv[i]! - mn) * scale;
    let p = 1;
    for (let e = gamma; e !== 0; e >>= 1) {
      if ((e & 1) !== 0) p *= x;
      x *= x;
    }
    w[i] = p;
    total += p;
  }
  return total;
}

/**
 * integerPowerWeights unrolled for the paper's default γ = 10: r^10 = r²·((r²)²)², the same products in
 * the same order as the squaring loop, so bit-identical, without its per-element loop.
 */
function tenthPowerWeights(u: Float64Array, dv: Float64Array, n: number, mn: number, scale: number, uFactor: number, w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = uFactor * u[i]! + (dv[i]! - mn) * scale;
    const r2 = r * r;
    const r4 = r2 * r2;
    const p = r2 * (r4 * r4);
    const wi = p > 0 ? p : 0; // chosen points: d′ = NaN, so p = NaN → 0
    w[i] = wi;
    total += wi;
  }
  return total;
}

/** w_i = r_i^γ for non-integer γ (Math.pow); 0 for chosen points. Returns Σ w. One pass over N. */
function powWeights(u: Float64Array, dv: Float64Array, taken: Uint8Array, n: number, mn: number, scale: number, uFactor: number, gamma: number, w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (taken[i] !== 0) {
      w[i] = 0;
      continue;
    }
    const p = Math.pow(uFactor * u[i]! + (dv[i]! - mn) * scale, gamma);
    w[i] = p;
    total += p;
  }
  return total;
}

/** γ > MAX_UNSCALED_GAMMA: w_i = (r_i / max r)^γ, so the largest weight is 1 and nothing overflows. Two passes over N. */
function scaledWeights(u: Float64Array, dv: Float64Array, taken: Uint8Array, n: number, mn: number, scale: number, useU: boolean, gamma: number, w: Float64Array): number {
  const uFactor = useU ? 1 : 0;
  let rmax = 0;
  for (let i = 0; i < n; i++) {
    if (taken[i] !== 0) {
      w[i] = 0;
      continue;
    }
    const r = uFactor * u[i]! + (dv[i]! - mn) * scale;
    w[i] = r;
    if (r > rmax) rmax = r;
  }
  if (!(rmax > 0)) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (taken[i] !== 0) continue;
    const p = Math.pow(w[i]! / rmax, gamma);
    w[i] = p;
    total += p;
  }
  return total;
}

/** Deterministic ablation: the candidate with the largest r (ties to the lowest index). */
function argmaxRelevance(u: Float64Array, dv: Float64Array, taken: Uint8Array, n: number, mn: number, scale: number, useU: boolean): number {
  const uFactor = useU ? 1 : 0;
  let best = -1;
  let bestR = -Infinity;
  for (let i = 0; i < n; i++) {
    if (taken[i] !== 0) continue;
    const r = uFactor * u[i]! + (dv[i]! - mn) * scale;
    if (r > bestR) {
      bestR = r;
      best = i;
    }
  }
  return best;
}

/** Trace: r of every candidate (chosen points stay NaN). */
function fillRelevance(u: Float64Array, dv: Float64Array, taken: Uint8Array, n: number, mn: number, scale: number, useU: boolean, out: Float32Array): void {
  const uFactor = useU ? 1 : 0;
  for (let i = 0; i < n; i++) if (taken[i] === 0) out[i] = uFactor * u[i]! + (dv[i]! - mn) * scale;
}
