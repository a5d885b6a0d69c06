/**
 * The N × C (or N × D) matrix that `falcun-lab select` reads from a user's file: values as float32 in row-major
 * order, optional row ids, and where each row came from in the file (for error messages).
 */
export interface MatrixFile {
  /** The path as the user gave it (every error message names it). */
  readonly file: string;
  readonly rows: number;
  readonly cols: number;
  /** Row-major rows × cols. */
  readonly values: Float32Array;
  /** One id per row when the file has an id column (CSV/TSV, JSON lines); null for binary arrays. */
  readonly ids: readonly string[] | null;
  /** Line number (1-based) of data row i in a text file; null for binary arrays (rows are counted from 0). */
  readonly lineOfRow: ((row: number) => number) | null;
}

/** "row 17" for binary arrays, "row 17 (line 19)" for text files: what every row-level error names. */
export function describeRow(m: Pick<MatrixFile, 'lineOfRow' | 'ids'>, row: number): string {
  const id = m.ids !== null ? ` (id ${JSON.stringify(m.ids[row])})` : '';
  return m.lineOfRow === null ? `row ${row}${id}` : `row ${row}${id}, line ${m.lineOfRow(row)}`;
}
