import { marginUncertainty } from './kernels/marginUncertainty.ts';
import { topScoreSelection } from './topScoreSelection.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import type { StrategySpec } from './strategySpec.ts';

/**
 * Margin sampling: the Q points with the smallest gap between their two most probable classes, i.e. the
 * highest u(x) = 1 − (p[c1] − p[c2]) (Roth & Small 2006; FALCUN's Eq. (1) without its diversity term).
 * Deterministic (ties to the lower index). Cost O(N·C + N log Q).
 */
export class MarginSampling implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'margin',
    aliases: [],
    label: 'Margin',
    fullName: 'Margin sampling',
    summary: 'The Q points with the smallest gap between the two most probable classes.',
    citation: { authors: 'Dan Roth, Kevin Small', title: 'Margin-based active learning for structured output spaces', venue: 'European Conference on Machine Learning (ECML), pp. 413–424', year: 2006 },
    options: [],
    colors: { default: '#393b79', colorblind: '#44AA99' },
    complexity: undefined,
    stochastic: false,
    inPaper: false,
  };

  readonly name = MarginSampling.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({});
  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    return topScoreSelection('MarginSampling.select', pool, batchSize, options, marginUncertainty);
  }
}
