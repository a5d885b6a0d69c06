import { strategyColor } from './palette.ts';
import { checkIndices, checkMatrix, column } from './inputs.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { PanelSlot, PlotlyFigure, PlotlyTrace } from './types.ts';

/** The state just before one pick of a FALCUN acquisition. */
export interface RelevanceStep {
  /** Relevance r(x) of every point (length N); NaN for points that are not candidates (labeled, already picked). */
  readonly relevance: ArrayLike<number>;
  /** The point picked at this step. */
  readonly picked: number;
}

export interface RelevanceInput {
  /** N×2 embedding coordinates (e.g. t-SNE), row-major. */
  readonly coords: ArrayLike<number>;
  /** The steps to draw, in pick order (e.g. before picks 1, 2, 5 and after the last). */
  readonly steps: readonly RelevanceStep[];
  /** Panel titles; default 'pick k'. */
  readonly stepTitles?: readonly string[];
  readonly columns?: number;
  readonly title?: string;
  /** The strategy whose picks are drawn (its colour, and what presets recolour); default 'falcun'. */
  readonly strategy?: string;
  /** Colour-bar title; default 'r(x)'. */
  readonly colorTitle?: string;
}

/**
 * The course of FALCUN's relevance over one acquisition (paper Fig. 6): one panel per step, every candidate
 * coloured by its relevance r(x) = u(x) + d(x) (Viridis, yellow = high, one shared colour scale), the points
 * picked so far and the current pick as hollow circles in FALCUN's red (the strategy's colour, tagged
 * `meta: { strategy, role: 'outline' }` so a preset's palette recolours them like every other figure).
 * Non-candidates (NaN relevance) are light grey.
 * Cost: O(N · steps).
 * @throws TypeError for an empty strategy name; RangeError naming the field for a wrong length, a negative/infinite relevance, or a bad index.
 */
export function relevanceFigure(input: RelevanceInput): PlotlyFigure {
  const fn = 'relevanceFigure';
  const n = checkMatrix(fn, 'coords', input.coords, 2);
  if (!Array.isArray(input.steps) || input.steps.length === 0) throw new RangeError(`${fn}: steps must hold at least one step, got ${input.steps?.length ?? input.steps}`);
  let max = 0;
  input.steps.forEach((s, k) => {
    if (s.relevance == null || s.relevance.length !== n) throw new RangeError(`${fn}: steps[${k}].relevance must have one value per point (${n}), got ${s.relevance?.length}`);
    for (let i = 0; i < n; i++) {
      const r = s.relevance[i]!;
      if (Number.isNaN(r)) continue;
      if (!(r >= 0) || !Number.isFinite(r)) throw new RangeError(`${fn}: steps[${k}].relevance[${i}] must be NaN or a finite number >= 0, got ${r}`);
      if (r > max) max = r;
    }
    checkIndices(fn, `steps[${k}].picked`, [s.picked], n);
  });
  const panels = panelGrid(input.steps.length, input.columns ?? Math.min(4, input.steps.length), { x: 0.03 });
  const data: PlotlyTrace[] = [];
  const annotations: Array<Record<string, unknown>> = [];
  const slots: PanelSlot[] = [];
  const layout: Record<string, unknown> = {
    title: { text: input.title ?? '' }, width: 280 * Math.min(input.columns ?? 4, input.steps.length) + 120,
    height: 280 * Math.ceil(input.steps.length / (input.columns ?? Math.min(4, input.steps.length))) + 60,
    showlegend: false, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', annotations,
    margin: { l: 20, r: 20, t: input.title ? 70 : 30, b: 20 },
    coloraxis: { colorscale: 'Viridis', cmin: 0, cmax: max || 1, colorbar: { title: { text: input.colorTitle ?? 'r(x)' }, thickness: 10 } },
  };
  const strategy = input.strategy ?? 'falcun';
  if (typeof strategy !== 'string' || strategy === '') throw new TypeError(`${fn}: strategy must be a non-empty string, got ${JSON.stringify(strategy)}`);
  const pickColor = strategyColor(strategy);
  const picks: number[] = [];
  input.steps.forEach((s, k) => {
    const p = panels[k]!;
    const cand: number[] = [];
    const other: number[] = [];
    for (let i = 0; i < n; i++) (Number.isNaN(s.relevance[i]!) ? other : cand).push(i);
    // highest relevance drawn last (on top)
    cand.sort((a, b) => s.relevance[a]! - s.relevance[b]!);
    picks.push(s.picked);
    data.push({ type: 'scatter', mode: 'markers', name: 'not candidate', x: column(input.coords, 2, 0, other), y: column(input.coords, 2, 1, other), xaxis: p.xref, yaxis: p.yref, marker: { size: 3, color: '#d9d9d9' }, hoverinfo: 'skip' });
    data.push({
      type: 'scatter', mode: 'markers', name: 'relevance', x: column(input.coords, 2, 0, cand), y: column(input.coords, 2, 1, cand), xaxis: p.xref, yaxis: p.yref,
      marker: { size: 4, color: cand.map((i) => s.relevance[i]!), coloraxis: 'coloraxis' }, hovertemplate: 'r = %{marker.color:.3f}<extra></extra>',
    });
    data.push({
      type: 'scatter', mode: 'markers', name: 'picks', x: column(input.coords, 2, 0, picks), y: column(input.coords, 2, 1, picks), xaxis: p.xref, yaxis: p.yref,
      marker: { size: 9, color: 'rgba(0,0,0,0)', line: { color: pickColor, width: 2 } }, meta: { strategy, role: 'outline' },
    });
    layout[p.xKey] = { domain: p.xDomain, anchor: p.yref, showticklabels: false, showgrid: false, zeroline: false };
    layout[p.yKey] = { domain: p.yDomain, anchor: p.xref, showticklabels: false, showgrid: false, zeroline: false };
    annotations.push(panelTitle(p, input.stepTitles?.[k] ?? `pick ${k + 1}`));
    slots.push({ xKey: p.xKey, yKey: p.yKey, title: annotations.length - 1 });
  });
  return { data, layout, content: { kind: 'panels', panels: slots, columns: input.columns ?? Math.min(4, input.steps.length), aspect: 1 } };
}
