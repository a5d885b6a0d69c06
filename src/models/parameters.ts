/**
 * Seeded weight initialisation shared by the models. Values come from `src/random.ts`, not from tfjs's
 * random ops, so the same seed gives bit-identical initial weights on every backend.
 *
 * Scheme: PyTorch's defaults, which the paper's code relies on (torch.nn.Linear / Conv2d
 * `reset_parameters`: kaiming_uniform with a = √5, i.e. U(−1/√fan_in, 1/√fan_in) for weights and biases),
 * so training dynamics match the reference implementation. fan_in = inputs per output unit
 * (kh·kw·c_in for a convolution).
 */
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../random.ts';

/** A tfjs variable with values U(−bound, bound) drawn from `random`. O(size). */
export function uniformVariable(shape: readonly number[], bound: number, random: Random): tf.Variable {
  const size = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(size);
  for (let i = 0; i < size; i++) v[i] = (random.uniform() * 2 - 1) * bound;
  return tf.tidy(() => tf.variable(tf.tensor(v, shape.slice()), true));
}

/** A variable filled with a constant (BatchNorm scale 1 / offset 0, running statistics). */
export function constantVariable(shape: readonly number[], value: number, trainable: boolean): tf.Variable {
  return tf.tidy(() => tf.variable(tf.fill(shape.slice(), value), trainable));
}

/** Dense layer parameters: W [fanIn, units], b [units], PyTorch default init. */
export function denseParameters(fanIn: number, units: number, random: Random): { w: tf.Variable; b: tf.Variable } {
  const bound = 1 / Math.sqrt(fanIn);
  return { w: uniformVariable([fanIn, units], bound, random.fork('w')), b: uniformVariable([units], bound, random.fork('b')) };
}

/** Conv parameters: filter [k, k, cIn, cOut] (tfjs layout), optional bias [cOut], PyTorch default init. */
export function convParameters(
  k: number,
  cIn: number,
  cOut: number,
  random: Random,
  withBias: boolean,
): { w: tf.Variable; b: tf.Variable | null } {
  const bound = 1 / Math.sqrt(k * k * cIn);
  return {
    w: uniformVariable([k, k, cIn, cOut], bound, random.fork('w')),
    b: withBias ? uniformVariable([cOut], bound, random.fork('b')) : null,
  };
}

/** Copies a dense head (W [D, C], b [C]) into plain arrays. */
export function readHead(w: tf.Variable, b: tf.Variable): { weights: Float32Array; bias: Float32Array; inputDim: number; numClasses: number } {
  const [inputDim, numClasses] = w.shape as [number, number];
  return { weights: new Float32Array(w.dataSync()), bias: new Float32Array(b.dataSync()), inputDim, numClasses };
}

/** Total element count of the variables. */
export function countParameters(vars: readonly tf.Variable[]): number {
  return vars.reduce((s, v) => s + v.size, 0);
}
