// The paper's qualitative figures (Fig. 1, 6, 7, 8, 9, 11) for `npm run figures`: they show one trained
// model's view of a pool, not result records, so they are computed here from a small trained pool — the
// same calls as notebooks/01, 06, 07, 08, 09 and 11, at sizes that keep the whole set to about a minute
// on one core (a 600-image pool, t-SNE with 500 iterations). The notebooks draw them at their own scale.
//
//   threeClassPool (MNIST 3/5/8, LeNet) ──► Fig. 1 (all strategies), Fig. 6, Fig. 8 (simplex, t-SNE), Fig. 9
//   trainedPool (OpenML-156, MLP)        ──► Fig. 7 (a); (b) BloodMNIST is a placeholder saying what it needs
//   MNIST training images                ──► Fig. 11, marked on the figure as the stand-in for Blood/DermaMNIST
//
// A figure whose data cannot be had here (a loader fails) becomes a placeholder that names the error and
// the notebook that draws it, never a missing file.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadDataset } from '../src/data/registry.ts';
import { tsne } from '../src/embedding/index.ts';
import { classAccuracyEmbeddingFigure } from '../src/figures/classAccuracyEmbedding.ts';
import { exampleImagesFigure } from '../src/figures/exampleImages.ts';
import type { PaperExhibit } from '../src/figures/paperFigures.ts';
import { datasetName } from '../src/figures/names.ts';
import { placeholderFigure } from '../src/figures/placeholder.ts';
import { relevanceFigure } from '../src/figures/relevance.ts';
import { selectionProbabilityFigure } from '../src/figures/selectionProbability.ts';
import { simplexFigure } from '../src/figures/simplex.ts';
import type { PlotlyFigure } from '../src/figures/types.ts';
import { uncertaintyEmbeddingFigure } from '../src/figures/uncertaintyEmbedding.ts';
import { falcunCourse, queryStrategies, relevanceSteps, simplexInputOf } from '../src/notebook/strategyQueries.ts';
import { marginUncertaintyOf, stackLabeled, threeClassPool, trainedPool } from '../src/notebook/trainedPool.ts';
import { Random } from '../src/random.ts';

/** Sizes of the qualitative figures (the notebooks' quick scale uses a pool of 1,500 and 1,000 t-SNE iterations); epochs: undefined = the model's paper default. */
/** The eight strategies the paper compares (Fig. 1 draws one panel each, in the figures' legend order). */
const PAPER_STRATEGIES = ['random', 'entropy', 'kcenter', 'cdal', 'badge', 'clue', 'alfamix', 'falcun'];

// trainedPool takes its first `testSize` test rows class by class, so a small testSize measures only the
// first class (the others' accuracy is null and Fig. 7 draws them grey): ask for every test row instead.
const ALL_TEST_ROWS = 1_000_000;

export interface QualitativeSizes {
  readonly poolSize: number; readonly querySize: number; readonly gamma: number; readonly tsneIterations: number;
  readonly fig7Pool: number; readonly fig7PerClass: number; readonly fig7Query: number; readonly fig7Rows: number; readonly examplesPerClass: number;
  readonly seed: number; readonly epochs: number | undefined;
}

export const QUALITATIVE_SIZES: QualitativeSizes = Object.freeze({ poolSize: 600, querySize: 10, gamma: 10, tsneIterations: 500, fig7Pool: 1000, fig7PerClass: 100, fig7Query: 100, fig7Rows: 20000, examplesPerClass: 8, seed: 0, epochs: undefined });

async function attempt(name: string, paper: string, title: string, notebook: string, build: () => Promise<[PlotlyFigure, string]>): Promise<PaperExhibit> {
  try {
    const [figure, source] = await build();
    return { name, paper, figure, source };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    console.warn(`figures: ${paper} drawn as a placeholder: ${why}`);
    return { name, paper, figure: placeholderFigure(title, `Could not be drawn here (${why}). The notebook ${notebook} draws it.`), source: `placeholder: ${why}` };
  }
}

/** Acquisition seconds per strategy that Fig. 1 and Fig. 8 print in their panel titles. */
export type QueryTimes = Readonly<Record<string, number>>;

