import type { DuelingMatrix } from '../analysis/duelingMatrix.ts';
import { strategyLabel } from './palette.ts';
import type { PlotlyFigure } from './types.ts';

/**
 * The dueling matrix as a heat map (paper Fig. 4): cell (row i, column j) = % of comparisons that i won
 * against j (= % that j lost against i); the last column holds each row's average % wins, the last row
 * each column's average % losses. Numbers are printed in the cells (one decimal); empty cells (diagonal,
 * no comparisons) stay blank. Rows run top-down in the matrix order. Cost: O(S²).
 * @throws RangeError for a matrix without strategies.
 */
export function duelingMatrixFigure(matrix: DuelingMatrix, options: { title?: string } = {}): PlotlyFigure {
  const S = matrix.strategies.length;
  if (S === 0) throw new RangeError('duelingMatrixFigure: the matrix has no strategies');
  const names = matrix.strategies.map(strategyLabel);
  const z: Array<Array<number | null>> = [];
  const text: string[][] = [];
  const cell = (v: number) => (Number.isNaN(v) ? null : v);
  for (let i = 0; i <= S; i++) {
    const zr: Array<number | null> = [];
    const tr: string[] = [];
    for (let j = 0; j <= S; j++) {
      let v: number;
      if (i < S && j < S) v = matrix.percent[i * S + j]!;
      else if (i < S) v = matrix.rowWinPercent[i]!;
      else if (j < S) v = matrix.columnLossPercent[j]!;
      else v = Number.NaN;
      zr.push(cell(v));
      tr.push(Number.isNaN(v) ? '' : v.toFixed(1));
    }
    z.push(zr);
    text.push(tr);
  }
  const x = [...names, 'Avg. wins'];
  const y = [...names, 'Avg. losses'];
  return {
    data: [{
      type: 'heatmap', z, x, y, text, texttemplate: '%{text}', hoverongaps: false, colorscale: 'Reds', zmin: 0, zmax: 100,
      xgap: 1, ygap: 1, colorbar: { title: { text: '%' }, thickness: 10 },
      hovertemplate: '%{y} vs %{x}: %{z:.1f}%<extra></extra>',
    }],
    layout: {
      margin: { l: 110, r: 20, t: options.title ? 130 : 100, b: 20 }, title: { text: options.title ?? '' }, width: 160 + 70 * (S + 1), height: 100 + 50 * (S + 1), paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
      xaxis: { side: 'top', tickangle: -45, showgrid: false },
      yaxis: { autorange: 'reversed', showgrid: false },
    },
  };
}
