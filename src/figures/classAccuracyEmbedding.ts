import { strategyColor, strategyLabel } from './palette.ts';
import { checkIndices, checkMatrix, column } from './inputs.ts';
import type { PlotlyFigure } from './types.ts';

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

/**
 * The pool on a 2-D embedding coloured by how well the model does on each point's class (paper Fig. 7:
 * darker = lower accuracy; black at 0 %, light grey — never white — at 100 %), with the initial labeled set in blue and FALCUN's first picks in red
 * (the strategy's colour, tagged `meta: { strategy, role: 'marker' }` so a preset's palette recolours them like every other figure).
 * Cost: O(N).
 * @throws TypeError for an empty strategy name; RangeError naming the field for wrong lengths, a label outside [0, C), an accuracy outside [0, 1], or a bad index.
 */
export function classAccuracyEmbeddingFigure(input: ClassAccuracyInput): PlotlyFigure {
  const fn = 'classAccuracyEmbeddingFigure';
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
  const initial = checkIndices(fn, 'initial', input.initial, n);
  const chosen = checkIndices(fn, 'chosen', input.chosen, n);
  const labelText = Array.from(input.labels, (y) => `class ${y}`);
  const strategy = input.strategy ?? 'falcun';
  if (typeof strategy !== 'string' || strategy === '') throw new TypeError(`${fn}: strategy must be a non-empty string, got ${JSON.stringify(strategy)}`);
  return {
    data: [
      {
        type: 'scatter', mode: 'markers', name: 'pool', x: column(input.coords, 2, 0), y: column(input.coords, 2, 1), text: labelText,
        marker: { size: 4, color: acc, colorscale: [[0, '#000000'], [1, '#d0d0d0']], cmin: 0, cmax: 100, colorbar: { title: { text: 'class acc. (%)' }, thickness: 10 } },
        hovertemplate: '%{text}: %{marker.color:.1f}%<extra></extra>',
      },
      { type: 'scatter', mode: 'markers', name: 'initial', x: column(input.coords, 2, 0, initial), y: column(input.coords, 2, 1, initial), marker: { size: 7, color: '#1f77b4', line: { color: '#ffffff', width: 0.5 } } },
      {
        type: 'scatter', mode: 'markers', name: `chosen (${strategyLabel(strategy)})`, x: column(input.coords, 2, 0, chosen), y: column(input.coords, 2, 1, chosen),
        marker: { size: 7, color: strategyColor(strategy), line: { color: '#ffffff', width: 0.5 } }, meta: { strategy, role: 'marker' },
      },
    ],
    layout: {
      margin: { l: 20, r: 20, t: input.title ? 70 : 30, b: 40 }, title: { text: input.title ?? '' }, width: 560, height: 480, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
      xaxis: { showticklabels: false, showgrid: false, zeroline: false }, yaxis: { showticklabels: false, showgrid: false, zeroline: false, scaleanchor: 'x' },
      legend: { orientation: 'h', y: -0.05 },
    },
  };
}
