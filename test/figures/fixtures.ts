// Every paper figure built from synthetic inputs: shared by the spec tests and the browser export test.
import { duelingMatrix } from '../../src/analysis/duelingMatrix.ts';
import { improvementOverRandom } from '../../src/analysis/improvementOverRandom.ts';
import { ablationTable } from '../../src/analysis/ablationTable.ts';
import { queryTimeRange } from '../../src/analysis/queryTimeRange.ts';
import type { RoundRecord } from '../../src/results/roundRecord.ts';
import { classAccuracyEmbeddingFigure } from '../../src/figures/classAccuracyEmbedding.ts';
import { uncertaintyEmbeddingFigure } from '../../src/figures/uncertaintyEmbedding.ts';
import { duelingMatrixFigure } from '../../src/figures/duelingMatrix.ts';
import { exampleImagesFigure } from '../../src/figures/exampleImages.ts';
import { gainOverRandomFigure } from '../../src/figures/gainOverRandom.ts';
import { learningCurvesFigure } from '../../src/figures/learningCurves.ts';
import { redundancyFigure } from '../../src/figures/redundancy.ts';
import { relevanceFigure } from '../../src/figures/relevance.ts';
import { scalabilityFigure } from '../../src/figures/scalability.ts';
import type { ScalabilityRow } from '../../src/results/scalabilityStudy.ts';
import { selectionProbabilityFigure } from '../../src/figures/selectionProbability.ts';
import { simplexFigure } from '../../src/figures/simplex.ts';
import { ablationTableData, datasetPropertiesTable, queryTimeTable, tableFigure, timeComplexityTable } from '../../src/figures/tables.ts';
import type { PlotlyFigure } from '../../src/figures/types.ts';
import { Random } from '../../src/random.ts';
import { syntheticRecords } from '../analysis/syntheticRecords.ts';

export const STRATEGIES = ['random', 'entropy', 'badge', 'falcun'];
const SKILL: Record<string, number> = { random: 0, entropy: -0.01, badge: 0.015, falcun: 0.02 };

export function experimentRecords(): RoundRecord[] {
  const rng = new Random('fixtures');
  const acc = (off: number) => (s: string, _seed: number, r: number) => Math.min(0.99, off + 0.06 * r + SKILL[s]! * Math.min(r, 3) + 0.008 * rng.normal());
  const time = (s: string) => (s === 'badge' ? 30 : s === 'falcun' ? 2 : 0.5);
  return [
    ...syntheticRecords({ dataset: 'mnist', strategies: STRATEGIES, rounds: 6, accuracy: acc(0.6), acquisitionSeconds: (s) => time(s), querySize: 20 }),
    ...syntheticRecords({ dataset: 'openml-156', setting: 'l', model: 'mlp', strategies: STRATEGIES, rounds: 6, accuracy: acc(0.4), acquisitionSeconds: (s) => 3 * time(s), querySize: 100 }),
    ...[20, 10, 5].flatMap((u) => syntheticRecords({ dataset: `repeated-mnist-${u}`, setting: 'm', strategies: STRATEGIES, rounds: 3, accuracy: acc(0.5 + u / 100) })),
  ];
}

/** A 3-class pool: N×3 probabilities around three corners, N×2 coordinates in three clusters. */
export function pool(n = 300) {
  const rng = new Random('pool');
  const probs = new Float32Array(3 * n);
  const coords = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    const logits = [0, 0, 0].map((_, k) => (k === c ? 2 : 0) + 1.2 * rng.normal());
    const m = Math.max(...logits);
    const e = logits.map((l) => Math.exp(l - m));
    const z = e[0]! + e[1]! + e[2]!;
    for (let k = 0; k < 3; k++) probs[3 * i + k] = e[k]! / z;
    coords[2 * i] = 5 * Math.cos((2 * Math.PI * c) / 3) + rng.normal();
    coords[2 * i + 1] = 5 * Math.sin((2 * Math.PI * c) / 3) + rng.normal();
  }
  return { n, probs, coords, labels };
}

export function scalabilityRows(): ScalabilityRow[] {
  const rows: ScalabilityRow[] = [];
  const cost: Record<string, number> = { entropy: 1e-7, falcun: 3e-7, badge: 3e-9, kcentergreedy: 2e-8 };
  for (const s of Object.keys(cost)) {
    for (const N of [20000, 100000, 400000]) rows.push({ strategy: s, N, Q: 1000, D: 1024, seconds: cost[s]! * N * 1000 * (s === 'badge' || s === 'kcentergreedy' ? 1024 : 5) });
    for (const Q of [100, 2000]) rows.push({ strategy: s, N: 100000, Q, D: 1024, seconds: cost[s]! * 100000 * Q * (s === 'badge' || s === 'kcentergreedy' ? 1024 : 5) });
    for (const D of [256, 4096]) rows.push({ strategy: s, N: 100000, Q: 1000, D, seconds: cost[s]! * 100000 * 1000 * (s === 'badge' || s === 'kcentergreedy' ? D : 5) });
  }
  return rows;
}

