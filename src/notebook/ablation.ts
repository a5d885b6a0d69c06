/** The ablation variants for notebooks (compiled to dist/notebook/ablation.js); defined in src/experiment/ablationStrategies.ts. */
export { ablationStrategies, ablationLabel, ablationRowLabel, PAPER_ABLATION_GAMMAS, ABLATION_TERMS, type AblationTerms } from '../experiment/ablationStrategies.ts';
