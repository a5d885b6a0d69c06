/**
 * Every record-based figure and table of the paper, from the records of one or more experiment directories
 * (and the scalability study's timings when given):
 *
 *   records ─┬─ curve strategies ──► Fig. 2 (six panels: grey a/d, colour b/e, tabular c/f), Fig. 13, 14, 16, 17
 *            │                       (grids per kind of data), Fig. 3 (RepeatedMNIST levels), Fig. 4, Fig. 5
 *            └─ ablation variants ──► Table 3 (every γ × d, u, u + d; one column group per dataset)
 *   scalability rows ──────────────► Fig. 18 (three rows: N, Q, D) and Table 2 (min / max over its cells)
 *   constants ─────────────────────► Table 1, Table 4
 *
 * Data that is absent never drops a panel silently: the panel (or the figure) says what it needs.
 */
import { ablationGrid } from '../analysis/ablationGrid.ts';
import { duelingMatrix } from '../analysis/duelingMatrix.ts';
import { improvementOverRandom } from '../analysis/improvementOverRandom.ts';
import { queryTimeRange } from '../analysis/queryTimeRange.ts';
import { settingKey } from '../analysis/recordKeys.ts';
import { parseAblationLabel } from '../analysis/ablationGrid.ts';
import type { RoundRecord } from '../results/roundRecord.ts';
import { duelingMatrixFigure } from './duelingMatrix.ts';
import { gainOverRandomFigure } from './gainOverRandom.ts';
import { learningCurvesFigure, type CurvePanel } from './learningCurves.ts';
import { datasetFamily, datasetId, datasetRank, settingQuerySize, type DatasetFamily } from './names.ts';
import { placeholderFigure } from './placeholder.ts';
import { sortStrategies } from './palette.ts';
import { redundancyFigure } from './redundancy.ts';
import type { ScalabilityRow } from '../results/scalabilityStudy.ts';
import { scalabilityFigure, scalabilityTimeTable } from './scalability.ts';
import { ablationGridTable, datasetPropertiesTable, queryTimeTable, tableFigure, timeComplexityTable, type TableData } from './tables.ts';
import type { PlotlyFigure } from './types.ts';

/** One exported figure or table: a file name stem, the figure, and for tables the table itself. */
export interface PaperExhibit {
  /** File name stem, e.g. 'fig02-learning-curves'. */
  readonly name: string;
  /** What the paper calls it, e.g. 'Figure 2'. */
  readonly paper: string;
  readonly figure: PlotlyFigure;
  readonly table?: TableData;
  /** What it was drawn from ('records: 3 of 6 panels…', 'placeholder (…)'), listed in the export's README. */
  readonly source?: string;
}

export interface PaperFigureInputs {
  /** Records of all experiment directories (learning curves, redundancy, ablation). */
  readonly records: readonly RoundRecord[];
  /** Timings of the scalability study (`measureScalability`), if it was run. */
  readonly scalability?: readonly ScalabilityRow[];
}

/** What a missing kind of data needs, said on its placeholder panel. */
export const MISSING_DATA: Readonly<Record<DatasetFamily | 'redundant', string>> = Object.freeze({
  grey: 'No grayscale-image results here: run MNIST / EMNIST (setting s, LeNet).',
  colour: 'No colour-image results here: needs the SVHN / BloodMNIST files (npm run data -- svhn --path …) and a GPU run (ResNet18, s_no).',
  tabular: 'No tabular results here: run OpenML-6 (letter) or OpenML-156 (randomrbf), setting l, MLP.',
  redundant: 'No RepeatedMNIST results here: run repeated-mnist (setting m, LeNet).',
});

const SCALABILITY_MISSING = 'No scalability study here: run npm run scalability -- --scale quick (writes scalability.json) and pass its folder.';

const FAMILY_TITLES: Readonly<Record<DatasetFamily, string>> = { grey: 'Grayscale images', colour: 'Colour images', tabular: 'Tabular data' };

const isRedundant = (dataset: string) => datasetId(dataset) === 'repeated-mnist';

/** The family a setting belongs to in the appendix figures (RepeatedMNIST has its own, Fig. 16). */
function appendixFamily(dataset: string): DatasetFamily | 'redundant' | undefined {
  return isRedundant(dataset) ? 'redundant' : datasetFamily(dataset);
}

