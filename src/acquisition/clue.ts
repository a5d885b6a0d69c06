import { product } from './kernels/crossProductKernel.ts';
import { kmeans } from './kernels/kmeans.ts';
import { kmeansPlusPlus } from './kernels/kmeansPlusPlus.ts';
import { predictiveEntropy } from './kernels/predictiveEntropy.ts';
import { nearestPointPerCentroid } from './kernels/nearestPointPerCentroid.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateEmbeddings, validateSelectOptions } from './validate.ts';
import { checkOptions, type StrategySpec } from './strategySpec.ts';

export interface ClueOptions {
  /** Lloyd iterations at most (default 20; 0 keeps the k-means++ seeds as centroids). */
  readonly maxIterations?: number;
}

/**
 * CLUE — Clustering Uncertainty-weighted Embeddings (Prabhu, Chandrasekaran, Saenko & Hoffman, ICCV 2021,
 * "Active Domain Adaptation via Clustering Uncertainty-weighted Embeddings"). Weighted k-means with
 * K = Q clusters on the penultimate embeddings, each point weighted by its predictive entropy
 * (so uncertain regions pull the centroids), then for each centroid the nearest pool point not already
 * chosen. Seeding: entropy-weighted k-means++ (kernels/kmeansPlusPlus.ts); refinement: Lloyd's
 * iterations (kernels/kmeans.ts) until no assignment changes or `maxIterations`.
 *
 * Cost: O(Q·N·D) for the seeding, O(Q·N·D) per Lloyd iteration, O(Q·N·D) for the nearest points;
 * memory O(N + Q·D).
 */
export class Clue implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'clue',
    aliases: [],
    label: 'CLUE',
    fullName: 'CLUE: Clustering Uncertainty-weighted Embeddings',
    summary: 'Entropy-weighted k-means with Q clusters on embeddings; the point nearest each centroid.',
    citation: { authors: 'Viraj Prabhu, Arjun Chandrasekaran, Kate Saenko, Judy Hoffman', title: 'Active Domain Adaptation via Clustering Uncertainty-weighted Embeddings', venue: 'IEEE/CVF International Conference on Computer Vision (ICCV), pp. 8505–8514', year: 2021 },
    options: [{ name: 'maxIterations', kind: 'number', default: 20, min: 0, integer: true, description: 'Lloyd iterations at most after k-means++ seeding' }],
    colors: { default: '#8c564b', colorblind: '#E69F00' },
    complexity: { text: 'O(Q · N_u · i · D)', latex: String.raw`\mathcal{O}(Q \cdot N_u \cdot i \cdot D)` },
    stochastic: true,
    inPaper: true,
  };

  readonly name = Clue.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({ embeddings: true });
  readonly maxIterations: number;

  /** @throws TypeError / RangeError for an option outside `Clue.spec.options` (checkOptions). */
  constructor(options: ClueOptions = {}) {
    this.maxIterations = checkOptions(Clue.spec.options, options, 'Clue').maxIterations as number;
  }

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'Clue.select';
    validateSelectOptions(options, fn);
    const { probs, n, c, embeddings, d } = validateEmbeddings(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    const weights = predictiveEntropy(probs, n, c);
    const seeds = kmeansPlusPlus(embeddings, n, d, q, options.random, { weights, ...product(options) });
    const init = new Float64Array(q * d);
    for (let j = 0; j < q; j++) for (let t = 0; t < d; t++) init[j * d + t] = embeddings[seeds[j]! * d + t]!;
    // A zero total weight (all points certain) would freeze every centroid; fall back to unweighted means.
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    const km = kmeans(embeddings, n, d, init, q, { maxIterations: this.maxIterations, ...(total > 0 ? { weights } : {}), ...product(options) });
    return { indices: nearestPointPerCentroid(embeddings, n, d, km.centroids, q, options.crossProduct) };
  }
}
