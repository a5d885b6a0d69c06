/**
 * Margin sampling: the Q points with the smallest gap between their two most probable classes, i.e. the
 * highest u(x) = 1 − (p[c1] − p[c2]) (Roth & Small 2006; FALCUN's Eq. (1) without its diversity term).
 * Deterministic (ties to the lower index). Cost O(N·C + N log Q).
 */
import { marginUncertainty } from './kernels/marginUncertainty.ts';
import { topScoreSelection } from './topScoreSelection.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';

export class MarginSampling implements Strategy {
  readonly name = 'margin';
  readonly needs: StrategyNeeds = Object.freeze({});
  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    return topScoreSelection('MarginSampling.select', pool, batchSize, options, marginUncertainty);
  }
}
