/**
 * The rows a user marks as labelled or excluded: a text file with one id or row number per line (blank
 * lines and `#` comments skipped), or an earlier `select` output (CSV with a header naming `id` / `row`),
 * resolved against the matrix: by id when the matrix has ids, else by 0-based row number.
 */
import { readFileSync } from 'node:fs';
import { DataFileError } from '../data/dataFileError.ts';
import type { MatrixFile } from './matrixFile.ts';

/**
 * Row indices named by `listFile`, in file order, duplicates kept once. O(entries + rows).
 * @throws DataFileError naming the list file and line for an id the matrix lacks, a row number out of
 *   range or not an integer.
 */
export function readRowList(listFile: string, matrix: Pick<MatrixFile, 'file' | 'rows' | 'ids'>): Int32Array {
  let text: string;
  try {
    text = readFileSync(listFile, 'utf8');
  } catch (e) {
    throw new DataFileError(listFile, `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const lines = text.split(/\r?\n/);
  let column = -1;
  let first = 0;
  const head = lines[0]?.split(',').map((s) => s.trim().toLowerCase()) ?? [];
  if (head.length > 1 || head[0] === 'id' || head[0] === 'row') {
    // An earlier select output (pick,row,id,...): its id column when the matrix has ids, else its row column.
    column = matrix.ids !== null && head.includes('id') ? head.indexOf('id') : head.indexOf('row');
    if (column < 0) throw new DataFileError(listFile, `line 1: a header without an 'id' or 'row' column (${lines[0]}); give one id or row number per line`);
    first = 1;
  }
  const byId = matrix.ids !== null && (column < 0 || head[column] === 'id') ? new Map(matrix.ids.map((id, i) => [id, i] as const)) : null;
  const seen = new Uint8Array(matrix.rows);
  const out: number[] = [];
  for (let l = first; l < lines.length; l++) {
    let entry = lines[l]!.replace(/#.*$/, '').trim();
    if (entry === '') continue;
    if (column >= 0) entry = (entry.split(',')[column] ?? '').trim().replace(/^"(.*)"$/, '$1');
    let row: number;
    if (byId !== null) {
      const r = byId.get(entry);
      if (r === undefined) throw new DataFileError(listFile, `line ${l + 1}: id ${JSON.stringify(entry)} is not in ${matrix.file}`);
      row = r;
    } else {
      row = Number(entry);
      if (!/^\d+$/.test(entry)) throw new DataFileError(listFile, `line ${l + 1}: ${JSON.stringify(entry)} is not a row number (${matrix.file} has no id column, so rows are numbered 0..${matrix.rows - 1})`);
      if (row >= matrix.rows) throw new DataFileError(listFile, `line ${l + 1}: row ${row} does not exist (${matrix.file} has rows 0..${matrix.rows - 1})`);
    }
    if (seen[row] === 0) {
      seen[row] = 1;
      out.push(row);
    }
  }
  return Int32Array.from(out);
}
