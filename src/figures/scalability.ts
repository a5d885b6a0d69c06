import { formatDuration } from './inputs.ts';
import { sortStrategies, strategyColor, strategyLabel } from './palette.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { TableData } from './tables.ts';
import type { PanelSlot, PlotlyFigure, PlotlyTrace } from './types.ts';
import type { ScalabilityRow } from '../results/scalabilityStudy.ts';


type Param = 'N' | 'Q' | 'D';
const PARAMS: readonly Param[] = ['N', 'Q', 'D'];

function checkRows(fn: string, rows: readonly ScalabilityRow[]): void {
  if (!Array.isArray(rows) || rows.length === 0) throw new RangeError(`${fn}: rows is empty; give {strategy, N, Q, D, seconds} timings`);
  rows.forEach((r, i) => {
    for (const k of PARAMS) if (!Number.isInteger(r[k]) || r[k] < 1) throw new RangeError(`${fn}: rows[${i}].${k} must be an integer >= 1, got ${r[k]}`);
    if (!(r.seconds >= 0) || !Number.isFinite(r.seconds)) throw new RangeError(`${fn}: rows[${i}].seconds must be a finite number >= 0, got ${r.seconds}`);
    if (r.rounds !== undefined && (!Number.isInteger(r.rounds) || r.rounds < 1)) throw new RangeError(`${fn}: rows[${i}].rounds must be absent or an integer >= 1, got ${r.rounds}`);
    if (r.roundSeconds !== undefined && (!Array.isArray(r.roundSeconds) || r.roundSeconds.some((s: number) => !(s >= 0)))) throw new RangeError(`${fn}: rows[${i}].roundSeconds must list non-negative seconds`);
  });
}

/** The most frequent value (smallest on ties). */
function mode(v: number[]): number {
  const c = new Map<number, number>();
  for (const x of v) c.set(x, (c.get(x) ?? 0) + 1);
  let best = v[0]!;
  for (const [x, k] of c) if (k > c.get(best)! || (k === c.get(best)! && x < best)) best = x;
  return best;
}

/** Tick values for a log axis over [lo, hi]: powers of ten over ≥ 2 decades, else 1-2-5 steps (never bare mantissas). */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const steps = b - a >= 3 ? [1] : [1, 2, 5];
  const out: number[] = [];
  for (let e = a; e <= b; e++) for (const m of steps) {
    const v = Number((m * 10 ** e).toPrecision(3));
    if (v >= lo / 1.0001 && v <= hi * 1.0001) out.push(v);
  }
  return out;
}

/** A tick label without exponent notation: 0.001, 0.5, 20, 10k, 2M. */
export function plainNumber(v: number): string {
  if (v >= 1e6) return `${Number((v / 1e6).toPrecision(4))}M`;
  if (v >= 1e4) return `${Number((v / 1e3).toPrecision(4))}k`;
  return String(Number(v.toPrecision(4)));
}

/**
 * Scalability (paper Fig. 18, Appendix D): average cumulated acquisition time (log scale) against the
 * number of labels, in three rows — varying the pool size N (first row), the query size Q (second) and the
 * embedding size D (third) — one panel per value, one line per strategy. A panel for one parameter uses the
 * rows where the other two sit at the baseline (default: their most frequent values). Timings without
 * per-round times (`roundSeconds`) are drawn as their single end point (labels at the end of the budget).
 * Tick labels are plain numbers at powers of ten (or 1-2-5 within a decade), never bare mantissas.
 * Cost: O(rows · rounds).
 * @throws RangeError for no rows, a non-positive N/Q/D, a negative time or a non-positive `rounds`.
 */
