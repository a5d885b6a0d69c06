/**
 * Paper Tables 1–4 as formatted tables, in three forms from one `TableData`:
 *
 *   TableData ──► tableFigure   a plotly figure drawn like a booktabs table (text annotations and rules,
 *            │                  all vector; `applyPreset` redraws it at the preset's font and width)
 *            ├─► tableLatex    a `table` environment (booktabs; best cells \textbf, worst \textcolor{red})
 *            └─► tableMarkdown GitHub Markdown (best bold, worst italic)
 *
 * Builders take analysis results, not records.
 */
import { PAPER_ABLATION_VARIANTS, type AblationGrid } from '../analysis/ablationGrid.ts';
import type { AblationTable } from '../analysis/ablationTable.ts';
import type { DatasetPropertiesRow } from '../analysis/datasetProperties.ts';
import { DATASET_PROPERTIES } from '../analysis/datasetProperties.ts';
import type { QueryTimeRange } from '../analysis/queryTimeRange.ts';
import { TIME_COMPLEXITY, type TimeComplexityRow } from '../analysis/timeComplexity.ts';
import { formatDuration } from './inputs.ts';
import { datasetRank, settingTitle } from './names.ts';
import { strategyLabel } from './palette.ts';
import { textWidth, wrapText } from './textMetrics.ts';
import type { PlotlyFigure } from './types.ts';

export type CellEmphasis = 'best' | 'worst' | null;

/** A table: header and rows of cell texts; `emphasis` marks cells 'best' (bold) or 'worst' (red). */
export interface TableData {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly emphasis?: ReadonlyArray<ReadonlyArray<CellEmphasis>>;
  /** Header cells spanning several columns above the header (Table 3: one group per dataset). */
  readonly groups?: ReadonlyArray<{ readonly label: string; readonly start: number; readonly span: number }>;
  /** LaTeX of the header cells where it differs from the escaped text (math), else null. */
  readonly latexHeader?: ReadonlyArray<string | null>;
  /** LaTeX of body cells where it differs from the escaped text (math), else null; same shape as rows. */
  readonly latexRows?: ReadonlyArray<ReadonlyArray<string | null>>;
  /** Column alignment; default: text columns left, numeric columns right. */
  readonly align?: ReadonlyArray<'l' | 'r' | 'c'>;
  /** A line under the table (sources, what a dash means). */
  readonly note?: string;
  /** LaTeX label, e.g. 'tab:ablation'. */
  readonly label?: string;
}

const WORST_RED = '#c00000';

function checkTable(fn: string, t: TableData): void {
  if (t == null || !Array.isArray(t.header) || !Array.isArray(t.rows)) throw new TypeError(`${fn}: table must be { title, header: string[], rows: string[][] }, got ${typeof t}`);
  t.rows.forEach((r, i) => {
    if (r.length !== t.header.length) throw new RangeError(`${fn}: row ${i} of '${t.title}' has ${r.length} cells but the header has ${t.header.length}`);
  });
  for (const g of t.groups ?? []) {
    if (!(g.start >= 0 && g.span >= 1 && g.start + g.span <= t.header.length)) throw new RangeError(`${fn}: group '${g.label}' of '${t.title}' spans columns ${g.start}..${g.start + g.span - 1}, outside the ${t.header.length} columns`);
  }
}

const NUMERIC = /^[\s<>~≈+\-–−]*[\d.,]+\s*(%|ms|s|min|h|hrs?)?$/;

function alignment(t: TableData): Array<'l' | 'r' | 'c'> {
  if (t.align) return [...t.align];
  return t.header.map((_, j) => (t.rows.length > 0 && t.rows.every((r) => NUMERIC.test(r[j]!) || r[j] === '–' || r[j] === '') ? 'r' : 'l'));
}

/**
 * Draws a table like a booktabs table in plotly: a title, top/mid/bottom rules (and a short rule under each
 * column group), cells as text annotations, best cells bold and worst cells red. Column widths come from
 * the text; when the table is wider than `maxWidthPx` the font shrinks (down to `minFontPx`), and only
 * then does the figure grow wider than asked. Everything is vector (no raster in SVG/PDF), and every row
 * is drawn: the size follows the rows. Cost: O(cells).
 * @throws RangeError when a row's length differs from the header's.
 */
