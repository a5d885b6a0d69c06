/**
 * ResNet18 (He et al., 2016) with the CIFAR-style stem used for 32×32 colour images (as in the code of
 * BADGE / AlfaMix that the FALCUN paper builds on): conv 3×3 (stride 1, no max-pool) → BN → ReLU, then
 * four stages of two BasicBlocks with widths w, 2w, 4w, 8w (w = 64) and strides 1, 2, 2, 2, then global
 * average pooling (= the embedding, D = 8w = 512) and a dense C head.
 * BasicBlock: conv3×3 → BN → ReLU → conv3×3 → BN, plus the input (through a 1×1 conv + BN when the
 * stride or width changes), then ReLU. Convolutions have no bias; BatchNorm uses ε = 1e-5 and running
 * statistics with momentum 0.1 (PyTorch's conventions; the running variance is the unbiased one).
 * Cost: ≈ 0.56 GFLOP forward per 32×32 image at w = 64 (≈ 11.2 M parameters).
 * The paper starts from pre-trained weights; none are available offline here, so it starts from
 * seeded PyTorch-default initial weights (BN scale 1, offset 0).
 */
import * as tf from '@tensorflow/tfjs';
import type { LinearHead } from '../linearHead.ts';
import { Random, type Seed } from '../random.ts';
import type { ClassifierNetwork } from './classifierNetwork.ts';
import { constantVariable, convParameters, countParameters, denseParameters, readHead } from './parameters.ts';
import { checkPositiveInt, checkShape } from './validateArgs.ts';

export interface ResNet18Args {
  /** [H, W, channels], typically 32×32×3; H and W ≥ 8. */
  readonly inputShape: readonly number[];
  readonly numClasses: number;
  /** Width of the first stage (default 64; smaller only for quick tests). Embedding D = 8 × baseWidth. */
  readonly baseWidth?: number;
  readonly seed: Seed | Random;
}

const BN_EPSILON = 1e-5;
const BN_MOMENTUM = 0.1;

interface BatchNorm {
  readonly scale: tf.Variable;
  readonly offset: tf.Variable;
  readonly mean: tf.Variable;
  readonly variance: tf.Variable;
}

function batchNormParameters(channels: number): BatchNorm {
  return {
    scale: constantVariable([channels], 1, true),
    offset: constantVariable([channels], 0, true),
    mean: constantVariable([channels], 0, false),
    variance: constantVariable([channels], 1, false),
  };
}

/** BatchNorm: batch statistics (and a running-statistics update) in training, running statistics otherwise. */
function batchNorm(x: tf.Tensor4D, bn: BatchNorm, training: boolean): tf.Tensor4D {
  if (!training) return tf.batchNorm4d(x, bn.mean as tf.Tensor1D, bn.variance as tf.Tensor1D, bn.offset as tf.Tensor1D, bn.scale as tf.Tensor1D, BN_EPSILON);
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  const n = x.shape[0] * x.shape[1] * x.shape[2];
  tf.tidy(() => {
    const unbiased = n > 1 ? variance.mul(n / (n - 1)) : variance;
    bn.mean.assign(bn.mean.mul(1 - BN_MOMENTUM).add(mean.mul(BN_MOMENTUM)));
    bn.variance.assign(bn.variance.mul(1 - BN_MOMENTUM).add(unbiased.mul(BN_MOMENTUM)));
  });
  // Explicit ops rather than tf.batchNorm: the latter's gradient broadcasts with Tile, which the wasm
  // backend runs slowly (a fifth of a ResNet18 training step); these gradients reduce with Sum instead.
  const k = tf.mul(bn.scale, tf.rsqrt(tf.add(variance, BN_EPSILON)));
  return tf.add(tf.mul(tf.sub(x, mean), k), bn.offset) as tf.Tensor4D;
}

interface Block {
  readonly stride: number;
  readonly conv1: tf.Variable;
  readonly bn1: BatchNorm;
  readonly conv2: tf.Variable;
  readonly bn2: BatchNorm;
  readonly shortcut: { conv: tf.Variable; bn: BatchNorm } | null;
}

/**
 * Builds ResNet18 with seeded initial weights. Throws TypeError / RangeError naming the field for a bad
 * inputShape (rank ≠ 3, H or W < 8), numClasses or baseWidth.
 */
