/**
 * Reads a JSON-lines matrix: one row per line, either an array of numbers or an object
 * `{"id": ..., "probs": [...]}` (also "probabilities", "logits" or "values"). Blank lines are skipped.
 * Streamed line by line into a growing Float32Array.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DataFileError } from '../../data/dataFileError.ts';
import type { MatrixFile } from '../matrixFile.ts';

const VALUE_KEYS = ['probs', 'probabilities', 'logits', 'values'] as const;

/**
 * Streams `path` into a MatrixFile. O(file size).
 * @throws DataFileError naming the file, row and line for invalid JSON, a row without values, a non-number,
 *   a row of another width, or ids given on some rows but not others.
 */
export async function readJsonLinesMatrix(path: string, file = path): Promise<MatrixFile> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<never>((_, reject) => stream.on('error', reject));
  opened.catch(() => undefined);
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let values = new Float32Array(1 << 16);
  let rows = 0;
  let cols = -1;
  let line = 0;
  let withIds: boolean | null = null;
  const ids: string[] = [];
  const lines: number[] = [];
  try {
    for await (const text of rl) {
      line++;
      if (text.trim() === '') continue;
      const where = `row ${rows}, line ${line}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        throw new DataFileError(file, `${where}: not valid JSON (${(e as Error).message})`);
      }
      let row: unknown;
      let id: unknown;
      if (Array.isArray(parsed)) row = parsed;
      else if (parsed !== null && typeof parsed === 'object') {
        const o = parsed as Record<string, unknown>;
        const key = VALUE_KEYS.find((k) => k in o);
        if (key === undefined) throw new DataFileError(file, `${where}: an object row needs one of ${VALUE_KEYS.join(', ')}`);
        row = o[key];
        id = o.id;
      } else throw new DataFileError(file, `${where}: expected an array of numbers or an object with "probs"`);
      if (!Array.isArray(row)) throw new DataFileError(file, `${where}: the values must be an array of numbers`);
      const hasId = id !== undefined;
      if (withIds === null) withIds = hasId;
      else if (withIds !== hasId) throw new DataFileError(file, `${where}: ${hasId ? 'has an "id" but earlier rows do not' : 'has no "id" but earlier rows do'}`);
      if (cols < 0) cols = row.length;
      if (row.length !== cols) throw new DataFileError(file, `${where}: has ${row.length} values, expected ${cols} like the first row`);
      if ((rows + 1) * cols > values.length) {
        const grown = new Float32Array(Math.max(values.length * 2, (rows + 1) * cols));
        grown.set(values);
        values = grown;
      }
      for (let k = 0; k < cols; k++) {
        const v = row[k];
        if (typeof v !== 'number') throw new DataFileError(file, `${where}, value ${k}: ${JSON.stringify(v)} is not a number`);
        values[rows * cols + k] = v;
      }
      if (hasId) ids.push(String(id));
      lines.push(line);
      rows++;
    }
  } catch (e) {
    rl.close();
    stream.destroy();
    if (e instanceof DataFileError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new DataFileError(file, err.code === 'ENOENT' ? 'no such file' : `cannot be read: ${err.message}`);
  }
  if (rows === 0 || cols < 1) throw new DataFileError(file, 'has no data rows');
  return { file, rows, cols, values: values.slice(0, rows * cols), ids: withIds === true ? ids : null, lineOfRow: (r) => lines[r]! };
}
