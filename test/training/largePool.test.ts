/**
 * The paper's largest tables (RandomRBF: 800,000 training rows) must fit in memory comfortably: inference
 * over the whole pool streams batches, so memory grows by the outputs (N × C floats, plus N × D when
 * embeddings are asked for), not by a tensor of the whole pool.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend.ts';
import { createClassifierSession } from '../../src/training/createClassifierSession.ts';
import { Random } from '../../src/random.ts';

await initBackend({ backend: 'wasm', log: () => {} });

const MiB = 1024 * 1024;

test('MLP inference over 800,000 rows of 11 features: bounded memory, no tensor left, rows are probabilities', { timeout: 180_000 }, async () => {
  const n = 800_000;
  const features = 11;
  const classes = 5;
  const rng = new Random('large-pool');
  const x = new Float32Array(n * features);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Int32Array(256).map(() => rng.int(classes));
  const session = await createClassifierSession({ model: 'mlp', inputShape: [features], numClasses: classes, keepWeights: false, seed: 0, training: { epochs: 1 } });
  await session.fit(x.subarray(0, 256 * features), y);
  const tensors = tf.memory().numTensors;
  const before = process.memoryUsage();
  const probs = await session.predictProba(x);
  const after = process.memoryUsage();

  assert.equal(probs.length, n * classes);
  assert.equal(tf.memory().numTensors, tensors, 'no tensor left behind');
  for (const i of [0, 1, 399_999, n - 1]) {
    let s = 0;
    for (let k = 0; k < classes; k++) {
      const p = probs[i * classes + k]!;
      assert.ok(p >= 0 && p <= 1, `row ${i} class ${k}: ${p}`);
      s += p;
    }
    assert.ok(Math.abs(s - 1) < 1e-4, `row ${i} sums to ${s}`);
  }
  // Measured: +25 MiB (the 16 MB output and batch buffers). The input is 35 MB; wasm memory only ever grows, so `rss` after the call bounds the
  // peak. A whole-pool tensor (input + 800k × 1,024 hidden activations = 3.3 GB) would blow far past this.
  const grown = (after.rss - before.rss) / MiB;
  assert.ok(grown < 512, `inference over 800k rows grew the process by ${grown.toFixed(0)} MiB (bound 512 MiB)`);
});
