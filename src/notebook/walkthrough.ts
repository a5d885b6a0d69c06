/**
 * The pieces of the newcomer walkthrough (notebooks/00-walkthrough.ipynb) that are not one call elsewhere:
 * a table of a query's picks, a summary of how γ changes a query, and the small active-learning experiment
 * of its last step.
 */
import type { ExperimentConfig } from '../experiment/config.ts';
import type { NotebookScale } from './parameters.ts';
import { marginUncertaintyOf, type TrainedPool } from './trainedPool.ts';

export interface PickRow {
  readonly pick: number;
  readonly poolIndex: number;
  readonly trueClass: string;
  readonly predicted: string;
  /** The model's probabilities, rounded to 3 decimals. */
  readonly probabilities: string;
  /** Margin uncertainty u(x) = 1 − (p1 − p2), paper Eq. (2). */
  readonly u: number;
}

/** One row per pick, in pick order: true and predicted class, probabilities and u(x). Cost: O(Q · C). */
export function pickTable(pool: TrainedPool, chosen: ArrayLike<number>): PickRow[] {
  const u = marginUncertaintyOf(pool);
  const c = pool.numClasses;
  return Array.from(chosen, (i, k) => {
    const row = Array.from(pool.probs.subarray(i * c, (i + 1) * c));
    const arg = row.indexOf(Math.max(...row));
    return {
      pick: k + 1,
      poolIndex: i,
      trueClass: pool.classNames[pool.y[i]!] ?? String(pool.y[i]),
      predicted: pool.classNames[arg] ?? String(arg),
      probabilities: row.map((v) => v.toFixed(3)).join(' '),
      u: +u[i]!.toFixed(3),
    };
  });
}

export interface QuerySummary {
  readonly label: string;
  /** Mean u(x) of the picks (high = uncertain picks). */
  readonly meanU: number;
  /** How many different true classes the picks cover. */
  readonly classes: number;
  /** Picks the model gets wrong (the informative ones). */
  readonly misclassified: number;
  /** Share of picks also in the reference query (1 = the same batch). */
  readonly overlap: number;
}

/** Summaries of several queries on one pool, each against `reference`'s picks. Cost: O(Σ Q · C + N · C). */
export function compareQueries(pool: TrainedPool, queries: ReadonlyArray<{ readonly label: string; readonly chosen: ArrayLike<number> }>, reference: ArrayLike<number>): QuerySummary[] {
  const u = marginUncertaintyOf(pool);
  const ref = new Set(Array.from(reference));
  const c = pool.numClasses;
  return queries.map((q) => {
    const picks = Array.from(q.chosen);
    let wrong = 0;
    for (const i of picks) {
      const row = Array.from(pool.probs.subarray(i * c, (i + 1) * c));
      if (row.indexOf(Math.max(...row)) !== pool.y[i]) wrong++;
    }
    return {
      label: q.label,
      meanU: +(picks.reduce((s, i) => s + u[i]!, 0) / Math.max(1, picks.length)).toFixed(3),
      classes: new Set(picks.map((i) => pool.y[i])).size,
      misclassified: wrong,
      overlap: +(picks.filter((i) => ref.has(i)).length / Math.max(1, picks.length)).toFixed(2),
    };
  });
}

/**
 * The walkthrough's active-learning loop: MNIST with LeNet, Q = 20 from 20 labels to 100, FALCUN at γ
 * against FALCUN at γ = 0 (uniform picks) and Entropy, one seed (quick: a 2,000-image pool, ~1 min on 2
 * cores; smoke: 300 images and 3 epochs, seconds).
 * @throws RangeError for a γ outside [0, 100].
 */
export function walkthroughConfig(scale: NotebookScale, gamma = 10): ExperimentConfig {
  if (!(gamma >= 0 && gamma <= 100)) throw new RangeError(`walkthroughConfig: gamma must be in [0, 100], got ${gamma}`);
  const smoke = scale === 'smoke';
  return {
    name: `walkthrough-${scale}`,
    datasets: [{ name: 'mnist', querySize: 20, initialSize: 20, budget: 100, trainSubset: smoke ? 300 : 2000, testSubset: smoke ? 200 : 1000, ...(smoke ? { training: { epochs: 3 } } : {}) }],
    strategies: [
      { name: 'falcun', label: `falcun-g${gamma}`, options: { gamma } },
      ...(gamma === 0 ? [] : [{ name: 'falcun', label: 'falcun-g0', options: { gamma: 0 } }]),
      'entropy',
    ],
    seeds: [0],
    backend: 'wasm',
  };
}
