import type { RoundRecord } from '../results/roundRecord.ts';
import { learningCurves } from '../analysis/learningCurves.ts';
import { sortStrategies, strategyColor, strategyLabel } from './palette.ts';
import type { PlotlyFigure, PlotlyTrace } from './types.ts';

/**
 * Final accuracy against redundancy (paper Fig. 3): for each RepeatedMNIST variant (a dataset name mapped
 * to its share of unique images, e.g. {'repeated-mnist-20': 20, 'repeated-mnist-10': 10,
 * 'repeated-mnist-5': 5}), the mean ± std over seeds of the test accuracy at the largest number of labels,
 * one line per strategy, x = % unique images (fewer unique = more redundant; the axis runs from high to low).
 * Cost: O(R log R).
 * @throws RangeError when the map is empty, a ratio is not in (0, 100], or a dataset has no records.
 */
export function redundancyFigure(records: readonly RoundRecord[], uniquePercent: Readonly<Record<string, number>>, options: { title?: string; strategies?: readonly string[] } = {}): PlotlyFigure {
  const entries = Object.entries(uniquePercent);
  if (entries.length === 0) throw new RangeError('redundancyFigure: uniquePercent is empty; map each RepeatedMNIST dataset name to its % of unique images');
  for (const [d, v] of entries) {
    if (!(v > 0 && v <= 100)) throw new RangeError(`redundancyFigure: uniquePercent['${d}'] must lie in (0, 100], got ${v}`);
    if (!records.some((r) => r.dataset === d)) throw new RangeError(`redundancyFigure: dataset '${d}' has no records`);
  }
  const pts = learningCurves(records.filter((r) => r.dataset in uniquePercent));
  // last checkpoint per (dataset, strategy); one setting per dataset expected, the largest numLabeled wins
  const final = new Map<string, { mean: number; std: number; numLabeled: number }>();
  for (const p of pts) {
    const k = `${p.dataset}|${p.strategy}`;
    const f = final.get(k);
    if (!f || p.numLabeled > f.numLabeled) final.set(k, p);
  }
  const strategies = options.strategies ? [...options.strategies] : sortStrategies(pts.map((p) => p.strategy));
  const sorted = entries.sort((a, b) => b[1] - a[1]);
  const data: PlotlyTrace[] = strategies.map((s) => {
    const xs: number[] = [];
    const ys: number[] = [];
    const es: number[] = [];
    for (const [d, v] of sorted) {
      const f = final.get(`${d}|${s}`);
      if (!f) continue;
      xs.push(v);
      ys.push(100 * f.mean);
      es.push(100 * f.std);
    }
    return {
      type: 'scatter', mode: 'lines+markers', name: strategyLabel(s), x: xs, y: ys,
      error_y: { type: 'data', array: es, visible: true, thickness: 1, width: 3 },
      line: { color: strategyColor(s), width: 2 }, marker: { color: strategyColor(s), size: 6 }, meta: { strategy: s, role: 'line' },
    };
  });
  return {
    data,
    layout: {
      margin: { l: 70, r: 20, t: options.title ? 70 : 30, b: 60 }, title: { text: options.title ?? '' }, width: 560, height: 400, plot_bgcolor: '#ffffff', paper_bgcolor: '#ffffff',
      xaxis: { title: { text: 'Unique images (%)' }, autorange: 'reversed', tickvals: sorted.map((e) => e[1]) },
      yaxis: { title: { text: 'Final test accuracy (%)' }, gridcolor: '#e5e5e5' },
      legend: { orientation: 'v' },
    },
    content: { kind: 'single', aspect: 0.7 },
  };
}
