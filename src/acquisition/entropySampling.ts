import { predictiveEntropy } from './kernels/predictiveEntropy.ts';
import { topScoreSelection } from './topScoreSelection.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import type { StrategySpec } from './strategySpec.ts';

/**
 * Entropy sampling: the Q points with the highest predictive entropy H(x) = −Σ_c p_c ln p_c
 * (Wang & Shen 2014, "A new active labeling method for deep learning"; Settles 2009).
 * Deterministic (ties to the lower index). Cost O(N·C + N log Q).
 */
export class EntropySampling implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'entropy',
    aliases: [],
    label: 'Entropy',
    fullName: 'Entropy sampling',
    summary: 'The Q points with the highest predictive entropy.',
    citation: { authors: 'Dan Wang, Yi Shang', title: 'A new active labeling method for deep learning', venue: 'International Joint Conference on Neural Networks (IJCNN), pp. 112–119', year: 2014 },
    options: [],
    colors: { default: '#1f77b4', colorblind: '#56B4E9' },
    // Not in the paper's table: one pass over the pool plus a top-Q selection.
    complexity: { text: 'O(N_u · C + N_u · log Q)', latex: String.raw`\mathcal{O}(N_u \cdot C + N_u \log Q)` },
    stochastic: false,
    inPaper: true,
  };

  readonly name = EntropySampling.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({});
  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    return topScoreSelection('EntropySampling.select', pool, batchSize, options, predictiveEntropy);
  }
}
