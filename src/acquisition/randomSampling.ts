import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateProbabilities, validateSelectOptions } from './validate.ts';
import type { StrategySpec } from './strategySpec.ts';

/**
 * Random sampling: Q distinct pool points drawn uniformly without replacement. The baseline of every
 * active-learning comparison (paper, section 4).
 *
 * Cost: O(Q) expected for Q ≪ N, O(N) otherwise (`Random.sampleWithoutReplacement`); reads only the
 * pool size. Still validates the probabilities so that every strategy rejects the same bad pools.
 */
export class RandomSampling implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'random',
    aliases: [],
    label: 'Random',
    fullName: 'Random sampling',
    summary: 'Q pool points drawn uniformly without replacement.',
    citation: { authors: 'Burr Settles', title: 'Active Learning Literature Survey', venue: 'Computer Sciences Technical Report 1648, University of Wisconsin–Madison', year: 2009 },
    options: [],
    colors: { default: '#7f7f7f', colorblind: '#000000' },
    complexity: undefined,
    stochastic: true,
    inPaper: true,
  };

  readonly name = RandomSampling.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({});

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'RandomSampling.select';
    validateSelectOptions(options, fn);
    const { n } = validateProbabilities(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    return { indices: options.random.sampleWithoutReplacement(n, q) };
  }
}
