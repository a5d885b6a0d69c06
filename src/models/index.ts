// Models: each exposes the penultimate embedding, the classifier head, and (through the head) probabilities.
export type { ClassifierNetwork, ModelName } from './classifierNetwork.ts';
export { createNetwork, MODEL_NAMES } from './createNetwork.ts';
export type { NetworkArgs } from './createNetwork.ts';
export { createLeNet, LENET_EMBEDDING_DIM } from './lenet.ts';
export type { LeNetArgs } from './lenet.ts';
export { createMlp, MLP_DEFAULT_HIDDEN_UNITS } from './mlp.ts';
export type { MlpArgs } from './mlp.ts';
export { createResNet18 } from './resnet18.ts';
export type { ResNet18Args } from './resnet18.ts';
