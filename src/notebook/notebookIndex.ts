/**
 * Which notebook makes which paper figure or table, and how long it takes (the index notebook shows this;
 * a test checks it lists exactly the notebooks in `notebooks/`). Smoke times were measured with
 * `npm run notebooks` on the 2-core development machine (shared, so slower than alone; each includes ~3 s of
 * kernel start); quick times are
 * estimates from one measured quick notebook and the experiment sizes; paper needs a GPU or a cluster.
 */
export interface NotebookEntry {
  readonly file: string;
  /** The paper's figure/table it reproduces. */
  readonly reproduces: string;
  /** The shared experiment it runs or loads, if any. */
  readonly experiment?: 'learning-curves' | 'redundancy' | 'ablation';
  /** Seconds at the smoke scale (measured), and at quick (estimated); null when not known. */
  readonly smokeSeconds: number | null;
  readonly quickEstimate: string;
}

export const NOTEBOOK_INDEX: readonly NotebookEntry[] = Object.freeze([
  { file: '00-index.ipynb', reproduces: 'this index', smokeSeconds: 3, quickEstimate: 'seconds' },
  { file: '01-fig1-simplex.ipynb', reproduces: 'Fig. 1 (queries of 8 strategies in the 3-class simplex)', smokeSeconds: 9, quickEstimate: '~1 min' },
  { file: '02-fig2-learning-curves.ipynb', reproduces: 'Fig. 2 (learning curves)', experiment: 'learning-curves', smokeSeconds: 10, quickEstimate: '~6–10 min (runs the quick experiment)' },
  { file: '03-fig3-redundancy.ipynb', reproduces: 'Fig. 3 (final accuracy vs redundancy)', experiment: 'redundancy', smokeSeconds: 16, quickEstimate: '~10–15 min' },
  { file: '04-fig4-dueling-matrix.ipynb', reproduces: 'Fig. 4 (dueling matrix)', experiment: 'learning-curves', smokeSeconds: 7, quickEstimate: 'seconds (loads Fig. 2\'s experiment)' },
  { file: '05-fig5-gain-over-random.ipynb', reproduces: 'Fig. 5 (gain over random, query time)', experiment: 'learning-curves', smokeSeconds: 7, quickEstimate: 'seconds (loads Fig. 2\'s experiment)' },
  { file: '06-fig6-relevance-course.ipynb', reproduces: 'Fig. 6 (course of the relevance r(x), t-SNE)', smokeSeconds: 8, quickEstimate: '~1 min' },
  { file: '07-fig7-class-accuracy-tsne.ipynb', reproduces: 'Fig. 7a (per-class accuracy and FALCUN picks, OpenML-156, t-SNE)', smokeSeconds: 7, quickEstimate: '~1 min' },
  { file: '08-fig8-latent-and-simplex.ipynb', reproduces: 'Fig. 8 (latent space and simplex coloured by uncertainty)', smokeSeconds: 7, quickEstimate: '~1 min' },
  { file: '09-fig9-selection-probability.ipynb', reproduces: 'Fig. 9 (selection probability vs relevance for several γ)', smokeSeconds: 7, quickEstimate: '~30 s' },
  { file: '11-fig11-example-images.ipynb', reproduces: 'Fig. 11 (example images; MedMNIST when its files are given)', smokeSeconds: 18, quickEstimate: '~20 s' },
  { file: '13-17-all-learning-curves.ipynb', reproduces: 'Figs. 13–17 (every learning curve)', experiment: 'learning-curves', smokeSeconds: 10, quickEstimate: 'seconds after Fig. 2 and 3' },
  { file: '18-fig18-scalability.ipynb', reproduces: 'Fig. 18 (acquisition time vs N, Q, D)', smokeSeconds: 8, quickEstimate: '~6–15 min (3 rounds per setting)' },
  { file: 't1-time-complexity.ipynb', reproduces: 'Table 1 (time complexity)', smokeSeconds: 6, quickEstimate: 'seconds' },
  { file: 't2-query-time.ipynb', reproduces: 'Table 2 (query time range)', experiment: 'learning-curves', smokeSeconds: 6, quickEstimate: 'seconds after Fig. 2' },
  { file: 't3-ablation.ipynb', reproduces: 'Table 3 (ablation: γ, u / d, deterministic)', experiment: 'ablation', smokeSeconds: 9, quickEstimate: '~15–20 min' },
  { file: 't4-datasets.ipynb', reproduces: 'Table 4 (datasets)', smokeSeconds: 7, quickEstimate: 'seconds' },
  { file: 'gamma-explorer.ipynb', reproduces: 'interactive γ explorer (FALCUN in the browser)', smokeSeconds: 3, quickEstimate: 'seconds' },
]);

/** The index as a markdown table (notebook, what it reproduces, shared experiment, smoke time, quick time). */
export function notebookIndexMarkdown(entries: readonly NotebookEntry[] = NOTEBOOK_INDEX): string {
  const rows = entries.map((e) => `| ${e.file} | ${e.reproduces} | ${e.experiment ?? '—'} | ${e.smokeSeconds === null ? 'n/a' : `${e.smokeSeconds.toFixed(0)} s`} | ${e.quickEstimate} |`);
  return ['| notebook | reproduces | shared experiment | smoke (measured) | quick (estimate) |', '|---|---|---|---|---|', ...rows].join('\n');
}
