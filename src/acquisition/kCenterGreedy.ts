/**
 * KCenterGreedy — the greedy core-set of Sener & Savarese (2018), "Active Learning for Convolutional
 * Neural Networks: A Core-Set Approach". In the penultimate embedding space, every unlabeled point's
 * distance to its nearest labeled point is computed; then Q times the point farthest from all centres
 * (labeled + already chosen) is picked and the distances are lowered by it (farthest-first traversal).
 * Euclidean distance (squared internally: same argmax). Deterministic when a labeled set is given;
 * with no labeled points the first centre is drawn uniformly.
 *
 * Cost: O(N·L·D) for the initial distances (a blocked matrix product, in blocks of 64 pool points) +
 * O(Q·N·D) for the picks; memory O(N + 64·L). Never an N × N or N × L matrix.
 */
import { farthestFirst } from './kernels/farthestFirst.ts';
import { nearestCentres } from './kernels/nearestCentres.ts';
import { updateMinSquaredDistances } from './kernels/squaredDistances.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateLabeled, validateSelectOptions } from './validate.ts';

export class KCenterGreedy implements Strategy {
  readonly name = 'kcenter';
  readonly needs: StrategyNeeds = Object.freeze({ embeddings: true, labeledEmbeddings: true });

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'KCenterGreedy.select';
    validateSelectOptions(options, fn);
    const { n, d, embeddings, labeledEmbeddings, numLabeled } = validateLabeled(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    let initial: Float64Array | null = null;
    if (numLabeled > 0) {
      // Distance to the nearest labeled point: blocked product + exact re-check (kernels/nearestCentres.ts).
      initial = nearestCentres(embeddings, n, labeledEmbeddings, numLabeled, d).distance;
    }
    const indices = farthestFirst(
      n,
      q,
      initial,
      (center, minDist) => updateMinSquaredDistances(embeddings, n, d, embeddings, center * d, minDist),
      options.random,
    );
    return { indices };
  }
}
