import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend.ts';
import { createClassifierSession } from '../../src/training/createClassifierSession.ts';
import { runInference } from '../../src/training/inference.ts';
import { resolveTrainingOptions, TRAINING_DEFAULTS } from '../../src/training/trainingDefaults.ts';
import type { FitProgress } from '../../src/training/session.ts';
import { Random } from '../../src/random.ts';
import { YIELD_INTERVAL_MS } from '../../src/training/yieldToEventLoop.ts';

await initBackend({ backend: 'wasm', log: () => {} });

/** A separable toy table: class c has its mean at +3 on feature c. */
function toyTable(n: number, features: number, classes: number, seed: number): { x: Float32Array; y: Int32Array } {
  const r = new Random(seed);
  const x = new Float32Array(n * features);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = r.int(classes);
    y[i] = c;
    for (let j = 0; j < features; j++) x[i * features + j] = r.normal() + (j === c ? 3 : 0);
  }
  return { x, y };
}

/** Toy 16×16 images (the smallest LeNet input): class c lights up row band c. */
function toyImages(n: number, classes: number, seed: number): { x: Float32Array; y: Int32Array } {
  const r = new Random(seed);
  const x = new Float32Array(n * 256);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = r.int(classes);
    y[i] = c;
    for (let p = 0; p < 256; p++) x[i * 256 + p] = 0.3 * r.normal() + (Math.floor(p / 16 / (16 / classes)) === c ? 1 : 0);
  }
  return { x, y };
}

const mlpArgs = (over: object = {}) => ({
  model: 'mlp' as const,
  inputShape: [6],
  numClasses: 3,
  hiddenUnits: 16,
  keepWeights: false,
  seed: 5,
  training: { epochs: 3, batchSize: 8 },
  ...over,
});