export function drawTable(t: TableData, options: { fontPx?: number; maxWidthPx?: number; minFontPx?: number; fontFamily?: string } = {}): PlotlyFigure {
  checkTable('drawTable', t);
  const maxW = options.maxWidthPx ?? Infinity;
  let f = options.fontPx ?? 13;
  const minF = Math.min(f, options.minFontPx ?? (5 * 96) / 72);
  const align = alignment(t);
  const styled = t.rows.map((r, i) => r.map((c, j) => (t.emphasis?.[i]?.[j] === 'best' ? `<b>${c}</b>` : c)));
  const widths = (font: number) => t.header.map((h, j) => {
    let w = textWidth(`<b>${h}</b>`, font);
    for (const r of styled) w = Math.max(w, textWidth(r[j]!, font));
    return w + 1.2 * font;
  });
  const groupFit = (font: number, ws: number[]) => {
    // a group label wider than its columns widens them all alike (the numbers stay evenly spaced)
    for (const g of t.groups ?? []) {
      const span = ws.slice(g.start, g.start + g.span).reduce((a, b) => a + b, 0);
      const need = textWidth(`<b>${g.label}</b>`, font) + 1.2 * font;
      if (need > span) for (let j = g.start; j < g.start + g.span; j++) ws[j]! += (need - span) / g.span;
    }
    return ws;
  };
  let ws = groupFit(f, widths(f));
  let total = ws.reduce((a, b) => a + b, 0);
  if (total > maxW && f > minF) {
    f = Math.max(minF, f * (maxW / total) * 0.98);
    ws = groupFit(f, widths(f));
    total = ws.reduce((a, b) => a + b, 0);
  }
  const pad = Math.round(0.4 * f);
  // The title and note wrap; they widen a narrow table up to the width allowed (60 em when unbounded).
  const textCap = Math.min(Number.isFinite(maxW) ? maxW - 2 * pad : Infinity, 60 * f);
  const wordy = Math.max(textWidth(t.title, 1.05 * f), t.note ? textWidth(t.note, 0.9 * f) : 0);
  const W = Math.ceil(Math.max(total, Math.min(wordy, textCap)) + 2 * pad);
  const title = wrapText(t.title, f * 1.05, W - 2 * pad);
  const titleLines = title.split('<br>').length;
  const rowH = 1.45 * f;
  const annotations: Array<Record<string, unknown>> = [];
  const shapes: Array<Record<string, unknown>> = [];
  let y = pad;
  const text = (s: string, x: number, yTop: number, xanchor: string, extra: Record<string, unknown> = {}) =>
    annotations.push({ text: s, x, y: yTop + rowH / 2, xref: 'x', yref: 'y', xanchor, yanchor: 'middle', showarrow: false, font: { size: f }, ...extra });
  if (t.title) {
    annotations.push({ text: title, x: pad, y, xref: 'x', yref: 'y', xanchor: 'left', yanchor: 'top', align: 'left', showarrow: false, font: { size: 1.05 * f } });
    y += titleLines * 1.3 * 1.05 * f + 0.4 * f;
  }
  const rule = (yy: number, x0: number, x1: number, width: number) => shapes.push({ type: 'line', xref: 'x', yref: 'y', x0, x1, y0: yy, y1: yy, line: { color: '#000000', width } });
  const colX = (j: number) => pad + ws.slice(0, j).reduce((a, b) => a + b, 0);
  const cellX = (j: number) => (align[j] === 'r' ? colX(j + 1) - 0.6 * f : align[j] === 'c' ? colX(j) + ws[j]! / 2 : colX(j) + 0.6 * f);
  const anchor = (j: number) => (align[j] === 'r' ? 'right' : align[j] === 'c' ? 'center' : 'left');
  rule(y, pad, W - pad, 1.2);
  y += 0.2 * f;
  if (t.groups?.length) {
    for (const g of t.groups) {
      const x0 = colX(g.start);
      const x1 = colX(g.start + g.span);
      text(`<b>${g.label}</b>`, (x0 + x1) / 2, y, 'center');
      rule(y + rowH, x0 + 0.3 * f, x1 - 0.3 * f, 0.6);
    }
    y += rowH + 0.15 * f;
  }
  t.header.forEach((h, j) => text(`<b>${h}</b>`, cellX(j), y, anchor(j)));
  y += rowH + 0.15 * f;
  rule(y, pad, W - pad, 0.6);
  y += 0.15 * f;
  styled.forEach((r, i) => {
    r.forEach((c, j) => text(c, cellX(j), y, anchor(j), t.emphasis?.[i]?.[j] === 'worst' ? { font: { size: f, color: WORST_RED } } : {}));
    y += rowH;
  });
  y += 0.15 * f;
  rule(y, pad, W - pad, 1.2);
  if (t.note) {
    const note = wrapText(t.note, 0.9 * f, W - 2 * pad);
    annotations.push({ text: note, x: pad, y: y + 0.3 * f, xref: 'x', yref: 'y', xanchor: 'left', yanchor: 'top', align: 'left', showarrow: false, font: { size: 0.9 * f } });
    y += 0.3 * f + note.split('<br>').length * 1.3 * 0.9 * f;
  }
  const H = Math.ceil(y + pad);
  const axis = { visible: false, fixedrange: true, showgrid: false, zeroline: false };
  return {
    // an invisible trace gives plotly the x/y subplot that the annotations and rules live in
    data: [{ type: 'scatter', mode: 'markers', x: [0, W], y: [0, H], marker: { opacity: 0 }, hoverinfo: 'skip', showlegend: false }],
    layout: {
      width: W, height: H, margin: { l: 0, r: 0, t: 0, b: 0, pad: 0 }, showlegend: false, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
      font: { size: f, color: '#000000', ...(options.fontFamily ? { family: options.fontFamily } : {}) },
      xaxis: { ...axis, range: [0, W] }, yaxis: { ...axis, range: [H, 0] }, annotations, shapes,
    },
    content: { kind: 'table', table: t },
  };
}

