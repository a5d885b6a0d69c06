/**
 * FALCUN — Fast Active Learning by Contrastive UNcertainty (paper, section 2.2, Algorithm 1 lines 5–10).
 *
 * Works on the softmax probabilities alone, so its cost depends on N and C but not on the embedding
 * size D. Per acquisition:
 * - u(x) = 1 − (p[c1] − p[c2]), the margin uncertainty (Eq. (1));
 * - d′(x) starts as u(x) (Eq. (2)) and after each pick x_q becomes min(d′(x), ‖p(x) − p(x_q)‖₁) (Eq. (3));
 * - before each pick d′ is min-max normalised over the remaining candidates (Eq. (4); a zero range gives d = 0);
 * - relevance r = u + d (Eq. (5)), and the pick is drawn with probability r^γ / Σ r^γ (Eq. (6)),
 *   uniformly when every relevance is zero. Chosen points leave the candidates.
 * Ablations (paper Table 3): any γ >= 0 (γ = 0 is uniform), relevance from u only, d only or both,
 * and deterministic picks (argmax of r, ties to the lowest index).
 *
 * Cost per pick: one streaming pass over the N × C probabilities (the L1 update, fused with the min/max
 * of Eq. (4)) and two passes over N doubles (weights + total, then the inverse-CDF draw). Integer γ is
 * evaluated by repeated squaring (no `Math.pow` per element); r <= 2, so r^γ cannot overflow for
 * γ <= 1000; larger γ divide r by max r first. Relevance 'uncertainty' skips the L1 pass (d is unused).
 * Memory: O(N) doubles. Random draws: one `random.uniform()` per stochastic pick (`random.int` for a
 * uniform fallback), none when deterministic.
 *
 * Reference: the FALCUN paper (`shared/paper/falcun-paper.md`, "Time- and label-efficient active learning
 * by diversity and uncertainty of probabilities"), section 2.2, Eqs. (1)–(6).
 */
import type { Random } from '../random.ts';
import { drawProportional } from './kernels/drawProportional.ts';
import { uniformUntaken } from './kernels/kmeansPlusPlus.ts';
import { marginUncertainty } from './kernels/marginUncertainty.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateProbabilities, validateSelectOptions } from './validate.ts';

export type FalcunRelevance = 'both' | 'uncertainty' | 'diversity';

export interface FalcunOptions {
  /** Relevance exponent γ >= 0 of Eq. (6). Default 10 (the paper's). 0 gives uniform picks. */
  readonly gamma?: number;
  /** Which terms make the relevance: u + d ('both', default), u only, or d only. */
  readonly relevance?: FalcunRelevance;
  /** Pick argmax r instead of sampling (ties to the lowest index). Default false. */
  readonly deterministic?: boolean;
}

/** Per-pick record for the "course of relevance" figure. */
export interface FalcunTrace {
  readonly kind: 'falcun';
  /** Chosen pool index per pick (same as Selection.indices). */
  readonly indices: Int32Array;
  /** Probability with which each pick was drawn (1 for deterministic picks). */
  readonly pickProbability: Float64Array;
  /** Margin uncertainty u of every pool point (static within the acquisition). */
  readonly uncertainty: Float64Array;
  /** Only with `trace: { relevance: true }`: per pick, r of every candidate before the pick (NaN for chosen points). Q × N floats. */
  readonly relevance?: readonly Float32Array[];
}

const RELEVANCES: readonly FalcunRelevance[] = ['both', 'uncertainty', 'diversity'];
/** Above this γ, r^γ with r <= 2 could overflow, so r is divided by max r first. */
const MAX_UNSCALED_GAMMA = 1000;

export class Falcun implements Strategy {
  readonly name = 'falcun';
  readonly needs: StrategyNeeds = Object.freeze({});
  readonly gamma: number;
  readonly relevance: FalcunRelevance;
  readonly deterministic: boolean;

