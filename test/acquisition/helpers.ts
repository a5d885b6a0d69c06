/** Synthetic pools for the acquisition tests: softmax rows, Gaussian embeddings, a linear head. */
import { Random } from '../../src/random.ts';
import type { LinearHead, PoolView } from '../../src/acquisition/types.ts';

/** N × C softmax probabilities of Gaussian logits with the given scale (larger = more confident). */
export function randomProbs(rng: Random, n: number, c: number, scale = 2): Float32Array {
  const out = new Float32Array(n * c);
  const z = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let k = 0; k < c; k++) {
      z[k] = rng.normal(0, scale);
      if (z[k]! > m) m = z[k]!;
    }
    let s = 0;
    for (let k = 0; k < c; k++) {
      z[k] = Math.exp(z[k]! - m);
      s += z[k]!;
    }
    for (let k = 0; k < c; k++) out[i * c + k] = z[k]! / s;
  }
  return out;
}

export function randomMatrix(rng: Random, rows: number, cols: number, std = 1): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = rng.normal(0, std);
  return out;
}

/** A complete pool view (probabilities, embeddings, labeled set, head); probs are the head's softmax. */
export function syntheticPool(seed: number, n: number, c: number, d: number, numLabeled: number): PoolView {
  const rng = new Random(seed);
  const embeddings = randomMatrix(rng, n, d);
  const weights = randomMatrix(rng, d, c, 1 / Math.sqrt(d));
  const bias = randomMatrix(rng, 1, c, 0.1);
  const head: LinearHead = { weights, bias, inputDim: d, numClasses: c };
  const probs = new Float32Array(n * c);
  const z = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let k = 0; k < c; k++) {
      let s = bias[k]!;
      for (let j = 0; j < d; j++) s += embeddings[i * d + j]! * weights[j * c + k]!;
      z[k] = 3 * s;
      if (z[k]! > m) m = z[k]!;
    }
    let tot = 0;
    for (let k = 0; k < c; k++) {
      z[k] = Math.exp(z[k]! - m);
      tot += z[k]!;
    }
    for (let k = 0; k < c; k++) probs[i * c + k] = z[k]! / tot;
  }
  const labeledEmbeddings = randomMatrix(rng, numLabeled, d);
  const labeledY = new Int32Array(numLabeled);
  for (let i = 0; i < numLabeled; i++) labeledY[i] = i % c;
  return {
    probs,
    numUnlabeled: n,
    numClasses: c,
    embeddings,
    embeddingDim: d,
    labeledEmbeddings,
    labeledY,
    numLabeled,
    head,
  };
}

/** Row i of a flat array as a plain number[]. */
export function row(a: ArrayLike<number>, i: number, width: number): number[] {
  return Array.from({ length: width }, (_, k) => a[i * width + k]!);
}

export function assertDistinctInRange(indices: Int32Array, n: number): void {
  const seen = new Set<number>();
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new Error(`index ${i} outside [0, ${n})`);
    if (seen.has(i)) throw new Error(`index ${i} repeated`);
    seen.add(i);
  }
}
