/**
 * Options of t-SNE (Barnes-Hut `tsne` and the exact `tsneExact`), their defaults, and the one place
 * where inputs are checked. Defaults follow van der Maaten (2014), "Accelerating t-SNE using Tree-Based
 * Algorithms", JMLR 15, and his reference implementation bhtsne: perplexity 30, θ = 0.5, 1000 iterations,
 * early exaggeration 12 for the first 250 iterations. The 'auto' learning rate is max(N / α / 4, 50)
 * (Belkina et al. 2019, "Automated optimized parameters for t-SNE", as adopted by scikit-learn), for
 * the gradient with its factor 4 (Eq. 5 of van der Maaten & Hinton 2008).
 */
import { Random } from '../random.ts';

/** Options shared by `tsne` and `tsneExact` (θ is ignored by the exact one). */
export interface TsneOptions {
  /** Effective number of neighbours each point's Gaussian covers; in [1, n). Default 30. */
  perplexity?: number;
  /**
   * Barnes-Hut accuracy (`tsne` only): a cell of half-side w at distance r from a point is summarised by its centre
   * of mass when w / r < θ (bhtsne's criterion); 0 = exact O(n²) sums. Default 0.5 (≈ 6% force error, see quadTree.ts).
   */
  theta?: number;
  /** Gradient-descent iterations (≥ 1). Default 1000. */
  iterations?: number;
  /** Factor α on the affinities P during the first `exaggerationIterations` (≥ 1). Default 12. */
  earlyExaggeration?: number;
  /** Iterations with exaggerated P and momentum 0.5; momentum 0.8 afterwards (≥ 0). Default 250. */
  exaggerationIterations?: number;
  /** Step size: a positive number, or 'auto' = max(N / earlyExaggeration / 4, 50). Default 'auto'. */
  learningRate?: number | 'auto';
  /** The generator for the initial layout (N(0, 1e-4²) per coordinate) and the vantage points of the kNN tree. */
  random: Random;
  /**
   * Called after every `progressEvery` iterations and after the last one, with the number of iterations done
   * and the KL divergence KL(P‖Q) of the current layout (with the un-exaggerated P; Barnes-Hut estimate of Q's
   * normaliser in `tsne`).
   */
  onProgress?: (iteration: number, klDivergence?: number) => void;
  /** How often onProgress is called, in iterations (≥ 1). Default 50. */
  progressEvery?: number;
}

/** Options with every default filled in and every value checked. */
export interface ResolvedTsneOptions {
  readonly perplexity: number;
  readonly theta: number;
  readonly iterations: number;
  readonly earlyExaggeration: number;
  readonly exaggerationIterations: number;
  readonly learningRate: number;
  readonly random: Random;
  readonly onProgress: ((iteration: number, klDivergence?: number) => void) | undefined;
  readonly progressEvery: number;
}

/** Standard deviation of the Gaussian initial layout (bhtsne's 1e-4). */
export const INITIAL_STD = 1e-4;

function checkInteger(fn: string, field: string, v: unknown, min: number): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${field} must be a number, got ${typeof v}`);
  if (!Number.isInteger(v) || v < min) {
    throw new RangeError(`${fn}: ${field} must be an integer >= ${min}, got ${v}`);
  }
  return v;
}

function checkNumber(fn: string, field: string, v: unknown, min: number, hint = ''): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${field} must be a number, got ${typeof v}`);
  if (!Number.isFinite(v) || v < min) {
    throw new RangeError(`${fn}: ${field} must be a finite number >= ${min}, got ${v}${hint}`);
  }
  return v;
}

/**
 * Checks the data matrix and returns a row-major Float64Array copy (the input is never changed).
 * Throws TypeError when x is not a Float32Array/Float64Array, RangeError when n or d is not a positive
 * integer, n < 2, x.length ≠ n·d, or a value is NaN/±Infinity (the message names the row and column).
 * Cost O(n·d).
 */