export function createResNet18(args: ResNet18Args): ClassifierNetwork {
  const where = 'createResNet18';
  const [h, w, c] = checkShape(where, args.inputShape, 3) as [number, number, number];
  if (h < 8 || w < 8) throw new RangeError(`${where}: inputShape must be at least 8×8 (three stride-2 stages), got ${h}×${w}`);
  const numClasses = checkPositiveInt(where, 'numClasses', args.numClasses);
  const width = checkPositiveInt(where, 'baseWidth', args.baseWidth ?? 64, 1024);
  const rng = args.seed instanceof Random ? args.seed : new Random(args.seed);

  const stem = convParameters(3, c, width, rng.fork('stem'), false).w;
  const stemBn = batchNormParameters(width);
  const blocks: Block[] = [];
  let cIn = width;
  [1, 2, 4, 8].forEach((mult, stage) => {
    const cOut = width * mult;
    for (let i = 0; i < 2; i++) {
      const stride = stage > 0 && i === 0 ? 2 : 1;
      const r = rng.fork('block', stage, i);
      blocks.push({
        stride,
        conv1: convParameters(3, cIn, cOut, r.fork('conv1'), false).w,
        bn1: batchNormParameters(cOut),
        conv2: convParameters(3, cOut, cOut, r.fork('conv2'), false).w,
        bn2: batchNormParameters(cOut),
        shortcut: stride !== 1 || cIn !== cOut ? { conv: convParameters(1, cIn, cOut, r.fork('shortcut'), false).w, bn: batchNormParameters(cOut) } : null,
      });
      cIn = cOut;
    }
  });
  const embeddingDim = width * 8;
  const fc = denseParameters(embeddingDim, numClasses, rng.fork('fc'));

  const bnVars = (bn: BatchNorm) => [bn.scale, bn.offset];
  const trainable: tf.Variable[] = [stem, ...bnVars(stemBn)];
  const all: tf.Variable[] = [stem, stemBn.scale, stemBn.offset, stemBn.mean, stemBn.variance];
  for (const b of blocks) {
    trainable.push(b.conv1, ...bnVars(b.bn1), b.conv2, ...bnVars(b.bn2));
    all.push(b.conv1, b.bn1.scale, b.bn1.offset, b.bn1.mean, b.bn1.variance, b.conv2, b.bn2.scale, b.bn2.offset, b.bn2.mean, b.bn2.variance);
    if (b.shortcut !== null) {
      trainable.push(b.shortcut.conv, ...bnVars(b.shortcut.bn));
      all.push(b.shortcut.conv, b.shortcut.bn.scale, b.shortcut.bn.offset, b.shortcut.bn.mean, b.shortcut.bn.variance);
    }
  }
  trainable.push(fc.w, fc.b);
  all.push(fc.w, fc.b);

  return {
    name: 'resnet18',
    inputShape: [h, w, c],
    numClasses,
    embeddingDim,
    trainableVariables: trainable,
    embed(x: tf.Tensor, training: boolean): tf.Tensor2D {
      return tf.tidy(() => {
        let a = tf.conv2d(x.reshape([-1, h, w, c]) as tf.Tensor4D, stem as tf.Tensor4D, 1, 'same');
        a = tf.relu(batchNorm(a, stemBn, training));
        for (const b of blocks) {
          let y = tf.conv2d(a, b.conv1 as tf.Tensor4D, b.stride, 'same');
          y = tf.relu(batchNorm(y, b.bn1, training));
          y = batchNorm(tf.conv2d(y, b.conv2 as tf.Tensor4D, 1, 'same'), b.bn2, training);
          const s = b.shortcut === null ? a : batchNorm(tf.conv2d(a, b.shortcut.conv as tf.Tensor4D, b.stride, 'same'), b.shortcut.bn, training);
          a = tf.relu(y.add(s)) as tf.Tensor4D;
        }
        return tf.mean(a, [1, 2]) as tf.Tensor2D;
      });
    },
    logits(z: tf.Tensor2D): tf.Tensor2D {
      return tf.fused.matMul({ a: z, b: fc.w as tf.Tensor2D, bias: fc.b }) as tf.Tensor2D;
    },
    head(): LinearHead {
      return readHead(fc.w, fc.b);
    },
    parameterCount: () => countParameters(trainable),
    dispose(): void {
      for (const v of all) v.dispose();
    },
  };
}