/**
 * A table as a plotly figure at screen size (10 pt); `applyPreset` redraws it at a preset's font and width.
 * @throws RangeError when a row's length differs from the header's.
 */
export function tableFigure(t: TableData, options: { width?: number } = {}): PlotlyFigure {
  checkTable('tableFigure', t);
  return drawTable(t, { fontPx: (10 * 96) / 72, ...(options.width !== undefined ? { maxWidthPx: options.width } : {}) });
}

/** The table as GitHub Markdown (best cells bold, worst cells italic; column groups prefix the header). */
export function tableMarkdown(t: TableData): string {
  checkTable('tableMarkdown', t);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const cell = (c: string, i: number, j: number) => {
    const e = t.emphasis?.[i]?.[j];
    return e === 'best' ? `**${esc(c)}**` : e === 'worst' ? `*${esc(c)}*` : esc(c);
  };
  const group = (j: number) => t.groups?.find((g) => j >= g.start && j < g.start + g.span);
  const header = t.header.map((h, j) => (group(j) ? `${group(j)!.label} ${h}` : h));
  const al = alignment(t);
  return [
    `**${t.title}**`, '',
    `| ${header.map(esc).join(' | ')} |`,
    `|${al.map((a) => (a === 'r' ? '---:' : a === 'c' ? ':---:' : '---')).join('|')}|`,
    ...t.rows.map((r, i) => `| ${r.map((c, j) => cell(c, i, j)).join(' | ')} |`),
    ...(t.note ? ['', t.note] : []),
  ].join('\n');
}

const LATEX_CHARS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '{': '\\{', '}': '\\}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  'γ': '$\\gamma$', '·': '$\\cdot$', '×': '$\\times$', '≥': '$\\geq$', '≤': '$\\leq$', '±': '$\\pm$', '✓': '$\\surd$', '–': '--', '—': '---', '−': '$-$', '≈': '$\\approx$', '>': '$>$', '<': '$<$',
};

/** Plain text as LaTeX: special characters escaped, a few Unicode symbols as math. */
export function latexEscape(s: string): string {
  return [...String(s).replace(/<[^>]*>/g, '')].map((c) => LATEX_CHARS[c] ?? c).join('');
}