export function scalabilityFigure(rows: readonly ScalabilityRow[], options: { baseline?: Partial<Record<Param, number>>; title?: string } = {}): PlotlyFigure {
  const fn = 'scalabilityFigure';
  checkRows(fn, rows);
  const base: Record<Param, number> = { N: mode(rows.map((r) => r.N)), Q: mode(rows.map((r) => r.Q)), D: mode(rows.map((r) => r.D)), ...options.baseline } as Record<Param, number>;
  const strategies = sortStrategies(rows.map((r) => r.strategy));
  const cells: Array<{ param: Param; value: number; rows: ScalabilityRow[]; row: number }> = [];
  PARAMS.forEach((param, k) => {
    const others = PARAMS.filter((q) => q !== param);
    const mine = rows.filter((r) => others.every((q) => r[q] === base[q]));
    for (const value of [...new Set(mine.map((r) => r[param]))].sort((a, b) => a - b)) cells.push({ param, value, rows: mine.filter((r) => r[param] === value), row: k });
  });
  if (cells.length === 0) throw new RangeError(`${fn}: no rows sit at the baseline ${JSON.stringify(base)}; set options.baseline`);
  const perRow = Math.max(...PARAMS.map((_, k) => cells.filter((c) => c.row === k).length));
  const panels = panelGrid(cells.length, Math.max(1, perRow));
  const data: PlotlyTrace[] = [];
  const annotations: Array<Record<string, unknown>> = [];
  const slots: PanelSlot[] = [];
  let yLo = Infinity;
  let yHi = 0;
  const series = cells.map((cell) => strategies.map((s) => {
    const mine = cell.rows.filter((r) => r.strategy === s);
    if (mine.length === 0) return null;
    const r0 = mine[0]!;
    let x: number[];
    let y: number[];
    if (mine.every((r) => r.roundSeconds && r.roundSeconds.length === r0.roundSeconds!.length)) {
      const R = r0.roundSeconds!.length;
      const init = r0.initialLabeled ?? r0.Q;
      x = Array.from({ length: R }, (_, k) => init + (k + 1) * r0.Q);
      y = Array.from({ length: R }, (_, k) => mine.reduce((acc, r) => acc + r.roundSeconds!.slice(0, k + 1).reduce((a, b) => a + b, 0), 0) / mine.length);
    } else {
      x = [(r0.initialLabeled ?? r0.Q) + (r0.rounds ?? 1) * r0.Q];
      y = [mine.reduce((a, r) => a + r.seconds, 0) / mine.length];
    }
    for (const v of y) if (v > 0) { yLo = Math.min(yLo, v); yHi = Math.max(yHi, v); }
    return { s, x, y };
  }));
  const lay: Record<string, unknown> = {
    title: { text: options.title ?? `Rows vary N (pool), Q (query) and D (embedding); the others stay at N = ${plainNumber(base.N)}, Q = ${plainNumber(base.Q)}, D = ${plainNumber(base.D)}` }, width: 300 * perRow + 200, height: 260 * 3 + 80, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', showlegend: true,
    legend: { orientation: 'v', x: 1.02, y: 1, yanchor: 'top' }, annotations, margin: { l: 70, r: 20, t: 80, b: 60 },
  };
  const yTicks = logTicks(yLo === Infinity ? 1e-3 : yLo, yHi || 1);
  cells.forEach((cell, i) => {
    const p = panels[i]!;
    for (const line of series[i]!) {
      if (!line) continue;
      data.push({
        type: 'scatter', mode: line.x.length > 1 ? 'lines+markers' : 'markers', name: strategyLabel(line.s), legendgroup: line.s, showlegend: i === 0,
        x: line.x, y: line.y.map((v) => (v > 0 ? v : null)), xaxis: p.xref, yaxis: p.yref,
        line: { color: strategyColor(line.s), width: 2 }, marker: { color: strategyColor(line.s), size: 4 }, meta: { strategy: line.s, role: 'line' },
      });
    }
    const first = i === 0 || cells[i - 1]!.row !== cell.row;
    const xs = series[i]!.flatMap((l) => (l ? l.x : []));
    layout(p, first, xs);
    // short panel titles (the value that varies); the baseline the others keep is said once, in the title
    annotations.push(panelTitle(p, `${cell.param} = ${plainNumber(cell.value)}`));
    slots.push({ xKey: p.xKey, yKey: p.yKey, title: annotations.length - 1, row: cell.row });
  });
  function layout(p: (typeof panels)[number], first: boolean, xs: number[]): void {
    const xmax = Math.max(1, ...xs);
    const xmin = Math.min(xmax, ...xs);
    lay[p.xKey] = { domain: p.xDomain, anchor: p.yref, title: { text: 'Number of labels' }, gridcolor: '#e5e5e5', zeroline: false, showline: true, linecolor: '#444444', nticks: 4, range: [Math.max(0, xmin - 0.08 * (xmax - xmin || xmax)), xmax + 0.08 * (xmax - xmin || xmax)], tickformat: '~s' };
    lay[p.yKey] = {
      domain: p.yDomain, anchor: p.xref, type: 'log', title: { text: first ? 'Cum. acquisition time (s)' : '' }, gridcolor: '#e5e5e5', showline: true, linecolor: '#444444',
      tickvals: yTicks, ticktext: yTicks.map(plainNumber), range: [Math.log10(yLo === Infinity ? 1e-3 : yLo) - 0.15, Math.log10(yHi || 1) + 0.15],
    };
  }
  return { data, layout: lay, content: { kind: 'panels', panels: slots, columns: perRow, aspect: 0.75 } };
}