export function checkedMatrix(fn: string, x: unknown, n: unknown, d: unknown): Float64Array {
  if (!(x instanceof Float32Array) && !(x instanceof Float64Array)) {
    const kind = x === null ? 'null' : typeof x === 'object' ? (x as object).constructor?.name ?? 'object' : typeof x;
    throw new TypeError(`${fn}: x must be a Float32Array or Float64Array (N×D row-major), got ${kind}`);
  }
  const rows = checkInteger(fn, 'n', n, 1);
  const cols = checkInteger(fn, 'd', d, 1);
  if (rows < 2) throw new RangeError(`${fn}: n must be >= 2 points to embed, got ${rows}`);
  if (x.length !== rows * cols) {
    throw new RangeError(`${fn}: x.length must equal n·d = ${rows}·${cols} = ${rows * cols}, got ${x.length}`);
  }
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v)) {
      throw new RangeError(
        `${fn}: x[${i}] (row ${Math.floor(i / cols)}, column ${i % cols}) is ${v}; every value must be finite — drop or impute such rows first`,
      );
    }
    out[i] = v;
  }
  return out;
}

/**
 * The perplexity to use for n points: the preferred value (default 30, van der Maaten's), clamped to
 * ⌊(n − 1) / 3⌋ so that the 3·perplexity nearest neighbours exist (at least 1). One place for the clamp the
 * small-pool views (Fig. 6–8 at the smoke scale) need.
 * @example perplexityFor(61) // 20
 */
export function perplexityFor(n: number, preferred = 30): number {
  return Math.max(1, Math.min(preferred, Math.floor((n - 1) / 3)));
}

/**
 * Fills in defaults and checks every option against n (see `TsneOptions` for the bounds).
 * Throws TypeError for a wrong kind (options not an object, random not a Random, onProgress not a function),
 * RangeError for an out-of-range value, naming the field, the value and the bound.
 */
export function resolveTsneOptions(fn: string, n: number, options: TsneOptions): ResolvedTsneOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object with at least { random }, got ${options === null ? 'null' : typeof options}`);
  }
  if (!(options.random instanceof Random)) {
    throw new TypeError(`${fn}: options.random must be a Random (e.g. new Random(seed)), got ${String(options.random)}`);
  }
  const perplexity = checkNumber(fn, 'options.perplexity', options.perplexity ?? 30, 1);
  if (perplexity >= n) {
    throw new RangeError(
      `${fn}: options.perplexity must be < n = ${n}, got ${perplexity}; use a smaller perplexity (e.g. perplexityFor(n) = ${perplexityFor(n)})`,
    );
  }
  const theta = checkNumber(fn, 'options.theta', options.theta ?? 0.5, 0);
  const iterations = checkInteger(fn, 'options.iterations', options.iterations ?? 1000, 1);
  const earlyExaggeration = checkNumber(fn, 'options.earlyExaggeration', options.earlyExaggeration ?? 12, 1);
  const exaggerationIterations = checkInteger(fn, 'options.exaggerationIterations', options.exaggerationIterations ?? 250, 0);
  const lr = options.learningRate ?? 'auto';
  let learningRate: number;
  if (lr === 'auto') learningRate = Math.max(n / earlyExaggeration / 4, 50);
  else if (typeof lr === 'number') {
    if (!Number.isFinite(lr) || lr <= 0) throw new RangeError(`${fn}: options.learningRate must be 'auto' or a finite number > 0, got ${lr}`);
    learningRate = lr;
  } else throw new TypeError(`${fn}: options.learningRate must be 'auto' or a number, got ${typeof lr}`);
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`${fn}: options.onProgress must be a function (iteration, klDivergence) => void, got ${typeof onProgress}`);
  }
  const progressEvery = checkInteger(fn, 'options.progressEvery', options.progressEvery ?? 50, 1);
  return {
    perplexity,
    theta,
    iterations,
    earlyExaggeration,
    exaggerationIterations,
    learningRate,
    random: options.random,
    onProgress,
    progressEvery,
  };
}