/** Where `npm run figures` pins the times Fig. 1 and Fig. 8 print, inside its --out folder. */
export const QUERY_TIMES_FILE = 'query-times.json';

const QueryTimesFile = z.object({ seconds: z.record(z.string(), z.number().nonnegative()) });

/** Reads a pinned-times file; throws Error naming the file and the field when it is not one. */
export function readQueryTimes(file: string): QueryTimes {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not readable JSON (${(e as Error).message}); delete it or rerun with --measure-times`);
  }
  const parsed = QueryTimesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: field '${issue.path.join('.') || '(root)'}' ${issue.message}; delete it or rerun with --measure-times`);
  }
  return parsed.data.seconds;
}

/**
 * Fig. 1, 6, 7, 8 (two files), 9 and 11 from small trained pools, in paper order. Deterministic for a seed
 * (wasm backend, seeded training, t-SNE and strategies), except the acquisition times Fig. 1 and Fig. 8 print:
 * with `pinnedTimes` those are printed instead of the ones measured now (so committed exports do not change
 * with the machine's noise), and `onMeasured` receives the times measured now. `options` overrides
 * QUALITATIVE_SIZES (tests use tiny ones).
 */
export async function qualitativeExhibits(
  options: Partial<QualitativeSizes> = {},
  times: { pinnedTimes?: QueryTimes; onMeasured?: (t: QueryTimes) => void } = {},
): Promise<PaperExhibit[]> {
  const sizes = { ...QUALITATIVE_SIZES, ...options };
  const { poolSize, querySize, gamma, tsneIterations, seed } = sizes;
  const out: PaperExhibit[] = [];
  const pool = await threeClassPool({ poolSize, seed, epochs: sizes.epochs, testSize: ALL_TEST_ROWS }).catch((e: unknown) => e as Error);
  const perplexity = pool instanceof Error ? 0 : Math.min(30, Math.floor((pool.n - 1) / 3));
  const needPool = () => {
    if (pool instanceof Error) throw pool;
    return pool;
  };
  const poolNote = pool instanceof Error ? '' : `MNIST ${pool.classNames.join('/')}, LeNet on ${pool.numLabeled} labels (test acc. ${(100 * pool.testAccuracy).toFixed(0)} %), pool of ${pool.n}, Q = ${querySize}.`;

  out.push(await attempt('fig01-simplex', 'Figure 1', 'Selections in the probability simplex', 'notebooks/01-fig1-simplex.ipynb', async () => {
    const p = needPool();
    const measured = queryStrategies(p, PAPER_STRATEGIES, querySize, seed, { falcun: { gamma } });
    times.onMeasured?.(Object.fromEntries(measured.map((q) => [q.strategy, q.acquisitionSeconds])));
    const queries = measured.map((q) => ({ ...q, acquisitionSeconds: times.pinnedTimes?.[q.strategy] ?? q.acquisitionSeconds }));
    return [simplexFigure(simplexInputOf(p, queries)), poolNote];
  }));
  out.push(await attempt('fig06-relevance-course', 'Figure 6', 'Course of FALCUN\'s relevance scores', 'notebooks/06-fig6-relevance-course.ipynb', async () => {
    const p = needPool();
    const course = falcunCourse(p, querySize, seed, { gamma });
    const coords = tsne(p.embeddings, p.n, p.embeddingDim, { random: new Random(seed), iterations: tsneIterations, perplexity });
    const picks = [...new Set([1, 2, Math.ceil(querySize / 2), querySize])];
    return [relevanceFigure({ coords, steps: relevanceSteps(course, picks), stepTitles: picks.map((k) => `before pick ${k}`) }), `${poolNote} t-SNE of the latent space.`];
  }));
  out.push(await attempt('fig07-class-accuracy-tsne', 'Figure 7', 'Per-class accuracy and FALCUN\'s query', 'notebooks/07-fig7-class-accuracy-tsne.ipynb', async () => {
    const p7 = await trainedPool({ dataset: 'randomrbf', datasetOptions: { rows: sizes.fig7Rows }, labeledPerClass: sizes.fig7PerClass, poolSize: sizes.fig7Pool, seed, epochs: sizes.epochs, testSize: ALL_TEST_ROWS });
    const [query] = queryStrategies(p7, ['falcun'], sizes.fig7Query, seed, { falcun: { gamma } });
    const all = stackLabeled(p7);
    const coords = tsne(all.embeddings, all.n, p7.embeddingDim, { random: new Random(seed), iterations: tsneIterations, perplexity: Math.min(30, Math.floor((all.n - 1) / 3)) });
    return [classAccuracyEmbeddingFigure({
      title: 'Per-class accuracy, initial labels and FALCUN\'s first query',
      panels: [
        { coords, labels: all.y, perClassAccuracy: p7.perClassAccuracy, initial: all.labeled, chosen: Array.from(query!.chosen, (i) => i + all.offset), title: '(a) OpenML-156' },
        { placeholder: 'BloodMNIST needs its files (npm run data -- bloodmnist --path …) and a GPU run (ResNet18).', title: '(b) BloodMNIST' },
      ],
    }), `(a) MLP on ${p7.numLabeled} labels (test acc. ${(100 * p7.testAccuracy).toFixed(0)} %), pool of ${p7.n} of ${sizes.fig7Rows} generated rows, Q = ${sizes.fig7Query}.`];
  }));
  out.push(await attempt('fig08-simplex', 'Figure 8', 'FALCUN\'s picks in the simplex, coloured by u(x)', 'notebooks/08-fig8-latent-and-simplex.ipynb', async () => {
    const p = needPool();
    const [measured] = queryStrategies(p, ['falcun'], querySize, seed, { falcun: { gamma } });
    const query = { ...measured!, acquisitionSeconds: times.pinnedTimes?.['falcun'] ?? measured!.acquisitionSeconds };
    return [simplexFigure(simplexInputOf(p, [query], { colorByUncertainty: true })), poolNote];
  }));
  out.push(await attempt('fig08-tsne', 'Figure 8', 'Latent and probability space (t-SNE)', 'notebooks/08-fig8-latent-and-simplex.ipynb', async () => {
    const p = needPool();
    const [query] = queryStrategies(p, ['falcun'], querySize, seed, { falcun: { gamma } });
    const latent = tsne(p.embeddings, p.n, p.embeddingDim, { random: new Random(seed), iterations: tsneIterations, perplexity });
    const probSpace = tsne(p.probs, p.n, 3, { random: new Random(seed), iterations: tsneIterations, perplexity });
    return [uncertaintyEmbeddingFigure({
      panels: [{ coords: latent, title: 'latent space (t-SNE)' }, { coords: probSpace, title: 'probability space (t-SNE)' }],
      uncertainty: marginUncertaintyOf(p), chosen: Array.from(query!.chosen),
    }), poolNote];
  }));
  out.push(await attempt('fig09-selection-probability', 'Figure 9', 'Selection probability for varying γ', 'notebooks/09-fig9-selection-probability.ipynb', async () => {
    const p = needPool();
    const course = falcunCourse(p, 1, seed);
    return [selectionProbabilityFigure(course.relevance[0]!, [0, 1, 2, 5, 10, 20]), `Relevance r(x) of the first pick. ${poolNote}`];
  }));
  out.push(await attempt('fig11-example-images', 'Figure 11', 'Example images', 'notebooks/11-fig11-example-images.ipynb', async () => {
    const ds = await loadDataset('mnist', {});
    const n = Math.min(ds.train.n, 3000);
    const [h, w, ch] = ds.shape as unknown as [number, number, number];
    const size = h * w * ch;
    return [exampleImagesFigure({
      images: ds.train.x.subarray(0, n * size), shape: [n, h, w, ch],
      labels: ds.train.y.subarray(0, n), classNames: ds.classNames, perClass: sizes.examplesPerClass, title: datasetName(ds.name),
      standIn: 'a stand-in for BloodMNIST / DermaMNIST (their files were not given; notebook 11 draws them from the folder in its medmnistDir parameter)',
    }), `MNIST training images, ${sizes.examplesPerClass} per class: a stand-in for BloodMNIST / DermaMNIST.`];
  }));
  return out;
}
