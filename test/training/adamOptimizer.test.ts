import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend.ts';
import { AdamOptimizer } from '../../src/training/adamOptimizer.ts';
import { crossEntropyOnHost, softmaxCrossEntropy, softmaxCrossEntropyGradient } from '../../src/training/softmaxCrossEntropy.ts';
import { Random } from '../../src/random.ts';

/** float32 arithmetic in a different order (fused JS loop in float64 vs tf ops in float32). */
const TOLERANCE = 2e-5;

/** Slow obvious Adam in float64, PyTorch's formula (bias-corrected, ε after the square root). */
function adamReference(theta: number[], gradsPerStep: number[][], lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): number[] {
  const t = theta.slice();
  const m = theta.map(() => 0);
  const v = theta.map(() => 0);
  gradsPerStep.forEach((g, s) => {
    const step = s + 1;
    for (let i = 0; i < t.length; i++) {
      m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
      v[i] = b2 * v[i]! + (1 - b2) * g[i]! * g[i]!;
      const mHat = m[i]! / (1 - b1 ** step);
      const vHat = v[i]! / (1 - b2 ** step);
      t[i] = t[i]! - (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  });
  return t;
}

for (const backend of ['wasm', 'cpu'] as const) {
  test(`AdamOptimizer matches the reference formula over 5 steps (${backend})`, async () => {
    await initBackend({ backend, log: () => {} });
    const rng = new Random(backend);
    const theta0 = Array.from({ length: 12 }, () => rng.normal());
    const grads = Array.from({ length: 5 }, () => Array.from({ length: 12 }, () => rng.normal() * 0.1));
    const before = tf.memory().numTensors;
    const variable = tf.tidy(() => tf.variable(tf.tensor(theta0, [3, 4])));
    const opt = new AdamOptimizer({ learningRate: 0.01 });
    for (const g of grads) {
      const gt = tf.tensor(g, [3, 4]);
      opt.apply([variable], [gt]);
      gt.dispose();
    }
    const got = variable.dataSync();
    const want = adamReference(theta0, grads, 0.01);
    for (let i = 0; i < want.length; i++) assert.ok(Math.abs(got[i]! - want[i]!) < TOLERANCE, `θ[${i}] = ${got[i]}, reference ${want[i]}`);
    opt.dispose();
    variable.dispose();
    assert.equal(tf.memory().numTensors, before, 'no tensor leaks');
  });
}

test('AdamOptimizer: the updated weights are used by the next product (no stale cached operator on wasm)', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  const w = tf.variable(tf.tensor2d([[1, 2], [3, 4]]));
  const x = tf.tensor2d([[1, 1]]);
  const y0 = tf.matMul(x, w).dataSync();
  const opt = new AdamOptimizer({ learningRate: 0.5 });
  const g = tf.ones([2, 2]);
  opt.apply([w], [g]);
  const y1 = tf.matMul(x, w).dataSync();
  assert.deepEqual(Array.from(y1), [Array.from(y0)[0]! - 1, Array.from(y0)[1]! - 1]);
  tf.dispose([w, x, g]);
  opt.dispose();
});

test('AdamOptimizer rejects bad settings naming the field and bound', () => {
  assert.throws(() => new AdamOptimizer({ learningRate: 0 }), /AdamOptimizer: learningRate must be in \(0, 1\), got 0/);
  assert.throws(() => new AdamOptimizer({ learningRate: 0.1, beta2: 1 }), /beta2 must be in \[0, 1\), got 1/);
});

test('softmaxCrossEntropy: value and gradient equal tf.losses.softmaxCrossEntropy', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  const rng = new Random('xent');
  const logits = tf.tensor2d(Array.from({ length: 15 }, () => rng.normal() * 3), [5, 3]);
  const onehot = tf.oneHot(tf.tensor1d([0, 2, 1, 1, 0], 'int32'), 3).cast('float32') as tf.Tensor2D;
  const ours = tf.valueAndGrad((l: tf.Tensor) => softmaxCrossEntropy(l as tf.Tensor2D, onehot));
  const theirs = tf.valueAndGrad((l: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, l) as tf.Scalar);
  const a = ours(logits);
  const b = theirs(logits);
  assert.ok(Math.abs(a.value.dataSync()[0]! - b.value.dataSync()[0]!) < 1e-6);
  const ga = a.grad.dataSync();
  const gb = b.grad.dataSync();
  for (let i = 0; i < ga.length; i++) assert.ok(Math.abs(ga[i]! - gb[i]!) < 1e-6, `grad ${i}: ${ga[i]} vs ${gb[i]}`);
  tf.dispose([logits, onehot, a.value, a.grad, b.value, b.grad]);
});

test('crossEntropyOnHost: loss and correct count equal the device computation', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  const rng = new Random('host');
  const m = 7;
  const C = 4;
  const logits = Float32Array.from({ length: m * C }, () => rng.normal() * 5);
  const labels = Int32Array.from({ length: m }, () => rng.int(C));
  const host = crossEntropyOnHost(logits, labels, m, C);
  const l = tf.tensor2d(logits, [m, C]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), C).cast('float32') as tf.Tensor2D;
  const device = tf.losses.softmaxCrossEntropy(y, l).dataSync()[0]!;
  const correct = tf.argMax(l, 1).equal(tf.tensor1d(labels, 'int32')).sum().dataSync()[0]!;
  assert.ok(Math.abs(host.loss - device) < 1e-5, `${host.loss} vs ${device}`);
  assert.equal(host.correct, correct);
  // The gradient-only op: its value is the host loss, its gradient the cross-entropy gradient.
  const hostGrad = new Float32Array(m * C);
  crossEntropyOnHost(logits, labels, m, C, hostGrad);
  const g1 = tf.grad((t: tf.Tensor) => softmaxCrossEntropyGradient(t as tf.Tensor2D, host.loss, hostGrad))(l).dataSync();
  const g2 = tf.grad((t: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, t) as tf.Scalar)(l).dataSync();
  for (let i = 0; i < g1.length; i++) assert.ok(Math.abs(g1[i]! - g2[i]!) < 1e-6);
  tf.dispose([l, y]);
});
