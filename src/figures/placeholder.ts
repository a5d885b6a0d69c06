import type { PlotlyFigure } from './types.ts';

/**
 * A figure that stands in for one whose data is absent: an empty grey frame with a title and, in its middle,
 * what the figure needs ("needs SVHN files / a GPU run"). Exported like any figure, so a set of exports
 * never silently lacks one. Cost: O(1).
 * @throws TypeError for an empty text.
 */
export function placeholderFigure(title: string, text: string): PlotlyFigure {
  if (typeof text !== 'string' || text === '') throw new TypeError(`placeholderFigure: text must say what is missing, got ${JSON.stringify(text)}`);
  const frame = { showticklabels: false, showgrid: false, zeroline: false, showline: true, mirror: true, linecolor: '#bbbbbb', ticks: '', range: [0, 1], fixedrange: true };
  return {
    data: [{ type: 'scatter', mode: 'markers', x: [], y: [], showlegend: false, hoverinfo: 'skip' }],
    layout: {
      width: 560, height: 300, showlegend: false, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', margin: { l: 20, r: 20, t: 40, b: 20 },
      xaxis: { ...frame, domain: [0, 1] }, yaxis: { ...frame, domain: [0, 1] },
      annotations: [
        { text: title, xref: 'paper', yref: 'paper', x: 0.5, y: 1, xanchor: 'center', yanchor: 'bottom', showarrow: false },
        { text, xref: 'paper', yref: 'paper', x: 0.5, y: 0.5, xanchor: 'center', yanchor: 'middle', showarrow: false, font: { color: '#666666' } },
      ],
    },
    // compact: a missing figure takes little of the page
    content: { kind: 'panels', panels: [{ xKey: 'xaxis', yKey: 'yaxis', title: 0, note: 1 }], columns: 1, aspect: 0.25 },
  };
}
