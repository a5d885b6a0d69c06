import { strategyColor, strategyLabel } from './palette.ts';
import { checkIndices, checkMatrix, column, formatDuration } from './inputs.ts';
import type { PanelSlot, PlotlyFigure, PlotlyTrace } from './types.ts';

/** One strategy's query, drawn as one simplex panel. */
export interface SimplexPanel {
  readonly strategy: string;
  /** Indices (rows of `probabilities`) the strategy chose. */
  readonly chosen: ArrayLike<number>;
  /** Acquisition time of this query, shown in the panel title. */
  readonly acquisitionSeconds: number;
}

export interface SimplexInput {
  /** N×3 class probabilities, row-major (each row sums to 1). */
  readonly probabilities: ArrayLike<number>;
  /** Indices of the labeled points (black dots); every other point is unlabeled (white dots). */
  readonly labeled: ArrayLike<number>;
  readonly panels: readonly SimplexPanel[];
  /** Corner names. Default 'class 1', 'class 2', 'class 3'. */
  readonly classNames?: readonly [string, string, string];
  /**
   * Colour unlabeled points by margin uncertainty u = 1 − (p1 − p2) (paper Fig. 8: lighter = more
   * uncertain) instead of white. Default false (Fig. 1).
   */
  readonly colorByUncertainty?: boolean;
  /** The strategy whose colour draws every panel's picks (the paper: one highlight colour, red). Default 'falcun'. */
  readonly highlight?: string;
  readonly title?: string;
}

/**
 * A triangular lattice over the simplex, each point shaded by its largest probability (white at the
 * centre, grey at the corners): the paper's darker corners. Drawn first, as overlapping squares.
 */
function cornerShading(): { a: number[]; b: number[]; c: number[]; marker: { color: string[] } } {
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const color: string[] = [];
  const steps = 24;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps - i; j++) {
      const pa = i / steps;
      const pb = j / steps;
      const pc = 1 - pa - pb;
      a.push(pa);
      b.push(pb);
      c.push(pc);
      const m = (Math.max(pa, pb, pc) - 1 / 3) / (2 / 3); // 0 at the centre, 1 in a corner
      const v = Math.round(255 - 85 * m * m);
      color.push(`rgb(${v},${v},${v})`);
    }
  }
  return { a, b, c, marker: { color } };
}

const TOL = 1e-3; // float32 softmax rows sum to 1 within ~1e-6; 1e-3 catches wrong layouts, not rounding

/**
 * Queries in the 3-class probability simplex (paper Fig. 1 and Fig. 8): one ternary panel per strategy
 * with the labeled (small black) and unlabeled (small white, or coloured by uncertainty) points, the
 * corners shaded by the largest class probability (Fig. 1), and every panel's picks as large circles in
 * one highlight colour (FALCUN's red, as the paper); the panel title names the strategy and its
 * acquisition time.
 * Cost: O(N · panels).
 * @throws TypeError/RangeError naming the field for a wrong shape, a row not summing to 1, or an index out of range.
 */
