/** One row of paper Table 1. */
export interface TimeComplexityRow {
  readonly strategy: string;
  /** O-notation in plain Unicode (for tables and plotly). */
  readonly complexity: string;
  /** The same in LaTeX (for papers). */
  readonly latex: string;
}

/**
 * Paper Table 1: time complexity of one acquisition w.r.t. classes C, labeled pool size N_l, query size Q,
 * unlabeled pool size N_u, clustering iterations i, embedding size D, and AlfaMix's candidate pool N_cp < N_u.
 * Entropy (not in the paper's table) is one pass over the pool plus a top-Q selection.
 */
export const TIME_COMPLEXITY: readonly TimeComplexityRow[] = Object.freeze([
  { strategy: 'entropy', complexity: 'O(N_u · C + N_u · log Q)', latex: String.raw`\mathcal{O}(N_u \cdot C + N_u \log Q)` },
  { strategy: 'clue', complexity: 'O(Q · N_u · i · D)', latex: String.raw`\mathcal{O}(Q \cdot N_u \cdot i \cdot D)` },
  { strategy: 'kcentergreedy', complexity: 'O(N_l · N_u · D + Q · N_u)', latex: String.raw`\mathcal{O}(N_l \cdot N_u \cdot D + Q \cdot N_u)` },
  { strategy: 'cdal', complexity: 'O(N_l · N_u · C + Q · N_u)', latex: String.raw`\mathcal{O}(N_l \cdot N_u \cdot C + Q \cdot N_u)` },
  { strategy: 'badge', complexity: 'O(Q · N_u · C · D)', latex: String.raw`\mathcal{O}(Q \cdot N_u \cdot C \cdot D)` },
  { strategy: 'alfamix', complexity: 'O(Q · N_cp · i · D)', latex: String.raw`\mathcal{O}(Q \cdot N_{cp} \cdot i \cdot D)` },
  { strategy: 'falcun', complexity: 'O(Q · N_u · C)', latex: String.raw`\mathcal{O}(Q \cdot N_u \cdot C)` },
].map((r) => Object.freeze(r)));
