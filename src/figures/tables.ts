/**
 * Paper Tables 1–4 as formatted tables: each as a plotly `table` figure (exportable like any figure) and
 * as Markdown text (for notebooks and READMEs). Builders take the analysis results, not records.
 */
import type { AblationTable } from '../analysis/ablationTable.ts';
import type { DatasetPropertiesRow } from '../analysis/datasetProperties.ts';
import { DATASET_PROPERTIES } from '../analysis/datasetProperties.ts';
import type { QueryTimeRange } from '../analysis/queryTimeRange.ts';
import { TIME_COMPLEXITY, type TimeComplexityRow } from '../analysis/timeComplexity.ts';
import { formatDuration } from './inputs.ts';
import { strategyLabel } from './palette.ts';
import type { PlotlyFigure } from './types.ts';

/** A table: header and rows of cell texts; `emphasis` marks cells 'best' (bold) or 'worst' (red). */
export interface TableData {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly emphasis?: ReadonlyArray<ReadonlyArray<'best' | 'worst' | null>>;
}

/**
 * A table as a plotly figure (a `table` trace, header shaded, best cells bold, worst in red).
 * @throws RangeError when a row's length differs from the header's.
 */
export function tableFigure(t: TableData, options: { width?: number } = {}): PlotlyFigure {
  t.rows.forEach((r, i) => {
    if (r.length !== t.header.length) throw new RangeError(`tableFigure: row ${i} of '${t.title}' has ${r.length} cells but the header has ${t.header.length}`);
  });
  // Bold through plotly's <b>; table cells ignore <span style>, so the worst cells are red through font.color.
  const styled = t.rows.map((r, i) => r.map((c, j) => (t.emphasis?.[i]?.[j] === 'best' ? `<b>${c}</b>` : c)));
  const columns = t.header.map((_, j) => styled.map((r) => r[j]!));
  const colours = t.header.map((_, j) => t.rows.map((_r, i) => (t.emphasis?.[i]?.[j] === 'worst' ? '#d62728' : '#000000')));
  return {
    data: [{
      type: 'table',
      header: { values: t.header.map((h) => `<b>${h}</b>`), fill: { color: '#eeeeee' }, align: 'left', line: { color: '#999999', width: 1 } },
      cells: { values: columns, align: 'left', line: { color: '#cccccc', width: 1 }, height: 24, font: { color: colours } },
    }],
    layout: {
      title: { text: t.title }, width: options.width ?? Math.max(400, 130 * t.header.length), height: 110 + 26 * (t.rows.length + 1),
      margin: { l: 10, r: 10, t: 50, b: 10 }, paper_bgcolor: '#ffffff',
    },
  };
}

/** The table as GitHub Markdown (best cells bold, worst cells italic). */
export function tableMarkdown(t: TableData): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const cell = (c: string, i: number, j: number) => {
    const e = t.emphasis?.[i]?.[j];
    return e === 'best' ? `**${esc(c)}**` : e === 'worst' ? `*${esc(c)}*` : esc(c);
  };
  return [
    `**${t.title}**`, '',
    `| ${t.header.map(esc).join(' | ')} |`,
    `|${t.header.map(() => '---').join('|')}|`,
    ...t.rows.map((r, i) => `| ${r.map((c, j) => cell(c, i, j)).join(' | ')} |`),
  ].join('\n');
}

/** Table 1: time complexity of each acquisition. */
export function timeComplexityTable(rows: readonly TimeComplexityRow[] = TIME_COMPLEXITY): TableData {
  return { title: 'Table 1: Time complexity of one acquisition', header: ['Algorithm', 'Time complexity'], rows: rows.map((r) => [strategyLabel(r.strategy), r.complexity]) };
}

/** Table 2: min. and max. average cumulated query time per strategy (input: `queryTimeRange(records)`). */
export function queryTimeTable(rows: readonly QueryTimeRange[]): TableData {
  return {
    title: 'Table 2: Min. and max. average cumulated query time',
    header: ['Algorithm', 'min', 'max'],
    rows: rows.map((r) => [strategyLabel(r.strategy), formatDuration(r.minSeconds), formatDuration(r.maxSeconds)]),
  };
}

/** Table 3: ablation accuracies (%) at the checkpoints, best bold, worst red (input: `ablationTable(...)`). */
export function ablationTableData(t: AblationTable, labels?: (strategy: string) => string): TableData {
  return {
    title: `Table 3: Ablation on ${t.dataset}: average test accuracy (%)`,
    header: ['Variant', ...t.checkpoints.map(String)],
    rows: t.rows.map((r) => [labels ? labels(r.strategy) : r.strategy, ...r.accuracy.map((a) => (Number.isNaN(a) ? '–' : (100 * a).toFixed(2)))]),
    emphasis: t.rows.map((_, i) => [null, ...t.checkpoints.map((_c, j) => (t.best[j] === i ? 'best' : t.worst[j] === i ? 'worst' : null))]),
  };
}

/** Table 4: dataset properties. */
export function datasetPropertiesTable(rows: readonly DatasetPropertiesRow[] = DATASET_PROPERTIES): TableData {
  return {
    title: 'Table 4: Data set properties',
    header: ['Type', 'Data set', 'N', 'C', 'F'],
    rows: rows.map((r) => [r.type, r.dataset, r.n.toLocaleString('en-US'), String(r.classes), r.features]),
  };
}
