import type { RoundRecord } from '../results/roundRecord.ts';
import { learningCurves as aggregate, type LearningCurvePoint } from '../analysis/learningCurves.ts';
import { groupBy, settingKey } from '../analysis/recordKeys.ts';
import { sortStrategies, strategyColor, strategyLabel, withAlpha } from './palette.ts';
import { settingTitle } from './names.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { PanelSlot, PlotlyFigure, PlotlyTrace } from './types.ts';

/** One panel of a learning-curve grid: a setting's curves, or a placeholder saying what data is missing. */
export type CurvePanel = { readonly key: string; readonly title?: string } | { readonly placeholder: string; readonly title: string };

export interface LearningCurvesOptions {
  /** Setting keys 'dataset|setting|model' to draw, in panel order. Default: all, sorted. */
  readonly settings?: readonly string[];
  /** Panels in order, placeholders included (wins over `settings`). */
  readonly panels?: readonly CurvePanel[];
  /** Strategies to draw. Default: all, in legend order (palette.ts). */
  readonly strategies?: readonly string[];
  /** Panels per row. Default 3. */
  readonly columns?: number;
  /** Panel titles; default 'MNIST, Q = 200, LeNet' (names.ts). */
  readonly panelTitles?: (key: string) => string;
  /** Letters '(a)', '(b)', … before the panel titles, as in the paper's Fig. 2. Default false. */
  readonly letters?: boolean;
  readonly title?: string;
  /** Draw ± 1 std bands over seeds. Default true. */
  readonly bands?: boolean;
}

/**
 * Learning curves (paper Fig. 2 and Appendix Fig. 13–17): mean test accuracy (%) over seeds against the
 * number of labels, one panel per setting, one line per strategy with a ± 1 standard deviation band
 * (sample std over seeds). Lines share a legend group per strategy; the legend lists each strategy once.
 * A placeholder panel (`{ placeholder, title }`) is drawn as an empty frame with its text in the middle,
 * so a figure never silently drops a panel for missing data. The figure carries its panel grid
 * (`content`), so a preset reflows it (fewer columns at column width).
 * Cost: O(R log R).
 * @throws RangeError when there are no records and no placeholder, or a requested setting/strategy has none.
 */