/**
 * Paper Table 2 from the scalability study: per strategy, the smallest and largest average cumulated
 * acquisition time over its (N, Q, D) cells (the forward pass is not in these timings), fastest first.
 * Cost: O(rows log rows).
 * @throws RangeError for no rows or a bad row (as scalabilityFigure).
 */
export function scalabilityTimeTable(rows: readonly ScalabilityRow[]): TableData {
  checkRows('scalabilityTimeTable', rows);
  const cell = new Map<string, { sum: number; n: number; strategy: string; timedOut: boolean }>();
  for (const r of rows) {
    const k = `${r.strategy}|${r.N}|${r.Q}|${r.D}`;
    const c = cell.get(k) ?? { sum: 0, n: 0, strategy: r.strategy, timedOut: false };
    c.sum += r.seconds;
    c.n++;
    c.timedOut ||= r.timedOut === true;
    cell.set(k, c);
  }
  // Per strategy: [min, max, whether a cell at the max (or any cell) was stopped at the time limit].
  const range = new Map<string, { lo: number; hi: number; stopped: boolean }>();
  for (const c of cell.values()) {
    const m = c.sum / c.n;
    const r = range.get(c.strategy) ?? { lo: Infinity, hi: -Infinity, stopped: false };
    range.set(c.strategy, { lo: Math.min(r.lo, m), hi: Math.max(r.hi, m), stopped: r.stopped || c.timedOut });
  }
  const rounds = new Set(rows.map((r) => r.rounds));
  const only = rounds.size === 1 ? [...rounds][0] : undefined;
  const sorted = [...range.entries()].sort((a, b) => a[1].lo - b[1].lo);
  const anyStopped = sorted.some(([, r]) => r.stopped);
  return {
    title: 'Table 2: Min. and max. average cumulated query time (scalability study)', label: 'tab:query-time',
    header: ['Algorithm', 'min', 'max'], align: ['l', 'r', 'r'],
    // A stopped run's time is a lower bound, so the strategy's max is one too (the paper's "> 227 hrs").
    rows: sorted.map(([s, r]) => [strategyLabel(s), formatDuration(r.lo), `${r.stopped ? '> ' : ''}${formatDuration(r.hi)}`]),
    note:
      `Over ${cell.size / range.size} (N, Q, D) cells${only !== undefined ? `, ${only} rounds each` : ''}; acquisition alone (no forward pass).` +
      (anyStopped ? ' "> t": some run stopped at the time limit per cell.' : ''),
  };
}
