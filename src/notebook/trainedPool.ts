/**
 * A model trained on a small labeled set and its view of an unlabeled pool: what the qualitative figures
 * (paper Fig. 1, 6, 7, 8, 9) show. The labeled set has `labeledPerClass` images of each class chosen;
 * the pool holds `poolSize` other training rows of those classes; per-class accuracy is measured on up to
 * `testSize` test rows of those classes. Deterministic for a seed (wasm backend, seeded initialisation).
 *
 * Cost: one training (LeNet, 30 images × 20 epochs: ~1 s here) and one forward pass over pool and test.
 */
import type { LinearHead, PoolView } from '../acquisition/types.ts';
import { featureSize, type Dataset } from '../data/dataset.ts';
import { loadDataset, type LoadOptions } from '../data/registry.ts';
import { currentBackendInfo, initBackend } from '../backend/initBackend.ts';
import { accuracyFromProbs } from '../experiment/evaluate.ts';
import { gatherRows } from '../experiment/pool.ts';
import { Random } from '../random.ts';
import { createClassifierSession } from '../training/createClassifierSession.ts';
import { rowsByClass, relabel } from '../data/classSubset.ts';
import { defaultModelFor } from '../experiment/dependencies.ts';

export interface TrainedPoolOptions {
  /** Registry name, e.g. 'mnist', 'randomrbf'. */
  readonly dataset: string;
  readonly datasetOptions?: LoadOptions;
  /** Classes to keep (relabelled 0..k−1 in this order); default all. */
  readonly classes?: readonly number[];
  /** Labeled images per class (default 10). */
  readonly labeledPerClass?: number;
  /** Unlabeled pool size (default 1,500). */
  readonly poolSize?: number;
  /** Test rows for the per-class accuracy (default 1,000). */
  readonly testSize?: number;
  /** Training epochs (default: the model's paper default). */
  readonly epochs?: number;
  /** Seed of the row choice and the initialisation (default 0). */
  readonly seed?: number;
}

export interface TrainedPool {
  readonly dataset: string;
  readonly classNames: readonly string[];
  readonly numClasses: number;
  /** Pool size N. */
  readonly n: number;
  /** Pool probabilities N × C and embeddings N × D (row-major), labels N. */
  readonly probs: Float32Array;
  readonly embeddings: Float32Array;
  readonly embeddingDim: number;
  readonly y: Int32Array;
  /** Rows of the training split in the pool (for images: `trainRows[i]` is pool point i). */
  readonly trainRows: Int32Array;
  /** The labeled set: L rows, probabilities L × C, embeddings L × D, labels. */
  readonly numLabeled: number;
  readonly labeledProbs: Float32Array;
  readonly labeledEmbeddings: Float32Array;
  readonly labeledY: Int32Array;
  readonly head: LinearHead;
  /** Test accuracy per (kept) class, null for a class without test rows. */
  readonly perClassAccuracy: ReadonlyArray<number | null>;
  readonly testAccuracy: number;
  readonly fitSeconds: number;
}

function checkInt(fn: string, field: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`${fn}: ${field} must be an integer in [${lo}, ${hi}], got ${String(v)}`);
}

/**
 * Loads the dataset, trains the default model for its kind (LeNet for grayscale images, MLP for tables)
 * on the labeled set and returns probabilities and embeddings of the pool and the labeled set.
 * @throws RangeError for a class not in the dataset, fewer than 2 classes, or sizes out of range
 *   (more rows asked for than the chosen classes hold); errors of the data loader (missing files).
 */
export async function trainedPool(options: TrainedPoolOptions, dataset?: Dataset): Promise<TrainedPool> {
  const fn = 'trainedPool';
  const ds = dataset ?? (await loadDataset(options.dataset, options.datasetOptions ?? {}));
  const classes = [...(options.classes ?? ds.classNames.map((_, c) => c))];
  if (classes.length < 2 || new Set(classes).size !== classes.length) throw new RangeError(`${fn}: classes must hold at least 2 distinct classes, got [${classes.join(', ')}]`);
  for (const c of classes) checkInt(fn, 'classes[]', c, 0, ds.numClasses - 1);
  const perClass = options.labeledPerClass ?? 10;
  const poolSize = options.poolSize ?? 1500;
  const testSize = options.testSize ?? 1000;
  const seed = options.seed ?? 0;
  checkInt(fn, 'labeledPerClass', perClass, 1, 10_000);
  checkInt(fn, 'poolSize', poolSize, 2, 1_000_000);
  checkInt(fn, 'testSize', testSize, 1, 1_000_000);
  checkInt(fn, 'seed', seed, 0, 0xffffffff);

  const random = new Random(seed).fork('trained-pool', ds.name);
  const byClass = rowsByClass(ds.train.y, classes, random);
  byClass.forEach((g, k) => {
    if (g.length <= perClass) throw new RangeError(`${fn}: class ${classes[k]} has ${g.length} training rows, fewer than labeledPerClass + 1 = ${perClass + 1}`);
  });
  const labeledRows = byClass.flatMap((g) => g.slice(0, perClass));
  const rest = random.shuffleInPlace(byClass.flatMap((g) => g.slice(perClass)));
  if (rest.length < poolSize) throw new RangeError(`${fn}: poolSize must be at most ${rest.length} (rows of the chosen classes left after the labeled set), got ${poolSize}`);
  const poolRows = rest.slice(0, poolSize);
  // Test rows taken class by class in turn, so a testSize below the split's size still covers every class
  // (taking the first testSize of the class-sorted rows left every class but the first without a test row).
  const testByClass = rowsByClass(ds.test.y, classes, random.fork('test'));
  const testRows: number[] = [];
  for (let i = 0; testRows.length < testSize && testByClass.some((g) => i < g.length); i++) {
    for (const g of testByClass) if (i < g.length && testRows.length < testSize) testRows.push(g[i]!);
  }

  // The backend line goes to stdout (a notebook shows stderr as a red box, as if something failed).
  if (currentBackendInfo() === undefined) await initBackend({ log: (line) => console.log(line) });
  const rowSize = featureSize(ds.shape);
  const model = defaultModelFor(ds);
  const session = await createClassifierSession({
    model,
    inputShape: ds.shape,
    numClasses: classes.length,
    keepWeights: false,
    seed,
    ...(options.epochs !== undefined ? { training: { epochs: options.epochs } } : {}),
  });
  try {
    const labeledY = relabel(ds.train.y, labeledRows, classes);
    const t0 = performance.now();
    await session.fit(gatherRows(ds.train.x, rowSize, labeledRows), labeledY);
    const fitSeconds = (performance.now() - t0) / 1000;
    const pool = await session.predictWithEmbeddings(gatherRows(ds.train.x, rowSize, poolRows));
    const labeled = await session.predictWithEmbeddings(gatherRows(ds.train.x, rowSize, labeledRows));
    const testY = relabel(ds.test.y, testRows, classes);
    const acc = testRows.length > 0 ? accuracyFromProbs(await session.predictProba(gatherRows(ds.test.x, rowSize, testRows)), testY, classes.length) : { accuracy: Number.NaN, perClass: classes.map(() => null) };
    return {
      dataset: ds.name,
      classNames: classes.map((c) => ds.classNames[c] ?? String(c)),
      numClasses: classes.length,
      n: poolSize,
      probs: pool.probs,
      embeddings: pool.embeddings,
      embeddingDim: session.embeddingDim,
      y: relabel(ds.train.y, poolRows, classes),
      trainRows: Int32Array.from(poolRows),
      numLabeled: labeledRows.length,
      labeledProbs: labeled.probs,
      labeledEmbeddings: labeled.embeddings,
      labeledY,
      head: session.head(),
      perClassAccuracy: acc.perClass,
      testAccuracy: acc.accuracy,
      fitSeconds,
    };
  } finally {
    session.dispose();
  }
}