/** Orders setting keys: by the paper's dataset order, then query size. */
function sortKeys(keys: Iterable<string>): string[] {
  const rank = (k: string) => {
    const [d = '', s = ''] = k.split('|');
    return [datasetRank(d), settingQuerySize(s) ?? 0, k] as const;
  };
  return [...new Set(keys)].sort((a, b) => {
    const [ra, qa, ka] = rank(a);
    const [rb, qb, kb] = rank(b);
    return ra - rb || qa - qb || (ka < kb ? -1 : ka > kb ? 1 : 0);
  });
}

/**
 * Paper Fig. 2's six panels: (a, d) grayscale, (b, e) colour, (c, f) tabular. Each slot takes the first
 * unused setting of its kind (paper's datasets first: (a) MNIST/EMNIST, (d) RepeatedMNIST, …) and is a
 * placeholder saying what is missing when the records have none.
 */
export function figure2Panels(keys: readonly string[]): CurvePanel[] {
  const used = new Set<string>();
  const pick = (family: DatasetFamily, prefer: (dataset: string) => boolean, missing: [string, string] = [MISSING_DATA[family], FAMILY_TITLES[family]]): CurvePanel => {
    const mine = sortKeys(keys).filter((k) => !used.has(k) && datasetFamily(k.split('|')[0]!) === family);
    const k = mine.find((x) => prefer(x.split('|')[0]!)) ?? mine[0];
    if (k === undefined) return { placeholder: missing[0], title: missing[1] };
    used.add(k);
    return { key: k };
  };
  const a = pick('grey', (d) => !isRedundant(d));
  const b = pick('colour', () => true);
  const c = pick('tabular', () => true);
  const d = pick('grey', (d0) => isRedundant(d0), [MISSING_DATA.redundant, 'RepeatedMNIST']);
  const e = pick('colour', () => true);
  const f = pick('tabular', () => true);
  return [a, b, c, d, e, f];
}

/** Fig. 3's redundancy level of a RepeatedMNIST label: 'repeated-mnist-20' → 20; 'repeated-mnist' → 10 (the default share). */
export function uniquePercentOf(dataset: string): number | undefined {
  if (!isRedundant(dataset)) return undefined;
  const m = /(\d+)$/.exec(dataset.slice('repeated-mnist'.length));
  return m ? Number(m[1]) : 10;
}

/**
 * Every record-based exhibit of the paper (see the module comment), in paper order.
 * Cost: O(R log R + S² · groups) for the dueling matrix.
 */
