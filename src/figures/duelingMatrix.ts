import type { DuelingMatrix } from '../analysis/duelingMatrix.ts';
import { strategyLabel } from './palette.ts';
import type { PlotlyFigure, PlotlyTrace } from './types.ts';

/** Matplotlib's "Reds" at five stops (0 → white-ish, 100 → dark red): the cell fill of Fig. 4. */
const REDS: ReadonlyArray<readonly [number, readonly [number, number, number]]> = [
  [0, [255, 245, 240]], [0.25, [252, 187, 161]], [0.5, [251, 106, 74]], [0.75, [203, 24, 29]], [1, [103, 0, 13]],
];

function reds(t: number): string {
  const x = Math.min(1, Math.max(0, t));
  let i = 0;
  while (i < REDS.length - 2 && x > REDS[i + 1]![0]) i++;
  const [a, ca] = REDS[i]!;
  const [b, cb] = REDS[i + 1]!;
  const f = (x - a) / (b - a);
  const c = ca.map((v, k) => Math.round(v + f * (cb[k]! - v)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * The dueling matrix (paper Fig. 4): cell (row i, column j) = % of comparisons that i won against j
 * (= % that j lost against i); the last column holds each row's average % wins, the last row each
 * column's average % losses. Rows and columns follow the matrix order (pass `strategies: sortStrategies(…)`
 * to `duelingMatrix` for the paper's order). Cells are vector rectangles with their number (one decimal),
 * dark cells with white text, and a colour bar; no raster, so the PDF stays vector. Empty cells (diagonal,
 * no comparisons) stay blank. When no pair had a comparison (e.g. one seed: a paired t-test needs ≥ 2
 * matched seeds), the figure says so in its middle instead of showing a silent blank grid. Cost: O(S²).
 * @throws RangeError for a matrix without strategies.
 */
export function duelingMatrixFigure(matrix: DuelingMatrix, options: { title?: string } = {}): PlotlyFigure {
  const S = matrix.strategies.length;
  if (S === 0) throw new RangeError('duelingMatrixFigure: the matrix has no strategies');
  const names = matrix.strategies.map(strategyLabel);
  const shapes: Array<Record<string, unknown>> = [];
  const annotations: Array<Record<string, unknown>> = [];
  let total = 0;
  for (let k = 0; k < S * S; k++) total += matrix.comparisons[k]!;
  for (let i = 0; i <= S; i++) {
    for (let j = 0; j <= S; j++) {
      let v: number;
      if (i < S && j < S) v = matrix.percent[i * S + j]!;
      else if (i < S) v = matrix.rowWinPercent[i]!;
      else if (j < S) v = matrix.columnLossPercent[j]!;
      else continue;
      const summary = i === S || j === S;
      shapes.push({
        type: 'rect', xref: 'x', yref: 'y', x0: j - 0.5, x1: j + 0.5, y0: i - 0.5, y1: i + 0.5, layer: 'below',
        fillcolor: Number.isNaN(v) ? (i === j ? '#eeeeee' : '#ffffff') : reds(v / 100), line: { color: summary ? '#555555' : '#ffffff', width: summary ? 0.8 : 1 },
      });
      if (!Number.isNaN(v)) {
        annotations.push({ text: v.toFixed(1), x: j, y: i, xref: 'x', yref: 'y', showarrow: false, font: { color: v >= 55 ? '#ffffff' : '#000000' } });
      }
    }
  }
  if (total === 0) {
    annotations.push({
      text: 'No duels: a win needs a paired t-test over ≥ 2 matched seeds per setting and checkpoint; these results have fewer.',
      xref: 'paper', yref: 'paper', x: 0.5, y: 0.5, xanchor: 'center', yanchor: 'middle', showarrow: false, bgcolor: '#ffffff', bordercolor: '#c00000', borderpad: 4, font: { color: '#c00000' },
    });
  }
  const ticks = [...names, 'Avg. wins'];
  // An invisible marker trace carries the colour bar (0–100 %), drawn as vector gradient stops.
  const bar: PlotlyTrace = {
    type: 'scatter', mode: 'markers', x: [0], y: [0], hoverinfo: 'skip', showlegend: false,
    marker: { size: 0.1, opacity: 0, color: [0], cmin: 0, cmax: 100, colorscale: REDS.map(([t]) => [t, reds(t)]), showscale: true, colorbar: { title: { text: '%' }, len: 0.9, tickvals: [0, 25, 50, 75, 100] } },
  };
  return {
    data: [bar],
    layout: {
      margin: { l: 110, r: 20, t: options.title ? 130 : 100, b: 20 }, title: { text: options.title ?? '' }, width: 160 + 70 * (S + 1), height: 100 + 50 * (S + 1),
      paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', showlegend: false, shapes, annotations,
      xaxis: { side: 'top', tickangle: -45, range: [-0.5, S + 0.5], tickvals: ticks.map((_, j) => j), ticktext: ticks, showgrid: false, zeroline: false, ticks: '', fixedrange: true },
      yaxis: { range: [S + 0.5, -0.5], tickvals: [...names, 'Avg. losses'].map((_, i) => i), ticktext: [...names, 'Avg. losses'], showgrid: false, zeroline: false, ticks: '', fixedrange: true },
    },
    content: { kind: 'single', aspect: 1, cells: { columns: S + 1, rows: S + 1 } },
  };
}
