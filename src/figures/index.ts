// Figure builders (one per paper figure), presets and export: re-exports only.

// Contracts, colours, presets
export type { PlotlyFigure, PlotlyTrace, StrategyMeta, FigureContent, PanelSlot, PanelsContent, SingleContent, TableContent } from './types.ts';
export { FALCUN_RED, FALCUN_RED_COLORBLIND, STRATEGY_ORDER, strategyColor, strategyLabel, sortStrategies, canonicalStrategy, withAlpha, type PaletteName } from './palette.ts';
export { PRESETS, PX_PER_INCH, applyPreset, type PublicationPreset } from './presets.ts';

// Paper figures
export { simplexFigure, type SimplexInput, type SimplexPanel } from './simplex.ts'; // Fig. 1, 8
export { learningCurvesFigure, type LearningCurvesOptions, type CurvePanel } from './learningCurves.ts'; // Fig. 2, 13–17
export { redundancyFigure } from './redundancy.ts'; // Fig. 3
export { duelingMatrixFigure } from './duelingMatrix.ts'; // Fig. 4
export { gainOverRandomFigure } from './gainOverRandom.ts'; // Fig. 5
export { relevanceFigure, type RelevanceInput, type RelevanceStep } from './relevance.ts'; // Fig. 6
export { classAccuracyEmbeddingFigure, type ClassAccuracyInput, type ClassAccuracyPlaceholder } from './classAccuracyEmbedding.ts'; // Fig. 7
export { uncertaintyEmbeddingFigure, type UncertaintyEmbeddingInput } from './uncertaintyEmbedding.ts'; // Fig. 8 (t-SNE panels)
export { selectionProbabilityFigure } from './selectionProbability.ts'; // Fig. 9
export { batchPicksFigure } from './batchPicks.ts'; // the own-data notebook
export { exampleImagesFigure, type ExampleImagesInput } from './exampleImages.ts'; // Fig. 11
export { scalabilityFigure, scalabilityTimeTable, logTicks, plainNumber } from './scalability.ts'; // Fig. 18, Table 2
export type { ScalabilityRow } from '../results/scalabilityStudy.ts';
export { tableFigure, drawTable, tableMarkdown, tableLatex, latexEscape, timeComplexityTable, queryTimeTable, ablationTableData, ablationGridTable, datasetPropertiesTable, type TableData, type CellEmphasis } from './tables.ts'; // Tables 1–4
export { placeholderFigure } from './placeholder.ts';

// Names, the figure set, layout
export { DATASET_NAMES, PAPER_DATASET_ORDER, datasetRank, datasetName, datasetFamily, datasetId, modelName, settingTitle, settingQuerySize, type DatasetFamily } from './names.ts';
export { paperFigures, figure2Panels, uniquePercentOf, MISSING_DATA, type PaperExhibit, type PaperFigureInputs } from './paperFigures.ts';
export { fitToContent, legendEntries, legendRows, MIN_PANEL_PX } from './fitLayout.ts';
export { layoutProblems, OVERLAP_TOLERANCE_PX } from './layoutCheck.ts';
export { textWidth, wrapText } from './textMetrics.ts';

// Export (HTML, PNG at DPI, SVG, PDF through headless Chromium)
export { figureHtml, writeFigureHtml, openFigureExporter, withPngDpi, withFixedPdfDates, plotlyBundle, CHROMIUM_FLAGS, DEFAULT_CHROMIUM, SHARED_PLOTLY, type FigureExporter, type PngOptions, type ExporterOptions, type TextBox } from './export.ts';
