/** The ablation variants for notebooks (compiled to dist/notebook/ablation.js); defined in src/experiment/ablationStrategies.ts. */
export { ablationStrategies, ablationLabel, ablationRowLabel, PAPER_ABLATION_GAMMAS, ABLATION_TERMS, type AblationTerms } from '../experiment/ablationStrategies.ts';
import { ABLATION_TERMS, type AblationTerms } from '../experiment/ablationStrategies.ts';

/**
 * The ablation labels that occur in `labels` (e.g. the strategies of committed records), each once, in the
 * paper's row order: γ ascending with deterministic last, then d, u, u+d; labels that are not ablation
 * variants go last, alphabetically. Cost: O(k log k) for k labels.
 * @example ablationOrder(['falcun-det-u', 'falcun-g10-ud', 'falcun-g0', 'falcun-g10-u']) // ['falcun-g0', 'falcun-g10-u', 'falcun-g10-ud', 'falcun-det-u']
 */
export function ablationOrder(labels: Iterable<string>): string[] {
  const key = (label: string): [number, number, number] => {
    const m = /^falcun-(?:g(\d+(?:\.\d+)?)|(det))(?:-(u|d|ud))?$/.exec(label);
    if (m === null) return [2, 0, 0];
    const g = m[2] === 'det' ? Number.POSITIVE_INFINITY : Number(m[1]);
    return [0, g, ABLATION_TERMS.indexOf((m[3] ?? 'ud') as AblationTerms)];
  };
  return [...new Set(labels)].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || (ka[1] === kb[1] ? 0 : ka[1] < kb[1] ? -1 : 1) || ka[2] - kb[2] || (a < b ? -1 : a > b ? 1 : 0);
  });
}
