import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend.ts';
import { Clue } from '../../src/acquisition/clue.ts';
import { KCenterGreedy } from '../../src/acquisition/kCenterGreedy.ts';
import { crossDot } from '../../src/acquisition/kernels/crossDot.ts';
import { fastCrossProduct, tfCrossProduct } from '../../src/training/tfCrossProduct.ts';
import { Random } from '../../src/random.ts';
import { randomMatrix, syntheticPool } from '../acquisition/helpers.ts';

test('tfCrossProduct (wasm): A·Bᵀ within float32 rounding of crossDot, no tensor left behind', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  assert.ok(fastCrossProduct() !== undefined, 'wasm offers the fast product');
  const rng = new Random(31);
  const before = tf.memory().numTensors;
  for (const [m, n, d] of [
    [1, 1, 1],
    [37, 23, 129],
    [256, 300, 64],
  ] as const) {
    const a = randomMatrix(rng, m, d);
    const b = randomMatrix(rng, n, d);
    const op = tfCrossProduct().rightOperand(b, n, d);
    const got = op.product(a, m);
    const again = op.product(a, m);
    op.dispose();
    const ref = crossDot(a, 0, m, b, 0, n, d, new Float64Array(m * n));
    assert.equal(got.length, m * n);
    for (let k = 0; k < m * n; k++) assert.ok(Math.abs(got[k]! - ref[k]!) <= 1e-5 * d, `m=${m} n=${n} d=${d} entry ${k}: ${got[k]} vs ${ref[k]}`);
    assert.deepEqual(again, got, 'the same product twice gives the same bits');
    assert.throws(() => op.product(a, m), /tfCrossProduct: product\(\) after dispose\(\)/);
  }
  assert.equal(tf.memory().numTensors, before);
  assert.throws(() => tfCrossProduct().rightOperand(new Float32Array(3), 2, 2), /tfCrossProduct: right operand has length 3, expected n × d = 4/);
});

test('KCenterGreedy and CLUE pick the same on the wasm product as on the pure-TS kernel', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  const before = tf.memory().numTensors;
  const pool = syntheticPool(5, 500, 6, 70, 150);
  for (const s of [new KCenterGreedy(), new Clue()]) {
    const plain = s.select(pool, 40, { random: new Random(2) });
    const fast = s.select(pool, 40, { random: new Random(2), crossProduct: tfCrossProduct() });
    assert.deepEqual(Array.from(fast.indices), Array.from(plain.indices), s.name);
  }
  assert.equal(tf.memory().numTensors, before);
});
