/**
 * Shared input checks for every acquisition strategy: the pool view (shapes, probabilities, embeddings,
 * labeled set, head) and the batch size. Each check costs at most one pass over the array it checks, so a
 * strategy may call them on every `select` (FALCUN's own cost is ~Q passes, validation adds one).
 *
 * Policies (documented here once):
 * - Probabilities must be finite and >= 0, and each row must sum to 1 within `PROBABILITY_SUM_TOLERANCE`.
 * - Embeddings, labeled embeddings and head weights must be finite.
 * - `batchSize` must be an integer in [1, numUnlabeled]. Q = 0 is an error, not an empty result: the runner
 *   never asks for an empty batch, so a 0 there is a bug upstream and should surface.
 * - At least 2 classes (margin uncertainty needs a first and a second class).
 *
 * Errors: TypeError for a wrong kind (not a Float32Array, missing field), RangeError for an out-of-range value.
 * Messages name the function, the field, the value and the bound.
 */
import type { LinearHead, PoolView } from './types.ts';

/**
 * A softmax row computed in float32 sums to 1 within about C·6e-8; 1e-3 accepts any such row (also
 * float16 outputs) while catching logits, unnormalised scores and truncated rows.
 */
export const PROBABILITY_SUM_TOLERANCE = 1e-3;

/** The pool with the fields a strategy declared it needs, checked and non-optional. */
export interface CheckedProbs {
  readonly probs: Float32Array;
  readonly n: number;
  readonly c: number;
}
export interface CheckedEmbeddings extends CheckedProbs {
  readonly embeddings: Float32Array;
  readonly d: number;
}
export interface CheckedLabeled extends CheckedEmbeddings {
  readonly labeledEmbeddings: Float32Array;
  readonly labeledY: Int32Array;
  readonly numLabeled: number;
}

function checkCount(fn: string, field: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(`${fn}: pool.${field} must be an integer, got ${String(v)}`);
  }
  if (v < min) throw new RangeError(`${fn}: pool.${field} must be >= ${min}, got ${v}`);
  return v;
}

function checkFloat32(fn: string, field: string, a: unknown, expectedLength: number, shape: string): Float32Array {
  if (!(a instanceof Float32Array)) {
    throw new TypeError(`${fn}: pool.${field} must be a Float32Array (${shape}), got ${a === undefined ? 'undefined' : Object.prototype.toString.call(a)}; does the strategy's 'needs' match what the caller computed?`);
  }
  if (a.length !== expectedLength) {
    throw new RangeError(`${fn}: pool.${field} has length ${a.length}, expected ${shape} = ${expectedLength}`);
  }
  return a;
}

function checkFinite(fn: string, field: string, a: Float32Array, rowLength: number): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (!Number.isFinite(v)) {
      throw new RangeError(`${fn}: pool.${field}[${Math.floor(i / rowLength)}, ${i % rowLength}] is ${v}; values must be finite`);
    }
  }
}

/**
 * Checks `pool.probs` (N × C, finite, >= 0, rows summing to 1 ± PROBABILITY_SUM_TOLERANCE). O(N·C).
 * @throws TypeError / RangeError naming `fn`, the field, the value and the bound.
 */
export function validateProbabilities(pool: PoolView, fn: string): CheckedProbs {
  if (pool === null || typeof pool !== 'object') throw new TypeError(`${fn}: pool must be a PoolView object, got ${String(pool)}`);
  const n = checkCount(fn, 'numUnlabeled', pool.numUnlabeled, 1);
  const c = checkCount(fn, 'numClasses', pool.numClasses, 2);
  const probs = checkFloat32(fn, 'probs', pool.probs, n * c, `numUnlabeled × numClasses = ${n} × ${c}`);
  for (let i = 0, off = 0; i < n; i++, off += c) {
    let s = 0;
    for (let k = 0; k < c; k++) {
      const v = probs[off + k]!;
      if (!(v >= 0) || v === Infinity) {
        throw new RangeError(`${fn}: pool.probs[${i}, ${k}] is ${v}; probabilities must be finite and >= 0 (pass softmax outputs, not logits)`);
      }
      s += v;
    }
    if (Math.abs(s - 1) > PROBABILITY_SUM_TOLERANCE) {
      throw new RangeError(`${fn}: pool.probs row ${i} sums to ${s}, expected 1 within ${PROBABILITY_SUM_TOLERANCE} (pass softmax outputs)`);
    }
  }
  return { probs, n, c };
}

