import type { RoundRecord } from '../results/roundRecord.ts';
import { learningCurves as aggregate, type LearningCurvePoint } from '../analysis/learningCurves.ts';
import { groupBy, settingKey } from '../analysis/recordKeys.ts';
import { sortStrategies, strategyColor, strategyLabel, withAlpha } from './palette.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { PlotlyFigure, PlotlyTrace } from './types.ts';

export interface LearningCurvesOptions {
  /** Setting keys 'dataset|setting|model' to draw, in panel order. Default: all, sorted. */
  readonly settings?: readonly string[];
  /** Strategies to draw. Default: all, in legend order (palette.ts). */
  readonly strategies?: readonly string[];
  /** Panels per row. Default 3. */
  readonly columns?: number;
  /** Panel titles; default 'dataset (setting, model)'. */
  readonly panelTitles?: (key: string) => string;
  readonly title?: string;
  /** Draw ± 1 std bands over seeds. Default true. */
  readonly bands?: boolean;
}

/**
 * Learning curves (paper Fig. 2 and Appendix Fig. 13–17): mean test accuracy (%) over seeds against the
 * number of labels, one panel per setting, one line per strategy with a ± 1 standard deviation band
 * (sample std over seeds). Lines share a legend group per strategy; the legend lists each strategy once.
 * Cost: O(R log R).
 * @throws RangeError when there are no records, or a requested setting/strategy has none.
 */
export function learningCurvesFigure(records: readonly RoundRecord[], options: LearningCurvesOptions = {}): PlotlyFigure {
  if (!Array.isArray(records) || records.length === 0) throw new RangeError('learningCurvesFigure: records is empty; load an experiment first');
  const points = aggregate(records);
  const bySetting = groupBy(points, settingKey);
  const keys = options.settings ? [...options.settings] : [...bySetting.keys()].sort();
  for (const k of keys) if (!bySetting.has(k)) throw new RangeError(`learningCurvesFigure: setting '${k}' has no records (present: ${[...bySetting.keys()].join(', ')})`);
  const strategies = options.strategies ? [...options.strategies] : sortStrategies(points.map((p) => p.strategy));
  for (const s of strategies) if (!points.some((p) => p.strategy === s)) throw new RangeError(`learningCurvesFigure: strategy '${s}' has no records`);
  const panels = panelGrid(keys.length, options.columns ?? 3);
  const data: PlotlyTrace[] = [];
  const layout: Record<string, unknown> = {
    title: { text: options.title ?? '' }, showlegend: true, legend: { orientation: 'v', x: 1.02, y: 1, yanchor: 'top' },
    margin: { l: 70, r: 20, t: options.title ? 80 : 40, b: 60 },
    width: 360 * Math.min(keys.length, options.columns ?? 3) + 200, height: 300 * Math.ceil(keys.length / (options.columns ?? 3)) + 80,
    annotations: [], plot_bgcolor: '#ffffff', paper_bgcolor: '#ffffff',
  };
  const shown = new Set<string>();
  keys.forEach((key, i) => {
    const panel = panels[i]!;
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
    layout[panel.xKey] = { domain: panel.xDomain, anchor: panel.yref, title: { text: 'Number of labels' }, showgrid: true, gridcolor: '#e5e5e5', zeroline: false };
    layout[panel.yKey] = { domain: panel.yDomain, anchor: panel.xref, title: { text: i % (options.columns ?? 3) === 0 ? 'Test accuracy (%)' : '' }, showgrid: true, gridcolor: '#e5e5e5', zeroline: false };
    (layout.annotations as unknown[]).push(panelTitle(panel, options.panelTitles ? options.panelTitles(key) : defaultTitle(key)));
  });
  return { data, layout };
}

function defaultTitle(key: string): string {
  const [dataset, setting, model] = key.split('|');
  return `${dataset} (${setting}, ${model})`;
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
