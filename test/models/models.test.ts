import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend.ts';
import { createNetwork } from '../../src/models/createNetwork.ts';
import { createLeNet } from '../../src/models/lenet.ts';
import { createMlp } from '../../src/models/mlp.ts';
import { createResNet18 } from '../../src/models/resnet18.ts';
import { Random } from '../../src/random.ts';

await initBackend({ backend: 'wasm', log: () => {} });

function randomRows(n: number, f: number, seed: number): Float32Array {
  const r = new Random(seed);
  return Float32Array.from({ length: n * f }, () => r.normal());
}

/** Slow obvious softmax(z·W + b) from the head's plain arrays. */
function probsFromHead(z: Float32Array, n: number, head: { weights: Float32Array; bias: Float32Array; inputDim: number; numClasses: number }): Float64Array {
  const { inputDim: D, numClasses: C } = head;
  const out = new Float64Array(n * C);
  for (let i = 0; i < n; i++) {
    const logits = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      let s = head.bias[c]!;
      for (let d = 0; d < D; d++) s += z[i * D + d]! * head.weights[d * C + c]!;
      logits[c] = s;
    }
    const mx = Math.max(...logits);
    let sum = 0;
    for (let c = 0; c < C; c++) sum += (out[i * C + c] = Math.exp(logits[c]! - mx));
    for (let c = 0; c < C; c++) out[i * C + c]! /= sum;
  }
  return out;
}

const CASES = [
  { name: 'lenet 28×28×1, 10 classes', make: (seed: number) => createLeNet({ inputShape: [28, 28, 1], numClasses: 10, seed }), params: 44426, d: 84 },
  { name: 'lenet 32×32×3, 7 classes', make: (seed: number) => createLeNet({ inputShape: [32, 32, 3], numClasses: 7, seed }), params: -1, d: 84 },
  { name: 'mlp 11 → 1024 → 5', make: (seed: number) => createMlp({ inputShape: [11], numClasses: 5, seed }), params: 11 * 1024 + 1024 + 1024 * 5 + 5, d: 1024 },
  { name: 'mlp 16 → 32 → 26', make: (seed: number) => createMlp({ inputShape: [16], numClasses: 26, hiddenUnits: 32, seed }), params: 16 * 32 + 32 + 32 * 26 + 26, d: 32 },
  { name: 'resnet18 width 8, 32×32×3, 8 classes', make: (seed: number) => createResNet18({ inputShape: [32, 32, 3], numClasses: 8, baseWidth: 8, seed }), params: -1, d: 64 },
];

for (const c of CASES) {
  test(`${c.name}: embedding and head reproduce the probabilities; seeded weights`, () => {
    const before = tf.memory().numTensors;
    const net = c.make(3);
    assert.equal(net.embeddingDim, c.d);
    if (c.params > 0) assert.equal(net.parameterCount(), c.params);
    const f = net.inputShape.reduce((a, b) => a * b, 1);
    const n = 3;
    const x = randomRows(n, f, 9);
    const [z, p] = tf.tidy(() => {
      const xt = tf.tensor(x, [n, ...net.inputShape]);
      const zt = net.embed(xt, false);
      return [zt.dataSync() as Float32Array, tf.softmax(net.logits(zt)).dataSync() as Float32Array];
    });
    assert.equal(z.length, n * c.d);
    const expected = probsFromHead(z, n, net.head());
    for (let i = 0; i < p.length; i++) assert.ok(Math.abs(p[i]! - expected[i]!) < 1e-5, `prob ${i}: ${p[i]} vs ${expected[i]}`);
    // Same seed → same weights; another seed → different weights.
    const again = c.make(3);
    const other = c.make(4);
    const w = net.trainableVariables.map((v) => Array.from(v.dataSync()));
    assert.deepEqual(again.trainableVariables.map((v) => Array.from(v.dataSync())), w);
    assert.notDeepEqual(other.trainableVariables.map((v) => Array.from(v.dataSync())), w);
    net.dispose();
    again.dispose();
    other.dispose();
    assert.equal(tf.memory().numTensors, before, 'dispose frees every variable');
  });
}

test('lenet 32×32×3 flattens 16·5·5 = 400 features into its first dense layer', () => {
  const net = createLeNet({ inputShape: [32, 32, 3], numClasses: 7, seed: 0 });
  const shapes = net.trainableVariables.map((v) => v.shape.join('×'));
  assert.deepEqual(shapes, ['5×5×3×6', '6', '5×5×6×16', '16', '400×120', '120', '120×84', '84', '84×7', '7']);
  net.dispose();
});

test('lenet: training-mode and inference-mode embeddings agree (no batch statistics, different kernel fusion)', () => {
  const net = createLeNet({ inputShape: [28, 28, 1], numClasses: 10, seed: 5 });
  const x = tf.tensor(randomRows(3, 784, 6), [3, 28, 28, 1]);
  const a = tf.tidy(() => net.embed(x, true).dataSync() as Float32Array);
  const b = tf.tidy(() => net.embed(x, false).dataSync() as Float32Array);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) < 1e-5, `${i}: ${a[i]} vs ${b[i]}`);
  x.dispose();
  net.dispose();
});

