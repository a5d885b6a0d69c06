// Helpers that keep the notebooks thin (notebooks/*.ipynb import them from dist/notebook/index.js): re-exports only.

// Environment and display
export { notebookEnvironment, envList, envNumber, NOTEBOOK_SCALES, type NotebookEnvironment, type NotebookScale } from './environment.ts';
export { notebookFigures, inlineFigureHtml, FIGURE_FORMATS, type NotebookFigures, type NotebookFiguresOptions, type FigureFormat } from './display.ts';

// Experiments shared by several notebooks
export { figureExperimentConfig, figureExperimentDir, ensureFigureExperiment, FIGURE_EXPERIMENTS, REDUNDANCY_VARIANTS, type FigureExperimentName, type EnsuredExperiment } from './figureExperiments.ts';
export { ablationStrategies, ablationLabel, ablationRowLabel, PAPER_ABLATION_GAMMAS, ABLATION_TERMS, type AblationTerms } from './ablation.ts';

// Trained pools and single queries (Fig. 1, 6, 7, 8, 9)
export { trainedPool, threeClassPool, poolViewOf, marginUncertaintyOf, stackLabeled, type TrainedPool, type TrainedPoolOptions, type StackedPool } from './trainedPool.ts';
export { NOTEBOOK_INDEX, notebookIndexMarkdown, type NotebookEntry } from './notebookIndex.ts';
export { queryStrategies, simplexInputOf, falcunCourse, relevanceSteps, type StrategyQuery, type FalcunCourse } from './strategyQueries.ts';

// Scalability (Fig. 18)
export { measureScalability, scalabilitySettings, syntheticPoolView, SCALABILITY_GRIDS, PAPER_ROUNDS, type ScalabilityGrid } from './scalability.ts';
