import { farthestFirst } from './kernels/farthestFirst.ts';
import { updateMinSquaredDistances } from './kernels/squaredDistances.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateProbabilities, validateSelectOptions } from './validate.ts';
import type { StrategySpec } from './strategySpec.ts';

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
export class Cdal implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'cdal',
    aliases: [],
    label: 'CDAL',
    fullName: 'CDAL: Contextual Diversity for Active Learning',
    summary: 'Farthest-first traversal of the softmax probability vectors.',
    citation: { authors: 'Sharat Agarwal, Himanshu Arora, Saket Anand, Chetan Arora', title: 'Contextual Diversity for Active Learning', venue: 'European Conference on Computer Vision (ECCV), pp. 137–153', year: 2020 },
    options: [],
    colors: { default: '#9467bd', colorblind: '#CC79A7' },
    complexity: { text: 'O(N_l · N_u · C + Q · N_u)', latex: String.raw`\mathcal{O}(N_l \cdot N_u \cdot C + Q \cdot N_u)` },
    stochastic: true,
    inPaper: true,
  };

  readonly name = Cdal.spec.name;
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
