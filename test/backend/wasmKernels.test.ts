import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend.ts';
import { registerWasmKernels } from '../../src/backend/wasm/registerWasmKernels.ts';
import { Random } from '../../src/random.ts';

/** float32 sums of up to a few thousand products in a different order: relative error well under 1e-4. */
const TOLERANCE = 1e-4;

function randomArray(n: number, rng: Random): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniformIn(-1, 1);
  return a;
}

/** Runs `f` on the named backend and returns its outputs as plain arrays. */
async function on(backend: string, f: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const outs = tf.tidy(f);
  const vals = outs.map((t) => t.dataSync() as Float32Array);
  tf.dispose(outs);
  return vals;
}

function assertClose(actual: Float32Array, expected: Float32Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let scale = 1e-6;
  for (const v of expected) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i]! - expected[i]!) / scale;
    if (!(err <= TOLERANCE)) assert.fail(`${what}: element ${i} is ${actual[i]}, cpu gives ${expected[i]} (relative error ${err})`);
  }
}

test('initBackend wasm registers the training kernels', async () => {
  const info = await initBackend({ backend: 'wasm', log: () => {} });
  assert.equal(info.name, 'wasm');
  assert.notEqual(tf.getKernel('Conv2DBackpropFilter', 'wasm'), undefined);
  assert.deepEqual(registerWasmKernels(), [], 'a second registration registers nothing');
});

type ConvCase = { x: [number, number, number, number]; f: [number, number, number, number]; s: number; pad: 'valid' | 'same' };
const CONV_CASES: ConvCase[] = [
  { x: [2, 28, 28, 1], f: [5, 5, 1, 6], s: 1, pad: 'valid' }, // LeNet conv1 (MNIST)
  { x: [3, 12, 12, 6], f: [5, 5, 6, 16], s: 1, pad: 'valid' }, // LeNet conv2
  { x: [2, 32, 32, 3], f: [5, 5, 3, 6], s: 1, pad: 'valid' }, // LeNet conv1 (colour)
  { x: [2, 8, 8, 4], f: [3, 3, 4, 5], s: 1, pad: 'same' }, // ResNet 3×3
  { x: [2, 8, 8, 4], f: [3, 3, 4, 5], s: 2, pad: 'same' }, // ResNet downsampling 3×3
  { x: [2, 8, 8, 4], f: [1, 1, 4, 6], s: 2, pad: 'same' }, // ResNet shortcut 1×1, stride 2 (cropped input)
  { x: [1, 9, 7, 2], f: [3, 2, 2, 3], s: 2, pad: 'valid' }, // odd sizes, non-square filter
  { x: [2, 7, 9, 3], f: [3, 3, 3, 2], s: 3, pad: 'same' },
  // Wide inputs (more than 8 channels): Conv2DBackpropInput takes the conv route, not the columns route.
  { x: [2, 8, 8, 12], f: [3, 3, 12, 5], s: 1, pad: 'same' },
  { x: [2, 9, 9, 10], f: [3, 3, 10, 4], s: 2, pad: 'valid' },
];

for (const c of CONV_CASES) {
  test(`Conv2DBackpropFilter and Conv2DBackpropInput match cpu: x ${c.x.join('×')}, filter ${c.f.join('×')}, stride ${c.s}, ${c.pad}`, async () => {
    const rng = new Random(`conv-${c.x}-${c.f}-${c.s}-${c.pad}`);
    const xv = randomArray(c.x.reduce((a, b) => a * b), rng);
    const fv = randomArray(c.f.reduce((a, b) => a * b), rng);
    const run = () => {
      const x = tf.tensor4d(xv, c.x);
      const f = tf.tensor4d(fv, c.f);
      const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.s, c.pad).square().sum());
      return g([x, f]);
    };
    const expected = await on('cpu', run);
    await initBackend({ backend: 'wasm', log: () => {} });
    const before = tf.memory().numTensors;
    const actual = await on('wasm', run);
    assert.equal(tf.memory().numTensors, before, 'no tensor leaks');
    assertClose(actual[0]!, expected[0]!, 'dx');
    assertClose(actual[1]!, expected[1]!, 'dFilter');
  });
}

type MatCase = { a: number[]; b: number[]; ta: boolean; tb: boolean };
const MAT_CASES: MatCase[] = [
  { a: [64, 84], b: [84, 10], ta: false, tb: false },
  { a: [64, 10], b: [84, 10], ta: false, tb: true }, // dense backward: dy · Wᵀ
  { a: [64, 84], b: [64, 10], ta: true, tb: false }, // dense backward: xᵀ · dy
  { a: [7, 5], b: [3, 7], ta: true, tb: true },
  { a: [3, 4, 6], b: [3, 4, 5], ta: true, tb: false }, // batched
  { a: [2, 5, 4], b: [1, 6, 4], ta: false, tb: true }, // batched with broadcast
  { a: [1, 9], b: [1, 9], ta: true, tb: false }, // size-one axes (no-op transpose path)
];

