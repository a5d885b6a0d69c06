/**
 * LeNet-5 as in the paper's code (LeCun et al., 1998; the FALCUN paper, Section 5, grayscale images):
 *   conv 6@5×5 → ReLU → max-pool 2 → conv 16@5×5 → ReLU → max-pool 2 → dense 120 → ReLU
 *   → dense 84 → ReLU (= the embedding, D = 84) → dense C (the classifier head).
 * No padding ("valid"), so 28×28 inputs flatten to 16·4·4 = 256 and 32×32 inputs to 16·5·5 = 400.
 * Cost per image: ≈ 0.4 MFLOP forward for 28×28×1 (conv1 0.18 M multiply-adds, conv2 0.24 M).
 */
import * as tf from '@tensorflow/tfjs';
import type { LinearHead } from '../linearHead.ts';
import { Random, type Seed } from '../random.ts';
import type { ClassifierNetwork } from './classifierNetwork.ts';
import { convParameters, countParameters, denseParameters, readHead } from './parameters.ts';
import { checkPositiveInt, checkShape } from './validateArgs.ts';

export interface LeNetArgs {
  /** [H, W, channels], H and W ≥ 16 (28×28×1 for MNIST-like data, 32×32×3 for colour images). */
  readonly inputShape: readonly number[];
  /** Number of classes C ≥ 1. */
  readonly numClasses: number;
  /** Seed (or generator) for the initial weights. */
  readonly seed: Seed | Random;
}

/** Embedding width of LeNet (its second dense layer). */
export const LENET_EMBEDDING_DIM = 84;

/**
 * Builds a LeNet with seeded PyTorch-default initial weights. Throws TypeError / RangeError naming the
 * field for a bad inputShape (rank ≠ 3, H or W < 16) or numClasses.
 */
export function createLeNet(args: LeNetArgs): ClassifierNetwork {
  const where = 'createLeNet';
  const [h, w, c] = checkShape(where, args.inputShape, 3) as [number, number, number];
  if (h < 16 || w < 16) throw new RangeError(`${where}: inputShape must be at least 16×16 (two 5×5 convs and two pools), got ${h}×${w}`);
  const numClasses = checkPositiveInt(where, 'numClasses', args.numClasses);
  const rng = args.seed instanceof Random ? args.seed : new Random(args.seed);
  const h2 = Math.floor((Math.floor((h - 4) / 2) - 4) / 2);
  const w2 = Math.floor((Math.floor((w - 4) / 2) - 4) / 2);
  const flat = 16 * h2 * w2;
  const conv1 = convParameters(5, c, 6, rng.fork('conv1'), true);
  const conv2 = convParameters(5, 6, 16, rng.fork('conv2'), true);
  const fc1 = denseParameters(flat, 120, rng.fork('fc1'));
  const fc2 = denseParameters(120, LENET_EMBEDDING_DIM, rng.fork('fc2'));
  const fc3 = denseParameters(LENET_EMBEDDING_DIM, numClasses, rng.fork('fc3'));
  const vars = [conv1.w, conv1.b!, conv2.w, conv2.b!, fc1.w, fc1.b, fc2.w, fc2.b, fc3.w, fc3.b];
  return {
    name: 'lenet',
    inputShape: [h, w, c],
    numClasses,
    embeddingDim: LENET_EMBEDDING_DIM,
    trainableVariables: vars,
    embed(x: tf.Tensor, training: boolean): tf.Tensor2D {
      return tf.tidy(() => {
        const x4 = x.reshape([-1, h, w, c]) as tf.Tensor4D;
        // conv → max-pool → bias → ReLU: the same function as conv → bias → ReLU → max-pool (max commutes
        // with a per-channel constant and with the monotone ReLU, and float rounding is monotone too, so the
        // values are identical), with the bias, the ReLU and their gradients on 4× fewer values.
        // Training: unfused convs (tfjs's fused conv gradient would also compute the unused input gradient
        // of conv1, and a bias fused before the pool costs its gradient on the unpooled tensor; measured on
        // wasm: −0.9 ms of ~15 ms per batch of 64). Inference: fused conv + bias (one kernel each).
        let a: tf.Tensor4D;
        if (training) {
          a = tf.maxPool(tf.conv2d(x4, conv1.w as tf.Tensor4D, 1, 'valid'), 2, 2, 'valid');
          a = tf.relu(tf.add(a, conv1.b!)) as tf.Tensor4D;
          a = tf.maxPool(tf.conv2d(a, conv2.w as tf.Tensor4D, 1, 'valid'), 2, 2, 'valid');
          a = tf.relu(tf.add(a, conv2.b!)) as tf.Tensor4D;
        } else {
          a = tf.fused.conv2d({ x: x4, filter: conv1.w as tf.Tensor4D, strides: 1, pad: 'valid', bias: conv1.b! });
          a = tf.relu(tf.maxPool(a, 2, 2, 'valid'));
          a = tf.fused.conv2d({ x: a, filter: conv2.w as tf.Tensor4D, strides: 1, pad: 'valid', bias: conv2.b! });
          a = tf.relu(tf.maxPool(a, 2, 2, 'valid'));
        }
        const f = a.reshape([-1, flat]) as tf.Tensor2D;
        const z1 = tf.relu(tf.fused.matMul({ a: f, b: fc1.w as tf.Tensor2D, bias: fc1.b }));
        return tf.relu(tf.fused.matMul({ a: z1, b: fc2.w as tf.Tensor2D, bias: fc2.b })) as tf.Tensor2D;
      });
    },
    logits(z: tf.Tensor2D): tf.Tensor2D {
      return tf.fused.matMul({ a: z, b: fc3.w as tf.Tensor2D, bias: fc3.b }) as tf.Tensor2D;
    },
    head(): LinearHead {
      return readHead(fc3.w, fc3.b);
    },
    parameterCount: () => countParameters(vars),
    dispose(): void {
      for (const v of vars) v.dispose();
    },
  };
}
