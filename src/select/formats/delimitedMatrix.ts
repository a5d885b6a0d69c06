/**
 * Reads a CSV / TSV matrix, streamed through csv-parse (quotes, CRLF, BOM) into a growing Float32Array:
 * memory is the values plus the ids, never an array of rows.
 *
 * Header: `header: true/false`, or detected: the first record is a header when a column that is numeric
 * in the second record is not numeric in the first. Id column: `idColumn` (a header name, or a 1-based
 * column number), else a header column named "id", else the one column whose first data value is not a
 * number. Every other column must hold numbers, and every row as many as the first.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { DataFileError } from '../../data/dataFileError.ts';
import type { MatrixFile } from '../matrixFile.ts';

export interface DelimitedOptions {
  /** ',' for CSV (default), '\t' for TSV. */
  readonly delimiter?: string;
  /** Whether the first line is a header; detected when undefined. */
  readonly header?: boolean;
  /** The id column: a header name or a 1-based column number. */
  readonly idColumn?: string;
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:Infinity|inf|nan|NaN)$/;

function isNumber(s: string): boolean {
  return NUMBER_RE.test(s.trim());
}

/** Number(s) for a numeric field; numpy writes nan / inf, which the row checks then report. */
function toNumber(s: string): number {
  const t = s.trim().toLowerCase();
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  return Number(t);
}

/**
 * Streams `path` into a MatrixFile. O(file size) time; memory O(rows × cols) float32 + the ids.
 * @throws DataFileError naming the file, the row and line and the column for an empty file, a row of another
 *   width, a value that is not a number, or an id column that does not exist.
 */
export async function readDelimitedMatrix(path: string, options: DelimitedOptions = {}, file = path): Promise<MatrixFile> {
  const delimiter = options.delimiter ?? ',';
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }),
  );
  const opened = new Promise<void>((_, reject) => parser.on('error', reject));
  opened.catch(() => undefined);

  const pending: Array<{ record: string[]; line: number }> = [];
  let header: string[] | null = null;
  let idCol = -1;
  let cols = -1;
  let width = -1;
  let values = new Float32Array(1 << 16);
  let rows = 0;
  const ids: string[] = [];
  const lines: number[] = [];

  const decide = (first: { record: string[] }, second: { record: string[] } | undefined): void => {
    const a = first.record;
    let isHeader = options.header;
    if (isHeader === undefined) {
      isHeader = second !== undefined ? a.some((v, j) => !isNumber(v) && second.record[j] !== undefined && isNumber(second.record[j]!)) : a.every((v) => !isNumber(v));
    }
    if (isHeader) header = a;
    width = a.length;
    const dataRow = isHeader ? second?.record : a;
    if (options.idColumn !== undefined) {
      const byName = header !== null ? (header as string[]).indexOf(options.idColumn) : -1;
      const byNumber = /^\d+$/.test(options.idColumn) ? Number(options.idColumn) - 1 : -1;
      idCol = byName >= 0 ? byName : byNumber;
      if (idCol < 0 || idCol >= width) {
        throw new DataFileError(file, `has no id column '${options.idColumn}' (${header !== null ? `columns: ${(header as string[]).join(', ')}` : `no header; give a column number 1..${width}`})`);
      }
    } else if (header !== null && (header as string[]).some((h) => h.toLowerCase() === 'id')) {
      idCol = (header as string[]).findIndex((h) => h.toLowerCase() === 'id');
    } else if (dataRow !== undefined) {
      const textual = dataRow.map((v, j) => (isNumber(v) ? -1 : j)).filter((j) => j >= 0);
      if (textual.length === 1) idCol = textual[0]!;
    }
    cols = width - (idCol >= 0 ? 1 : 0);
    if (cols < 1) throw new DataFileError(file, 'has no value columns');
  };

  const add = (record: string[], line: number): void => {
    if (record.length !== width) {
      throw new DataFileError(file, `row ${rows}, line ${line}: has ${record.length} fields, expected ${width} like the first${header !== null ? ' (the header)' : ''}; every row needs one value per class`);
    }
    if ((rows + 1) * cols > values.length) {
      const grown = new Float32Array(Math.max(values.length * 2, (rows + 1) * cols));
      grown.set(values);
      values = grown;
    }
    for (let j = 0, k = rows * cols; j < width; j++) {
      const v = record[j]!;
      if (j === idCol) {
        ids.push(v);
        continue;
      }
      if (!isNumber(v)) {
        const name = header !== null ? ` '${(header as string[])[j]}'` : '';
        throw new DataFileError(file, `row ${rows}, line ${line}, column ${j + 1}${name}: ${JSON.stringify(v)} is not a number`);
      }
      values[k++] = toNumber(v);
    }
    lines.push(line);
    rows++;
  };

  const consume = async (): Promise<void> => {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (width < 0) {
        pending.push({ record, line: info.lines });
        if (pending.length < 2) continue;
        decide(pending[0]!, pending[1]);
        for (const p of pending.slice(header !== null ? 1 : 0)) add(p.record, p.line);
        continue;
      }
      add(record, info.lines);
    }
    if (width < 0 && pending.length === 1) {
      decide(pending[0]!, undefined);
      if (header === null) add(pending[0]!.record, pending[0]!.line);
    }
  };
  try {
    await consume();
  } catch (e) {
    parser.destroy();
    if (e instanceof DataFileError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new DataFileError(file, err.code === 'ENOENT' ? 'no such file' : `cannot be read as ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${err.message}`);
  }
  if (rows === 0) throw new DataFileError(file, 'has no data rows');
  return {
    file,
    rows,
    cols,
    values: values.length === rows * cols ? values : values.slice(0, rows * cols),
    ids: idCol >= 0 ? ids : null,
    lineOfRow: (r) => lines[r]!,
  };
}
