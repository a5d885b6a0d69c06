// Figure builders (one per paper figure), presets and export: re-exports only.

// Contracts, colours, presets
export type { PlotlyFigure, PlotlyTrace, StrategyMeta } from './types.ts';
export { FALCUN_RED, FALCUN_RED_COLORBLIND, STRATEGY_ORDER, strategyColor, strategyLabel, sortStrategies, canonicalStrategy, withAlpha, type PaletteName } from './palette.ts';
export { PRESETS, PX_PER_INCH, applyPreset, type PublicationPreset } from './presets.ts';

// Paper figures
export { simplexFigure, type SimplexInput, type SimplexPanel } from './simplex.ts'; // Fig. 1, 8
export { learningCurvesFigure, type LearningCurvesOptions } from './learningCurves.ts'; // Fig. 2, 13–17
export { redundancyFigure } from './redundancy.ts'; // Fig. 3
export { duelingMatrixFigure } from './duelingMatrix.ts'; // Fig. 4
export { gainOverRandomFigure } from './gainOverRandom.ts'; // Fig. 5
export { relevanceFigure, type RelevanceInput, type RelevanceStep } from './relevance.ts'; // Fig. 6
export { classAccuracyEmbeddingFigure, type ClassAccuracyInput } from './classAccuracyEmbedding.ts'; // Fig. 7
export { selectionProbabilityFigure } from './selectionProbability.ts'; // Fig. 9
export { batchPicksFigure } from './batchPicks.ts'; // the own-data notebook
export { exampleImagesFigure, type ExampleImagesInput } from './exampleImages.ts'; // Fig. 11
export { scalabilityFigure, type ScalabilityRow } from './scalability.ts'; // Fig. 18
export { tableFigure, tableMarkdown, timeComplexityTable, queryTimeTable, ablationTableData, datasetPropertiesTable, type TableData } from './tables.ts'; // Tables 1–4

// Export (HTML, PNG at DPI, SVG, PDF through headless Chromium)
export { figureHtml, writeFigureHtml, openFigureExporter, withPngDpi, CHROMIUM_FLAGS, DEFAULT_CHROMIUM, type FigureExporter, type PngOptions, type ExporterOptions } from './export.ts';