test('resnet18 at full width has the standard 11.2 M parameters (CIFAR stem, 10 classes)', () => {
  const net = createResNet18({ inputShape: [32, 32, 3], numClasses: 10, seed: 0 });
  assert.equal(net.embeddingDim, 512);
  // 11,173,962 trainable parameters: torchvision-style ResNet18 with a 3×3 stem and no max-pool (CIFAR variant).
  assert.equal(net.parameterCount(), 11173962);
  net.dispose();
});

test('resnet18 in training mode updates BatchNorm running statistics, inference mode does not', () => {
  const net = createResNet18({ inputShape: [8, 8, 3], numClasses: 2, baseWidth: 4, seed: 1 });
  const x = tf.tensor(randomRows(4, 8 * 8 * 3, 2), [4, 8, 8, 3]);
  const before = tf.memory().numTensors;
  const e1 = tf.tidy(() => net.embed(x, false).dataSync() as Float32Array);
  const e2 = tf.tidy(() => net.embed(x, false).dataSync() as Float32Array);
  assert.deepEqual(e2, e1, 'inference is repeatable');
  tf.tidy(() => {
    net.embed(x, true);
  });
  const e3 = tf.tidy(() => net.embed(x, false).dataSync() as Float32Array);
  assert.notDeepEqual(e3, e1, 'running statistics moved');
  assert.equal(tf.memory().numTensors, before);
  x.dispose();
  net.dispose();
});

test('model builders reject bad arguments naming the field and the bound', () => {
  assert.throws(() => createLeNet({ inputShape: [28, 28], numClasses: 10, seed: 0 }), /createLeNet: inputShape must have 3 entries, got \[28, 28\]/);
  assert.throws(() => createLeNet({ inputShape: [12, 12, 1], numClasses: 10, seed: 0 }), (e: unknown) => e instanceof RangeError && /at least 16×16 .*got 12×12/.test(e.message));
  assert.throws(() => createMlp({ inputShape: [11], numClasses: 0, seed: 0 }), (e: unknown) => e instanceof RangeError && /createMlp: numClasses must be an integer in \[1, .*got 0/.test(e.message));
  assert.throws(() => createMlp({ inputShape: [11], numClasses: 2, hiddenUnits: 1.5, seed: 0 }), /hiddenUnits must be an integer in \[1, 65536\], got 1.5/);
  assert.throws(() => createMlp({ inputShape: ['11' as unknown as number], numClasses: 2, seed: 0 }), (e: unknown) => e instanceof TypeError && /inputShape\[0\] must be a number/.test(e.message));
  assert.throws(() => createResNet18({ inputShape: [4, 4, 3], numClasses: 2, seed: 0 }), /createResNet18: inputShape must be at least 8×8 .*got 4×4/);
  assert.throws(() => createNetwork({ model: 'vgg' as never, inputShape: [3], numClasses: 2, seed: 0 }), /unknown model 'vgg'/);
});

test('lenet: training-mode gradients on wasm (custom kernels, bias after the pool) equal the cpu backend\'s', async () => {
  for (const shape of [[28, 28, 1], [32, 32, 3]]) {
    const f = shape[0]! * shape[1]! * shape[2]!;
    const x = randomRows(8, f, 11);
    const run = async (backend: 'wasm' | 'cpu') => {
      await initBackend({ backend, log: () => {} });
      const net = createLeNet({ inputShape: shape, numClasses: 10, seed: 3 });
      const before = tf.memory().numTensors;
      const grads = tf.tidy(() => {
        const xb = tf.tensor(x, [8, ...shape]);
        const { grads: g } = tf.variableGrads(() => net.logits(net.embed(xb, true)).square().sum() as tf.Scalar, net.trainableVariables as tf.Variable[]);
        return (net.trainableVariables as tf.Variable[]).map((v) => g[v.name]!);
      });
      const values = grads.map((g) => g.dataSync().slice() as Float32Array);
      tf.dispose(grads);
      assert.equal(tf.memory().numTensors, before, `${backend}: no tensor leaks`);
      net.dispose();
      return values;
    };
    const expected = await run('cpu');
    const actual = await run('wasm');
    for (let k = 0; k < expected.length; k++) {
      let scale = 1e-6;
      for (const v of expected[k]!) scale = Math.max(scale, Math.abs(v));
      for (let i = 0; i < expected[k]!.length; i++) {
        const err = Math.abs(actual[k]![i]! - expected[k]![i]!) / scale;
        if (!(err <= 1e-3)) assert.fail(`${shape.join('×')} variable ${k}: element ${i} is ${actual[k]![i]}, cpu gives ${expected[k]![i]}`);
      }
    }
  }
  await initBackend({ backend: 'wasm', log: () => {} });
});
