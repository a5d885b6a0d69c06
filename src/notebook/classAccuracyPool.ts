/**
 * The view paper Fig. 7 (a) draws: a table dataset (RandomRBF = OpenML-156 by default), the paper's MLP
 * trained on a few labels per class, its probabilities and per-class test accuracy on a pool, and a t-SNE
 * of the MLP embeddings of labeled set and pool. By default (`results: 'committed'`) it comes from the
 * committed snapshot notebooks/assets/randomrbf-class-accuracy-pool.json.gz (quick scale, seed 0: no data
 * generation, no training, no t-SNE), which keeps the probabilities and the t-SNE coordinates and drops the
 * 1,024-wide embeddings (FALCUN needs probabilities only). `npm run explorer:data` remakes it.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { perplexityFor } from '../embedding/tsneOptions.ts';
import { tsne } from '../embedding/tsne.ts';
import { Random } from '../random.ts';
import { REPO_ROOT } from '../sourcePath.ts';
import type { CommonParameters, NotebookScale } from './parameters.ts';
import { readPoolSnapshot, type PoolSnapshotMade } from './poolSnapshot.ts';
import { stackLabeled, trainedPool, type TrainedPool, type TrainedPoolOptions } from './trainedPool.ts';

/** The committed Fig. 7 snapshot (RandomRBF, quick scale, seed 0; embeddings left out, t-SNE kept). */
export const COMMITTED_CLASS_ACCURACY_FILE = join(REPO_ROOT, 'notebooks', 'assets', 'randomrbf-class-accuracy-pool.json.gz');

/**
 * Pool options and t-SNE iterations of Fig. 7 at a scale: smoke = 6 labels per class, a 400-point pool,
 * 20 epochs and 300 t-SNE iterations (seconds); otherwise 20 labels per class, 2,000 points, the MLP's
 * paper training and 1,000 iterations. RandomRBF is generated with 3,000 (smoke) or 20,000 rows.
 */
export function classAccuracyPoolOptions(scale: NotebookScale, dataset: string, seed: number): TrainedPoolOptions & { readonly tsneIterations: number } {
  const smoke = scale === 'smoke';
  return {
    dataset,
    ...(dataset === 'randomrbf' ? { datasetOptions: { rows: smoke ? 3000 : 20000 } } : {}),
    labeledPerClass: smoke ? 6 : 20,
    poolSize: smoke ? 400 : 2000,
    ...(smoke ? { epochs: 20 } : {}),
    seed,
    tsneIterations: smoke ? 300 : 1000,
  };
}

/** What made the committed snapshot (checked when it is read). */
export function committedClassAccuracyMade(): PoolSnapshotMade {
  const o = classAccuracyPoolOptions('quick', 'randomrbf', 0);
  return { maker: 'classAccuracyPool', dataset: o.dataset, rows: 20000, labeledPerClass: o.labeledPerClass!, poolSize: o.poolSize!, epochs: null, seed: 0, tsneIterations: o.tsneIterations };
}

/** Trains the pool and computes the t-SNE of labeled set + pool (what the snapshot stores). */
export async function makeClassAccuracyPool(scale: NotebookScale, dataset: string, seed: number): Promise<{ pool: TrainedPool; coords: Float64Array }> {
  const { tsneIterations, ...options } = classAccuracyPoolOptions(scale, dataset, seed);
  const pool = await trainedPool(options);
  const all = stackLabeled(pool);
  const coords = tsne(all.embeddings, all.n, pool.embeddingDim, { random: new Random(seed), iterations: tsneIterations, perplexity: perplexityFor(all.n) });
  return { pool, coords };
}

/**
 * Fig. 7's pool and t-SNE from the notebook's parameters: the committed snapshot when `results` is
 * 'committed' and it stands for the request (randomrbf, quick or paper scale, seed 0); otherwise (results
 * 'run', another dataset, scale or seed, or no snapshot: said in a NOTE) trained and embedded now (~20 s).
 * @throws errors of readPoolSnapshot (a damaged or mismatching snapshot), the data loader and training.
 */
export async function classAccuracyPoolFor(
  p: Pick<CommonParameters, 'results' | 'scale'> & { readonly dataset: string; readonly seed: number },
  log: (line: string) => void = (line) => console.log(line),
  file: string = COMMITTED_CLASS_ACCURACY_FILE,
): Promise<{ pool: TrainedPool; coords: Float64Array; source: 'committed' | 'trained'; summary: string }> {
  const made = committedClassAccuracyMade();
  const fits = p.dataset === made.dataset && p.scale !== 'smoke' && p.seed === made.seed;
  const t0 = performance.now();
  const secs = () => ((performance.now() - t0) / 1000).toFixed(1);
  const accuracy = (pool: TrainedPool) => `test accuracy ${(100 * pool.testAccuracy).toFixed(1)}%`;
  if (p.results === 'committed' && fits && existsSync(file)) {
    const snap = readPoolSnapshot(file);
    const differs = Object.keys(made).filter((k) => JSON.stringify(snap.made?.[k]) !== JSON.stringify(made[k]));
    if (differs.length > 0 || snap.coords === undefined) {
      throw new Error(`classAccuracyPoolFor: ${file} was made with ${JSON.stringify(snap.made)}${snap.coords === undefined ? ' and has no coords' : ''}, not ${JSON.stringify(made)}; remake it with 'npm run explorer:data'`);
    }
    const { coords, made: _made, ...pool } = snap;
    return { pool, coords, source: 'committed', summary: `committed pool (${relative(REPO_ROOT, file)}, read in ${secs()} s): MLP on ${pool.numLabeled} labels of ${pool.dataset}, ${accuracy(pool)}, pool of ${pool.n}, t-SNE stored` };
  }
  if (p.results === 'committed') {
    const why = !fits ? `it holds randomrbf, seed 0 at the quick/paper scale, not ${p.dataset}, seed ${p.seed} at '${p.scale}'` : `${relative(REPO_ROOT, file)} is not in this checkout`;
    log(`NOTE: not drawing the committed pool (${why}), so this notebook now TRAINS the MLP and runs t-SNE at scale '${p.scale}' (set results: 'run' in the parameter cell to always train).`);
  }
  const { pool, coords } = await makeClassAccuracyPool(p.scale, p.dataset, p.seed);
  return { pool, coords, source: 'trained', summary: `trained now at scale ${p.scale} in ${secs()} s (training and t-SNE): MLP on ${pool.numLabeled} labels of ${pool.dataset}, ${accuracy(pool)}, pool of ${pool.n}` };
}