test('paper defaults per model', () => {
  assert.deepEqual(TRAINING_DEFAULTS.lenet, { epochs: 20, batchSize: 64, learningRate: 1e-3 });
  assert.deepEqual(TRAINING_DEFAULTS.mlp, { epochs: 200, batchSize: 64, learningRate: 1e-4, earlyStopAccuracy: 0.99, minEpochs: 12 });
  assert.equal(resolveTrainingOptions('mlp', { epochs: 5 }).learningRate, 1e-4);
  assert.throws(() => resolveTrainingOptions('lenet', { batchSize: 0 }), (e: unknown) => e instanceof RangeError && /training.batchSize must be an integer in \[1, .*got 0/.test(e.message));
  assert.throws(() => resolveTrainingOptions('lenet', { learningRate: 2 }), /training.learningRate must be in \(0, 1\), got 2/);
  assert.throws(() => resolveTrainingOptions('mlp', { earlyStopAccuracy: 1.5 }), /earlyStopAccuracy must be in \(0, 1\], got 1.5/);
});

for (const backend of ['wasm', 'cpu'] as const) {
  test(`same seed → same initial weights, batch order and results; another seed differs (${backend})`, async () => {
    await initBackend({ backend, log: () => {} });
    try {
      const { x, y } = toyTable(40, 6, 3, 1);
      const run = async (seed: number) => {
        const s = await createClassifierSession(mlpArgs({ seed }));
        const initial = Array.from(s.network!.trainableVariables[0]!.dataSync());
        const losses: number[] = [];
        await s.fit(x, y, (p) => losses.push(p.loss));
        const probs = await s.predictProba(x);
        s.dispose();
        return { initial, losses, probs };
      };
      const a = await run(5);
      const b = await run(5);
      const c = await run(6);
      assert.deepEqual(b.initial, a.initial);
      assert.deepEqual(b.losses, a.losses);
      assert.deepEqual(b.probs, a.probs);
      assert.notDeepEqual(c.initial, a.initial);
      assert.notDeepEqual(c.probs, a.probs);
    } finally {
      await initBackend({ backend: 'wasm', log: () => {} });
    }
  });
}

test('fresh initialisation per fit unless keepWeights', async () => {
  const { x, y } = toyTable(30, 6, 3, 2);
  const fresh = await createClassifierSession(mlpArgs());
  await fresh.fit(x, y);
  const w1 = Array.from(fresh.network!.trainableVariables[0]!.dataSync());
  await fresh.fit(x, y);
  const w2 = Array.from(fresh.network!.trainableVariables[0]!.dataSync());
  // Second fit starts from a new seeded init (fork 'init', 1): differs from the first fit's result.
  assert.notDeepEqual(w2, w1);
  const kept = await createClassifierSession(mlpArgs({ keepWeights: true }));
  const epochs1: FitProgress[] = [];
  await kept.fit(x, y, (p) => epochs1.push(p));
  const epochs2: FitProgress[] = [];
  await kept.fit(x, y, (p) => epochs2.push(p));
  // Continued training: the second fit starts below the first fit's starting loss.
  assert.ok(epochs2[0]!.loss < epochs1[0]!.loss, `${epochs2[0]!.loss} < ${epochs1[0]!.loss}`);
  assert.equal(kept.fits, 2);
  fresh.dispose();
  kept.dispose();
});

test('early stop once training accuracy ≥ threshold, not before minEpochs; progress per epoch', async () => {
  const { x, y } = toyTable(64, 6, 3, 3);
  const s = await createClassifierSession(mlpArgs({ training: { epochs: 100, batchSize: 16, learningRate: 0.01, earlyStopAccuracy: 0.9, minEpochs: 4 } }));
  const seen: FitProgress[] = [];
  const report = await s.fit(x, y, (p) => seen.push(p));
  assert.ok(report.epochsRun >= 4 && report.epochsRun < 100, `stopped after ${report.epochsRun}`);
  assert.equal(seen.length, report.epochsRun);
  assert.deepEqual(seen.map((p) => p.epoch), Array.from({ length: report.epochsRun }, (_, i) => i + 1));
  assert.ok(report.finalAccuracy >= 0.9);
  for (const p of seen.slice(3, -1)) assert.ok(p.accuracy < 0.9, 'no earlier epoch after minEpochs reached the threshold');
  assert.equal(report.finalLoss, seen.at(-1)!.loss);
  s.dispose();
});

test('no tensor leaks over several train + predict rounds (lenet, mlp, resnet18)', async () => {
  const start = tf.memory().numTensors;
  const img = toyImages(20, 4, 4);
  for (const keepWeights of [false, true]) {
    const lenet = await createClassifierSession({ model: 'lenet', inputShape: [16, 16, 1], numClasses: 4, keepWeights, seed: 1, training: { epochs: 1, batchSize: 8 } });
    const tab = toyTable(50, 6, 3, 4);
    const mlp = await createClassifierSession(mlpArgs({ keepWeights, training: { epochs: 2, batchSize: 16, earlyStopAccuracy: 0.5 } }));
    for (let round = 0; round < 3; round++) {
      await lenet.fit(img.x, img.y);
      await lenet.predictWithEmbeddings(img.x);
      await lenet.embed(img.x);
      lenet.head();
      await mlp.fit(tab.x, tab.y);
      await mlp.predictProba(tab.x);
    }
    lenet.dispose();
    mlp.dispose();
  }
  const res = await createClassifierSession({ model: 'resnet18', inputShape: [8, 8, 3], numClasses: 2, baseWidth: 4, keepWeights: true, seed: 1, training: { epochs: 1, batchSize: 4 } });
  const rx = new Float32Array(6 * 192).map((_, i) => Math.sin(i));
  const ry = Int32Array.from([0, 1, 0, 1, 0, 1]);
  for (let round = 0; round < 2; round++) {
    await res.fit(rx, ry);
    await res.predictWithEmbeddings(rx);
  }
  res.dispose();
  assert.equal(tf.memory().numTensors, start);
});

test('lenet learns toy images and batched inference equals one big batch', async () => {
  const { x, y } = toyImages(96, 4, 5);
  const s = await createClassifierSession({ model: 'lenet', inputShape: [16, 16, 1], numClasses: 4, keepWeights: false, seed: 2, training: { epochs: 8, batchSize: 16 } });
  const report = await s.fit(x, y);
  assert.ok(report.finalAccuracy > 0.9, `training accuracy ${report.finalAccuracy}`);
  const { probs, embeddings } = await s.predictWithEmbeddings(x);
  const whole = await runInference(s.network!, x, { probs: true, embeddings: true }, 96);
  for (let i = 0; i < probs.length; i++) assert.ok(Math.abs(probs[i]! - whole.probs![i]!) < 1e-6);
  for (let i = 0; i < embeddings.length; i++) assert.ok(Math.abs(embeddings[i]! - whole.embeddings![i]!) < 1e-5);
  assert.deepEqual(await s.embed(x), embeddings);
  // Probabilities: rows sum to 1 and agree with softmax(z·W + b) from the head.
  const head = s.head();
  for (let i = 0; i < 96; i++) {
    let sum = 0;
    for (let c = 0; c < 4; c++) sum += probs[i * 4 + c]!;
    assert.ok(Math.abs(sum - 1) < 1e-5);
  }
  assert.equal(head.inputDim, 84);
  assert.equal(s.embeddingDim, 84);
  s.dispose();
  await assert.rejects(s.predictProba(x), /disposed/);
});

test('resnet18 trains a few steps on a handful of 32×32 colour images', async () => {
  const r = new Random(7);
  const n = 8;
  const x = Float32Array.from({ length: n * 32 * 32 * 3 }, () => r.normal());
  const y = Int32Array.from({ length: n }, (_, i) => i % 2);
  const s = await createClassifierSession({ model: 'resnet18', inputShape: [32, 32, 3], numClasses: 2, baseWidth: 8, keepWeights: true, seed: 3, training: { epochs: 2, batchSize: 4 } });
  const seen: FitProgress[] = [];
  const report = await s.fit(x, y, (p) => seen.push(p));
  assert.equal(report.epochsRun, 2);
  assert.ok(Number.isFinite(report.finalLoss));
  const { probs, embeddings } = await s.predictWithEmbeddings(x);
  assert.equal(probs.length, n * 2);
  assert.equal(embeddings.length, n * 64);
  s.dispose();
});

test('bad inputs get clear errors naming the function, value and bound', async () => {
  await assert.rejects(createClassifierSession(mlpArgs({ model: 'vgg' })), /createClassifierSession: model must be one of lenet, mlp, resnet18, got 'vgg'/);
  await assert.rejects(createClassifierSession(mlpArgs({ seed: -1 })), (e: unknown) => e instanceof RangeError && /seed must be a non-negative integer/.test(e.message));
  await assert.rejects(createClassifierSession(mlpArgs({ keepWeights: 'yes' })), (e: unknown) => e instanceof TypeError && /keepWeights must be a boolean/.test(e.message));
  await assert.rejects(createClassifierSession(mlpArgs({ inputShape: [0] })), /createMlp: inputShape\[0\] must be an integer in \[1, .*got 0/);
  const s = await createClassifierSession(mlpArgs());
  await assert.rejects(s.fit(new Float32Array(13), new Int32Array(2)), /fit: x has 13 values, not a multiple of the 6 features per row/);
  await assert.rejects(s.fit(new Float32Array(12), new Int32Array(3)), /fit: y has 3 labels but x has 2 rows/);
  await assert.rejects(s.fit(new Float32Array(12), Int32Array.from([0, 3])), (e: unknown) => e instanceof RangeError && /fit: y\[1\] is 3; labels must be integers in \[0, 2\]/.test(e.message));
  await assert.rejects(s.fit(new Float32Array(0), new Int32Array(0)), /at least one labeled row/);
  await assert.rejects(s.predictProba([1, 2, 3] as unknown as Float32Array), (e: unknown) => e instanceof TypeError && /runInference: x must be a Float32Array/.test(e.message));
  s.dispose();
});

test('fit and inference do not mutate their inputs', async () => {
  const { x, y } = toyTable(20, 6, 3, 8);
  const x0 = x.slice();
  const y0 = y.slice();
  const s = await createClassifierSession(mlpArgs());
  await s.fit(x, y);
  await s.predictWithEmbeddings(x);
  assert.deepEqual(x, x0);
  assert.deepEqual(y, y0);
  s.dispose();
});

test('a long fit and a long inference pass let the event loop run (a stop request or signal is seen during a round)', { timeout: 240_000 }, async () => {
  const { x, y } = toyImages(256, 3, 7);
  // Counts how often a timer due almost at once fires while `work` runs: more than once only if the work
  // yields. Machines differ in speed, so the work grows until it holds the loop for several yield intervals.
  const during = async (prepare: (size: number) => Promise<() => Promise<unknown>>, size: number): Promise<number> => {
    for (;;) {
      const work = await prepare(size);
      let fired = 0;
      let running = true;
      const tick = () => {
        if (!running) return;
        fired++;
        setTimeout(tick, 1);
      };
      setTimeout(tick, 1);
      const t0 = performance.now();
      await work();
      running = false;
      if (performance.now() - t0 > 8 * YIELD_INTERVAL_MS) return fired;
      assert.ok(size < 1024, 'the work never grew long enough to need yields');
      size *= 2;
    }
  };
  const fitFor = async (epochs: number) => {
    const s = await createClassifierSession({ model: 'lenet', inputShape: [16, 16, 1], numClasses: 3, keepWeights: false, seed: 1, training: { epochs, batchSize: 8 } });
    return async () => {
      await s.fit(x, y);
      s.dispose();
    };
  };
  assert.ok((await during(fitFor, 3)) >= 2);
  const s = await createClassifierSession({ model: 'lenet', inputShape: [16, 16, 1], numClasses: 3, keepWeights: false, seed: 1, training: { epochs: 1, batchSize: 8 } });
  const inferOn = async (blocks: number) => {
    const big = toyImages(256 * blocks, 3, 8).x;
    return () => s.predictProba(big);
  };
  assert.ok((await during(inferOn, 16)) >= 2);
  s.dispose();
});
