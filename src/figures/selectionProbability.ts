import { selectionProbabilities } from '../analysis/selectionProbability.ts';
import type { PlotlyFigure, PlotlyTrace } from './types.ts';

/**
 * Selection probability against relevance for several γ (paper Fig. 9, Appendix A.1):
 * p_i = r_i^γ / Σ_j r_j^γ over the given relevance vector, one line per γ with the points sorted by
 * relevance. Small γ approaches the uniform draw (flat line at 1/N), large γ the argmax.
 * Cost: O(N log N · |γ|).
 * @throws RangeError for an empty gamma list, or from `selectionProbabilities` for bad relevance/γ.
 */
export function selectionProbabilityFigure(relevance: ArrayLike<number>, gammas: readonly number[] = [0, 1, 2, 5, 10, 20], options: { title?: string; logY?: boolean } = {}): PlotlyFigure {
  if (!Array.isArray(gammas) || gammas.length === 0) throw new RangeError(`selectionProbabilityFigure: gammas must list at least one γ, got ${JSON.stringify(gammas)}`);
  const order = Array.from({ length: relevance.length }, (_, i) => i);
  const data: PlotlyTrace[] = gammas.map((g, k) => {
    const p = selectionProbabilities(relevance, g);
    if (k === 0) order.sort((a, b) => relevance[a]! - relevance[b]!);
    const shade = gammas.length === 1 ? 0.5 : k / (gammas.length - 1);
    return {
      type: 'scatter', mode: 'lines', name: `γ = ${g}`, x: order.map((i) => relevance[i]!), y: order.map((i) => p[i]!),
      line: { width: 2, color: viridis(shade) },
    };
  });
  return {
    data,
    layout: {
      margin: { l: 70, r: 20, t: options.title ? 70 : 30, b: 60 }, title: { text: options.title ?? '' }, width: 560, height: 400, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
      xaxis: { title: { text: 'relevance r(x)' }, gridcolor: '#e5e5e5' },
      yaxis: { title: { text: 'selection probability' }, type: options.logY ? 'log' : 'linear', gridcolor: '#e5e5e5', exponentformat: 'power' },
    },
    content: { kind: 'single', aspect: 0.7 },
  };
}

// Five Viridis stops, linearly interpolated: distinct γ lines that also read in grey scale.
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]] as const;
function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const c = STOPS[i]!.map((v, j) => Math.round(v + f * (STOPS[i + 1]![j]! - v)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