/**
 * The table as a LaTeX `table` environment, ready to `\input` (needs `\usepackage{booktabs,xcolor}`):
 * booktabs rules (\toprule, \cmidrule under column groups, \midrule, \bottomrule), best cells
 * \textbf, worst cells \textcolor{red}, the title as \caption. Cost: O(cells).
 */
export function tableLatex(t: TableData): string {
  checkTable('tableLatex', t);
  const al = alignment(t);
  const head = t.header.map((h, j) => t.latexHeader?.[j] ?? latexEscape(h));
  const lines = [
    '% booktabs table written by falcun-lab (src/figures/tables.ts); needs \\usepackage{booktabs,xcolor}',
    '\\begin{table}[t]', '\\centering', `\\caption{${latexEscape(t.title.replace(/^Table \d+:\s*/, ''))}}`, ...(t.label ? [`\\label{${t.label}}`] : []),
    `\\begin{tabular}{${al.join('')}}`, '\\toprule',
  ];
  if (t.groups?.length) {
    const cells: string[] = [];
    let j = 0;
    for (const g of [...t.groups].sort((a, b) => a.start - b.start)) {
      while (j < g.start) { cells.push(''); j++; }
      cells.push(`\\multicolumn{${g.span}}{c}{${latexEscape(g.label)}}`);
      j += g.span;
    }
    while (j < t.header.length) { cells.push(''); j++; }
    lines.push(`${cells.join(' & ')} \\\\`);
    lines.push(t.groups.map((g) => `\\cmidrule(lr){${g.start + 1}-${g.start + g.span}}`).join(' '));
  }
  lines.push(`${head.join(' & ')} \\\\`, '\\midrule');
  t.rows.forEach((r, i) => {
    lines.push(`${r.map((c, j) => {
      const tex = t.latexRows?.[i]?.[j] ?? latexEscape(c);
      const e = t.emphasis?.[i]?.[j];
      return e === 'best' ? `\\textbf{${tex}}` : e === 'worst' ? `\\textcolor{red}{${tex}}` : tex;
    }).join(' & ')} \\\\`);
  });
  lines.push('\\bottomrule', '\\end{tabular}');
  if (t.note) lines.push(`\\par\\smallskip{\\footnotesize ${latexEscape(t.note)}}`);
  lines.push('\\end{table}', '');
  return lines.join('\n');
}

/** Table 1: time complexity of each acquisition. */
export function timeComplexityTable(rows: readonly TimeComplexityRow[] = TIME_COMPLEXITY): TableData {
  return {
    title: 'Table 1: Time complexity of one acquisition', header: ['Algorithm', 'Time complexity'], label: 'tab:complexity',
    rows: rows.map((r) => [strategyLabel(r.strategy), r.complexity]),
    latexRows: rows.map((r) => [null, `$${r.latex}$`]), align: ['l', 'l'],
  };
}

/**
 * Table 2 from experiment records: min. and max. average cumulated query time per strategy over the
 * records' settings (input: `queryTimeRange(records, { includeInference: false })`). The paper's Table 2
 * comes from the scalability study: `scalabilityTimeTable`.
 */
export function queryTimeTable(rows: readonly QueryTimeRange[], options: { title?: string; note?: string } = {}): TableData {
  return {
    title: options.title ?? 'Table 2: Min. and max. average cumulated query time',
    header: ['Algorithm', 'min', 'max'], label: 'tab:query-time',
    rows: rows.map((r) => [strategyLabel(r.strategy), formatDuration(r.minSeconds), formatDuration(r.maxSeconds)]),
    align: ['l', 'r', 'r'],
    ...(options.note ? { note: options.note } : {}),
  };
}

/** Table 4: dataset properties. */
export function datasetPropertiesTable(rows: readonly DatasetPropertiesRow[] = DATASET_PROPERTIES): TableData {
  return {
    title: 'Table 4: Data set properties', label: 'tab:datasets',
    header: ['Type', 'Data set', 'N', 'C', 'F'],
    rows: rows.map((r) => [r.type, r.dataset, r.n.toLocaleString('en-US'), String(r.classes), r.features]),
    align: ['l', 'l', 'r', 'r', 'r'],
  };
}

