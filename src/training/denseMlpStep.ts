/**
 * The MLP's training step on falcun-lab's dense kernels (backend/wasm/dense): the two-layer perceptron
 * (F → H, ReLU, → C) trained on a copy of its weights in the kernels' own memory, with no tfjs call per
 * step; `finish()` writes the weights back into the network's variables.
 *
 * Per batch of m rows (H and C padded to multiples of 8 with zero weights, which stay zero: their
 * activations and gradients are 0, and Adam moves a parameter only where its gradient is non-zero):
 *   A  = ReLU(X·W1 + b1)                      forward, hidden layer (the embedding)
 *   Z  = A·W2 + b2                            logits; loss and dZ = (softmax − onehot) / m on the host
 *   dW2 = Aᵀ·dZ,  db2 = Σ dZ                  output layer's gradients
 *   dA = (dZ·W2ᵀ) ⊙ [A > 0]                   back through the ReLU
 *   dW1 = Xᵀ·dA,  db1 = Σ dA                  hidden layer's gradients
 *   Adam over all parameters at once (one contiguous block)
 * The same gradient and update as the tape step (tapeStep.ts), in a different float32 summation order.
 * Cost per step: 6·m·(F·H + H·C) FLOP in five products, O(parameters) for Adam.
 */
import * as tf from '@tensorflow/tfjs';
import { DenseKernels, GEMM_RELU, GEMM_RELU_MASK } from '../backend/wasm/dense/denseKernels.ts';
import type { ClassifierNetwork } from '../models/classifierNetwork.ts';
import { ADAM_DEFAULTS } from './adamOptimizer.ts';
import { crossEntropyOnHost } from './softmaxCrossEntropy.ts';
import type { TrainingStep } from './trainingStep.ts';

const pad8 = (n: number) => Math.ceil(n / 8) * 8;

/** The MLP's sizes when `net` is one this step can train (fc1 weight F × H, bias H, fc2 weight H × C, bias C), else undefined. */
export function denseMlpShape(net: ClassifierNetwork): { F: number; H: number; C: number } | undefined {
  if (net.name !== 'mlp') return undefined;
  const [w1, b1, w2, b2] = net.trainableVariables;
  if (net.trainableVariables.length !== 4 || !w1 || !b1 || !w2 || !b2) return undefined;
  const [F, H] = w1.shape;
  const [H2, C] = w2.shape;
  if (w1.rank !== 2 || w2.rank !== 2 || b1.rank !== 1 || b2.rank !== 1) return undefined;
  if (H2 !== H || b1.shape[0] !== H || b2.shape[0] !== C || C !== net.numClasses) return undefined;
  return { F: F!, H: H!, C: C! };
}

/** Builds the step for an MLP (see denseMlpShape); throws TypeError when `net` is not one. */
export async function createDenseMlpStep(net: ClassifierNetwork, learningRate: number, batchSize: number): Promise<TrainingStep> {
  const shape = denseMlpShape(net);
  if (shape === undefined) throw new TypeError(`createDenseMlpStep: '${net.name}' is not a two-layer perceptron (F × H, H, H × C, C variables)`);
  if (!(learningRate > 0 && learningRate < 1)) throw new RangeError(`createDenseMlpStep: learningRate must be in (0, 1), got ${learningRate}`);
  const { F, H, C } = shape;
  const Hp = pad8(H);
  const Cp = pad8(C);
  const B = batchSize;
  const k = await DenseKernels.create();
  // Parameters, gradients and both Adam moments in the same layout: [W1 | b1 | W2 | b2].
  const sizes = [F * Hp, Hp, Hp * Cp, Cp] as const;
  const P = sizes.reduce((a, b) => a + b, 0);
  const params = k.alloc(P);
  const grads = k.alloc(P);
  const mom = k.alloc(P);
  const vel = k.alloc(P);
  const W1 = params;
  const b1 = W1 + sizes[0];
  const W2 = b1 + sizes[1];
  const b2 = W2 + sizes[2];
  const dW1 = grads;
  const db1 = dW1 + sizes[0];
  const dW2 = db1 + sizes[1];
  const db2 = dW2 + sizes[2];
  const W2T = k.alloc(Cp * Hp);
  const X = k.alloc(B * F);
  const A = k.alloc(B * Hp);
  const Z = k.alloc(B * Cp);
  const dZ = k.alloc(B * Cp);
  const dA = k.alloc(B * Hp);
  const logits = new Float32Array(B * C);
  const gradient = new Float32Array(B * C);

  // Weights in, padded: row r of an (rows × cols) tensor goes to r·stride.
  const vars = net.trainableVariables as tf.Variable[];
  const place = (at: number, values: Float32Array, rows: number, cols: number, stride: number) => {
    const f = k.f32;
    for (let r = 0; r < rows; r++) f.set(values.subarray(r * cols, (r + 1) * cols), at + r * stride);
  };
  place(W1, vars[0]!.dataSync() as Float32Array, F, H, Hp);
  place(b1, vars[1]!.dataSync() as Float32Array, 1, H, Hp);
  place(W2, vars[2]!.dataSync() as Float32Array, H, C, Cp);
  place(b2, vars[3]!.dataSync() as Float32Array, 1, C, Cp);

  let t = 0;
  return {
    step(x, y, m) {
      if (m < 1 || m > B) throw new RangeError(`denseMlpStep: batch of ${m} rows, expected 1..${B}`);
      const f = k.f32;
      f.set(x.subarray(0, m * F), X);
      k.gemm(X, F, 1, W1, A, b1, 0, m, F, Hp, GEMM_RELU);
      k.gemm(A, Hp, 1, W2, Z, b2, 0, m, Hp, Cp, 0);
      for (let i = 0; i < m; i++) logits.set(f.subarray(Z + i * Cp, Z + i * Cp + C), i * C);
      const result = crossEntropyOnHost(logits, y, m, C, gradient);
      for (let i = 0; i < m; i++) f.set(gradient.subarray(i * C, (i + 1) * C), dZ + i * Cp); // padding columns stay 0
      k.gemm(A, 1, Hp, dZ, dW2, 0, 0, Hp, m, Cp, 0);
      k.colSums(dZ, m, Cp, db2);
      k.transpose(W2, Hp, Cp, W2T);
      k.gemm(dZ, Cp, 1, W2T, dA, 0, A, m, Cp, Hp, GEMM_RELU_MASK);
      k.gemm(X, 1, F, dA, dW1, 0, 0, F, m, Hp, 0);
      k.colSums(dA, m, Hp, db1);
      t++;
      const { beta1, beta2, epsilon } = ADAM_DEFAULTS;
      k.adam(params, grads, mom, vel, P, {
        beta1, beta2, epsilon,
        stepSize: learningRate / (1 - Math.pow(beta1, t)),
        invC2: 1 / (1 - Math.pow(beta2, t)),
      });
      return result;
    },
    finish() {
      const f = k.f32;
      const take = (at: number, rows: number, cols: number, stride: number) => {
        const out = new Float32Array(rows * cols);
        for (let r = 0; r < rows; r++) out.set(f.subarray(at + r * stride, at + r * stride + cols), r * cols);
        return out;
      };
      const values = [take(W1, F, H, Hp), take(b1, 1, H, Hp), take(W2, H, C, Cp), take(b2, 1, C, Cp)];
      for (const [i, v] of vars.entries()) {
        const updated = tf.tensor(values[i]!, v.shape, 'float32');
        v.assign(updated);
        updated.dispose();
      }
    },
    dispose() {},
  };
}
