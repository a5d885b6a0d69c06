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
import { kmeans } from './kernels/kmeans.ts';
import { kmeansPlusPlus } from './kernels/kmeansPlusPlus.ts';
import { predictiveEntropy } from './kernels/predictiveEntropy.ts';
import { nearestPointPerCentroid } from './kernels/nearestPointPerCentroid.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateEmbeddings, validateSelectOptions } from './validate.ts';

export interface ClueOptions {
  /** Lloyd iterations at most (default 20; 0 keeps the k-means++ seeds as centroids). */
  readonly maxIterations?: number;
}

export class Clue implements Strategy {
  readonly name = 'clue';
  readonly needs: StrategyNeeds = Object.freeze({ embeddings: true });
  readonly maxIterations: number;

  /** @throws RangeError when maxIterations is not an integer >= 0. */
  constructor(options: ClueOptions = {}) {
    const m = options.maxIterations ?? 20;
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 0) throw new RangeError(`Clue: maxIterations must be an integer >= 0, got ${String(m)}`);
    this.maxIterations = m;
  }

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'Clue.select';
    validateSelectOptions(options, fn);
    const { probs, n, c, embeddings, d } = validateEmbeddings(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    const weights = predictiveEntropy(probs, n, c);
    const seeds = kmeansPlusPlus(embeddings, n, d, q, options.random, { weights });
    const init = new Float64Array(q * d);
    for (let j = 0; j < q; j++) for (let t = 0; t < d; t++) init[j * d + t] = embeddings[seeds[j]! * d + t]!;
    // A zero total weight (all points certain) would freeze every centroid; fall back to unweighted means.
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    const km = kmeans(embeddings, n, d, init, q, { maxIterations: this.maxIterations, ...(total > 0 ? { weights } : {}) });
    return { indices: nearestPointPerCentroid(embeddings, n, d, km.centroids, q) };
  }
}
