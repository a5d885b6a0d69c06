/**
 * The shape every model (LeNet, MLP, ResNet18) has for training and inference: a body that maps an input
 * batch to the penultimate embedding z, and a linear classifier head, logits = z·W + b (softmax gives
 * the probabilities). Acquisition reads z (KCenterGreedy, CLUE, BADGE), the probabilities (FALCUN, …)
 * and the head W, b (AlfaMix, BADGE), so the three are exposed separately.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LinearHead } from '../linearHead.ts';

export type ModelName = 'lenet' | 'mlp' | 'resnet18';

export interface ClassifierNetwork {
  readonly name: ModelName;
  /** Shape of one example: [H, W, channels] for images, [features] for tables. */
  readonly inputShape: readonly number[];
  readonly numClasses: number;
  /** Width D of the penultimate embedding. */
  readonly embeddingDim: number;
  /** Every trainable variable (body and head), what the optimizer updates. */
  readonly trainableVariables: readonly tf.Variable[];
  /**
   * Penultimate embedding, [n, D], for a batch shaped [n, ...inputShape]. With `training` true,
   * batch-normalised models use batch statistics and update their running statistics.
   */
  embed(x: tf.Tensor, training: boolean): tf.Tensor2D;
  /** Classifier head: logits [n, C] = z·W + b. */
  logits(z: tf.Tensor2D): tf.Tensor2D;
  /** The head's weights as plain arrays (copies): W row-major D × C, b of length C. */
  head(): LinearHead;
  /** Number of trainable scalars. */
  parameterCount(): number;
  /** Frees every variable. */
  dispose(): void;
}
