/**
 * Random sampling: Q distinct pool points drawn uniformly without replacement. The baseline of every
 * active-learning comparison (paper, section 4).
 *
 * Cost: O(Q) expected for Q ≪ N, O(N) otherwise (`Random.sampleWithoutReplacement`); reads only the
 * pool size. Still validates the probabilities so that every strategy rejects the same bad pools.
 */
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateProbabilities, validateSelectOptions } from './validate.ts';

export class RandomSampling implements Strategy {
  readonly name = 'random';
  readonly needs: StrategyNeeds = Object.freeze({});

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'RandomSampling.select';
    validateSelectOptions(options, fn);
    const { n } = validateProbabilities(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    return { indices: options.random.sampleWithoutReplacement(n, q) };
  }
}
