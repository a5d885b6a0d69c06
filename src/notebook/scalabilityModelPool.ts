/**
 * The scalability study's pools on OpenML-156, as the paper's Appendix D has them: per (N, D) setting, a
 * fixed random subset of RandomRBF's training rows (N unlabeled plus the initial labeled set), an MLP with
 * D hidden units trained on the labeled rows with the paper's MLP protocol, and every round's view built by
 * the experiments' own forward pass (`buildPoolView`: probabilities, and embeddings, labeled embeddings or
 * the head only for a strategy that needs them), timed apart from the acquisition.
 *
 * Not retrained between rounds (a real run retrains; here that would cost more than all the acquisitions,
 * and the time of a query depends on the shapes and on how spread the probabilities are, not on the last
 * few points learnt): the model of round 0 serves every round, and picks leave the pool as in a real run.
 * Cost per setting: loading the rows once, one training on the labeled set (100 rows: ~1 s), then per
 * strategy and round a forward pass over the N_u + N_l rows the strategy reads.
 */
import type { PoolView, Strategy } from '../acquisition/types.ts';
import type { Dataset } from '../data/dataset.ts';
import { loadDataset, getDatasetEntry } from '../data/registry.ts';
import { buildPoolView } from '../experiment/activeLearningLoop.ts';
import { gatherLabels, gatherRows, preparePool, type RunPool } from '../experiment/pool.ts';
import { Random } from '../random.ts';
import { createClassifierSession, type TfClassifierSession } from '../training/createClassifierSession.ts';

/** One simulated run the timing loop drives: the view of each round and the move of the picks. */
export interface SimulatedRun {
  /** The pool as the strategy sees it this round, and the seconds its forward pass took (absent: no model). */
  view(): Promise<{ readonly view: PoolView; readonly forwardSeconds?: number }>;
  /** Moves the picks (indices into the current view) from the unlabeled pool into the labeled set. */
  label(indices: Int32Array, q: number): void;
}

/** The start shared by every strategy's run in one (N, Q, D) setting. */
export interface SettingPool {
  run(strategy: Strategy, budget: number): SimulatedRun;
  dispose(): void;
}

/**
 * Checks a strategy's picks against a pool of `n`: `q` distinct indices in [0, n).
 * @throws RangeError naming the first bad index, or the wrong count.
 */
export function checkPicks(indices: Int32Array, q: number, n: number): Uint8Array {
  const picked = new Uint8Array(n);
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= n || picked[i]) throw new RangeError(`measureScalability: a strategy returned index ${i}, not a new point of the pool of ${n}`);
    picked[i] = 1;
  }
  if (indices.length !== q) throw new RangeError(`measureScalability: a strategy returned ${indices.length} indices for a query of ${q}`);
  return picked;
}

/** The registry's RandomRBF (OpenML-156). */
export const OPENML_156 = 'randomrbf';

/** The fewest generated rows whose 80 % training split holds `trainRows` (RandomRBF's full stream has 1,000,000). */
export function randomRbfRowsFor(trainRows: number): number {
  const size = getDatasetEntry(OPENML_156).size!;
  let rows = Math.max(1, Math.floor(trainRows / 0.8) - 2); // just below the answer: the split rounds the test rows
  while (size({ rows }).train < trainRows) rows++;
  if (rows > 1_000_000) throw new RangeError(`measureScalability: an OpenML-156 pool of ${trainRows} rows (N plus the labeled set) exceeds its 800,000 training rows`);
  return rows;
}

/**
 * Loads RandomRBF once for the largest setting and returns the maker of each setting's pool.
 * @throws RangeError when N plus the labeled set exceeds OpenML-156's training rows.
 */
export async function openmlSettingPools(maxN: number, numLabeled: number, seed: number): Promise<(s: { N: number; D: number }) => Promise<SettingPool>> {
  const ds: Dataset = await loadDataset(OPENML_156, { rows: randomRbfRowsFor(maxN + numLabeled) });
  return async ({ N, D }) => {
    // The same N rows for every D and strategy (a fixed subset, as the curve runs' trainSubset).
    const pool = preparePool(ds, `scalability-openml-156-${N}`, N + numLabeled, 1);
    const labeledRows = Array.from(new Random(seed).fork('scalability-initial', N).sampleWithoutReplacement(pool.n, numLabeled)).sort((a, b) => a - b);
    const isLabeled = new Uint8Array(pool.n);
    for (const r of labeledRows) isLabeled[r] = 1;
    const unlabeledRows = Int32Array.from({ length: pool.n }, (_, i) => i).filter((i) => !isLabeled[i]);
    const session = await createClassifierSession({ model: 'mlp', inputShape: ds.shape, numClasses: ds.numClasses, hiddenUnits: D, keepWeights: false, seed });
    try {
      await session.fit(gatherRows(pool.x, pool.rowSize, labeledRows), gatherLabels(pool.y, labeledRows));
      // Untimed first forward pass: the backend's first use of these shapes is not the strategies' cost.
      await session.predictWithEmbeddings(gatherRows(pool.x, pool.rowSize, unlabeledRows.subarray(0, 1024)));
    } catch (e) {
      session.dispose();
      throw e;
    }
    return {
      run: (strategy) => new ModelRun(session, strategy, pool, unlabeledRows, labeledRows),
      dispose: () => session.dispose(),
    };
  };
}

/** One strategy's run on a model pool: row indices of the pool, moved as the picks come. */
export class ModelRun implements SimulatedRun {
  private unlabeled: Int32Array;
  private readonly labeled: number[];

  constructor(
    private readonly session: TfClassifierSession,
    private readonly strategy: Strategy,
    private readonly pool: RunPool,
    unlabeled: Int32Array,
    labeled: readonly number[],
  ) {
    this.unlabeled = unlabeled.slice();
    this.labeled = [...labeled];
  }

  /** Pool rows still unlabeled, and labeled in order (for tests). */
  rows(): { readonly unlabeled: Int32Array; readonly labeled: readonly number[] } {
    return { unlabeled: this.unlabeled, labeled: this.labeled };
  }

  async view(): Promise<{ view: PoolView; forwardSeconds: number }> {
    const t0 = performance.now();
    const view = await buildPoolView(this.session, this.strategy, this.pool, this.unlabeled, this.labeled);
    return { view, forwardSeconds: (performance.now() - t0) / 1000 };
  }

  label(indices: Int32Array, q: number): void {
    const picked = checkPicks(indices, q, this.unlabeled.length);
    for (const i of indices) this.labeled.push(this.unlabeled[i]!);
    this.unlabeled = this.unlabeled.filter((_, i) => !picked[i]);
  }
}