export function learningCurvesFigure(records: readonly RoundRecord[], options: LearningCurvesOptions = {}): PlotlyFigure {
  if (!Array.isArray(records)) throw new TypeError('learningCurvesFigure: records must be an array of RoundRecord');
  const points = aggregate(records);
  const bySetting = groupBy(points, settingKey);
  const wanted: CurvePanel[] = options.panels ? [...options.panels] : (options.settings ? [...options.settings] : [...bySetting.keys()].sort()).map((key) => ({ key }));
  if (wanted.length === 0) throw new RangeError('learningCurvesFigure: records is empty; load an experiment first');
  for (const p of wanted) if ('key' in p && !bySetting.has(p.key)) throw new RangeError(`learningCurvesFigure: setting '${p.key}' has no records (present: ${[...bySetting.keys()].join(', ')})`);
  const strategies = options.strategies ? [...options.strategies] : sortStrategies(points.map((p) => p.strategy));
  for (const s of strategies) if (!points.some((p) => p.strategy === s)) throw new RangeError(`learningCurvesFigure: strategy '${s}' has no records`);
  const columns = options.columns ?? 3;
  const panels = panelGrid(wanted.length, columns);
  const data: PlotlyTrace[] = [];
  const annotations: Array<Record<string, unknown>> = [];
  const slots: PanelSlot[] = [];
  const layout: Record<string, unknown> = {
    title: { text: options.title ?? '' }, showlegend: true, legend: { orientation: 'v', x: 1.02, y: 1, yanchor: 'top' },
    margin: { l: 70, r: 20, t: options.title ? 80 : 40, b: 60 },
    width: 360 * Math.min(wanted.length, columns) + 200, height: 300 * Math.ceil(wanted.length / columns) + 80,
    annotations, plot_bgcolor: '#ffffff', paper_bgcolor: '#ffffff',
  };
  const shown = new Set<string>();
  wanted.forEach((want, i) => {
    const panel = panels[i]!;
    const letter = options.letters ? `(${String.fromCharCode(97 + i)}) ` : '';
    if ('placeholder' in want) {
      layout[panel.xKey] = { domain: panel.xDomain, anchor: panel.yref, showticklabels: false, showgrid: false, zeroline: false, showline: true, mirror: true, linecolor: '#bbbbbb', ticks: '' };
      layout[panel.yKey] = { domain: panel.yDomain, anchor: panel.xref, showticklabels: false, showgrid: false, zeroline: false, showline: true, mirror: true, linecolor: '#bbbbbb', ticks: '', range: [0, 1] };
      data.push({ type: 'scatter', mode: 'markers', x: [], y: [], xaxis: panel.xref, yaxis: panel.yref, showlegend: false, hoverinfo: 'skip' });
      annotations.push({ ...panelTitle(panel, `${letter}${want.title}`), font: {} });
      const title = annotations.length - 1;
      annotations.push({ text: want.placeholder, xref: 'paper', yref: 'paper', x: 0, y: 0, showarrow: false, font: { color: '#666666' }, align: 'center' });
      slots.push({ xKey: panel.xKey, yKey: panel.yKey, title, note: annotations.length - 1 });
      return;
    }
    const key = want.key;
    const mine = groupBy(bySetting.get(key)!, (p) => p.strategy);
    for (const s of strategies) {
      const pts = mine.get(s);
      if (!pts) continue;
      const c = strategyColor(s);
      const x = pts.map((p) => p.numLabeled);
      const y = pts.map((p) => 100 * p.mean);
      if (options.bands !== false) data.push(band(pts, s, c, panel.xref, panel.yref));
      data.push({
        type: 'scatter', mode: 'lines+markers', name: strategyLabel(s), legendgroup: s, showlegend: !shown.has(s),
        x, y, xaxis: panel.xref, yaxis: panel.yref,
        line: { color: c, width: 2 }, marker: { color: c, size: 4 },
        meta: { strategy: s, role: 'line' },
        customdata: pts.map((p) => [100 * p.std, p.n]),
        hovertemplate: `${strategyLabel(s)}: %{y:.2f} ± %{customdata[0]:.2f} (n=%{customdata[1]})<extra></extra>`,
      });
      shown.add(s);
    }
    layout[panel.xKey] = { domain: panel.xDomain, anchor: panel.yref, title: { text: 'Number of labels' }, showgrid: true, gridcolor: '#e5e5e5', zeroline: false, showline: true, linecolor: '#444444', nticks: 6 };
    layout[panel.yKey] = { domain: panel.yDomain, anchor: panel.xref, title: { text: i % columns === 0 ? 'Test accuracy (%)' : '' }, showgrid: true, gridcolor: '#e5e5e5', zeroline: false, showline: true, linecolor: '#444444', nticks: 6 };
    annotations.push(panelTitle(panel, `${letter}${want.title ?? (options.panelTitles ? options.panelTitles(key) : settingTitle(key))}`));
    slots.push({ xKey: panel.xKey, yKey: panel.yKey, title: annotations.length - 1 });
  });
  return { data, layout, content: { kind: 'panels', panels: slots, columns, aspect: 0.75 } };
}

/** The ± std band as one closed polygon (x forward then back), filled, without hover or legend. */
function band(pts: readonly LearningCurvePoint[], s: string, c: string, xref: string, yref: string): PlotlyTrace {
  const x = [...pts.map((p) => p.numLabeled), ...pts.map((p) => p.numLabeled).reverse()];
  const y = [...pts.map((p) => 100 * (p.mean + p.std)), ...pts.map((p) => 100 * (p.mean - p.std)).reverse()];
  return {
    type: 'scatter', mode: 'lines', x, y, xaxis: xref, yaxis: yref, fill: 'toself', fillcolor: withAlpha(c, 0.18),
    line: { width: 0, color: withAlpha(c, 0) }, hoverinfo: 'skip', showlegend: false, legendgroup: s, name: `${strategyLabel(s)} ± std`,
    meta: { strategy: s, role: 'band' },
  };
}
