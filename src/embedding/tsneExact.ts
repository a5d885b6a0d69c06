/**
 * Exact t-SNE, the O(N²) reference (van der Maaten & Hinton 2008, JMLR 9): dense perplexity-calibrated P over all
 * pairs and the exact gradient of KL(P‖Q) (their Eq. 5)
 *
 *   ∂C/∂y_i = 4 Σ_j (α p_ij − q_ij / Z) q_ij (y_i − y_j),   q_ij = 1 / (1 + ‖y_i − y_j‖²),  Z = Σ_{k≠l} q_kl,
 *
 * with the same optimiser, defaults and random start as the Barnes-Hut `tsne` (θ is ignored). For checking `tsne`
 * and for small pools; `tsne` is the one to use beyond a few thousand points.
 */
import { checkedMatrix, resolveTsneOptions, type TsneOptions } from './tsneOptions.ts';
import { denseAffinities } from './denseAffinities.ts';
import { optimizeLayout } from './optimizeLayout.ts';

/** Largest n accepted: P alone takes 8·n² bytes (200 MB at 5,000). */
export const TSNE_EXACT_MAX_N = 5000;

/**
 * Embeds the n×d matrix x (not changed) into 2-D exactly. Returns n×2 row-major Float64Array.
 * Cost O(n²·d) for P, then O(iterations · n²); memory O(n²).
 * @throws as `tsne`, plus RangeError when n > TSNE_EXACT_MAX_N.
 * @example tsneExact(x, 300, 10, { perplexity: 20, random: new Random(1) })
 */
export function tsneExact(x: Float32Array | Float64Array, n: number, d: number, options: TsneOptions): Float64Array {
  const data = checkedMatrix('tsneExact', x, n, d);
  if (n > TSNE_EXACT_MAX_N) {
    throw new RangeError(`tsneExact: n must be <= ${TSNE_EXACT_MAX_N} (it stores n² affinities), got ${n}; use tsne (Barnes-Hut) instead`);
  }
  const opts = resolveTsneOptions('tsneExact', n, options);
  const p = denseAffinities(data, n, d, opts.perplexity);
  let pLogP = 0;
  for (let e = 0; e < n * n; e++) if (p[e]! > 0) pLogP += p[e]! * Math.log(p[e]!);
  const attr = new Float64Array(2 * n);
  const rep = new Float64Array(2 * n);
  return optimizeLayout('tsneExact', n, opts, (y, exaggeration, grad, wantKl) => {
    attr.fill(0);
    rep.fill(0);
    let z = 0;
    let pLogQ = 0;
    for (let i = 0; i < n; i++) {
      const xi = y[2 * i]!, yi = y[2 * i + 1]!;
      let ax = 0, ay = 0, rx = 0, ry = 0;
      for (let j = i + 1; j < n; j++) {
        const dx = xi - y[2 * j]!, dy = yi - y[2 * j + 1]!;
        const q = 1 / (1 + dx * dx + dy * dy);
        const pij = p[i * n + j]!;
        z += 2 * q;
        const a = pij * q, r = q * q;
        ax += a * dx;
        ay += a * dy;
        rx += r * dx;
        ry += r * dy;
        attr[2 * j] = attr[2 * j]! - a * dx;
        attr[2 * j + 1] = attr[2 * j + 1]! - a * dy;
        rep[2 * j] = rep[2 * j]! - r * dx;
        rep[2 * j + 1] = rep[2 * j + 1]! - r * dy;
        if (wantKl && pij > 0) pLogQ += 2 * pij * Math.log(q);
      }
      attr[2 * i] = attr[2 * i]! + ax;
      attr[2 * i + 1] = attr[2 * i + 1]! + ay;
      rep[2 * i] = rep[2 * i]! + rx;
      rep[2 * i + 1] = rep[2 * i + 1]! + ry;
    }
    for (let e = 0; e < 2 * n; e++) grad[e] = 4 * (exaggeration * attr[e]! - rep[e]! / z);
    // KL = Σ p ln p − Σ p ln(q/Z)
    return wantKl ? pLogP - pLogQ + Math.log(z) : NaN;
  });
}
