import { listStrategies } from '../acquisition/registry.ts';

/** One row of paper Table 1. */
export interface TimeComplexityRow {
  readonly strategy: string;
  /** O-notation in plain Unicode (for tables and plotly). */
  readonly complexity: string;
  /** The same in LaTeX (for papers). */
  readonly latex: string;
}

/** Table 1's row order: by cost as the paper lists it, FALCUN last. */
const TABLE_ORDER: readonly string[] = ['entropy', 'clue', 'kcenter', 'cdal', 'badge', 'alfamix', 'falcun'];

/**
 * Paper Table 1: time complexity of one acquisition w.r.t. classes C, labeled pool size N_l, query size Q,
 * unlabeled pool size N_u, clustering iterations i, embedding size D, and AlfaMix's candidate pool N_cp < N_u.
 * Each row is the `complexity` of a registry entry (strategies without one are not in the table); the
 * table lists them in the paper's order, any other registered strategy with a complexity after them.
 */
export const TIME_COMPLEXITY: readonly TimeComplexityRow[] = Object.freeze(
  listStrategies()
    .filter((s) => s.complexity !== undefined)
    .sort((a, b) => rank(a.name) - rank(b.name))
    .map((s) => Object.freeze({ strategy: s.name, complexity: s.complexity!.text, latex: s.complexity!.latex })),
);

function rank(name: string): number {
  const i = TABLE_ORDER.indexOf(name);
  return i < 0 ? TABLE_ORDER.length : i;
}
