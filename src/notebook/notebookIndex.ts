/**
 * Which notebook makes which paper figure or table, what it cannot draw offline and why, and how long it
 * took (the index notebook shows this as a Markdown table; a test checks it lists exactly the notebooks in
 * notebooks/). Times are not written here: `npm run notebooks -- --record-times` (and `npm run reproduce --
 * --record-times`) measure every notebook and keep notebooks/times.json current.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../sourcePath.ts';

export interface NotebookEntry {
  readonly file: string;
  /** The paper's figure/table it reproduces. */
  readonly reproduces: string;
  /** The shared experiment it draws, if any (committed by default; see figureResults.ts). */
  readonly experiment?: 'learning-curves' | 'redundancy' | 'ablation' | 'scalability' | '3-class pool' | 'RandomRBF pool';
  /** Paper panels it cannot draw on an offline machine, and why ('' = none). */
  readonly offline: string;
}

const FILES = 'needs the official file (`npm run data -- <name> --path <file>`; nothing is downloaded offline)';

export const NOTEBOOK_INDEX: readonly NotebookEntry[] = Object.freeze([
  { file: '00-index.ipynb', reproduces: 'this index', offline: '' },
  { file: '00-walkthrough.ipynb', reproduces: 'a first tour: load data, train, acquire with FALCUN, look at the picks, change γ', offline: '' },
  { file: '01-fig1-simplex.ipynb', reproduces: 'Fig. 1 (queries of 8 strategies in the 3-class simplex)', experiment: '3-class pool', offline: 'times are CPU times of `select` here, not the paper\'s GPU times' },
  { file: '02-fig2-learning-curves.ipynb', reproduces: 'Fig. 2 (learning curves)', experiment: 'learning-curves', offline: `RGB panels (b, e: SVHN, BloodMNIST, DermaMNIST) and EMNIST: each ${FILES}; OpenML-155 is a generated stand-in (same process, other rows)` },
  { file: '03-fig3-redundancy.ipynb', reproduces: 'Fig. 3 (final accuracy vs redundancy)', experiment: 'redundancy', offline: '' },
  { file: '04-fig4-dueling-matrix.ipynb', reproduces: 'Fig. 4 (dueling matrix)', experiment: 'learning-curves', offline: 'counts only the datasets available offline (the paper also duels on EMNIST, SVHN, MedMNIST)' },
  { file: '05-fig5-gain-over-random.ipynb', reproduces: 'Fig. 5 (gain over random, query time)', experiment: 'learning-curves', offline: `EMNIST panel ${FILES}` },
  { file: '06-fig6-relevance-course.ipynb', reproduces: 'Fig. 6 (course of the relevance r(x), t-SNE)', experiment: '3-class pool', offline: '' },
  { file: '07-fig7-class-accuracy-tsne.ipynb', reproduces: 'Fig. 7a (per-class accuracy and FALCUN picks, OpenML-156, t-SNE)', experiment: 'RandomRBF pool', offline: `7b (BloodMNIST) ${FILES}` },
  { file: '08-fig8-latent-and-simplex.ipynb', reproduces: 'Fig. 8 (latent space and simplex coloured by uncertainty)', experiment: '3-class pool', offline: '' },
  { file: '09-fig9-selection-probability.ipynb', reproduces: 'Fig. 9 (selection probability vs relevance for several γ)', experiment: '3-class pool', offline: '' },
  { file: '11-fig11-example-images.ipynb', reproduces: 'Fig. 11 (example images)', offline: `BloodMNIST and DermaMNIST: each ${FILES}; MNIST and Fashion-MNIST are shown instead` },
  { file: '13-17-all-learning-curves.ipynb', reproduces: 'Figs. 13–17 (every learning curve)', experiment: 'learning-curves', offline: `Fig. 14 (colour images) and EMNIST: ${FILES}` },
  { file: '18-fig18-scalability.ipynb', reproduces: 'Fig. 18 (acquisition time vs N, Q, D)', experiment: 'scalability', offline: 'synthetic pools of OpenML-156\'s shapes (acquisition time depends on shapes, not values); CPU times' },
  { file: 'gamma-explorer.ipynb', reproduces: 'interactive γ explorer (FALCUN in the browser) with the Table 3 curves per γ', offline: '' },
  { file: 't1-time-complexity.ipynb', reproduces: 'Table 1 (time complexity)', offline: '' },
  { file: 't2-query-time.ipynb', reproduces: 'Table 2 (query time range)', experiment: 'learning-curves', offline: 'CPU times here, the paper\'s are GPU times' },
  { file: 't3-ablation.ipynb', reproduces: 'Table 3 (ablation: γ, u / d, deterministic)', experiment: 'ablation', offline: `EMNIST and BloodMNIST rows: ${FILES}` },
  { file: 't4-datasets.ipynb', reproduces: 'Table 4 (datasets)', offline: '' },
  { file: 'own-data.ipynb', reproduces: 'FALCUN on your own data (a CSV pool and a probabilities file → the next batch)', offline: '' },
]);

/** Where the measured times live (written by scripts/notebooks/run.ts --record-times). */
export const NOTEBOOK_TIMES_FILE = join(REPO_ROOT, 'notebooks', 'times.json');

/** Measured wall seconds per notebook (kernel start included), per kind of run ('defaults', 'scale smoke', …). */
export interface NotebookTimes {
  /** Where they were measured. */
  machine: string;
  runs: Record<string, Record<string, number>>;
}

/** Reads notebooks/times.json (an empty record when it is missing). */
export function readNotebookTimes(file: string = NOTEBOOK_TIMES_FILE): NotebookTimes {
  if (!existsSync(file)) return { machine: '', runs: {} };
  const t = JSON.parse(readFileSync(file, 'utf8')) as NotebookTimes;
  if (typeof t !== 'object' || t === null || typeof t.runs !== 'object') throw new Error(`readNotebookTimes: ${file} is malformed (need { machine, runs }); rerun npm run notebooks -- --record-times`);
  return t;
}

/** The run kinds shown as columns, in this order when present. */
const RUN_ORDER = ['defaults', 'scale smoke', 'scale quick', 'reproduce', 'scale paper'];

function secs(v: number | undefined): string {
  if (v === undefined) return '—';
  return v < 90 ? `${v.toFixed(0)} s` : `${(v / 60).toFixed(1)} min`;
}

/**
 * The index as a Markdown table: the notebook (a link), what it reproduces, the shared experiment, what it
 * cannot draw offline and why, and one column of measured times per kind of run.
 */
export function notebookIndexMarkdown(entries: readonly NotebookEntry[] = NOTEBOOK_INDEX, times: NotebookTimes = readNotebookTimes()): string {
  const kinds = Object.keys(times.runs).sort((a, b) => {
    const ia = RUN_ORDER.indexOf(a);
    const ib = RUN_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : 1);
  });
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const header = ['notebook', 'reproduces', 'draws', 'not offline (why)', ...kinds.map((k) => (k === 'defaults' ? 'Run All (defaults)' : k))];
  const rows = entries.map((e) => [
    `[${e.file.replace(/\.ipynb$/, '')}](${e.file})`,
    cell(e.reproduces),
    e.experiment ? `${e.experiment} (committed)` : '—',
    cell(e.offline || '—'),
    ...kinds.map((k) => secs(times.runs[k]?.[e.file])),
  ]);
  // Left-aligned text columns (Jupyter right-aligns unmarked ones), right-aligned times.
  const align = header.map((_, k) => (k < 4 ? ':---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
