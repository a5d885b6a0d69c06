/**
 * Trains a network (the training step of the paper's Algorithm 1): Adam (PyTorch's defaults) on softmax
 * cross-entropy, mini-
 * batches in a seeded random order per epoch, optional early stop on the running training accuracy of an
 * epoch (as the BADGE code the paper follows computes it: accuracy of each batch's forward pass in
 * training mode, averaged over the epoch).
 *
 * Batches are copied from the flat row-major array into one reused buffer, so no large tensor of the
 * whole labeled set is ever made. The step itself (trainingStep.ts) runs on our dense kernels for the MLP
 * on the wasm backend (denseMlpStep.ts) and through tfjs's tape otherwise (tapeStep.ts).
 * Cost per epoch: one forward and backward pass over the n rows. Between batches it yields to the event
 * loop every YIELD_INTERVAL_MS, so signals and a parent's messages are seen during a long fit.
 */
import * as tf from '@tensorflow/tfjs';
import type { ClassifierNetwork } from '../models/classifierNetwork.ts';
import type { Random } from '../random.ts';
import type { FitProgress, FitReport } from './session.ts';
import type { TrainingOptions } from './trainingDefaults.ts';
import { checkRows } from './checkRows.ts';
import { createDenseMlpStep, denseMlpShape } from './denseMlpStep.ts';
import { createTapeStep } from './tapeStep.ts';
import type { TrainingStep } from './trainingStep.ts';
import { createYielder } from './yieldToEventLoop.ts';

/** How a step is built: `auto` picks the dense kernels for an MLP on the wasm backend, the tape otherwise. */
export type TrainingStepKind = 'auto' | 'tape' | 'dense';

/** The step `auto` uses for `net` on the current backend. */
export function trainingStepKind(net: ClassifierNetwork): 'tape' | 'dense' {
  return tf.getBackend() === 'wasm' && denseMlpShape(net) !== undefined ? 'dense' : 'tape';
}

/**
 * Fits `net` on rows `x` (n × featureSize, row-major) with labels `y` (0..C−1). `random` orders the
 * batches; the same generator state gives the same order. Calls `onProgress` after every epoch.
 * `stepKind` is for comparisons (tests, benchmarks); experiments use `auto`.
 * Throws TypeError / RangeError (naming the argument) for mismatched sizes or labels out of range.
 */
export async function fitNetwork(
  net: ClassifierNetwork,
  x: Float32Array,
  y: Int32Array,
  options: TrainingOptions,
  random: Random,
  onProgress?: (p: FitProgress) => void,
  stepKind: TrainingStepKind = 'auto',
): Promise<FitReport> {
  const start = performance.now();
  const featureSize = net.inputShape.reduce((a, b) => a * b, 1);
  const n = checkRows('fit', x, featureSize);
  if (!(y instanceof Int32Array)) throw new TypeError(`fit: y must be an Int32Array, got ${Object.prototype.toString.call(y)}`);
  if (y.length !== n) throw new RangeError(`fit: y has ${y.length} labels but x has ${n} rows of ${featureSize} features`);
  if (n === 0) throw new RangeError('fit: need at least one labeled row, got 0');
  for (let i = 0; i < n; i++) {
    const c = y[i]!;
    if (!(c >= 0 && c < net.numClasses)) throw new RangeError(`fit: y[${i}] is ${c}; labels must be integers in [0, ${net.numClasses - 1}]`);
  }
  const batchSize = Math.min(options.batchSize, n);
  const kind = stepKind === 'auto' ? trainingStepKind(net) : stepKind;
  const trainer: TrainingStep = kind === 'dense' ? await createDenseMlpStep(net, options.learningRate, batchSize) : createTapeStep(net, options.learningRate, batchSize);
  const xBuf = new Float32Array(batchSize * featureSize);
  const yBuf = new Int32Array(batchSize);
  const yieldNow = createYielder();
  let epoch = 0;
  let loss = NaN;
  let accuracy = NaN;
  try {
    for (epoch = 1; epoch <= options.epochs; epoch++) {
      const order = random.permutation(n);
      let lossSum = 0;
      let correctSum = 0;
      for (let s = 0; s < n; s += batchSize) {
        const m = Math.min(batchSize, n - s);
        for (let i = 0; i < m; i++) {
          const r = order[s + i]!;
          xBuf.set(x.subarray(r * featureSize, (r + 1) * featureSize), i * featureSize);
          yBuf[i] = y[r]!;
        }
        const batch = trainer.step(xBuf, yBuf, m);
        lossSum += batch.loss * m;
        correctSum += batch.correct;
        await yieldNow();
      }
      loss = lossSum / n;
      accuracy = correctSum / n;
      onProgress?.({ epoch, epochs: options.epochs, loss, accuracy });
      if (options.earlyStopAccuracy !== undefined && epoch >= (options.minEpochs ?? 0) && accuracy >= options.earlyStopAccuracy) break;
    }
    trainer.finish();
  } finally {
    trainer.dispose();
  }
  return { epochsRun: Math.min(epoch, options.epochs), step: kind, finalLoss: loss, finalAccuracy: accuracy, seconds: (performance.now() - start) / 1000 };
}
