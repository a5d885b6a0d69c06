/** Shared input checks for the figure builders that take typed arrays (errors name function, field, value, bound). */

/** Checks a row-major matrix with `cols` columns; returns its number of rows. */
export function checkMatrix(fn: string, field: string, values: ArrayLike<number>, cols: number): number {
  if (values == null || typeof values.length !== 'number') throw new TypeError(`${fn}: ${field} must be a flat numeric array (row-major), got ${String(values)}`);
  if (values.length === 0 || values.length % cols !== 0) {
    throw new RangeError(`${fn}: ${field} must hold N×${cols} values (row-major, N >= 1), got ${values.length} values`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) throw new RangeError(`${fn}: ${field}[${i}] must be finite, got ${values[i]}`);
  }
  return values.length / cols;
}

/** Checks point indices into [0, n); returns them as a plain array. */
export function checkIndices(fn: string, field: string, indices: ArrayLike<number>, n: number): number[] {
  if (indices == null || typeof indices.length !== 'number') throw new TypeError(`${fn}: ${field} must be an array of point indices, got ${String(indices)}`);
  const out = Array.from(indices);
  out.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new RangeError(`${fn}: ${field}[${i}] must be an integer in [0, ${n}), got ${v}`);
  });
  return out;
}

/** Column `c` of a row-major matrix with `cols` columns, at the given rows (all rows when omitted). */
export function column(values: ArrayLike<number>, cols: number, c: number, rows?: readonly number[]): number[] {
  if (rows) return rows.map((r) => values[r * cols + c]!);
  const n = values.length / cols;
  const out = new Array<number>(n);
  for (let r = 0; r < n; r++) out[r] = values[r * cols + c]!;
  return out;
}

/** Shortest readable duration: '850 ms', '1.8 s', '21.0 min', '25.0 h', '12.5 days' (from 3 days on). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 3 * 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}