export function paperFigures(inputs: PaperFigureInputs): PaperExhibit[] {
  const records = inputs.records;
  const curves = records.filter((r) => parseAblationLabel(r.strategy) === null);
  const keys = [...new Set(curves.map(settingKey))];
  const out: PaperExhibit[] = [];
  const strategies = sortStrategies(curves.map((r) => r.strategy));
  // Fig. 2
  const fig2 = figure2Panels(keys);
  const drawn = (n: number, of: number) => (n === 0 ? 'placeholder (no such results)' : `records: ${n} of ${of} panels${n < of ? ', the others placeholders' : ''}`);
  out.push({ name: 'fig02-learning-curves', paper: 'Figure 2', figure: learningCurvesFigure(curves, { panels: fig2, letters: true, columns: 3 }), source: drawn(fig2.filter((p) => 'key' in p).length, 6) });
  // Fig. 3
  const levels: Record<string, number> = {};
  for (const d of new Set(curves.map((r) => r.dataset))) {
    const u = uniquePercentOf(d);
    if (u !== undefined) levels[d] = u;
  }
  if (Object.keys(levels).length > 0) {
    const fig3 = redundancyFigure(curves, levels, { strategies: sortStrategies(curves.filter((r) => r.dataset in levels).map((r) => r.strategy)) });
    // said above the plot (as its title, which the presets give room), never over the data
    if (Object.keys(levels).length < 2) fig3.layout.title = { text: 'Only one redundancy level in these results (the paper: 20 %, 10 %, 5 % unique images).', font: { color: '#666666' } };
    out.push({ name: 'fig03-redundancy', paper: 'Figure 3', figure: fig3, source: `records: ${Object.keys(levels).length} of 3 redundancy levels` });
  } else {
    out.push({ name: 'fig03-redundancy', paper: 'Figure 3', figure: placeholderFigure('Final test accuracy vs redundancy', MISSING_DATA.redundant), source: 'placeholder (no RepeatedMNIST curves)' });
  }
  // Fig. 4
  if (strategies.length >= 2) {
    out.push({ name: 'fig04-dueling-matrix', paper: 'Figure 4', figure: duelingMatrixFigure(duelingMatrix(curves, { strategies })), source: `records: ${strategies.length} strategies over ${keys.length} settings` });
  } else {
    out.push({ name: 'fig04-dueling-matrix', paper: 'Figure 4', figure: placeholderFigure('Dueling matrix', strategies.length === 0 ? 'No learning-curve results here: the dueling matrix needs at least two strategies over matched seeds.' : `The dueling matrix needs at least two strategies; these results have ${strategies.length}.`), source: 'placeholder (fewer than two strategies)' });
  }
  // Fig. 5
  const gains = strategies.includes('random') && strategies.length >= 2 ? improvementOverRandom(curves, { includeInference: false }).filter((r) => r.round > 0) : [];
  out.push({
    name: 'fig05-gain-over-random', paper: 'Figure 5',
    figure: gains.length > 0 ? gainOverRandomFigure(gains) : placeholderFigure('Gain over random sampling', 'Needs Random and at least one other strategy with two or more rounds.'),
    source: gains.length > 0 ? `records: ${new Set(gains.map(settingKey)).size} settings` : 'placeholder (no Random curves)',
  });
  // Appendix learning curves: one grid per kind of data.
  const appendix: Array<[string, string, DatasetFamily | 'redundant', string]> = [
    ['fig13-grayscale', 'Figure 13', 'grey', 'Grayscale images'],
    ['fig14-colour', 'Figure 14', 'colour', 'Colour images'],
    ['fig16-repeated-mnist', 'Figure 16', 'redundant', 'RepeatedMNIST'],
    ['fig17-tabular', 'Figure 17', 'tabular', 'Tabular data'],
  ];
  for (const [name, paper, family, title] of appendix) {
    const mine = sortKeys(keys.filter((k) => appendixFamily(k.split('|')[0]!) === family));
    out.push(mine.length > 0
      ? { name, paper, figure: learningCurvesFigure(curves, { panels: mine.map((key) => ({ key })), columns: 3 }), source: `records: ${mine.length} settings` }
      : { name, paper, figure: placeholderFigure(title, MISSING_DATA[family]), source: 'placeholder (no such results)' });
  }
  // Fig. 18
  if (inputs.scalability && inputs.scalability.length > 0) {
    out.push({ name: 'fig18-scalability', paper: 'Figure 18', figure: scalabilityFigure(inputs.scalability), source: `scalability study: ${inputs.scalability.length} timings` });
  } else {
    out.push({ name: 'fig18-scalability', paper: 'Figure 18', figure: placeholderFigure('Scalability', SCALABILITY_MISSING), source: 'placeholder (no scalability study)' });
  }
  // Tables
  const table = (name: string, paper: string, t: TableData, source: string): PaperExhibit => ({ name, paper, figure: tableFigure(t), table: t, source });
  out.push(table('table1-time-complexity', 'Table 1', timeComplexityTable(), 'the paper (complexities)'));
  if (inputs.scalability && inputs.scalability.length > 0) out.push(table('table2-query-time', 'Table 2', scalabilityTimeTable(inputs.scalability), `scalability study: ${inputs.scalability.length} timings`));
  else if (curves.length > 0) {
    out.push(table('table2-query-time', 'Table 2', queryTimeTable(queryTimeRange(curves, { includeInference: false }), {
      note: 'From the experiment records (acquisition time alone, min/max over settings); the paper takes it from the scalability study.',
    }), 'records (no scalability study given)'));
  } else out.push({ name: 'table2-query-time', paper: 'Table 2', figure: placeholderFigure('Table 2: Min. and max. average cumulated query time', SCALABILITY_MISSING), source: 'placeholder (no scalability study)' });
  const grid = records.some((r) => parseAblationLabel(r.strategy) !== null) ? ablationGrid(records) : undefined;
  out.push(table('table3-ablation', 'Table 3', ablationGridTable(grid), grid ? `records: ${grid.blocks.length} dataset settings` : 'paper rows, no ablation records (all –)'));
  out.push(table('table4-datasets', 'Table 4', datasetPropertiesTable(), 'the paper (dataset properties)'));
  return out;
}
