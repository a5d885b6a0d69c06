/**
 * Reader for NumPy's `.npz` archives (`numpy.savez` / `savez_compressed`): a zip file holding one
 * `<key>.npy` per array, stored or deflated. Unzipped with `fflate`, which does not check CRCs: every
 * decoded member is checked against the CRC-32 its central directory records, as numpy does (a flipped
 * bit in a stored member would otherwise give silently wrong values).
 */
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { DataFileError } from '../dataFileError.ts';
import { parseNpy, type NpyArray } from './npy.ts';
import { zipChecksums } from './zipChecksums.ts';

/**
 * Decodes the arrays of an `.npz` archive, keyed by name without `.npy`.
 * @param keys when given, only these arrays are decoded (others are skipped unread), and each must exist.
 * @throws DataFileError naming the file when it is not a zip archive, is truncated, lacks a requested
 *   key (the message lists the keys present), or holds a bad .npy member (`file:key.npy` for a CRC-32
 *   mismatch or a bad header).
 */
export function parseNpz(bytes: Uint8Array, file: string, keys?: readonly string[]): Map<string, NpyArray> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DataFileError(file, 'wrong magic number: an .npz file is a zip archive starting with PK; get a fresh copy');
  }
  const wanted = keys ? new Set(keys.map((k) => `${k}.npy`)) : undefined;
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return wanted ? wanted.has(f.name) : f.name.endsWith('.npy');
      },
    });
  } catch (e) {
    throw new DataFileError(file, `the zip archive is truncated or corrupt (${(e as Error).message}); get a fresh copy`);
  }
  const checksums = zipChecksums(bytes, file);
  const out = new Map<string, NpyArray>();
  for (const [name, content] of Object.entries(files)) {
    const expected = checksums.get(name);
    const actual = crc32(content) >>> 0;
    if (expected !== actual) {
      throw new DataFileError(`${file}:${name}`, `CRC-32 mismatch (archive says ${hex(expected)}, content gives ${hex(actual)}): the file is corrupt; get a fresh copy`);
    }
    const key = name.replace(/\.npy$/, '');
    out.set(key, parseNpy(content, `${file}:${name}`));
  }
  if (keys) {
    const missing = keys.filter((k) => !out.has(k));
    if (missing.length > 0) {
      throw new DataFileError(
        file,
        `has no array${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (it holds: ${names.join(', ') || 'nothing'}); is this the right file?`,
      );
    }
  }
  return out;
}

/**
 * Reads an `.npz` file from disk; see {@link parseNpz}.
 * @throws DataFileError naming the file when it is missing or bad.
 */
export function readNpzFile(path: string, keys?: readonly string[], howToGet = 'get a fresh copy'): Map<string, NpyArray> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataFileError(path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${howToGet}`);
  }
  return parseNpz(bytes, path, keys);
}

function hex(v: number | undefined): string {
  return v === undefined ? 'nothing' : `0x${v.toString(16).padStart(8, '0')}`;
}
