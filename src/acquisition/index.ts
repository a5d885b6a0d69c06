// Acquisition strategies and their shared kernels (re-exports only).

// The seedable generator every select call takes (options.random)
export { Random, type Seed } from '../random.ts';

// Contract and registry
export type { LinearHead, PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
export { createStrategy, listStrategies, type StrategyInfo } from './registry.ts';
export { checkOptions, formatCitation, type Citation, type Complexity, type OptionSpec, type PaletteColors, type StrategyClass, type StrategySpec } from './strategySpec.ts';
export { PROBABILITY_SUM_TOLERANCE, validateBatchSize, validateEmbeddings, validateHead, validateLabeled, validateProbabilities } from './validate.ts';

// Strategies
export { Falcun, type FalcunOptions, type FalcunRelevance, type FalcunTrace } from './falcun.ts';
export { RandomSampling } from './randomSampling.ts';
export { EntropySampling } from './entropySampling.ts';
export { MarginSampling } from './marginSampling.ts';
export { LeastConfidenceSampling } from './leastConfidenceSampling.ts';
export { KCenterGreedy } from './kCenterGreedy.ts';
export { Cdal } from './cdal.ts';
export { Badge } from './badge.ts';
export { Clue, type ClueOptions } from './clue.ts';
export { AlfaMix, type AlfaMixOptions, type AlfaMixTrace } from './alfaMix.ts';
export type { ScoreTrace } from './topScoreSelection.ts';

// Kernels
export { argmaxRows } from './kernels/argmaxRows.ts';
export { crossDot, crossDotPacked, packRows, packedLength } from './kernels/crossDot.ts';
export { drawProportional } from './kernels/drawProportional.ts';
export { farthestFirst } from './kernels/farthestFirst.ts';
export { kmeans, type KmeansOptions, type KmeansResult } from './kernels/kmeans.ts';
export { kmeansPlusPlus, kmeansPlusPlusSeeding } from './kernels/kmeansPlusPlus.ts';
export { uniformUntaken } from './kernels/uniformUntaken.ts';
export { leastConfidence } from './kernels/leastConfidence.ts';
export { marginUncertainty } from './kernels/marginUncertainty.ts';
export { nearestCentres, rowSquaredNorms, type NearestCentres, type NearestCentresOptions } from './kernels/nearestCentres.ts';
export { nearestPointPerCentroid } from './kernels/nearestPointPerCentroid.ts';
export { predictiveEntropy } from './kernels/predictiveEntropy.ts';
export { squaredDistance, squaredDistancesToPoint, updateMinSquaredDistances } from './kernels/squaredDistances.ts';
export { topK } from './kernels/topK.ts';
export { dotProduct } from './kernels/dotProduct.ts';
