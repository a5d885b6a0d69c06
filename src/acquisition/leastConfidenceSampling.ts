/**
 * Least-confidence sampling: the Q points whose most probable class has the lowest probability,
 * i.e. the highest 1 − max_c p_c (Settles 2009, "Active Learning Literature Survey", section 3.1).
 * Deterministic (ties to the lower index). Cost O(N·C + N log Q).
 */
import { leastConfidence } from './kernels/leastConfidence.ts';
import { topScoreSelection } from './topScoreSelection.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';

export class LeastConfidenceSampling implements Strategy {
  readonly name = 'least-confidence';
  readonly needs: StrategyNeeds = Object.freeze({});
  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    return topScoreSelection('LeastConfidenceSampling.select', pool, batchSize, options, leastConfidence);
  }
}
