/**
 * Softmax of every row of a rows × cols matrix, in place (`--logits`): p_k = exp(z_k − max z) / Σ exp(z_j − max z),
 * computed in float64 per row (subtracting the row maximum keeps exp from overflowing). O(rows × cols).
 * @returns -1, or the first row holding a non-finite logit (left unchanged; the caller reports it).
 */
export function softmaxRows(values: Float32Array, rows: number, cols: number): number {
  const e = new Float64Array(cols);
  for (let i = 0, off = 0; i < rows; i++, off += cols) {
    let max = -Infinity;
    for (let k = 0; k < cols; k++) {
      const z = values[off + k]!;
      if (!Number.isFinite(z)) return i;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let k = 0; k < cols; k++) {
      e[k] = Math.exp(values[off + k]! - max);
      sum += e[k]!;
    }
    for (let k = 0; k < cols; k++) values[off + k] = e[k]! / sum;
  }
  return -1;
}
