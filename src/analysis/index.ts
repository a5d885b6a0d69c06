// Analysis of experiment results (paper Sec. 4): re-exports only.

// Loading
export { loadExperimentRecords } from '../results/loadRecords.ts';
export { validateRoundRecord } from '../results/validateRecords.ts';

// Statistics
export { pairedTTest, studentTCdf, type PairedTTestResult } from './pairedTTest.ts';
export { duelingMatrix, type DuelingMatrix, type DuelingMatrixOptions } from './duelingMatrix.ts';
export { selectionProbabilities } from './selectionProbability.ts';

// Learning curves and summaries
export { learningCurves, type LearningCurvePoint } from './learningCurves.ts';
export { finalPoints } from './finalPoints.ts';
export { improvementOverRandom, type ImprovementRow, type ImprovementOptions } from './improvementOverRandom.ts';
export { normalizedAreaUnderCurve, learningCurveAreas, type CurveArea } from './areaUnderCurve.ts';
export { ablationTable, type AblationTable, type AblationRow } from './ablationTable.ts';
export { ablationGrid, parseAblationLabel, compareAblationVariants, PAPER_ABLATION_VARIANTS, type AblationGrid, type AblationBlock, type AblationVariant } from './ablationGrid.ts';

// Time
export { queryTime, type QueryTimeOptions } from './queryTime.ts';
export { cumulatedQueryTimes, queryTimeRange, type CumulatedQueryTime, type QueryTimeRange } from './queryTimeRange.ts';
export { TIME_COMPLEXITY, type TimeComplexityRow } from './timeComplexity.ts';
export { DATASET_PROPERTIES, type DatasetPropertiesRow } from './datasetProperties.ts';

// groupBy/settingKey helpers
export { settingKey, groupBy } from './recordKeys.ts';
// danfojs-node (loads tfjs): import './learningCurveFrame.ts' directly, it is not re-exported here.
