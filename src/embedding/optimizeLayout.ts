/**
 * The gradient descent shared by `tsne` and `tsneExact`: van der Maaten & Hinton (2008, JMLR 9, Sec. 3.4) with
 * the adaptive gains of Jacobs (1988) as in van der Maaten's bhtsne:
 *
 *   gain ← gain + 0.2 where the gradient's sign differs from the last update's, gain · 0.8 elsewhere (≥ 0.01);
 *   update ← μ · update − η · gain · ∂C/∂y;   y ← y + update;   y ← y − mean(y)
 *
 * with μ = 0.5 and P multiplied by α (early exaggeration) during the first `exaggerationIterations`, μ = 0.8 after.
 * The initial layout is N(0, INITIAL_STD²) per coordinate, drawn from `options.random` (bhtsne's choice; a PCA
 * start would need an eigen-solver and gives the same quality on clustered data).
 */
import { INITIAL_STD, type ResolvedTsneOptions } from './tsneOptions.ts';

/** Momentum during early exaggeration, and after it (bhtsne). */
export const MOMENTUM_EARLY = 0.5;
export const MOMENTUM_LATE = 0.8;
/** Smallest gain (bhtsne). */
export const MIN_GAIN = 0.01;

/**
 * Writes ∂C/∂y (n×2) into grad for the layout y with affinities multiplied by `exaggeration`; when `wantKl` is
 * true returns KL(P‖Q) for the un-exaggerated P, otherwise any number (ignored).
 */
export type GradientFn = (y: Float64Array, exaggeration: number, grad: Float64Array, wantKl: boolean) => number;

/**
 * Runs the descent from a random start and returns the final layout (n×2 row-major). Cost: iterations × gradient.
 * @throws RangeError naming `fn` when the layout becomes non-finite (a learning rate far too large).
 */
export function optimizeLayout(fn: string, n: number, options: ResolvedTsneOptions, gradient: GradientFn): Float64Array {
  const y = new Float64Array(2 * n);
  const init = options.random.fork('tsne-initial-layout');
  for (let e = 0; e < 2 * n; e++) y[e] = init.normal(0, INITIAL_STD);
  const grad = new Float64Array(2 * n);
  const update = new Float64Array(2 * n);
  const gains = new Float64Array(2 * n).fill(1);
  const eta = options.learningRate;
  for (let it = 1; it <= options.iterations; it++) {
    const early = it <= options.exaggerationIterations;
    const wantKl = options.onProgress !== undefined && (it % options.progressEvery === 0 || it === options.iterations);
    const kl = gradient(y, early ? options.earlyExaggeration : 1, grad, wantKl);
    const mu = early ? MOMENTUM_EARLY : MOMENTUM_LATE;
    let mx = 0, my = 0;
    for (let e = 0; e < 2 * n; e++) {
      const g = grad[e]!;
      let gain = gains[e]!;
      gain = (g > 0) !== (update[e]! > 0) ? gain + 0.2 : gain * 0.8;
      if (gain < MIN_GAIN) gain = MIN_GAIN;
      gains[e] = gain;
      const u = mu * update[e]! - eta * gain * g;
      update[e] = u;
      y[e] = y[e]! + u;
    }
    for (let i = 0; i < n; i++) {
      mx += y[2 * i]!;
      my += y[2 * i + 1]!;
    }
    if (!Number.isFinite(mx) || !Number.isFinite(my)) {
      throw new RangeError(
        `${fn}: the layout diverged (non-finite coordinates) at iteration ${it} with learningRate ${eta}; use a smaller options.learningRate or 'auto'`,
      );
    }
    mx /= n;
    my /= n;
    for (let i = 0; i < n; i++) {
      y[2 * i] = y[2 * i]! - mx;
      y[2 * i + 1] = y[2 * i + 1]! - my;
    }
    if (wantKl) options.onProgress!(it, kl);
  }
  return y;
}
