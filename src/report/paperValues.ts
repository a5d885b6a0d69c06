/**
 * Numbers the FALCUN paper publishes (ICLR submission "Time- and label-efficient active learning by
 * diversity and uncertainty of probabilities"), for putting ours next to them in REPRODUCTION.md.
 * Transcribed from the paper's tables; accuracies in percent as printed.
 */

/** One Table 3 column group: a dataset at three labelled-set sizes. */
export interface PaperAblationColumns {
  /** Our dataset label in the reproduction (results/repro-ablation). */
  readonly dataset: string;
  /** The paper's column heading. */
  readonly title: string;
  readonly checkpoints: readonly [number, number, number];
}

/**
 * Table 3's column groups we can reproduce offline (EMNIST and BloodMNIST need the user's files and, for
 * BloodMNIST's ResNet18, a GPU; their columns are listed in PAPER_TABLE3_OFFLINE_ABSENT).
 */
export const PAPER_TABLE3_COLUMNS: readonly PaperAblationColumns[] = [
  { dataset: 'repeated-mnist', title: 'RepeatedMNIST (90 % duplicates), m', checkpoints: [1000, 2500, 5000] },
  { dataset: 'letter', title: 'OpenML-6 (Letter), l', checkpoints: [2000, 5000, 10000] },
];

/** Table 3 columns not reproduced here, and why. */
export const PAPER_TABLE3_OFFLINE_ABSENT: readonly string[] = [
  'EMNIST (s, 400/1000/2000 labels): no offline source; runs with the official files via --path',
  'BloodMNIST (m_no, ResNet18, 1000/2500/5000 labels): needs the official .npz and, at ResNet18 scale, a GPU or a cluster',
];

/**
 * Table 3 rows in the paper's order, keyed by our strategy label (experiment/ablationStrategies.ts), with
 * the paper's values for RepeatedMNIST (1000, 2500, 5000) and OpenML-6 (2000, 5000, 10000).
 */
export const PAPER_TABLE3: ReadonlyArray<{ readonly label: string; readonly values: Readonly<Record<string, readonly [number, number, number]>> }> = [
  { label: 'falcun-g0', values: { 'repeated-mnist': [92.71, 95.88, 96.99], letter: [82.6, 89.16, 93.03] } },
  { label: 'falcun-g1-d', values: { 'repeated-mnist': [94.95, 97.4, 97.6], letter: [85.1, 92.6, 95.0] } },
  { label: 'falcun-g1-u', values: { 'repeated-mnist': [93.85, 96.45, 97.25], letter: [85.3, 93.1, 95.0] } },
  { label: 'falcun-g1-ud', values: { 'repeated-mnist': [93.85, 96.6, 97.3], letter: [85.2, 92.7, 95.1] } },
  { label: 'falcun-g5-d', values: { 'repeated-mnist': [95.15, 97.4, 97.5], letter: [85.8, 93.5, 95.2] } },
  { label: 'falcun-g5-u', values: { 'repeated-mnist': [93.8, 96.3, 97.15], letter: [85.4, 93.9, 95.1] } },
  { label: 'falcun-g5-ud', values: { 'repeated-mnist': [94.5, 96.95, 97.35], letter: [85.8, 93.7, 95.1] } },
  { label: 'falcun-g10-d', values: { 'repeated-mnist': [95.35, 97.45, 97.45], letter: [85.4, 93.4, 95.2] } },
  { label: 'falcun-g10-u', values: { 'repeated-mnist': [93.6, 96.1, 97.15], letter: [85.4, 93.8, 95.2] } },
  { label: 'falcun-g10-ud', values: { 'repeated-mnist': [95.0, 97.2, 97.65], letter: [85.4, 93.9, 95.2] } },
  { label: 'falcun-g20-d', values: { 'repeated-mnist': [95.15, 97.4, 97.55], letter: [85.3, 93.3, 95.2] } },
  { label: 'falcun-g20-u', values: { 'repeated-mnist': [93.35, 95.95, 97.05], letter: [85.7, 93.9, 95.0] } },
  { label: 'falcun-g20-ud', values: { 'repeated-mnist': [95.2, 97.55, 97.55], letter: [85.2, 93.7, 95.1] } },
  { label: 'falcun-det-d', values: { 'repeated-mnist': [95.4, 97.5, 97.3], letter: [85.6, 93.5, 95.1] } },
  { label: 'falcun-det-u', values: { 'repeated-mnist': [92.0, 95.1, 96.6], letter: [85.3, 93.7, 95.2] } },
  { label: 'falcun-det-ud', values: { 'repeated-mnist': [95.2, 97.5, 97.5], letter: [85.3, 93.5, 95.2] } },
];

/**
 * Table 2: min and max over the scalability study's cells (OpenML-156, varying N, Q, D) of the average
 * cumulated query time (after the whole budget), in seconds; `null` max where the paper stopped after
 * 10 days (CLUE: "> 227 hrs").
 */
export const PAPER_TABLE2_SECONDS: Readonly<Record<string, { readonly min: number; readonly max: number | null }>> = {
  entropy: { min: 1.8, max: 21 * 60 },
  cdal: { min: 60, max: 80 * 60 },
  falcun: { min: 1.5 * 60, max: 97 * 60 },
  alfamix: { min: 7.3 * 60, max: 175 * 60 },
  kcenter: { min: 11.8 * 60, max: 25 * 3600 },
  badge: { min: 31.5 * 60, max: 208 * 3600 },
  clue: { min: 92 * 60, max: null },
};

/**
 * What the paper says about each learning-curve dataset (Sec. 4.1, Figs. 2, 3, 5, 13–17). The paper
 * prints these curves as figures only, so the comparison is with its statements, not with numbers.
 */
export const PAPER_CURVE_CLAIMS: Readonly<Record<string, string>> = {
  mnist: 'FALCUN among the best methods (Fig. 2a/13); all methods close on MNIST at Q = 200.',
  'repeated-mnist':
    'Table 3 (γ = 10, u + d vs γ = 0): +2.3 / +1.3 / +0.7 points at 1000 / 2500 / 5000 labels; KCenterGreedy fairly good here, Entropy and AlfaMix below Random (Sec. 4.1, Fig. 5).',
  letter: 'Table 3 (γ = 10, u + d vs γ = 0): +2.8 / +4.7 / +2.2 points at 2000 / 5000 / 10000 labels.',
  'fashion-mnist': 'FALCUN among the best methods (Fig. 13).',
  'repeated-mnist-20': 'Fig. 3: final accuracy drops for every method as redundancy grows; AlfaMix and Entropy drop most.',
  'repeated-mnist-5': 'Fig. 3: as for 20 %; the 5 % version is the most redundant.',
  randomrbf: 'OpenML-156: FALCUN the only method that consistently beats Random; KCenterGreedy poor (Sec. 4.1).',
  pokerhand: 'OpenML-155: AlfaMix fast and good; CDAL below Random for small budgets (Sec. 4.2, Fig. 5).',
};
