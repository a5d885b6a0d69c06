import { strategyColor, strategyLabel } from './palette.ts';
import { checkIndices, checkMatrix, column } from './inputs.ts';
import { panelGrid, panelTitle } from './panelGrid.ts';
import type { PanelSlot, PlotlyFigure, PlotlyTrace } from './types.ts';

export interface ClassAccuracyInput {
  /** N×2 embedding coordinates (t-SNE of the pool), row-major. */
  readonly coords: ArrayLike<number>;
  /** True class of each point, integers in [0, C). */
  readonly labels: ArrayLike<number>;
  /** Test accuracy per class (length C, in [0, 1]; null for a class without test points). */
  readonly perClassAccuracy: ReadonlyArray<number | null>;
  /** Initially labeled points (blue). */
  readonly initial: ArrayLike<number>;
  /** Points chosen in the first acquisition round (in the strategy's colour: FALCUN's red). */
  readonly chosen: ArrayLike<number>;
  readonly title?: string;
  /** The strategy that chose `chosen` (its colour and legend name, and what presets recolour); default 'falcun'. */
  readonly strategy?: string;
}

/** A panel that stands in for a dataset whose files or run are missing (paper Fig. 7b: BloodMNIST). */
export interface ClassAccuracyPlaceholder {
  readonly placeholder: string;
  readonly title: string;
}

/** Viridis (dark purple = low accuracy … yellow = high): darker classes are the harder ones, as the paper reads. */
const VIRIDIS = [[0, '#440154'], [0.25, '#3b528b'], [0.5, '#21918c'], [0.75, '#5ec962'], [1, '#fde725']];

/**
 * The pool on a 2-D embedding coloured by how well the model does on each point's class (paper Fig. 7:
 * darker = lower accuracy), with the initially labeled set (blue diamonds) and the strategy's first picks
 * (FALCUN's red circles; tagged `meta: { strategy, role: 'marker' }` so a preset's palette recolours them),
 * both outlined so they stand out on any class colour. The colour scale (Viridis, with a colour bar in %)
 * spans the classes' accuracies (rounded out to 5 %), so a spread of 80–99 % reads as clearly as 0–100 %.
 * One panel per input; a `{ placeholder, title }` panel says what is missing (Fig. 7b without the
 * BloodMNIST files). Cost: O(N) per panel.
 * @throws TypeError for an empty strategy name; RangeError naming the field for wrong lengths, a label outside [0, C), an accuracy outside [0, 1], or a bad index.
 */
