import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend.ts';
import { createNetwork } from '../../src/models/createNetwork.ts';
import { fitNetwork, trainingStepKind } from '../../src/training/fitNetwork.ts';
import { createDenseMlpStep } from '../../src/training/denseMlpStep.ts';
import { Random } from '../../src/random.ts';

/** Rows whose class is a function of two features, so training has something to learn. */
function toyRows(n: number, F: number, C: number, seed: string) {
  const rng = new Random(seed);
  const x = Float32Array.from({ length: n * F }, () => rng.int(16));
  const y = Int32Array.from({ length: n }, (_, i) => (x[i * F]! + 2 * x[i * F + 1]!) % C);
  return { x, y };
}

test('the MLP trains on the dense kernels on wasm, through the tape elsewhere', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  const mlp = createNetwork({ model: 'mlp', inputShape: [4], numClasses: 3, hiddenUnits: 8, seed: 0 });
  const lenet = createNetwork({ model: 'lenet', inputShape: [28, 28, 1], numClasses: 10, seed: 0 });
  assert.equal(trainingStepKind(mlp), 'dense');
  assert.equal(trainingStepKind(lenet), 'tape');
  await initBackend({ backend: 'cpu', log: () => {} });
  assert.equal(trainingStepKind(mlp), 'tape');
  mlp.dispose();
  lenet.dispose();
  await assert.rejects(createDenseMlpStep(lenet, 1e-3, 4), /'lenet' is not a two-layer perceptron/);
});

// H = 12 and C = 3 are padded to 16 and 8 inside the dense step; 10 rows in batches of 4 end with a batch of 2.
for (const [F, H, C, n, batch, epochs] of [[5, 12, 3, 10, 4, 3], [16, 64, 26, 300, 64, 4]] as const) {
  test(`dense step and tape step give the same training (F ${F}, H ${H}, C ${C}, ${n} rows, batch ${batch}, ${epochs} epochs)`, async () => {
    await initBackend({ backend: 'wasm', log: () => {} });
    const { x, y } = toyRows(n, F, C, `${F}-${H}`);
    const options = { epochs, batchSize: batch, learningRate: 1e-3 } as const;
    const run = async (kind: 'tape' | 'dense') => {
      const net = createNetwork({ model: 'mlp', inputShape: [F], numClasses: C, hiddenUnits: H, seed: 7 });
      const before = tf.memory().numTensors;
      const report = await fitNetwork(net, x, y, options, new Random('order'), undefined, kind);
      const weights = net.trainableVariables.map((v) => Array.from(v.dataSync()));
      const probs = tf.tidy(() => Array.from(tf.softmax(net.logits(net.embed(tf.tensor2d(x, [n, F]), false))).dataSync()));
      assert.equal(tf.memory().numTensors, before, `${kind}: no tensor left behind`);
      net.dispose();
      return { report, weights, probs };
    };
    const tape = await run('tape');
    const dense = await run('dense');
    assert.equal(dense.report.step, 'dense');
    assert.equal(tape.report.step, 'tape');
    assert.equal(dense.report.epochsRun, tape.report.epochsRun);
    assert.ok(Math.abs(dense.report.finalLoss - tape.report.finalLoss) < 1e-4, `loss ${dense.report.finalLoss} vs ${tape.report.finalLoss}`);
    for (const [i, w] of tape.weights.entries()) {
      let d = 0;
      for (let j = 0; j < w.length; j++) d = Math.max(d, Math.abs(w[j]! - dense.weights[i]![j]!));
      assert.ok(d < 1e-4, `variable ${i}: max |Δ| ${d}`);
    }
    let dp = 0;
    for (let j = 0; j < tape.probs.length; j++) dp = Math.max(dp, Math.abs(tape.probs[j]! - dense.probs[j]!));
    assert.ok(dp < 1e-4, `probabilities: max |Δ| ${dp}`);
  });
}

test('dense training is deterministic and learns', async () => {
  await initBackend({ backend: 'wasm', log: () => {} });
  // Quadrants of the first two features: separable by the hidden layer.
  const { x } = toyRows(512, 6, 4, 'learn');
  const y = Int32Array.from({ length: 512 }, (_, i) => (x[i * 6]! > 7 ? 0 : 2) + (x[i * 6 + 1]! > 7 ? 0 : 1));
  const fit = async () => {
    const net = createNetwork({ model: 'mlp', inputShape: [6], numClasses: 4, hiddenUnits: 32, seed: 3 });
    const report = await fitNetwork(net, x, y, { epochs: 30, batchSize: 32, learningRate: 1e-2 }, new Random('order'));
    const w = Array.from(net.trainableVariables[0]!.dataSync());
    net.dispose();
    return { report, w };
  };
  const a = await fit();
  const b = await fit();
  assert.deepEqual(a.w, b.w);
  assert.equal(a.report.finalLoss, b.report.finalLoss);
  assert.ok(a.report.finalAccuracy > 0.9, `training accuracy ${a.report.finalAccuracy}`);
});