/** Every figure and table of the paper, keyed by a file name. */
export function allFigures(): Record<string, PlotlyFigure> {
  const recs = experimentRecords();
  const { n, probs, coords, labels } = pool();
  const labeled = Array.from({ length: 15 }, (_, i) => i * 7);
  const chosen = (o: number) => Array.from({ length: 6 }, (_, i) => 100 + o + 17 * i);
  const relevance = (step: number) => {
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = [probs[3 * i]!, probs[3 * i + 1]!, probs[3 * i + 2]!].sort((x, y) => y - x);
      r[i] = 1 - (a[0]! - a[1]!) + (step % 3 === i % 3 ? 0.3 : 0);
    }
    for (const i of labeled) r[i] = NaN;
    for (let k = 0; k < step; k++) r[chosen(0)[k]!] = NaN;
    return r;
  };
  const images = new Uint8Array(24 * 8 * 8 * 3);
  for (let i = 0; i < images.length; i++) images[i] = (i * 37) % 256;
  const mnist = recs.filter((r) => r.dataset === 'mnist');
  return {
    'fig01-simplex': simplexFigure({ probabilities: probs, labeled, panels: [{ strategy: 'falcun', chosen: chosen(0), acquisitionSeconds: 0.12 }, { strategy: 'badge', chosen: chosen(1), acquisitionSeconds: 4.5 }, { strategy: 'entropy', chosen: chosen(2), acquisitionSeconds: 0.05 }] }),
    'fig08-simplex-uncertainty': simplexFigure({ probabilities: probs, labeled, colorByUncertainty: true, panels: [{ strategy: 'falcun', chosen: chosen(0), acquisitionSeconds: 0.12 }] }),
    'fig02-learning-curves': learningCurvesFigure(recs.filter((r) => !r.dataset.startsWith('repeated'))),
    'fig03-redundancy': redundancyFigure(recs, { 'repeated-mnist-20': 20, 'repeated-mnist-10': 10, 'repeated-mnist-5': 5 }),
    'fig04-dueling-matrix': duelingMatrixFigure(duelingMatrix(recs)),
    'fig05-gain-over-random': gainOverRandomFigure(improvementOverRandom(recs.filter((r) => !r.dataset.startsWith('repeated')))),
    'fig06-relevance': relevanceFigure({ coords, steps: [0, 1, 3, 5].map((k) => ({ relevance: relevance(k), picked: chosen(0)[k]! })) }),
    'fig07-class-accuracy': classAccuracyEmbeddingFigure({ coords, labels, perClassAccuracy: [0.99, 0.7, 0.55], initial: labeled, chosen: chosen(0) }),
    'fig07-two-panels': classAccuracyEmbeddingFigure({ panels: [{ coords, labels, perClassAccuracy: [0.99, 0.7, 0.55], initial: labeled, chosen: chosen(0), title: '(a) OpenML-156' }, { placeholder: 'Needs the BloodMNIST files (npm run data -- bloodmnist --path …) and a GPU run.', title: '(b) BloodMNIST' }] }),
    'fig08-tsne': uncertaintyEmbeddingFigure({ panels: [{ coords, title: 'latent space (t-SNE)' }, { coords: coords.map((v) => -v), title: 'probability space (t-SNE)' }], uncertainty: Array.from({ length: n }, (_, i) => (i % 10) / 10), chosen: chosen(0) }),
    'fig09-selection-probability': selectionProbabilityFigure(Array.from({ length: 50 }, (_, i) => (i + 1) / 25)),
    'fig11-example-images': exampleImagesFigure({ images, shape: [24, 8, 8, 3], labels: Array.from({ length: 24 }, (_, i) => i % 4), classNames: ['basophil', 'eosinophil', 'erythroblast', 'ig'], perClass: 5, title: 'MNIST', standIn: 'MNIST stands in for BloodMNIST / DermaMNIST (their files were not given)' }),
    'fig18-scalability': scalabilityFigure(scalabilityRows()),
    'table1-time-complexity': tableFigure(timeComplexityTable()),
    'table2-query-time': tableFigure(queryTimeTable(queryTimeRange(recs))),
    'table3-ablation': tableFigure(ablationTableData(ablationTable(mnist, 'mnist', [40, 80, 120]))),
    'table4-datasets': tableFigure(datasetPropertiesTable()),
  };
}

/** Curve records of all eight strategies plus two extra labels (ten legend entries), on a grey, a tabular and a RepeatedMNIST setting, and ablation records. */
export function paperRecords(): RoundRecord[] {
  const ten = ['random', 'entropy', 'kcenter', 'cdal', 'badge', 'clue', 'alfamix', 'falcun', 'margin', 'leastconfidence'];
  const acc = (off: number) => (s: string, seed: number, r: number) => Math.min(0.99, off + 0.05 * r + 0.002 * ten.indexOf(s) * r + 0.004 * seed);
  const ablation = ['falcun-g0', 'falcun-g1-d', 'falcun-g1-u', 'falcun-g1-ud', 'falcun-g10-ud', 'falcun-det-u'];
  return [
    ...syntheticRecords({ dataset: 'mnist', strategies: ten, rounds: 5, accuracy: acc(0.6), querySize: 200, seeds: [0, 1, 2] }),
    ...syntheticRecords({ dataset: 'randomrbf', setting: 'l', model: 'mlp', strategies: ten, rounds: 4, accuracy: acc(0.5), querySize: 1000, seeds: [0, 1, 2] }),
    ...syntheticRecords({ dataset: 'repeated-mnist', setting: 'm', strategies: ten.slice(0, 8), rounds: 4, accuracy: acc(0.55), querySize: 500, seeds: [0, 1] }),
    ...syntheticRecords({ dataset: 'repeated-mnist', setting: 'm', strategies: ablation, rounds: 10, accuracy: (s, seed, r) => (r === 0 ? 0.6 : 0.6 + 0.03 * r + 0.001 * ablation.indexOf(s) + 0.002 * seed), querySize: 500, seeds: [0, 1] }),
  ];
}
