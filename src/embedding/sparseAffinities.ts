/**
 * Sparse symmetric input affinities of Barnes-Hut t-SNE (van der Maaten 2014, JMLR 15, Eq. 7–8):
 * p_{j|i} is calibrated to the perplexity on i's k = ⌊3·perplexity⌋ nearest neighbours only (zero elsewhere),
 * then symmetrised as p_ij = (p_{j|i} + p_{i|j}) / (2N), so that Σ_ij p_ij = 1.
 */
import type { NearestNeighbours } from './kNearestNeighbours.ts';
import { calibrateRow } from './perplexitySearch.ts';

/** A symmetric sparse matrix in compressed sparse row form: row i's entries are at rowStart[i] .. rowStart[i+1]. */
export interface SparseAffinities {
  readonly n: number;
  /** n+1 offsets into columns/values. */
  readonly rowStart: Int32Array;
  /** Column indices, ascending within each row. */
  readonly columns: Int32Array;
  /** p_ij > 0 (or ≥ 0 where a row underflowed), summing to 1 over the whole matrix. */
  readonly values: Float64Array;
}

/**
 * Builds P from the neighbour lists (the neighbour lists are not changed).
 * Cost O(n·k·steps) for the calibration plus O(n·k·log k) for the symmetrisation; memory O(n·k).
 * Assumes perplexity ∈ [1, n) was checked by the caller (tsne's option check).
 */
export function sparseAffinities(knn: NearestNeighbours, n: number, perplexity: number): SparseAffinities {
  const k = knn.k;
  const sq = new Float64Array(n * k);
  for (let e = 0; e < n * k; e++) sq[e] = knn.distances[e]! * knn.distances[e]!;
  const cond = new Float64Array(n * k);
  for (let i = 0; i < n; i++) calibrateRow(sq, i * k, k, perplexity, cond);

  // Transpose counts: how many points list i as a neighbour.
  const inCount = new Int32Array(n + 1);
  for (let e = 0; e < n * k; e++) inCount[knn.indices[e]! + 1]!++;
  for (let i = 0; i < n; i++) inCount[i + 1]! += inCount[i]!;
  const inFrom = new Int32Array(n * k);
  const inEdge = new Int32Array(n * k);
  const fill = inCount.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let e = i * k; e < (i + 1) * k; e++) {
      const j = knn.indices[e]!;
      const at = fill[j]!++;
      inFrom[at] = i;
      inEdge[at] = e;
    }
  }

  // Merge row i = own out-edges ∪ in-edges, summing p_{j|i} + p_{i|j} in a dense scratch row.
  const acc = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const rowCols = new Int32Array(n); // a hub can be the neighbour of many points: rows may exceed 2k
  const rowStart = new Int32Array(n + 1);
  const columns = new Int32Array(2 * n * k);
  const values = new Float64Array(2 * n * k);
  let nnz = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let e = i * k; e < (i + 1) * k; e++) {
      const j = knn.indices[e]!;
      if (j === i) continue;
      if (mark[j] !== i) {
        mark[j] = i;
        acc[j] = 0;
        rowCols[m++] = j;
      }
      acc[j]! += cond[e]!;
    }
    for (let t = inCount[i]!; t < inCount[i + 1]!; t++) {
      const j = inFrom[t]!;
      if (j === i) continue;
      if (mark[j] !== i) {
        mark[j] = i;
        acc[j] = 0;
        rowCols[m++] = j;
      }
      acc[j]! += cond[inEdge[t]!]!;
    }
    const cols = rowCols.subarray(0, m).sort();
    rowStart[i] = nnz;
    for (let t = 0; t < m; t++) {
      const j = cols[t]!;
      columns[nnz] = j;
      values[nnz] = acc[j]!;
      total += acc[j]!;
      nnz++;
    }
  }
  rowStart[n] = nnz;
  for (let e = 0; e < nnz; e++) values[e] = values[e]! / total;
  return { n, rowStart, columns: columns.slice(0, nnz), values: values.slice(0, nnz) };
}