/** Checks probabilities and the unlabeled embeddings (N × D, finite). O(N·(C + D)). */
export function validateEmbeddings(pool: PoolView, fn: string): CheckedEmbeddings {
  const base = validateProbabilities(pool, fn);
  if (pool.embeddings === undefined) {
    throw new TypeError(`${fn}: pool.embeddings is missing; this strategy needs embeddings (see strategy.needs)`);
  }
  const d = checkCount(fn, 'embeddingDim', pool.embeddingDim, 1);
  const embeddings = checkFloat32(fn, 'embeddings', pool.embeddings, base.n * d, `numUnlabeled × embeddingDim = ${base.n} × ${d}`);
  checkFinite(fn, 'embeddings', embeddings, d);
  return { ...base, embeddings, d };
}

/** Checks probabilities, embeddings and the labeled set (L × D embeddings, L labels in [0, C)). O((N + L)·D). */
export function validateLabeled(pool: PoolView, fn: string): CheckedLabeled {
  const base = validateEmbeddings(pool, fn);
  const numLabeled = checkCount(fn, 'numLabeled', pool.numLabeled, 0);
  const labeledEmbeddings = checkFloat32(fn, 'labeledEmbeddings', pool.labeledEmbeddings, numLabeled * base.d, `numLabeled × embeddingDim = ${numLabeled} × ${base.d}`);
  checkFinite(fn, 'labeledEmbeddings', labeledEmbeddings, base.d);
  const labeledY = pool.labeledY;
  if (!(labeledY instanceof Int32Array)) throw new TypeError(`${fn}: pool.labeledY must be an Int32Array of length numLabeled = ${numLabeled}`);
  if (labeledY.length !== numLabeled) throw new RangeError(`${fn}: pool.labeledY has length ${labeledY.length}, expected numLabeled = ${numLabeled}`);
  for (let i = 0; i < numLabeled; i++) {
    const y = labeledY[i]!;
    if (y < 0 || y >= base.c) throw new RangeError(`${fn}: pool.labeledY[${i}] is ${y}, expected a class in [0, ${base.c - 1}]`);
  }
  return { ...base, labeledEmbeddings, labeledY, numLabeled };
}

/** Checks the classifier head against the pool's D and C (weights D × C, bias C, finite). O(D·C). */
export function validateHead(pool: PoolView, d: number, c: number, fn: string): LinearHead {
  const head = pool.head;
  if (head === undefined || head === null || typeof head !== 'object') throw new TypeError(`${fn}: pool.head is missing; this strategy needs the classifier head (see strategy.needs)`);
  if (head.inputDim !== d) throw new RangeError(`${fn}: pool.head.inputDim is ${String(head.inputDim)}, expected embeddingDim = ${d}`);
  if (head.numClasses !== c) throw new RangeError(`${fn}: pool.head.numClasses is ${String(head.numClasses)}, expected numClasses = ${c}`);
  if (!(head.weights instanceof Float32Array) || head.weights.length !== d * c) {
    throw new RangeError(`${fn}: pool.head.weights must be a Float32Array of length inputDim × numClasses = ${d * c}`);
  }
  if (!(head.bias instanceof Float32Array) || head.bias.length !== c) {
    throw new RangeError(`${fn}: pool.head.bias must be a Float32Array of length numClasses = ${c}`);
  }
  checkFinite(fn, 'head.weights', head.weights, c);
  checkFinite(fn, 'head.bias', head.bias, c);
  return head;
}

/**
 * Checks the batch size Q: an integer in [1, n]. Q = 0 is an error (see the module comment).
 * @throws TypeError when not an integer, RangeError when out of [1, n].
 */
export function validateBatchSize(batchSize: unknown, n: number, fn: string): number {
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize)) {
    throw new TypeError(`${fn}: batchSize must be an integer, got ${String(batchSize)}`);
  }
  if (batchSize < 1) throw new RangeError(`${fn}: batchSize must be >= 1, got ${batchSize} (an empty query is not allowed)`);
  if (batchSize > n) {
    throw new RangeError(`${fn}: batchSize ${batchSize} exceeds the unlabeled pool size ${n}; ask for at most ${n} points`);
  }
  return batchSize;
}

/** Checks the select options carry a Random (duck-typed: `uniform` and `int`) and, if any, a usable crossProduct. */
export function validateSelectOptions(options: unknown, fn: string): void {
  const r = (options as { random?: { uniform?: unknown; int?: unknown } } | undefined)?.random;
  if (r === undefined || r === null || typeof r.uniform !== 'function' || typeof r.int !== 'function') {
    throw new TypeError(`${fn}: options.random must be a Random (src/random.ts); the caller derives it from the run seed and round`);
  }
  const cp = (options as { crossProduct?: { rightOperand?: unknown } }).crossProduct;
  if (cp !== undefined && (cp === null || typeof cp.rightOperand !== 'function')) {
    throw new TypeError(`${fn}: options.crossProduct must be a CrossProductKernel (kernels/crossProductKernel.ts) with a rightOperand function, got ${String(cp)}`);
  }
}