export function simplexFigure(input: SimplexInput): PlotlyFigure {
  const fn = 'simplexFigure';
  const n = checkMatrix(fn, 'probabilities', input.probabilities, 3);
  const p = input.probabilities;
  for (let i = 0; i < n; i++) {
    const s = p[3 * i]! + p[3 * i + 1]! + p[3 * i + 2]!;
    if (Math.abs(s - 1) > TOL || p[3 * i]! < 0 || p[3 * i + 1]! < 0 || p[3 * i + 2]! < 0) {
      throw new RangeError(`${fn}: probabilities row ${i} must be non-negative and sum to 1 (±${TOL}), got [${p[3 * i]}, ${p[3 * i + 1]}, ${p[3 * i + 2]}]`);
    }
  }
  const labeled = checkIndices(fn, 'labeled', input.labeled, n);
  if (!Array.isArray(input.panels) || input.panels.length === 0) throw new RangeError(`${fn}: panels must list at least one strategy's query, got ${input.panels?.length ?? input.panels}`);
  const isLabeled = new Uint8Array(n);
  for (const i of labeled) isLabeled[i] = 1;
  const unlabeled: number[] = [];
  for (let i = 0; i < n; i++) if (!isLabeled[i]) unlabeled.push(i);
  const names = input.classNames ?? ['class 1', 'class 2', 'class 3'];
  const k = input.panels.length;
  const cols = Math.min(k, 4);
  const rows = Math.ceil(k / cols);
  const data: PlotlyTrace[] = [];
  const annotations: Array<Record<string, unknown>> = [];
  const slots: PanelSlot[] = [];
  const layout: Record<string, unknown> = {
    title: { text: input.title ?? '' }, width: 300 * cols + 40, height: 300 * rows + 80, showlegend: true,
    legend: { orientation: 'h', x: 0.5, xanchor: 'center', y: 0, yanchor: 'top' }, paper_bgcolor: '#ffffff', annotations,
    margin: { l: 40, r: 40, t: input.title ? 70 : 20, b: 50 },
  };
  const uncertainty = (i: number) => {
    const a = [p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!].sort((x, y) => y - x);
    return 1 - (a[0]! - a[1]!);
  };
  const shade = cornerShading();
  const highlight = input.highlight ?? 'falcun';
  input.panels.forEach((panel, j) => {
    const chosen = checkIndices(fn, `panels[${j}].chosen`, panel.chosen, n);
    if (!(panel.acquisitionSeconds >= 0)) throw new RangeError(`${fn}: panels[${j}].acquisitionSeconds must be a number >= 0, got ${panel.acquisitionSeconds}`);
    const id = j === 0 ? 'ternary' : `ternary${j + 1}`;
    const r = Math.floor(j / cols);
    const c = j % cols;
    layout[id] = {
      domain: { x: [c / cols + 0.04, (c + 1) / cols - 0.04], y: [1 - (r + 1) / rows + 0.08, 1 - r / rows - 0.12] },
      sum: 1, aaxis: { title: { text: names[0] }, showticklabels: false, ticks: '', showgrid: false, linecolor: '#444444' },
      baxis: { title: { text: names[1] }, showticklabels: false, ticks: '', showgrid: false, linecolor: '#444444' },
      caxis: { title: { text: names[2] }, showticklabels: false, ticks: '', showgrid: false, linecolor: '#444444' }, bgcolor: '#ffffff',
    };
    annotations.push({ text: `${strategyLabel(panel.strategy)} (${formatDuration(panel.acquisitionSeconds)})`, xref: 'paper', yref: 'paper', x: 0, y: 1, xanchor: 'center', yanchor: 'bottom', showarrow: false });
    slots.push({ ternaryKey: id, title: annotations.length - 1 });
    const pts = (idx: number[]) => ({ a: column(p, 3, 0, idx), b: column(p, 3, 1, idx), c: column(p, 3, 2, idx) });
    if (!input.colorByUncertainty) {
      data.push({ type: 'scatterternary', mode: 'markers', subplot: id, ...shade, hoverinfo: 'skip', showlegend: false, marker: { ...shade.marker, size: 9, symbol: 'square' } });
    }
    data.push({
      type: 'scatterternary', mode: 'markers', subplot: id, name: 'unlabeled', legendgroup: 'unlabeled', showlegend: j === 0, ...pts(unlabeled),
      marker: input.colorByUncertainty
        ? { size: 4, color: unlabeled.map(uncertainty), colorscale: 'Viridis', cmin: 0, cmax: 1, showscale: j === 0, colorbar: { title: { text: 'u(x)' } } }
        : { size: 4, color: '#ffffff', line: { color: '#666666', width: 0.5 } },
      hoverinfo: 'skip',
    });
    data.push({
      type: 'scatterternary', mode: 'markers', subplot: id, name: 'labeled', legendgroup: 'labeled', showlegend: j === 0, ...pts(labeled),
      marker: { size: 4, color: '#000000' }, hoverinfo: 'skip',
    });
    data.push({
      type: 'scatterternary', mode: 'markers', subplot: id, name: 'selected', legendgroup: 'selected', showlegend: j === 0, ...pts(chosen),
      marker: { size: 9, color: strategyColor(highlight), line: { color: '#000000', width: 0.8 } }, meta: { strategy: highlight, role: 'marker' },
    });
  });
  return { data, layout, content: { kind: 'panels', panels: slots, columns: cols, aspect: 0.87 } };
}
