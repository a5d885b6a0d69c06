/**
 * Reads one named 2-D float array from an `.npz` archive (`numpy.savez` / `savez_compressed`); the
 * archive reader checks the member's CRC-32.
 */
import { readFileSync } from 'node:fs';
import { DataFileError } from '../../data/dataFileError.ts';
import { parseNpz } from '../../data/formats/npz.ts';
import { zipChecksums } from '../../data/formats/zipChecksums.ts';
import type { MatrixFile } from '../matrixFile.ts';

/**
 * `path` holds arrays by name; `key` picks one (default: the only array, or 'probs').
 * Cost: the archive is read whole (a compressed member cannot be mapped) and the member decoded once.
 * @throws DataFileError naming the file (and `file:key.npy` for the member) for a missing key (listing those
 *   present), a CRC mismatch, or a member that is not a 2-D float32/float64 array.
 */
export function readNpzMatrix(path: string, key: string | undefined, file = path): MatrixFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataFileError(file, `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DataFileError(file, 'not an .npz archive (a zip file starts with PK)');
  const checksums = zipChecksums(bytes, file);
  const arrays = [...checksums.keys()].filter((n) => n.endsWith('.npy')).map((n) => n.slice(0, -4));
  const name = key ?? (arrays.length === 1 ? arrays[0]! : arrays.includes('probs') ? 'probs' : undefined);
  if (name === undefined || !arrays.includes(name)) {
    const which = name === undefined ? 'holds several arrays' : `has no array '${name}'`;
    throw new DataFileError(file, `${which} (it holds: ${arrays.join(', ') || 'nothing'}); name one with --key (file.npz:name also works)`);
  }
  const member = `${name}.npy`;
  const array = parseNpz(bytes, file, [name]).get(name)!; // CRC-checked
  const where = `${file}:${member}`;
  if (array.dtype.slice(1) !== 'f4' && array.dtype.slice(1) !== 'f8') {
    throw new DataFileError(where, `dtype '${array.dtype}' is not supported here; save float32 or float64`);
  }
  if (array.shape.length !== 2) throw new DataFileError(where, `shape (${array.shape.join(', ')}) is not 2-D; expected rows × classes`);
  const values = array.data instanceof Float32Array ? array.data : Float32Array.from(array.data);
  return { file: where, rows: array.shape[0]!, cols: array.shape[1]!, values, ids: null, lineOfRow: null };
}
