import { farthestFirst } from './kernels/farthestFirst.ts';
import { product } from './kernels/crossProductKernel.ts';
import { nearestCentres } from './kernels/nearestCentres.ts';
import { ScreenedPointDistances } from './kernels/screenedPointDistances.ts';
import { updateMinSquaredDistances } from './kernels/squaredDistances.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateLabeled, validateSelectOptions } from './validate.ts';
import type { StrategySpec } from './strategySpec.ts';

/**
 * KCenterGreedy — the greedy core-set of Sener & Savarese (2018), "Active Learning for Convolutional
 * Neural Networks: A Core-Set Approach". In the penultimate embedding space, every unlabeled point's
 * distance to its nearest labeled point is computed; then Q times the point farthest from all centres
 * (labeled + already chosen) is picked and the distances are lowered by it (farthest-first traversal).
 * Euclidean distance (squared internally: same argmax). Deterministic when a labeled set is given;
 * with no labeled points the first centre is drawn uniformly.
 *
 * Cost: O(N·L·D) for the initial distances (a blocked matrix product, in blocks of 64 pool points) +
 * O(Q·N·D) for the picks; memory O(N + 64·L). Never an N × N or N × L matrix.
 */
export class KCenterGreedy implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'kcenter',
    aliases: ['kcentergreedy', 'coreset'],
    label: 'KCenterGreedy',
    fullName: 'KCenterGreedy (core-set)',
    summary: 'Farthest-first traversal of the embeddings, starting from the labeled set.',
    citation: { authors: 'Ozan Sener, Silvio Savarese', title: 'Active Learning for Convolutional Neural Networks: A Core-Set Approach', venue: 'International Conference on Learning Representations (ICLR)', year: 2018 },
    options: [],
    colors: { default: '#2ca02c', colorblind: '#009E73' },
    complexity: { text: 'O(N_l · N_u · D + Q · N_u)', latex: String.raw`\mathcal{O}(N_l \cdot N_u \cdot D + Q \cdot N_u)` },
    // Deterministic given a labeled set; the first centre is drawn only when there is none.
    stochastic: false,
    inPaper: true,
  };

  readonly name = KCenterGreedy.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({ embeddings: true, labeledEmbeddings: true });

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'KCenterGreedy.select';
    validateSelectOptions(options, fn);
    const { n, d, embeddings, labeledEmbeddings, numLabeled } = validateLabeled(pool, fn);
    const q = validateBatchSize(batchSize, n, fn);
    let initial: Float64Array | null = null;
    if (numLabeled > 0) {
      // Distance to the nearest labeled point: blocked product + exact re-check (kernels/nearestCentres.ts).
      initial = nearestCentres(embeddings, n, labeledEmbeddings, numLabeled, d, product(options)).distance;
    }
    // Per-pick updates: screened on the injected product when there is one (same minima, ~5× faster).
    const screened = options.crossProduct === undefined || q < 2 ? undefined : ScreenedPointDistances.create(embeddings, n, d, options.crossProduct);
    try {
      const update = screened
        ? (center: number, minDist: Float64Array) => screened.updateMin(center, minDist)
        : (center: number, minDist: Float64Array) => updateMinSquaredDistances(embeddings, n, d, embeddings, center * d, minDist);
      return { indices: farthestFirst(n, q, initial, update, options.random) };
    } finally {
      screened?.dispose();
    }
  }
}
