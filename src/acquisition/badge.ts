import { argmaxRows } from './kernels/argmaxRows.ts';
import { dotProduct } from './kernels/dotProduct.ts';
import { kmeansPlusPlusSeeding } from './kernels/kmeansPlusPlus.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateEmbeddings, validateSelectOptions } from './validate.ts';
import type { StrategySpec } from './strategySpec.ts';

/**
 * BADGE — Batch Active learning by Diverse Gradient Embeddings (Ash, Zhang, Krishnamurthy, Langford &
 * Agarwal, ICLR 2020). Each unlabeled point gets the gradient embedding of the cross-entropy loss with
 * respect to the last layer, at its predicted label ŷ: g = a ⊗ h with a = onehot(ŷ) − p (C values) and
 * h the penultimate embedding (D values). BADGE runs k-means++ seeding on the g's: the first centre is
 * the largest ‖g‖ (as in the authors' code), then D² sampling (kernels/kmeansPlusPlus.ts).
 *
 * The C·D-dimensional g is never built. Squared distances use the factorisation
 *   ‖g_i − g_j‖² = ‖a_i‖²‖h_i‖² + ‖a_j‖²‖h_j‖² − 2 (a_i·a_j)(h_i·h_j),
 * with a_i·a_j = [ŷ_i = ŷ_j] − p_j[ŷ_i] − p_i[ŷ_j] + p_i·p_j, clamped at 0 against rounding.
 *
 * Cost: O(N·(C + D)) per pick instead of O(N·C·D), so O(Q·N·(C + D)) in all; memory O(N).
 */
export class Badge implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'badge',
    aliases: [],
    label: 'BADGE',
    fullName: 'BADGE: Batch Active learning by Diverse Gradient Embeddings',
    summary: 'k-means++ seeding on gradient embeddings (onehot(ŷ) − p) ⊗ h, computed in factorised form.',
    citation: { authors: 'Jordan T. Ash, Chicheng Zhang, Akshay Krishnamurthy, John Langford, Alekh Agarwal', title: 'Deep Batch Active Learning by Diverse, Uncertain Gradient Lower Bounds', venue: 'International Conference on Learning Representations (ICLR)', year: 2020 },
    options: [],
    colors: { default: '#ff7f0e', colorblind: '#0072B2' },
    complexity: { text: 'O(Q · N_u · C · D)', latex: String.raw`\mathcal{O}(Q \cdot N_u \cdot C \cdot D)` },
    stochastic: true,
    inPaper: true,
  };

  readonly name = Badge.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({ embeddings: true });

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'Badge.select';
    validateSelectOptions(options, fn);
    const { probs, n, c, embeddings: h, d } = validateEmbeddings(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    const yHat = argmaxRows(probs, n, c);
    // ‖g_i‖² = ‖a_i‖²‖h_i‖², with ‖a_i‖² = 1 − 2 p_i[ŷ_i] + ‖p_i‖².
    const g2 = new Float64Array(n);
    let first = 0;
    for (let i = 0, po = 0, ho = 0; i < n; i++, po += c, ho += d) {
      const pp = dotProduct(probs, po, probs, po, c);
      const hh = dotProduct(h, ho, h, ho, d);
      g2[i] = (1 - 2 * probs[po + yHat[i]!]! + pp) * hh;
      if (g2[i]! > g2[first]!) first = i;
    }
    const pc = new Float64Array(c);
    const hc = new Float64Array(d);
    const distancesTo = (center: number, out: Float64Array): void => {
      for (let k = 0; k < c; k++) pc[k] = probs[center * c + k]!;
      for (let j = 0; j < d; j++) hc[j] = h[center * d + j]!;
      const yc = yHat[center]!;
      const g2c = g2[center]!;
      for (let i = 0, po = 0, ho = 0; i < n; i++, po += c, ho += d) {
        const yi = yHat[i]!;
        const aa = (yi === yc ? 1 : 0) - pc[yi]! - probs[po + yc]! + dotProduct(probs, po, pc, 0, c);
        out[i] = g2[i]! + g2c - 2 * aa * dotProduct(h, ho, hc, 0, d);
      }
    };
    const indices = kmeansPlusPlusSeeding(n, q, distancesTo, options.random, { first });
    return { indices };
  }
}