/**
 * The pool of paper Fig. 1, 6, 8 and the γ explorer: MNIST digits 3, 5 and 8 (alike, so the pool spreads
 * over the simplex), LeNet trained on 10 labeled images of each.
 */
export function threeClassPool(options: Partial<TrainedPoolOptions> = {}): Promise<TrainedPool> {
  return trainedPool({ dataset: 'mnist', classes: [3, 5, 8], labeledPerClass: 10, poolSize: 1500, ...options });
}

/**
 * Pool size, training epochs and t-SNE iterations of the 3-class views (Fig. 1, 6, 8, 9) at a scale:
 * smoke = a 300-point pool and 5 epochs (seconds; the model is barely trained, so the points crowd the
 * simplex centre: a plumbing check), otherwise the paper's LeNet (20 epochs) on 1,500 points.
 */
export function threeClassScale(scale: 'smoke' | 'quick' | 'paper'): { readonly poolSize: number; readonly epochs: number | undefined; readonly tsneIterations: number } {
  return scale === 'smoke' ? { poolSize: 300, epochs: 5, tsneIterations: 300 } : { poolSize: 1500, epochs: undefined, tsneIterations: 1000 };
}

/** The PoolView every strategy accepts (probabilities, embeddings, labeled embeddings and the head). */
export function poolViewOf(p: TrainedPool): PoolView {
  return {
    probs: p.probs,
    numUnlabeled: p.n,
    numClasses: p.numClasses,
    embeddings: p.embeddings,
    embeddingDim: p.embeddingDim,
    labeledEmbeddings: p.labeledEmbeddings,
    labeledY: p.labeledY,
    numLabeled: p.numLabeled,
    head: p.head,
  };
}

/** Margin uncertainty u(x) = 1 − (p1 − p2) of each pool point (paper Eq. (2)), for colouring. */
export function marginUncertaintyOf(p: Pick<TrainedPool, 'probs' | 'n' | 'numClasses'>): Float64Array {
  const u = new Float64Array(p.n);
  const c = p.numClasses;
  for (let i = 0; i < p.n; i++) {
    let a = -Infinity;
    let b = -Infinity;
    for (let k = 0; k < c; k++) {
      const v = p.probs[i * c + k]!;
      if (v > a) {
        b = a;
        a = v;
      } else if (v > b) b = v;
    }
    u[i] = 1 - (a - b);
  }
  return u;
}

/** Labeled set and pool stacked (labeled rows first): for t-SNE views that show both (Fig. 7, 8). */
export interface StackedPool {
  /** L + N rows. */
  readonly n: number;
  readonly probs: Float32Array;
  readonly embeddings: Float32Array;
  readonly y: Int32Array;
  /** Rows 0..L−1. */
  readonly labeled: Int32Array;
  /** Add this to a pool index to get its stacked row. */
  readonly offset: number;
}

/** Stacks the labeled set above the pool. Cost: O((L + N) · (C + D)) copies. */
export function stackLabeled(p: TrainedPool): StackedPool {
  const L = p.numLabeled;
  const cat = <T extends Float32Array | Int32Array>(a: T, b: T, make: (n: number) => T): T => {
    const out = make(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
  };
  return {
    n: L + p.n,
    probs: cat(p.labeledProbs, p.probs, (n) => new Float32Array(n)),
    embeddings: cat(p.labeledEmbeddings, p.embeddings, (n) => new Float32Array(n)),
    y: cat(p.labeledY, p.y, (n) => new Int32Array(n)),
    labeled: Int32Array.from({ length: L }, (_, i) => i),
    offset: L,
  };
}
