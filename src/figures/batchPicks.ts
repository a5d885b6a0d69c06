import type { PlotlyFigure, PlotlyTrace } from './types.ts';

/**
 * The next batch on the pool: every pool point at two of its features, coloured by the model's margin
 * uncertainty u = 1 − (p1 − p2) (Eq. (1)), and the picked points on top, labelled with their pick order
 * (hover: id, relevance at pick time). For the "FALCUN on your own data" notebook.
 * Cost: O(N).
 * @throws RangeError when the columns, uncertainty and rows disagree in length.
 */
export function batchPicksFigure(input: {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly uncertainty: ArrayLike<number>;
  readonly picks: readonly { readonly row: number; readonly pick: number; readonly id: string | null; readonly relevance: number | null }[];
  readonly xTitle?: string;
  readonly yTitle?: string;
  readonly title?: string;
}): PlotlyFigure {
  const n = input.x.length;
  if (input.y.length !== n || input.uncertainty.length !== n) {
    throw new RangeError(`batchPicksFigure: x, y and uncertainty need one value per pool point; got ${n}, ${input.y.length}, ${input.uncertainty.length}`);
  }
  for (const p of input.picks) if (!(p.row >= 0 && p.row < n)) throw new RangeError(`batchPicksFigure: pick ${p.pick} names row ${p.row}, outside 0..${n - 1}`);
  const data: PlotlyTrace[] = [
    {
      type: 'scatter', mode: 'markers', name: 'pool', x: Array.from(input.x), y: Array.from(input.y),
      marker: { size: 5, color: Array.from(input.uncertainty), colorscale: 'Greys', reversescale: false, cmin: 0, cmax: 1, colorbar: { title: { text: 'u' } }, opacity: 0.7 },
      hoverinfo: 'skip',
    },
    {
      type: 'scatter', mode: 'text+markers', name: 'next batch', x: input.picks.map((p) => input.x[p.row]!), y: input.picks.map((p) => input.y[p.row]!),
      text: input.picks.map((p) => String(p.pick)), textposition: 'top center',
      hovertext: input.picks.map((p) => `pick ${p.pick}: row ${p.row}${p.id !== null ? ` (${p.id})` : ''}${p.relevance !== null ? `, r = ${p.relevance.toFixed(3)}` : ''}`),
      hoverinfo: 'text',
      marker: { size: 10, color: '#D55E00', line: { color: '#ffffff', width: 1 } },
    },
  ];
  return {
    data,
    layout: {
      margin: { l: 70, r: 20, t: input.title ? 70 : 30, b: 60 }, title: { text: input.title ?? '' }, width: 620, height: 460, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
      xaxis: { title: { text: input.xTitle ?? 'feature 1' }, gridcolor: '#e5e5e5' },
      yaxis: { title: { text: input.yTitle ?? 'feature 2' }, gridcolor: '#e5e5e5' },
    },
  };
}