/** Table 3 for one dataset: ablation accuracies (%) at the checkpoints, best bold, worst red (input: `ablationTable(...)`). */
export function ablationTableData(t: AblationTable, labels?: (strategy: string) => string): TableData {
  return {
    title: `Table 3: Ablation on ${t.dataset}: average test accuracy (%)`,
    header: ['Variant', ...t.checkpoints.map(String)],
    rows: t.rows.map((r) => [labels ? labels(r.strategy) : r.strategy, ...r.accuracy.map((a) => (Number.isNaN(a) ? '–' : (100 * a).toFixed(2)))]),
    emphasis: t.rows.map((_, i) => [null, ...t.checkpoints.map((_c, j) => (t.best[j] === i ? 'best' : t.worst[j] === i ? 'worst' : null))]),
  };
}

/**
 * Paper Table 3 as one table: rows γ ∈ {0, 1, 5, 10, 20, det.} × relevance terms (d only, u only, u + d;
 * γ = 0 once), a ✓ in the u(x) / d(x) columns, then one column group per dataset setting with its
 * checkpoints (numbers of labels); mean test accuracy (%) over seeds, best per column bold, worst red
 * (a column where all rows tie has neither). Rows without records show '–'. Without a grid (no ablation
 * records) the table keeps the paper's rows and says what is missing. Input: `ablationGrid(records)`.
 */
export function ablationGridTable(grid: AblationGrid | undefined): TableData {
  const variants = grid?.variants ?? PAPER_ABLATION_VARIANTS;
  // column groups in the paper's dataset order (EMNIST, RepeatedMNIST, BloodMNIST, OpenML-6)
  const blocks = [...(grid?.blocks ?? [])].map((b, i) => [b, i] as const).sort(([a, i], [b, j]) => datasetRank(a.dataset) - datasetRank(b.dataset) || i - j).map(([b]) => b);
  const header = ['γ', 'u(x)', 'd(x)'];
  const latexHeader: Array<string | null> = ['$\\gamma$', '$u(x)$', '$d(x)$'];
  const groups: Array<{ label: string; start: number; span: number }> = [];
  for (const b of blocks) {
    groups.push({ label: settingTitle(`${b.dataset}|${b.setting}|${b.model}`), start: header.length, span: b.checkpoints.length });
    for (const c of b.checkpoints) {
      header.push(String(c));
      latexHeader.push(null);
    }
  }
  const tick = (on: boolean) => (on ? '✓' : '');
  const rows = variants.map((v, i) => [
    v.gamma === 'det' ? 'det.' : String(v.gamma),
    v.terms === null ? '–' : tick(v.terms !== 'd'),
    v.terms === null ? '–' : tick(v.terms !== 'u'),
    ...blocks.flatMap((b) => b.accuracy[i]!.map((a) => (Number.isNaN(a) ? '–' : (100 * a).toFixed(2)))),
  ]);
  const emphasis = variants.map((_, i) => [null, null, null, ...blocks.flatMap((b) => b.checkpoints.map((_c, j) => (b.best[j] === i ? 'best' : b.worst[j] === i ? 'worst' : null) as CellEmphasis))]);
  const seeds = [...new Set(blocks.flatMap((b) => b.seeds.filter((s) => s > 0)))].sort((a, b) => a - b);
  const note = blocks.length === 0
    ? 'No ablation records here: run the FALCUN variants (labels falcun-g10-ud, falcun-det-u, falcun-g0, …), e.g. the repro-ablation grid.'
    : `Mean test accuracy (%) over ${seeds.length === 1 ? seeds[0] : `${seeds[0]}–${seeds[seeds.length - 1]}`} seed${seeds.length === 1 && seeds[0] === 1 ? '' : 's'}; bold = best, red = worst per column; γ = 0 is uniform sampling.`;
  return {
    title: 'Table 3: Ablation: average test accuracy (%) for varying γ and deterministic picks (det.), with and without u(x) and d(x)',
    label: 'tab:ablation', header, latexHeader, groups, rows, emphasis, note,
    align: ['l', 'c', 'c', ...header.slice(3).map(() => 'r' as const)],
  };
}
