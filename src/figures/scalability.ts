import { sortStrategies, strategyColor, strategyLabel } from './palette.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { PlotlyFigure, PlotlyTrace } from './types.ts';

/**
 * One timing of the scalability study: the cumulated acquisition time of one run, i.e. the summed time of
 * all its queries of Q points (`measureScalability` in src/notebook/scalability.ts measures it).
 */
export interface ScalabilityRow {
  readonly strategy: string;
  /** Unlabeled pool size. */
  readonly N: number;
  /** Query size. */
  readonly Q: number;
  /** Embedding (penultimate layer) size. */
  readonly D: number;
  /** Cumulated acquisition time in seconds over the run's rounds (several rows with the same keys, e.g. seeds, are averaged). */
  readonly seconds: number;
  /** Number of acquisition rounds whose query times `seconds` sums (the paper: 10); absent when not known. */
  readonly rounds?: number;
}

type Param = 'N' | 'Q' | 'D';

/**
 * Scalability (paper Fig. 18, Appendix D): average cumulated acquisition time on a log scale against the
 * pool size N, the query size Q and the embedding size D, one panel each. The panel for one parameter uses
 * the rows where the other two sit at the baseline (default: their most frequent values), so each panel
 * varies one thing.
 *
 * The y-axis is the *cumulated* acquisition time, as in the paper ("average cumulated acquisition times";
 * Table 2: cumulated query time "after the whole querying budget is exhausted"): each row's `seconds` is
 * the summed time of all queries of a run of `rounds` rounds of Q points, which is what
 * `measureScalability` records (not the time of one query). When every row gives the same `rounds`, the
 * axis title says how many. The paper draws each setting's time against the number of annotated samples
 * (one curve per N, Q or D value); this figure draws the end of those curves (the whole budget) against
 * N, Q and D, where the growth with each parameter reads directly. Cost: O(rows · log rows).
 * @throws RangeError for no rows, a non-positive N/Q/D, a negative time or a non-positive `rounds`, or a panel left without points.
 */
export function scalabilityFigure(rows: readonly ScalabilityRow[], options: { baseline?: Partial<Record<Param, number>>; title?: string } = {}): PlotlyFigure {
  const fn = 'scalabilityFigure';
  if (!Array.isArray(rows) || rows.length === 0) throw new RangeError(`${fn}: rows is empty; give {strategy, N, Q, D, seconds} timings`);
  rows.forEach((r, i) => {
    for (const k of ['N', 'Q', 'D'] as const) if (!Number.isInteger(r[k]) || r[k] < 1) throw new RangeError(`${fn}: rows[${i}].${k} must be an integer >= 1, got ${r[k]}`);
    if (!(r.seconds >= 0) || !Number.isFinite(r.seconds)) throw new RangeError(`${fn}: rows[${i}].seconds must be a finite number >= 0, got ${r.seconds}`);
    if (r.rounds !== undefined && (!Number.isInteger(r.rounds) || r.rounds < 1)) throw new RangeError(`${fn}: rows[${i}].rounds must be absent or an integer >= 1, got ${r.rounds}`);
  });
  const rounds = new Set(rows.map((r) => r.rounds));
  const only = rounds.size === 1 ? [...rounds][0] : undefined;
  const yTitle = only === undefined ? 'cumulated acquisition time (s)' : `cumulated acquisition time, ${only} round${only === 1 ? '' : 's'} (s)`;
  const base: Record<Param, number> = { N: mode(rows.map((r) => r.N)), Q: mode(rows.map((r) => r.Q)), D: mode(rows.map((r) => r.D)), ...options.baseline } as Record<Param, number>;
  const params: Param[] = ['N', 'Q', 'D'];
  const names: Record<Param, string> = { N: 'unlabeled pool size N', Q: 'query size Q', D: 'embedding size D' };
  const panels = panelGrid(3, 3, { x: 0.07 });
  const data: PlotlyTrace[] = [];
  const annotations: unknown[] = [];
  const layout: Record<string, unknown> = {
    title: { text: options.title ?? '' }, width: 1200, height: 380, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
    legend: { orientation: 'v', x: 1.02, y: 1, yanchor: 'top' }, annotations, margin: { l: 70, r: 20, t: options.title ? 80 : 40, b: 60 },
  };
  const strategies = sortStrategies(rows.map((r) => r.strategy));
  params.forEach((param, k) => {
    const p = panels[k]!;
    const others = params.filter((q) => q !== param);
    const mine = rows.filter((r) => others.every((q) => r[q] === base[q]));
    if (mine.length === 0) throw new RangeError(`${fn}: no rows vary ${param} with ${others.map((q) => `${q} = ${base[q]}`).join(', ')}; set options.baseline`);
    for (const s of strategies) {
      const sums = new Map<number, [number, number]>();
      for (const r of mine) {
        if (r.strategy !== s) continue;
        const a = sums.get(r[param]) ?? [0, 0];
        sums.set(r[param], [a[0] + r.seconds, a[1] + 1]);
      }
      if (sums.size === 0) continue;
      const xs = [...sums.keys()].sort((a, b) => a - b);
      data.push({
        type: 'scatter', mode: 'lines+markers', name: strategyLabel(s), legendgroup: s, showlegend: k === 0,
        x: xs, y: xs.map((x) => sums.get(x)![0] / sums.get(x)![1]), xaxis: p.xref, yaxis: p.yref,
        line: { color: strategyColor(s), width: 2 }, marker: { color: strategyColor(s), size: 6 }, meta: { strategy: s, role: 'line' },
      });
    }
    layout[p.xKey] = { domain: p.xDomain, anchor: p.yref, type: 'log', title: { text: names[param] } };
    layout[p.yKey] = { domain: p.yDomain, anchor: p.xref, type: 'log', title: { text: k === 0 ? yTitle : '' }, gridcolor: '#e5e5e5' };
    annotations.push(panelTitle(p, `varying ${param} (${others.map((q) => `${q} = ${base[q]}`).join(', ')})`));
  });
  return { data, layout };
}

function mode(v: number[]): number {
  const c = new Map<number, number>();
  for (const x of v) c.set(x, (c.get(x) ?? 0) + 1);
  let best = v[0]!;
  for (const [x, k] of c) if (k > c.get(best)! || (k === c.get(best)! && x < best)) best = x;
  return best;
}
