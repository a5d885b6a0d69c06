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