export function classAccuracyEmbeddingFigure(input: ClassAccuracyInput | { readonly panels: ReadonlyArray<ClassAccuracyInput | ClassAccuracyPlaceholder>; readonly title?: string }): PlotlyFigure {
  const fn = 'classAccuracyEmbeddingFigure';
  const panelsIn = 'panels' in input ? input.panels : [input];
  if (!Array.isArray(panelsIn) || panelsIn.length === 0) throw new RangeError(`${fn}: panels must hold at least one panel`);
  const prepared = panelsIn.map((pin, k) => ('placeholder' in pin ? pin : prepare(fn, pin, k)));
  let lo = 100;
  let hi = 0;
  for (const pr of prepared) if (!('placeholder' in pr)) for (const a of pr.acc) if (a !== null) { lo = Math.min(lo, a); hi = Math.max(hi, a); }
  if (lo > hi) { lo = 0; hi = 100; }
  const cmin = Math.max(0, Math.floor(lo / 5) * 5 - (hi - lo < 5 ? 5 : 0));
  const cmax = Math.min(100, Math.max(cmin + 5, Math.ceil(hi / 5) * 5));
  const grid = panelGrid(prepared.length, prepared.length, { x: 0.04 });
  const data: PlotlyTrace[] = [];
  const annotations: Array<Record<string, unknown>> = [];
  const slots: PanelSlot[] = [];
  const title = 'panels' in input ? input.title : input.title;
  const layout: Record<string, unknown> = {
    title: { text: 'panels' in input ? (input.title ?? '') : '' }, width: 480 * prepared.length + 80, height: 480, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', annotations, showlegend: true,
    margin: { l: 20, r: 20, t: title ? 70 : 30, b: 40 }, legend: { orientation: 'h', y: -0.05 },
    coloraxis: { colorscale: VIRIDIS, cmin, cmax, colorbar: { title: { text: 'class accuracy (%)' } } },
  };
  let legendDone = false;
  prepared.forEach((pr, k) => {
    const g = grid[k]!;
    const frame = { domain: g.xDomain, showticklabels: false, showgrid: false, zeroline: false, showline: true, mirror: true, linecolor: '#bbbbbb', ticks: '' };
    layout[g.xKey] = { ...frame, domain: g.xDomain, anchor: g.yref };
    layout[g.yKey] = { ...frame, domain: g.yDomain, anchor: g.xref, ...('placeholder' in pr ? { range: [0, 1] } : { scaleanchor: g.xref }) };
    if ('placeholder' in pr) {
      data.push({ type: 'scatter', mode: 'markers', x: [], y: [], xaxis: g.xref, yaxis: g.yref, showlegend: false, hoverinfo: 'skip' });
      annotations.push(panelTitle(g, pr.title));
      const t = annotations.length - 1;
      annotations.push({ text: pr.placeholder, xref: 'paper', yref: 'paper', x: 0, y: 0, showarrow: false, font: { color: '#666666' } });
      slots.push({ xKey: g.xKey, yKey: g.yKey, title: t, note: annotations.length - 1 });
      return;
    }
    const { coords, labels, acc, initial, chosen, strategy } = pr;
    const show = !legendDone;
    legendDone = true;
    data.push({
      type: 'scatter', mode: 'markers', name: 'pool', showlegend: false, x: column(coords, 2, 0), y: column(coords, 2, 1), xaxis: g.xref, yaxis: g.yref, text: Array.from(labels, (y) => `class ${y}`),
      marker: { size: 4, color: acc, coloraxis: 'coloraxis' }, hovertemplate: '%{text}: %{marker.color:.1f}%<extra></extra>',
    });
    data.push({ type: 'scatter', mode: 'markers', name: 'initial labels', legendgroup: 'initial', showlegend: show, x: column(coords, 2, 0, initial), y: column(coords, 2, 1, initial), xaxis: g.xref, yaxis: g.yref, marker: { size: 7, symbol: 'diamond', color: '#1f9bff', line: { color: '#000000', width: 0.8 } } });
    data.push({
      type: 'scatter', mode: 'markers', name: `chosen (${strategyLabel(strategy)})`, legendgroup: `chosen-${strategy}`, showlegend: show, x: column(coords, 2, 0, chosen), y: column(coords, 2, 1, chosen), xaxis: g.xref, yaxis: g.yref,
      marker: { size: 7, color: strategyColor(strategy), line: { color: '#000000', width: 0.8 } }, meta: { strategy, role: 'marker' },
    });
    if (pr.title) annotations.push(panelTitle(g, pr.title));
    slots.push({ xKey: g.xKey, yKey: g.yKey, ...(pr.title ? { title: annotations.length - 1 } : {}) });
  });
  return { data, layout, content: { kind: 'panels', panels: slots, columns: prepared.length, aspect: 0.9 } };
}

function prepare(fn: string, input: ClassAccuracyInput, k: number) {
  const n = checkMatrix(fn, 'coords', input.coords, 2);
  const C = input.perClassAccuracy?.length ?? 0;
  if (C === 0) throw new RangeError(`${fn}: perClassAccuracy must list one accuracy per class, got ${C} entries`);
  input.perClassAccuracy.forEach((a, c) => {
    if (a !== null && !(a >= 0 && a <= 1)) throw new RangeError(`${fn}: perClassAccuracy[${c}] must be null or in [0, 1], got ${a}`);
  });
  if (input.labels == null || input.labels.length !== n) throw new RangeError(`${fn}: labels must have one class per point (${n}), got ${input.labels?.length}`);
  const acc: Array<number | null> = new Array(n);
  for (let i = 0; i < n; i++) {
    const y = input.labels[i]!;
    if (!Number.isInteger(y) || y < 0 || y >= C) throw new RangeError(`${fn}: labels[${i}] must be an integer in [0, ${C}), got ${y}`);
    acc[i] = input.perClassAccuracy[y]! === null ? null : 100 * input.perClassAccuracy[y]!;
  }
  const strategy = input.strategy ?? 'falcun';
  if (typeof strategy !== 'string' || strategy === '') throw new TypeError(`${fn}: strategy must be a non-empty string, got ${JSON.stringify(strategy)}`);
  void k;
  return { coords: input.coords, labels: input.labels, acc, initial: checkIndices(fn, 'initial', input.initial, n), chosen: checkIndices(fn, 'chosen', input.chosen, n), strategy, title: input.title };
}
