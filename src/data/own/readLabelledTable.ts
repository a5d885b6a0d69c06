/**
 * Reads a CSV/TSV table with a header into numeric features and string labels, streamed through csv-parse
 * (quotes, CRLF, BOM). The label column is found by its header name; every other column (except
 * `ignoreColumns`) must hold a number in every row, and every row must have the header's width.
 */
import { createReadStream, existsSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import { DataFileError } from '../dataFileError.ts';
import type { LabelledRows } from './ownSplits.ts';

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface LabelledTable extends LabelledRows {
  readonly featureNames: readonly string[];
}

/**
 * @throws DataFileError naming the file (and row, line, column) for a missing file, no label column (listing
 *   the header), a row of another width, a missing label, or a feature that is not a number.
 */
export async function readLabelledTable(path: string, labelColumn: string, options: { delimiter?: string; ignoreColumns?: readonly string[] } = {}): Promise<LabelledTable> {
  if (!existsSync(path)) throw new DataFileError(path, 'no such file (paths are relative to the folder the command runs in)');
  const ext = extname(path).toLowerCase();
  const delimiter = options.delimiter ?? (ext === '.tsv' || ext === '.tab' ? '\t' : ',');
  const parser = createReadStream(path).pipe(parse({ delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }));
  let header: string[] | null = null;
  let labelAt = -1;
  let featureAt: number[] = [];
  let x = new Float64Array(1 << 12);
  const labels: string[] = [];
  const lines: number[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header === null) {
        header = record;
        labelAt = header.indexOf(labelColumn);
        if (labelAt < 0) throw new DataFileError(path, `line ${info.lines}: no label column '${labelColumn}' in the header (columns: ${header.join(', ')}); set options.labelColumn`);
        const ignore = new Set(options.ignoreColumns ?? []);
        for (const c of ignore) if (!header.includes(c)) throw new DataFileError(path, `options.ignoreColumns names '${c}', which the header lacks (columns: ${header.join(', ')})`);
        featureAt = header.map((_, j) => j).filter((j) => j !== labelAt && !ignore.has(header![j]!));
        if (featureAt.length === 0) throw new DataFileError(path, 'has no feature columns besides the label');
        continue;
      }
      const row = labels.length;
      const where = `row ${row}, line ${info.lines}`;
      if (record.length !== header.length) throw new DataFileError(path, `${where}: has ${record.length} fields, the header has ${header.length}`);
      const label = record[labelAt]!;
      if (label === '') throw new DataFileError(path, `${where}: the label ('${labelColumn}') is empty`);
      const d = featureAt.length;
      if ((row + 1) * d > x.length) {
        const grown = new Float64Array(x.length * 2 + d);
        grown.set(x);
        x = grown;
      }
      for (let k = 0; k < d; k++) {
        const v = record[featureAt[k]!]!;
        if (!NUMBER_RE.test(v)) throw new DataFileError(path, `${where}, column '${header[featureAt[k]!]}': ${JSON.stringify(v)} is not a number (leave such columns out with options.ignoreColumns)`);
        x[row * d + k] = Number(v);
      }
      labels.push(label);
      lines.push(info.lines);
    }
  } catch (e) {
    parser.destroy();
    if (e instanceof DataFileError) throw e;
    throw new DataFileError(path, `cannot be read as ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${(e as Error).message}`);
  }
  if (header === null || labels.length === 0) throw new DataFileError(path, 'has no data rows');
  return {
    file: path,
    x: x.slice(0, labels.length * featureAt.length),
    labels,
    rowName: (i) => `row ${i}, line ${lines[i]}`,
    featureNames: featureAt.map((j) => header![j]!),
  };
}
