/**
 * The two-layer perceptron for tables (Ash et al., 2020, BADGE; the FALCUN paper, Section 5):
 *   input (F features) → dense `hiddenUnits` → ReLU (= the embedding, D = hiddenUnits) → dense C (the head).
 * The paper uses 1,024 hidden units and varies the width up to 4,096 in its scalability study.
 * Cost per row: 2·(F·D + D·C) FLOP forward.
 */
import * as tf from '@tensorflow/tfjs';
import type { LinearHead } from '../linearHead.ts';
import { Random, type Seed } from '../random.ts';
import type { ClassifierNetwork } from './classifierNetwork.ts';
import { countParameters, denseParameters, readHead } from './parameters.ts';
import { checkPositiveInt, checkShape } from './validateArgs.ts';

export interface MlpArgs {
  /** [features]. */
  readonly inputShape: readonly number[];
  readonly numClasses: number;
  /** Hidden width = embedding width D (default 1,024, the paper's; at most 65,536). */
  readonly hiddenUnits?: number;
  readonly seed: Seed | Random;
}

/** The paper's hidden width. */
export const MLP_DEFAULT_HIDDEN_UNITS = 1024;

/** Builds the MLP with seeded PyTorch-default initial weights. Throws TypeError / RangeError naming the field. */
export function createMlp(args: MlpArgs): ClassifierNetwork {
  const where = 'createMlp';
  const [features] = checkShape(where, args.inputShape, 1) as [number];
  const numClasses = checkPositiveInt(where, 'numClasses', args.numClasses);
  const hidden = checkPositiveInt(where, 'hiddenUnits', args.hiddenUnits ?? MLP_DEFAULT_HIDDEN_UNITS, 65536);
  const rng = args.seed instanceof Random ? args.seed : new Random(args.seed);
  const fc1 = denseParameters(features, hidden, rng.fork('fc1'));
  const fc2 = denseParameters(hidden, numClasses, rng.fork('fc2'));
  const vars = [fc1.w, fc1.b, fc2.w, fc2.b];
  return {
    name: 'mlp',
    inputShape: [features],
    numClasses,
    embeddingDim: hidden,
    trainableVariables: vars,
    embed(x: tf.Tensor, training: boolean): tf.Tensor2D {
      return tf.tidy(() => {
        const x2 = x.reshape([-1, features]) as tf.Tensor2D;
        // Training: unfused, because a fused op's gradient also computes the (unused) gradient of the
        // input rows; tfjs only computes the gradients on the path to the weights for plain ops.
        // Inference: bias fused into the product (one kernel), then ReLU.
        const pre = training ? tf.add(tf.matMul(x2, fc1.w as tf.Tensor2D), fc1.b) : tf.fused.matMul({ a: x2, b: fc1.w as tf.Tensor2D, bias: fc1.b });
        return tf.relu(pre) as tf.Tensor2D;
      });
    },
    logits(z: tf.Tensor2D): tf.Tensor2D {
      return tf.fused.matMul({ a: z, b: fc2.w as tf.Tensor2D, bias: fc2.b }) as tf.Tensor2D;
    },
    head(): LinearHead {
      return readHead(fc2.w, fc2.b);
    },
    parameterCount: () => countParameters(vars),
    dispose(): void {
      for (const v of vars) v.dispose();
    },
  };
}
