import type { ImprovementRow } from '../analysis/improvementOverRandom.ts';
import { groupBy, settingKey } from '../analysis/recordKeys.ts';
import { sortStrategies, strategyColor, strategyLabel } from './palette.ts';
import { settingTitle } from './names.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { PanelSlot, PlotlyFigure, PlotlyTrace } from './types.ts';

/** The time unit for a largest time in seconds: seconds below 2 min, minutes below 2 h, else hours. */
export function timeUnit(maxSeconds: number): { name: 's' | 'min' | 'h'; seconds: number } {
  if (maxSeconds < 120) return { name: 's', seconds: 1 };
  if (maxSeconds < 7200) return { name: 'min', seconds: 60 };
  return { name: 'h', seconds: 3600 };
}

/**
 * Accuracy gain over random sampling and query time per round (paper Fig. 5), one panel per setting:
 * coloured bars = mean accuracy minus Random's (percentage points, left axis, larger is better), a thin
 * black bar centred in each coloured bar = mean query time of that round (right axis, smaller is better;
 * in s, min or h, whichever reads best for the largest time). Bars sit at explicit positions (round ±
 * the strategy's slot), so each time bar lines up with its accuracy bar. Rounds start at 1 (round 0 is the
 * shared initial set). Both axes put 0 at the same height (the time axis' negative part stays empty).
 * Input: `improvementOverRandom(records)`.
 * Cost: O(rows).
 * @throws RangeError when rows is empty.
 */
export function gainOverRandomFigure(rows: readonly ImprovementRow[], options: { columns?: number; title?: string; logTime?: boolean } = {}): PlotlyFigure {
  const used = rows.filter((r) => r.round > 0);
  if (used.length === 0) throw new RangeError('gainOverRandomFigure: no rows after round 0; pass improvementOverRandom(records) of a run with at least 2 rounds');
  const bySetting = groupBy(used, settingKey);
  const keys = [...bySetting.keys()].sort();
  const columns = options.columns ?? 2;
  const panels = panelGrid(keys.length, columns, { x: 0.2 });
  const data: PlotlyTrace[] = [];
  const annotations: Array<Record<string, unknown>> = [];
  const slots: PanelSlot[] = [];
  const unit = timeUnit(Math.max(0, ...used.map((r) => r.querySeconds).filter(Number.isFinite)));
  const layout: Record<string, unknown> = {
    title: { text: options.title ?? '' }, barmode: 'overlay',
    width: 540 * Math.min(columns, keys.length) + 200, height: 320 * Math.ceil(keys.length / columns) + 80, showlegend: true,
    legend: { orientation: 'v', x: 1.1, y: 1, yanchor: 'top' }, margin: { l: 70, r: 40, t: options.title ? 80 : 40, b: 60 }, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', annotations,
  };
  const shown = new Set<string>();
  let timeShown = false;
  keys.forEach((key, i) => {
    const p = panels[i]!;
    const y2 = `y${keys.length + i + 1}`;
    const y2Key = `yaxis${keys.length + i + 1}`;
    const mine = bySetting.get(key)!;
    const strategies = sortStrategies(mine.map((r) => r.strategy));
    const slot = 0.84 / strategies.length;
    strategies.forEach((s, k) => {
      const rs = mine.filter((r) => r.strategy === s).sort((a, b) => a.round - b.round);
      const x = rs.map((r) => r.round + (k - (strategies.length - 1) / 2) * slot);
      data.push({
        type: 'bar', name: strategyLabel(s), legendgroup: s, showlegend: !shown.has(s), width: 0.9 * slot,
        x, y: rs.map((r) => 100 * r.gain), xaxis: p.xref, yaxis: p.yref,
        marker: { color: strategyColor(s), line: { width: 0 } }, meta: { strategy: s, role: 'bar' },
        customdata: rs.map((r) => r.round), hovertemplate: `${strategyLabel(s)} round %{customdata}: %{y:+.2f} pp<extra></extra>`,
      });
      data.push({
        type: 'bar', name: 'Query time', legendgroup: 'time', legendrank: 2000, showlegend: !timeShown, width: 0.22 * slot,
        x, y: rs.map((r) => r.querySeconds / unit.seconds), xaxis: p.xref, yaxis: y2,
        marker: { color: '#000000', line: { width: 0 } }, customdata: rs.map((r) => r.round), hovertemplate: `${strategyLabel(s)} round %{customdata}: %{y:.3g} ${unit.name}<extra></extra>`,
      });
      shown.add(s);
      timeShown = true;
    });
    // Both axes share their zero line: the gain range fixes where 0 sits, the time axis is stretched to match.
    let lo = 0;
    let hi = 0;
    let tmax = 0;
    for (const r of mine) {
      lo = Math.min(lo, 100 * r.gain);
      hi = Math.max(hi, 100 * r.gain);
      if (Number.isFinite(r.querySeconds)) tmax = Math.max(tmax, r.querySeconds / unit.seconds);
    }
    const pad = 0.08 * (hi - lo || 1);
    lo -= lo < 0 ? pad : 0;
    hi += pad;
    tmax = (tmax || 1) * 1.08;
    const zeroAt = -lo / (hi - lo);
    const roundsHere = [...new Set(mine.map((r) => r.round))].sort((a, b) => a - b);
    layout[p.xKey] = {
      domain: p.xDomain, anchor: p.yref, title: { text: 'Acquisition round' }, tickvals: roundsHere, ticktext: roundsHere.map(String),
      range: [roundsHere[0]! - 0.5, roundsHere[roundsHere.length - 1]! + 0.5], showgrid: false, zeroline: false, showline: true, linecolor: '#444444',
    };
    layout[p.yKey] = { domain: p.yDomain, anchor: p.xref, title: { text: 'Gain over Random (pp)' }, range: [lo, hi], zeroline: true, zerolinecolor: '#000000', gridcolor: '#e5e5e5', nticks: 6 };
    const timeTitle = { text: `Query time (${unit.name})` };
    layout[y2Key] = options.logTime
      ? { overlaying: p.yref, side: 'right', anchor: p.xref, title: timeTitle, showgrid: false, type: 'log' }
      : { overlaying: p.yref, side: 'right', anchor: p.xref, title: timeTitle, showgrid: false, zeroline: false, range: [(-zeroAt / (1 - zeroAt)) * tmax, tmax], tickvals: niceTicks(tmax, timeTickCount(zeroAt)) };
    annotations.push(panelTitle(p, settingTitle(key)));
    slots.push({ xKey: p.xKey, yKey: p.yKey, overlayKeys: [y2Key], title: annotations.length - 1 });
  });
  return { data, layout, content: { kind: 'panels', panels: slots, columns, aspect: 0.62 } };
}

/** Time ticks for the share of the panel above the shared zero line (4 when it is half or more), so they never crowd. */
export function timeTickCount(zeroAt: number): number {
  return Math.max(1, Math.min(4, Math.floor((4 * (1 - zeroAt)) / 0.5)));
}

/** Up to `count` round tick values from 0 to max (only non-negative times get labels), at least one above 0. */
export function niceTicks(max: number, count = 4): number[] {
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw)!;
  if (step > max) {
    // A single interval: the largest round value that still fits.
    const m = 10 ** Math.floor(Math.log10(max));
    return [0, [5, 2, 1].map((k) => k * m).find((v) => v <= max)!];
  }
  const out: number[] = [];
  for (let k = 0; k * step <= max + 1e-12; k++) out.push(Number((k * step).toPrecision(6)));
  return out;
}
