/**
 * Model by name, for the session factory and the runner ('lenet', 'mlp', 'resnet18').
 */
import type { Random, Seed } from '../random.ts';
import type { ClassifierNetwork, ModelName } from './classifierNetwork.ts';
import { createLeNet } from './lenet.ts';
import { createMlp } from './mlp.ts';
import { createResNet18 } from './resnet18.ts';

export const MODEL_NAMES: readonly ModelName[] = ['lenet', 'mlp', 'resnet18'];

export interface NetworkArgs {
  readonly model: ModelName;
  readonly inputShape: readonly number[];
  readonly numClasses: number;
  /** MLP hidden width (default 1,024). Ignored by the other models. */
  readonly hiddenUnits?: number;
  /** ResNet18 first-stage width (default 64). Ignored by the other models. */
  readonly baseWidth?: number;
  readonly seed: Seed | Random;
}

/** Builds the named model. Throws RangeError for an unknown name, and what the builder throws. */
export function createNetwork(args: NetworkArgs): ClassifierNetwork {
  switch (args.model) {
    case 'lenet':
      return createLeNet(args);
    case 'mlp':
      return createMlp(args);
    case 'resnet18':
      return createResNet18(args);
    default:
      throw new RangeError(`createNetwork: unknown model '${String(args.model)}'; use one of ${MODEL_NAMES.join(', ')}`);
  }
}
