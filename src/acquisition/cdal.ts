/**
 * CDAL — Contextual Diversity for Active Learning (Agarwal, Arora, Anand & Arora, ECCV 2020), in the
 * form the FALCUN paper compares against: farthest-first (core-set) selection on the softmax probability
 * vectors instead of the embeddings, so diversity is measured in the C-dimensional prediction space.
 * The pool view carries no probabilities of the labeled points, so the traversal starts from one pool
 * point drawn uniformly (one `random.int(N)`); then Q − 1 times the point with the largest squared
 * Euclidean distance to its nearest chosen point is picked (ties to the lower index).
 *
 * Cost: O(Q·N·C) time, O(N) memory; independent of D.
 */
import { farthestFirst } from './kernels/farthestFirst.ts';
import { updateMinSquaredDistances } from './kernels/squaredDistances.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateProbabilities, validateSelectOptions } from './validate.ts';

export class Cdal implements Strategy {
  readonly name = 'cdal';
  readonly needs: StrategyNeeds = Object.freeze({});

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'Cdal.select';
    validateSelectOptions(options, fn);
    const { probs, n, c } = validateProbabilities(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    const indices = farthestFirst(n, q, null, (center, minDist) => updateMinSquaredDistances(probs, n, c, probs, center * c, minDist), options.random);
    return { indices };
  }
}
