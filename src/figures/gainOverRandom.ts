import type { ImprovementRow } from '../analysis/improvementOverRandom.ts';
import { groupBy, settingKey } from '../analysis/recordKeys.ts';
import { sortStrategies, strategyColor, strategyLabel } from './palette.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { PlotlyFigure, PlotlyTrace } from './types.ts';

/**
 * Accuracy gain over random sampling and query time per round (paper Fig. 5), one panel per setting:
 * coloured bars = mean accuracy minus Random's (percentage points, left axis, larger is better), thin black
 * bars in the same slot = mean query time of that round in minutes (right axis, smaller is better). Rounds
 * start at 1 (round 0 is the shared initial set). Both axes put 0 at the same height (the time axis' negative
 * part stays empty). Input: `improvementOverRandom(records)`.
 * Cost: O(rows).
 * @throws RangeError when rows is empty.
 */
export function gainOverRandomFigure(rows: readonly ImprovementRow[], options: { columns?: number; title?: string; logTime?: boolean } = {}): PlotlyFigure {
  const used = rows.filter((r) => r.round > 0);
  if (used.length === 0) throw new RangeError('gainOverRandomFigure: no rows after round 0; pass improvementOverRandom(records) of a run with at least 2 rounds');
  const bySetting = groupBy(used, settingKey);
  const keys = [...bySetting.keys()].sort();
  const columns = options.columns ?? 2;
  const panels = panelGrid(keys.length, columns, { x: 0.2 }); // room for the right time axis and the next panel's left one
  const data: PlotlyTrace[] = [];
  const annotations: unknown[] = [];
  const layout: Record<string, unknown> = {
    title: { text: options.title ?? '' }, barmode: 'group', bargap: 0.2, bargroupgap: 0.05,
    width: 540 * Math.min(columns, keys.length) + 200, height: 320 * Math.ceil(keys.length / columns) + 80,
    legend: { orientation: 'v', x: 1.1, y: 1, yanchor: 'top' }, margin: { l: 70, r: 40, t: options.title ? 80 : 40, b: 60 }, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', annotations,
  };
  const shown = new Set<string>();
  let timeShown = false;
  keys.forEach((key, i) => {
    const p = panels[i]!;
    const y2 = `y${keys.length + i + 1}`;
    const y2Key = `yaxis${keys.length + i + 1}`;
    const mine = bySetting.get(key)!;
    for (const s of sortStrategies(mine.map((r) => r.strategy))) {
      const rs = mine.filter((r) => r.strategy === s).sort((a, b) => a.round - b.round);
      data.push({
        type: 'bar', name: strategyLabel(s), legendgroup: s, showlegend: !shown.has(s), offsetgroup: s,
        x: rs.map((r) => r.round), y: rs.map((r) => 100 * r.gain), xaxis: p.xref, yaxis: p.yref,
        marker: { color: strategyColor(s) }, meta: { strategy: s, role: 'bar' },
        hovertemplate: `${strategyLabel(s)} round %{x}: %{y:+.2f} pp<extra></extra>`,
      });
      data.push({
        type: 'bar', name: 'Query time', legendgroup: 'time', showlegend: !timeShown, offsetgroup: s, width: 0.03,
        x: rs.map((r) => r.round), y: rs.map((r) => r.querySeconds / 60), xaxis: p.xref, yaxis: y2,
        marker: { color: '#000000' }, hovertemplate: `${strategyLabel(s)} round %{x}: %{y:.2f} min<extra></extra>`,
      });
      shown.add(s);
      timeShown = true;
    }
    // Both axes share their zero line: the gain range fixes where 0 sits, the time axis is stretched to match.
    let lo = 0;
    let hi = 0;
    let tmax = 0;
    for (const r of mine) {
      lo = Math.min(lo, 100 * r.gain);
      hi = Math.max(hi, 100 * r.gain);
      tmax = Math.max(tmax, r.querySeconds / 60);
    }
    const pad = 0.05 * (hi - lo || 1);
    lo -= lo < 0 ? pad : 0;
    hi += pad;
    tmax = (tmax || 1) * 1.05;
    const zeroAt = -lo / (hi - lo);
    layout[p.xKey] = { domain: p.xDomain, anchor: p.yref, title: { text: 'Acquisition round' }, dtick: 1 };
    layout[p.yKey] = { domain: p.yDomain, anchor: p.xref, title: { text: 'Gain over Random (pp)' }, range: [lo, hi], zeroline: true, zerolinecolor: '#000000', gridcolor: '#e5e5e5' };
    layout[y2Key] = options.logTime
      ? { overlaying: p.yref, side: 'right', anchor: p.xref, title: { text: 'Query time (min)' }, showgrid: false, type: 'log' }
      : { overlaying: p.yref, side: 'right', anchor: p.xref, title: { text: 'Query time (min)' }, showgrid: false, zeroline: false, range: [(-zeroAt / (1 - zeroAt)) * tmax, tmax], tickvals: niceTicks(tmax) };
    annotations.push(panelTitle(p, key.split('|').join(', ')));
  });
  return { data, layout };
}

/** Up to ~4 round tick values from 0 to max (only non-negative times get labels). */
function niceTicks(max: number): number[] {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw)!;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-12; v += step) out.push(Number(v.toPrecision(6)));
  return out;
}
