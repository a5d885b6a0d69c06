import { checkIndices, checkMatrix, column } from './inputs.ts';
import { strategyColor, strategyLabel } from './palette.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { PanelSlot, PlotlyFigure, PlotlyTrace } from './types.ts';

export interface UncertaintyEmbeddingInput {
  /** One or more 2-D embeddings of the same N points (e.g. t-SNE of the latent and of the probability space). */
  readonly panels: ReadonlyArray<{ readonly coords: ArrayLike<number>; readonly title: string }>;
  /** Margin uncertainty u(x) = 1 − (p1 − p2) of every point (length N), in [0, 1]. */
  readonly uncertainty: ArrayLike<number>;
  /** The query's picks (indices into the N points). */
  readonly chosen: ArrayLike<number>;
  /** The strategy that picked (its colour, recoloured by presets); default 'falcun'. */
  readonly strategy?: string;
  readonly title?: string;
}

/**
 * The pool on 2-D embeddings coloured by margin uncertainty u(x) (paper Fig. 8, left columns: yellow = more
 * uncertain), with every pick of the query ringed in the strategy's colour (all of them, in every panel)
 * and one colour bar titled u(x). Cost: O(N · panels).
 * @throws RangeError naming the field for wrong lengths, an uncertainty outside [0, 1], or a bad index.
 */
export function uncertaintyEmbeddingFigure(input: UncertaintyEmbeddingInput): PlotlyFigure {
  const fn = 'uncertaintyEmbeddingFigure';
  if (!Array.isArray(input.panels) || input.panels.length === 0) throw new RangeError(`${fn}: panels must hold at least one embedding`);
  const n = input.uncertainty?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const u = input.uncertainty[i]!;
    if (!(u >= 0 && u <= 1)) throw new RangeError(`${fn}: uncertainty[${i}] must lie in [0, 1], got ${u}`);
  }
  const chosen = checkIndices(fn, 'chosen', input.chosen, n);
  const strategy = input.strategy ?? 'falcun';
  const grid = panelGrid(input.panels.length, input.panels.length, { x: 0.04 });
  const data: PlotlyTrace[] = [];
  const annotations: Array<Record<string, unknown>> = [];
  const slots: PanelSlot[] = [];
  const layout: Record<string, unknown> = {
    title: { text: input.title ?? '' }, width: 420 * input.panels.length + 100, height: 460, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', annotations, showlegend: true,
    margin: { l: 20, r: 20, t: 60, b: 40 }, coloraxis: { colorscale: 'Viridis', cmin: 0, cmax: 1, colorbar: { title: { text: 'u(x)' } } },
  };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => input.uncertainty[a]! - input.uncertainty[b]!); // most uncertain on top
  input.panels.forEach((panel, k) => {
    const m = checkMatrix(fn, `panels[${k}].coords`, panel.coords, 2);
    if (m !== n) throw new RangeError(`${fn}: panels[${k}].coords must hold the N = ${n} points of uncertainty, got ${m}`);
    const g = grid[k]!;
    data.push({
      type: 'scatter', mode: 'markers', name: 'pool', showlegend: false, x: column(panel.coords, 2, 0, order), y: column(panel.coords, 2, 1, order), xaxis: g.xref, yaxis: g.yref,
      marker: { size: 4, color: order.map((i) => input.uncertainty[i]!), coloraxis: 'coloraxis' }, hovertemplate: 'u = %{marker.color:.3f}<extra></extra>',
    });
    data.push({
      type: 'scatter', mode: 'markers', name: `${strategyLabel(strategy)} picks`, legendgroup: 'picks', showlegend: k === 0, x: column(panel.coords, 2, 0, chosen), y: column(panel.coords, 2, 1, chosen), xaxis: g.xref, yaxis: g.yref,
      marker: { size: 9, color: 'rgba(0,0,0,0)', line: { color: strategyColor(strategy), width: 2 } }, meta: { strategy, role: 'outline' },
    });
    const frame = { showticklabels: false, showgrid: false, zeroline: false, showline: true, mirror: true, linecolor: '#bbbbbb', ticks: '' };
    layout[g.xKey] = { ...frame, domain: g.xDomain, anchor: g.yref };
    layout[g.yKey] = { ...frame, domain: g.yDomain, anchor: g.xref };
    annotations.push(panelTitle(g, panel.title));
    slots.push({ xKey: g.xKey, yKey: g.yKey, title: annotations.length - 1 });
  });
  return { data, layout, content: { kind: 'panels', panels: slots, columns: input.panels.length, aspect: 1 } };
}
