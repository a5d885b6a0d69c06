/**
 * The committed reproduction's experiment directories, relative to the repository root (git keeps them;
 * every other directory under results/ is local). REPRODUCTION.md, the notebooks' default results and the
 * γ explorer's Table 3 curves all read these.
 */
export const REPRODUCTION_DIRS = {
  ablation: 'results/repro-ablation',
  curves: 'results/repro-curves',
  standardized: 'results/repro-letter-standardized',
  paperVariant: 'results/repro-ablation-paper-variant',
} as const;

/** The committed scalability study (`npm run scalability`; Fig. 18, Table 2, REPRODUCTION.md, the Fig. 18 notebook). */
export const SCALABILITY_STUDY_DIR = 'results/repro-scalability';

/**
 * The reproduction issue's priority parts, in the order the grid runs them: (1) Table 3's γ = 0 and γ = 10
 * u + d rows, (2) the learning curves of all eight strategies on MNIST, RepeatedMNIST and Letter, (3) the
 * rest (other Table 3 rows, side studies, the other curve datasets).
 */
export type ReproductionPart = 1 | 2 | 3;
export const REPRODUCTION_PARTS: Readonly<Record<ReproductionPart, string>> = {
  1: "Table 3's γ = 0 and γ = 10 u + d rows (RepeatedMNIST, Letter)",
  2: 'learning curves of the eight strategies on MNIST, RepeatedMNIST 10 % and Letter',
  3: 'the rest: other Table 3 rows, raw vs standardised Letter, the paper-variant ablation, the other curve datasets',
};
const PART1_STRATEGIES = new Set(['falcun-g0', 'falcun-g10-ud']);
const PART2_DATASETS = new Set(['mnist', 'repeated-mnist', 'letter']);

/** The part a cell of a reproduction experiment (its plan name, dataset label, strategy label) belongs to. */
export function reproductionPart(experiment: string, dataset: string, strategy: string): ReproductionPart {
  if (experiment === 'repro-ablation') return PART1_STRATEGIES.has(strategy) ? 1 : 3;
  if (experiment === 'repro-curves') return PART2_DATASETS.has(dataset) ? 2 : 3;
  return 3;
}
