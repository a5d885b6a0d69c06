/**
 * Which notebook makes which paper figure or table, and how long it takes (the index notebook shows this;
 * a test checks it lists exactly the notebooks in `notebooks/`). Smoke times were measured with
 * `npm run notebooks` on the 2-core development machine (shared, so slower than alone; each includes ~3 s of
 * kernel start); quick times with
 * `npm run reproduce -- --scale quick` (10 min for all 18, run in this order: a notebook that loads a shared
 * experiment after the one that ran it is fast); paper needs a GPU or a cluster.
 */
export interface NotebookEntry {
  readonly file: string;
  /** The paper's figure/table it reproduces. */
  readonly reproduces: string;
  /** The shared experiment it runs or loads, if any. */
  readonly experiment?: 'learning-curves' | 'redundancy' | 'ablation';
  /** Wall seconds at the smoke and the quick scale, measured (kernel start included). */
  readonly smokeSeconds: number;
  readonly quickSeconds: number;
}

export const NOTEBOOK_INDEX: readonly NotebookEntry[] = Object.freeze([
  { file: '00-index.ipynb', reproduces: 'this index', smokeSeconds: 3, quickSeconds: 4 },
  { file: '01-fig1-simplex.ipynb', reproduces: 'Fig. 1 (queries of 8 strategies in the 3-class simplex)', smokeSeconds: 9, quickSeconds: 17 },
  { file: '02-fig2-learning-curves.ipynb', reproduces: 'Fig. 2 (learning curves)', experiment: 'learning-curves', smokeSeconds: 10, quickSeconds: 94 },
  { file: '03-fig3-redundancy.ipynb', reproduces: 'Fig. 3 (final accuracy vs redundancy)', experiment: 'redundancy', smokeSeconds: 16, quickSeconds: 45 },
  { file: '04-fig4-dueling-matrix.ipynb', reproduces: 'Fig. 4 (dueling matrix)', experiment: 'learning-curves', smokeSeconds: 7, quickSeconds: 8 },
  { file: '05-fig5-gain-over-random.ipynb', reproduces: 'Fig. 5 (gain over random, query time)', experiment: 'learning-curves', smokeSeconds: 7, quickSeconds: 8 },
  { file: '06-fig6-relevance-course.ipynb', reproduces: 'Fig. 6 (course of the relevance r(x), t-SNE)', smokeSeconds: 8, quickSeconds: 14 },
  { file: '07-fig7-class-accuracy-tsne.ipynb', reproduces: 'Fig. 7a (per-class accuracy and FALCUN picks, OpenML-156, t-SNE)', smokeSeconds: 7, quickSeconds: 19 },
  { file: '08-fig8-latent-and-simplex.ipynb', reproduces: 'Fig. 8 (latent space and simplex coloured by uncertainty)', smokeSeconds: 7, quickSeconds: 14 },
  { file: '09-fig9-selection-probability.ipynb', reproduces: 'Fig. 9 (selection probability vs relevance for several γ)', smokeSeconds: 7, quickSeconds: 8 },
  { file: '11-fig11-example-images.ipynb', reproduces: 'Fig. 11 (example images; MedMNIST when its files are given)', smokeSeconds: 18, quickSeconds: 17 },
  { file: '13-17-all-learning-curves.ipynb', reproduces: 'Figs. 13–17 (every learning curve)', experiment: 'learning-curves', smokeSeconds: 10, quickSeconds: 9 },
  { file: '18-fig18-scalability.ipynb', reproduces: 'Fig. 18 (acquisition time vs N, Q, D)', smokeSeconds: 8, quickSeconds: 273 },
  { file: 't1-time-complexity.ipynb', reproduces: 'Table 1 (time complexity)', smokeSeconds: 6, quickSeconds: 7 },
  { file: 't2-query-time.ipynb', reproduces: 'Table 2 (query time range)', experiment: 'learning-curves', smokeSeconds: 6, quickSeconds: 7 },
  { file: 't3-ablation.ipynb', reproduces: 'Table 3 (ablation: γ, u / d, deterministic)', experiment: 'ablation', smokeSeconds: 9, quickSeconds: 46 },
  { file: 't4-datasets.ipynb', reproduces: 'Table 4 (datasets)', smokeSeconds: 7, quickSeconds: 8 },
  { file: 'own-data.ipynb', reproduces: 'FALCUN on your own data (a CSV pool and a probabilities file → the next batch)', smokeSeconds: 8, quickSeconds: 8 },
  { file: 'gamma-explorer.ipynb', reproduces: 'interactive γ explorer (FALCUN in the browser)', smokeSeconds: 3, quickSeconds: 12 },
]);

/** The index as a markdown table (notebook, what it reproduces, shared experiment, smoke and quick times). */
export function notebookIndexMarkdown(entries: readonly NotebookEntry[] = NOTEBOOK_INDEX): string {
  const secs = (v: number) => (v < 90 ? `${v.toFixed(0)} s` : `${(v / 60).toFixed(1)} min`);
  const rows = entries.map((e) => `| ${e.file} | ${e.reproduces} | ${e.experiment ?? '—'} | ${secs(e.smokeSeconds)} | ${secs(e.quickSeconds)} |`);
  return ['| notebook | reproduces | shared experiment | smoke | quick |', '|---|---|---|---|---|', ...rows].join('\n');
}
