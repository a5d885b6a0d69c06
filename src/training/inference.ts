/**
 * Batched inference over a large pool: softmax probabilities (n × C) and/or penultimate embeddings
 * (n × D) of rows given as one flat row-major Float32Array.
 *
 * Each batch tensor is built from a subarray view of the input (no copy of the pool), the outputs are
 * read with dataSync straight into preallocated result arrays (no typed array is returned from tf.tidy,
 * which would walk it element by element), and every batch's tensors are freed before the next one.
 * So memory beyond the results is O(batchRows · (featureSize + C + D)): 800,000 tabular rows cost the
 * input plus the outputs only. Small batches are also 5–11× faster than one huge tensor (docs/measurements.md).
 * Between batches it yields to the event loop every YIELD_INTERVAL_MS (signals, a parent's messages).
 */
import * as tf from '@tensorflow/tfjs';
import type { ClassifierNetwork } from '../models/classifierNetwork.ts';
import { checkRows } from './checkRows.ts';
import { createYielder } from './yieldToEventLoop.ts';

export interface InferenceWants {
  readonly probs: boolean;
  readonly embeddings: boolean;
}

export interface InferenceResult {
  readonly probs?: Float32Array;
  readonly embeddings?: Float32Array;
}

/** Rows per batch by default: 64 images (conv nets) or 1,024 table rows (measured: docs/measurements.md). */
export function defaultInferenceBatch(net: Pick<ClassifierNetwork, 'name'>): number {
  return net.name === 'mlp' ? 1024 : 64;
}

/**
 * Runs `net` in inference mode over all rows of `x`. Throws TypeError / RangeError for a bad `x`
 * (not a Float32Array, length not a multiple of the row size) or batchRows < 1.
 */
export async function runInference(
  net: ClassifierNetwork,
  x: Float32Array,
  wants: InferenceWants,
  batchRows: number = defaultInferenceBatch(net),
): Promise<InferenceResult> {
  const featureSize = net.inputShape.reduce((a, b) => a * b, 1);
  const n = checkRows('runInference', x, featureSize);
  if (!Number.isInteger(batchRows) || batchRows < 1) throw new RangeError(`runInference: batchRows must be an integer >= 1, got ${batchRows}`);
  const C = net.numClasses;
  const D = net.embeddingDim;
  const probs = wants.probs ? new Float32Array(n * C) : undefined;
  const embeddings = wants.embeddings ? new Float32Array(n * D) : undefined;
  const yieldNow = createYielder();
  for (let s = 0; s < n; s += batchRows) {
    const m = Math.min(batchRows, n - s);
    const outs = tf.tidy(() => {
      const xb = tf.tensor(x.subarray(s * featureSize, (s + m) * featureSize), [m, ...net.inputShape]);
      const z = net.embed(xb, false);
      const list: tf.Tensor[] = [];
      if (probs) list.push(tf.softmax(net.logits(z)));
      if (embeddings) list.push(z);
      return list;
    });
    let k = 0;
    if (probs) probs.set(outs[k++]!.dataSync() as Float32Array, s * C);
    if (embeddings) embeddings.set(outs[k++]!.dataSync() as Float32Array, s * D);
    tf.dispose(outs);
    await yieldNow();
  }
  const result: { probs?: Float32Array; embeddings?: Float32Array } = {};
  if (probs) result.probs = probs;
  if (embeddings) result.embeddings = embeddings;
  return result;
}
