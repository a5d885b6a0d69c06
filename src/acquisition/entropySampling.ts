/**
 * Entropy sampling: the Q points with the highest predictive entropy H(x) = −Σ_c p_c ln p_c
 * (Wang & Shen 2014, "A new active labeling method for deep learning"; Settles 2009).
 * Deterministic (ties to the lower index). Cost O(N·C + N log Q).
 */
import { predictiveEntropy } from './kernels/predictiveEntropy.ts';
import { topScoreSelection } from './topScoreSelection.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';

export class EntropySampling implements Strategy {
  readonly name = 'entropy';
  readonly needs: StrategyNeeds = Object.freeze({});
  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    return topScoreSelection('EntropySampling.select', pool, batchSize, options, predictiveEntropy);
  }
}
