import { leastConfidence } from './kernels/leastConfidence.ts';
import { topScoreSelection } from './topScoreSelection.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import type { StrategySpec } from './strategySpec.ts';

/**
 * Least-confidence sampling: the Q points whose most probable class has the lowest probability,
 * i.e. the highest 1 − max_c p_c (Settles 2009, "Active Learning Literature Survey", section 3.1).
 * Deterministic (ties to the lower index). Cost O(N·C + N log Q).
 */
export class LeastConfidenceSampling implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'least-confidence',
    aliases: ['leastconfidence'],
    label: 'Least confidence',
    fullName: 'Least-confidence sampling',
    summary: 'The Q points whose most probable class has the lowest probability.',
    citation: { authors: 'Burr Settles', title: 'Active Learning Literature Survey (section 3.1)', venue: 'Computer Sciences Technical Report 1648, University of Wisconsin–Madison', year: 2009 },
    options: [],
    colors: { default: '#17becf', colorblind: '#332288' },
    complexity: undefined,
    stochastic: false,
    inPaper: false,
  };

  readonly name = LeastConfidenceSampling.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({});
  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    return topScoreSelection('LeastConfidenceSampling.select', pool, batchSize, options, leastConfidence);
  }
}