for (const c of MAT_CASES) {
  test(`BatchMatMul matches cpu: a ${c.a.join('×')}${c.ta ? 'ᵀ' : ''}, b ${c.b.join('×')}${c.tb ? 'ᵀ' : ''}`, async () => {
    const rng = new Random(`mm-${c.a}-${c.b}-${c.ta}-${c.tb}`);
    const av = randomArray(c.a.reduce((x, y) => x * y), rng);
    const bv = randomArray(c.b.reduce((x, y) => x * y), rng);
    const run = () => [tf.matMul(tf.tensor(av, c.a), tf.tensor(bv, c.b), c.ta, c.tb)];
    const expected = await on('cpu', run);
    await initBackend({ backend: 'wasm', log: () => {} });
    const before = tf.memory().numTensors;
    const actual = await on('wasm', run);
    assert.equal(tf.memory().numTensors, before, 'no tensor leaks');
    assertClose(actual[0]!, expected[0]!, 'product');
  });
}

type PoolCase = { x: [number, number, number, number]; k: [number, number]; s: [number, number]; pad: 'valid' | 'same' };
const POOL_CASES: PoolCase[] = [
  { x: [4, 24, 24, 6], k: [2, 2], s: [2, 2], pad: 'valid' }, // LeNet pool 1
  { x: [3, 8, 8, 16], k: [2, 2], s: [2, 2], pad: 'valid' }, // LeNet pool 2
  { x: [2, 9, 7, 3], k: [3, 3], s: [2, 2], pad: 'same' }, // padding never wins
  { x: [2, 6, 6, 2], k: [3, 3], s: [1, 1], pad: 'same' }, // overlapping windows accumulate
  { x: [1, 7, 9, 4], k: [2, 3], s: [1, 2], pad: 'valid' },
  { x: [2, 9, 9, 3], k: [2, 2], s: [2, 2], pad: 'valid' }, // 2×2 but a leftover row and column (general path)
];

for (const c of POOL_CASES) {
  test(`MaxPoolGrad matches cpu: x ${c.x.join('×')}, window ${c.k.join('×')}, stride ${c.s.join('×')}, ${c.pad}`, async () => {
    const rng = new Random(`pool-${c.x}-${c.k}-${c.s}-${c.pad}`);
    const xv = randomArray(c.x.reduce((a, b) => a * b), rng);
    const run = () => {
      const g = tf.grads((a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, c.k, c.s, c.pad).square().sum());
      return g([tf.tensor4d(xv, c.x)]);
    };
    const expected = await on('cpu', run);
    await initBackend({ backend: 'wasm', log: () => {} });
    const before = tf.memory().numTensors;
    const actual = await on('wasm', run);
    assert.equal(tf.memory().numTensors, before, 'no tensor leaks');
    assertClose(actual[0]!, expected[0]!, 'dx');
  });
}

test('MaxPoolGrad routes to the first maximum on ties, as the cpu backend (2×2 fast path and general path)', async () => {
  for (const shape of [[2, 8, 8, 3], [1, 7, 7, 2]] as Array<[number, number, number, number]>) {
    const rng = new Random(`ties-${shape}`);
    const xv = Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => rng.int(2)); // many equal values
    const run = () => tf.grads((a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid').mul(tf.scalar(3)).sum())([tf.tensor4d(xv, shape)]);
    const expected = await on('cpu', run);
    await initBackend({ backend: 'wasm', log: () => {} });
    const actual = await on('wasm', run);
    assert.deepEqual(Array.from(actual[0]!), Array.from(expected[0]!), `x ${shape.join('×')}`);
  }
});

test('BatchMatMul with mismatched inner sizes still throws', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  assert.throws(() => tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([4, 2]), true, false)), /inner shapes/);
});

test('Identity shares the buffer: a clone survives disposal of its source, no data leaks', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  const backend = tf.backend() as unknown as { numDataIds(): number };
  const ids = backend.numDataIds();
  const tensors = tf.memory().numTensors;
  const a = tf.tensor([1, 2, 3]);
  const b = tf.clone(a);
  assert.equal(backend.numDataIds(), ids + 1, 'one buffer for both');
  a.dispose();
  assert.deepEqual(Array.from(b.dataSync()), [1, 2, 3]);
  b.dispose();
  assert.equal(backend.numDataIds(), ids);
  assert.equal(tf.memory().numTensors, tensors);
});
