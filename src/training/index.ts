// Training and inference behind the ClassifierSession contract.
export type { ClassifierSession, FitProgress, FitReport } from './session.ts';
export { createClassifierSession } from './createClassifierSession.ts';
export type { ClassifierSessionArgs, TfClassifierSession } from './createClassifierSession.ts';
export { fitNetwork } from './fitNetwork.ts';
export { fastCrossProduct, tfCrossProduct } from './tfCrossProduct.ts';
export { defaultInferenceBatch, runInference } from './inference.ts';
export type { InferenceResult, InferenceWants } from './inference.ts';
export { resolveTrainingOptions, TRAINING_DEFAULTS } from './trainingDefaults.ts';
export type { TrainingOptions } from './trainingDefaults.ts';
