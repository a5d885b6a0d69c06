/**
 * Barnes-Hut t-SNE: t-distributed stochastic neighbour embedding of N points into 2-D
 * (van der Maaten & Hinton 2008, JMLR 9; van der Maaten 2014, "Accelerating t-SNE using Tree-Based
 * Algorithms", JMLR 15). Used for the paper's 2-D views of pools (FALCUN paper, Figures 6–8).
 *
 * Pipeline:  x (N×D) ──► k = ⌊3·perplexity⌋ nearest neighbours (vantage-point tree)
 *                     ──► p_{j|i} calibrated to the perplexity (Eq. 1–2), symmetrised sparse P (2014, Eq. 7–8)
 *                     ──► gradient descent on KL(P‖Q) (2008, Eq. 5):
 *                           ∂C/∂y_i = 4 (α Σ_j p_ij q_ij (y_i − y_j) − (1/Z) Σ_j q_ij² (y_i − y_j)),
 *                           attraction exact over P's nonzeros, repulsion and Z by Barnes-Hut on a quadtree.
 *
 * Deterministic: the same input, options and `Random` seed give bit-identical output. `options.random` is not
 * advanced: the initial layout and the vantage points come from `random.fork('tsne-initial-layout')` and
 * `random.fork('tsne-vantage-points')`, so two calls with the same generator give the same layout.
 * Initialisation: N(0, 1e-4²) per coordinate (bhtsne's), not PCA.
 */
import { checkedMatrix, resolveTsneOptions, type TsneOptions } from './tsneOptions.ts';
import { kNearestNeighbours } from './kNearestNeighbours.ts';
import { sparseAffinities, type SparseAffinities } from './sparseAffinities.ts';
import { QuadTree } from './quadTree.ts';
import { optimizeLayout } from './optimizeLayout.ts';

/**
 * Embeds the n×d matrix x (row-major probabilities or embeddings; not changed) into 2-D.
 * Returns an n×2 row-major Float64Array centred at the origin.
 *
 * Cost: kNN O(n log n · d) typical (O(n² d) worst case), then O(iterations · n · (log n + 3·perplexity)).
 * Measured here (npm run bench:tsne, one core, CPU seconds): 2,000 × 84 in 2.2 s, 10,000 × 84 in 19 s
 * (exact t-SNE: 12 s and ~490 s).
 *
 * @throws TypeError when x is not a Float32Array/Float64Array or an option has the wrong kind;
 *   RangeError for n·d ≠ x.length, n < 2, a non-finite value in x, perplexity ∉ [1, n), θ < 0,
 *   iterations < 1, earlyExaggeration < 1, learningRate ≤ 0 (see `TsneOptions`); RangeError when the layout
 *   diverges to non-finite coordinates (a learning rate far too large).
 * @example
 *   const y = tsne(probs, n, 10, { random: new Random(0), onProgress: (it, kl) => console.log(it, kl) });
 */
export function tsne(x: Float32Array | Float64Array, n: number, d: number, options: TsneOptions): Float64Array {
  const data = checkedMatrix('tsne', x, n, d);
  const opts = resolveTsneOptions('tsne', n, options);
  const k = Math.min(n - 1, Math.floor(3 * opts.perplexity));
  const knn = kNearestNeighbours(data, n, d, k, opts.random.fork('tsne-vantage-points'));
  const p = sparseAffinities(knn, n, opts.perplexity);
  const upper = upperStarts(p);
  const tree = new QuadTree();
  const rep = new Float64Array(2 * n);
  const attr = new Float64Array(2 * n);
  return optimizeLayout('tsne', n, opts, (y, exaggeration, grad, wantKl) => {
    tree.build(y, n);
    const z = tree.repulsion(y, n, opts.theta, rep);
    const logQSum = attraction(p, upper, y, attr, wantKl);
    for (let e = 0; e < 2 * n; e++) grad[e] = 4 * (exaggeration * attr[e]! - rep[e]! / z);
    // KL = Σ p ln p − Σ p ln(q/Z) = Σ p ln p − Σ p ln q + ln Z  (Σ p = 1)
    return wantKl ? logQSum + Math.log(z) : NaN;
  });
}

/**
 * Where each row's entries with column > row begin (columns ascend within a row). Cost O(nnz(P)).
 */
function upperStarts(p: SparseAffinities): Int32Array {
  const out = new Int32Array(p.n);
  for (let i = 0; i < p.n; i++) {
    let e = p.rowStart[i]!;
    while (e < p.rowStart[i + 1]! && p.columns[e]! < i) e++;
    out[i] = e;
  }
  return out;
}

/**
 * Attractive term Σ_j p_ij q_ij (y_i − y_j) into out (n×2), exact over P's nonzeros, each symmetric pair visited once (from `upper`). When wantKl, returns
 * Σ p_ij (ln p_ij − ln q_ij) (q unnormalised), else 0. Cost O(nnz(P)).
 */
function attraction(p: SparseAffinities, upper: Int32Array, y: Float64Array, out: Float64Array, wantKl: boolean): number {
  const { n, rowStart, columns, values } = p;
  out.fill(0);
  let kl = 0;
  // P is symmetric: visit each pair once (j > i; columns ascend within a row) and apply it to both ends.
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i]!, yi = y[2 * i + 1]!;
    let fx = 0, fy = 0;
    const end = rowStart[i + 1]!;
    for (let e = upper[i]!; e < end; e++) {
      const j = columns[e]!;
      const dx = xi - y[2 * j]!, dy = yi - y[2 * j + 1]!;
      const d2 = 1 + dx * dx + dy * dy; // 1/q
      const pij = values[e]!;
      const pq = pij / d2;
      fx += pq * dx;
      fy += pq * dy;
      out[2 * j] = out[2 * j]! - pq * dx;
      out[2 * j + 1] = out[2 * j + 1]! - pq * dy;
      if (wantKl && pij > 0) kl += 2 * pij * Math.log(pij * d2);
    }
    out[2 * i] = out[2 * i]! + fx;
    out[2 * i + 1] = out[2 * i + 1]! + fy;
  }
  return kl;
}
