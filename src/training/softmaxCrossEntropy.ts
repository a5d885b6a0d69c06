/**
 * Mean softmax cross-entropy of logits [m, C] against one-hot targets [m, C], with the closed-form
 * gradient (softmax(logits) − onehot) / m (a tf.customGrad). Same value as
 * tf.losses.softmaxCrossEntropy with mean reduction, in far fewer kernels (that op's weighting and
 * reduction machinery costs ~10 extra kernels per step, which matters for small models).
 * Numerically stable: log Σ exp is taken after subtracting the row maximum (tf.logSumExp).
 */
import * as tf from '@tensorflow/tfjs';

type CustomGradFunc = Parameters<typeof tf.customGrad>[0];

function crossEntropyWithGrad(logits: tf.Tensor, onehot: tf.Tensor, save: tf.GradSaveFunc) {
  const m = logits.shape[0]!;
  const lse = tf.logSumExp(logits, 1);
  const value = tf.sub(lse.sum(), tf.mul(onehot, logits).sum()).div(m);
  save([logits, onehot]);
  return {
    value: value as tf.Scalar,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [l, y] = saved as [tf.Tensor, tf.Tensor];
      const g = tf.sub(tf.softmax(l), y).mul(dy.div(m));
      return [g, tf.zerosLike(y)];
    },
  };
}

export const softmaxCrossEntropy = tf.customGrad(crossEntropyWithGrad as unknown as CustomGradFunc) as unknown as (
  logits: tf.Tensor2D,
  onehot: tf.Tensor2D,
) => tf.Scalar;
