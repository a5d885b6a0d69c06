/**
 * Reads a user's matrix file by its format: `.npy`, `.npz` (one named array: `--key`, or `file.npz:key`),
 * `.csv`, `.tsv` / `.tab`, `.jsonl` / `.ndjson`. `format` overrides the extension.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { DataFileError } from '../data/dataFileError.ts';
import { readDelimitedMatrix } from './formats/delimitedMatrix.ts';
import { readJsonLinesMatrix } from './formats/jsonLinesMatrix.ts';
import { readNpyMatrix } from './formats/npyMatrix.ts';
import { readNpzMatrix } from './formats/npzMatrix.ts';
import type { MatrixFile } from './matrixFile.ts';

export const MATRIX_FORMATS = ['npy', 'npz', 'csv', 'tsv', 'jsonl'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, MatrixFormat>> = {
  '.npy': 'npy',
  '.npz': 'npz',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export interface ReadMatrixOptions {
  /** Overrides the format the extension implies. */
  readonly format?: MatrixFormat;
  /** .npz: the array's name. */
  readonly key?: string;
  /** CSV/TSV: whether the first line is a header (detected when undefined). */
  readonly header?: boolean;
  /** CSV/TSV: the id column (header name or 1-based number). */
  readonly idColumn?: string;
}

/**
 * Reads `spec` (a path, or `archive.npz:key`) as a float32 matrix.
 * @throws DataFileError naming the file for a missing file, an unknown extension, or any format error.
 */
export async function readMatrix(spec: string, options: ReadMatrixOptions = {}): Promise<MatrixFile> {
  let path = spec;
  let key = options.key;
  const npzKey = /^(.*\.npz):([^/\\]+)$/i.exec(spec);
  if (npzKey !== null && key === undefined) {
    path = npzKey[1]!;
    key = npzKey[2]!;
  }
  const format = options.format ?? BY_EXTENSION[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new DataFileError(spec, `unknown format '${extname(path) || '(no extension)'}'; use .npy, .npz, .csv, .tsv or .jsonl, or name it with --format`);
  }
  try {
    if (!statSync(path).isFile()) throw new DataFileError(spec, 'is not a file');
  } catch (e) {
    if (e instanceof DataFileError) throw e;
    throw new DataFileError(spec, `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  switch (format) {
    case 'npy':
      return readNpyMatrix(path, spec);
    case 'npz':
      return readNpzMatrix(path, key, path);
    case 'csv':
    case 'tsv':
      return readDelimitedMatrix(path, { delimiter: format === 'tsv' ? '\t' : ',', header: options.header, idColumn: options.idColumn }, spec);
    case 'jsonl':
      return readJsonLinesMatrix(path, spec);
  }
}