  /** @throws TypeError / RangeError for a γ that is not a finite number >= 0, an unknown relevance, a non-boolean deterministic. */
  constructor(options: FalcunOptions = {}) {
    const gamma = options.gamma ?? 10;
    if (typeof gamma !== 'number' || Number.isNaN(gamma)) throw new TypeError(`Falcun: gamma must be a number, got ${String(gamma)}`);
    if (!(gamma >= 0) || !Number.isFinite(gamma)) throw new RangeError(`Falcun: gamma must be finite and >= 0 (0 = uniform picks), got ${gamma}`);
    const relevance = options.relevance ?? 'both';
    if (!RELEVANCES.includes(relevance)) throw new RangeError(`Falcun: relevance must be one of ${RELEVANCES.join(', ')}, got ${String(relevance)}`);
    const deterministic = options.deterministic ?? false;
    if (typeof deterministic !== 'boolean') throw new TypeError(`Falcun: deterministic must be a boolean, got ${String(deterministic)}`);
    this.gamma = gamma;
    this.relevance = relevance;
    this.deterministic = deterministic;
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
    const gamma = this.gamma;
    const intGamma = Number.isInteger(gamma) && gamma <= MAX_UNSCALED_GAMMA;
    const scaled = gamma > MAX_UNSCALED_GAMMA;

    const u = marginUncertainty(probs, n, c); // Eq. (1)
    const dv = Float64Array.from(u); // d′ = u, Eq. (2)
    const taken = new Uint8Array(n);
    const w = new Float64Array(n);
    const pq = new Float64Array(c);
    const indices = new Int32Array(q);
    const pickProbability = new Float64Array(q);
    const relevanceTrace: Float32Array[] = [];

    let mn = Infinity;
    let mx = -Infinity;
    if (useD) {
      for (let i = 0; i < n; i++) {
        const d = dv[i]!;
        if (d < mn) mn = d;
        if (d > mx) mx = d;
      }
    }

    for (let pick = 0; pick < q; pick++) {
      const range = mx - mn; // Eq. (4): zero range gives d = 0
      const rel = wantRelevance ? new Float32Array(n).fill(NaN) : null;
      let chosen: number;
      let prob: number;
      if (this.deterministic) {
        chosen = -1;
        let best = -Infinity;
        for (let i = 0; i < n; i++) {
          if (taken[i]) continue;
          const d = useD && range > 0 ? (dv[i]! - mn) / range : 0;
          const r = useU ? u[i]! + d : d; // Eq. (5)
          if (rel !== null) rel[i] = r;
          if (r > best) {
            best = r;
            chosen = i;
          }
        }
        prob = 1;
      } else {
        let total = 0;
        let rmax = 0;
        for (let i = 0; i < n; i++) {
          if (taken[i]) {
            w[i] = 0;
            continue;
          }
          const d = useD && range > 0 ? (dv[i]! - mn) / range : 0;
          const r = useU ? u[i]! + d : d; // Eq. (5)
          if (rel !== null) rel[i] = r;
          if (scaled) {
            w[i] = r;
            if (r > rmax) rmax = r;
            continue;
          }
          let p: number;
          if (intGamma) {
            // r^γ by repeated squaring (exact powers of two scale identically, no Math.pow per element)
            p = 1;
            let x = r;
            for (let e = gamma; e > 0; e >>>= 1) {
              if (e & 1) p *= x;
              x *= x;
            }
          } else {
            p = Math.pow(r, gamma);
          }
          w[i] = p;
          total += p;
        }
        if (scaled && rmax > 0) {
          for (let i = 0; i < n; i++) {
            if (taken[i]) continue;
            const p = Math.pow(w[i]! / rmax, gamma);
            w[i] = p;
            total += p;
          }
        }
        if (total > 0 && Number.isFinite(total)) {
          chosen = drawProportional(w, n, total, random); // Eq. (6)
          prob = w[chosen]! / total;
        } else {
          chosen = uniformUntaken(taken, n - pick, random); // every relevance is zero
          prob = 1 / (n - pick);
        }
      }
      indices[pick] = chosen;
      pickProbability[pick] = prob;
      if (rel !== null) relevanceTrace.push(rel);
      taken[chosen] = 1;
      if (!useD || pick === q - 1) continue;

      // Eq. (3): d′ ← min(d′, ‖p − p(x_q)‖₁), fused with the min/max over the remaining candidates (Eq. (4)).
      for (let k = 0, off = chosen * c; k < c; k++) pq[k] = probs[off + k]!;
      mn = Infinity;
      mx = -Infinity;
      for (let i = 0, off = 0; i < n; i++, off += c) {
        if (taken[i]) continue;
        let s = 0;
        for (let k = 0; k < c; k++) {
          const t = probs[off + k]! - pq[k]!;
          s += t < 0 ? -t : t;
        }
        let d = dv[i]!;
        if (s < d) {
          d = s;
          dv[i] = s;
        }
        if (d < mn) mn = d;
        if (d > mx) mx = d;
      }
    }

    if (!wantTrace) return { indices };
    const trace: FalcunTrace = {
      kind: 'falcun',
      indices: indices.slice(),
      pickProbability,
      uncertainty: u,
      ...(wantRelevance ? { relevance: relevanceTrace } : {}),
    };
    return { indices, trace };
  }
}
