/**
 * Reads a 2-D float32 / float64 `.npy` array (C order) from disk without parsing numbers: float32
 * little-endian values are read with `readSync` straight into the Float32Array's memory; float64 and
 * big-endian values are converted chunk by chunk (a bounded 8 MB buffer), so a 1 M × 10 file costs one
 * sequential read and no per-value JavaScript objects.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DataFileError } from '../../data/dataFileError.ts';
import { parseNpyHeader } from '../../data/formats/npy.ts';
import type { MatrixFile } from '../matrixFile.ts';

/** numpy's headers are at most 64 KiB for v1 and a few hundred bytes in practice. */
const HEADER_PREFIX = 65_546;
const CHUNK_BYTES = 8 << 20;

/** The dtypes a probability or embedding matrix may have. */
const FLOAT_BYTES: Readonly<Record<string, 4 | 8>> = { f4: 4, f8: 8 };

/**
 * Reads `path` as a rows × cols matrix of float32.
 * Cost: O(file size) bytes read; memory: the Float32Array plus an 8 MB buffer for float64 / big-endian files.
 * @throws DataFileError naming the file for a non-.npy file, another dtype, Fortran order, a shape that is
 *   not 2-D, or a file shorter or longer than its header says.
 */
export function readNpyMatrix(path: string, file = path): MatrixFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new DataFileError(file, `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(size, HEADER_PREFIX));
    readFully(fd, head, 0);
    const { descr, shape, dataStart } = parseNpyHeader(head, file);
    const bytes = FLOAT_BYTES[descr.slice(1)];
    if (bytes === undefined || !'<>='.includes(descr[0]!)) {
      throw new DataFileError(file, `dtype '${descr}' is not supported here; save float32 or float64 (e.g. numpy.save(f, probs.astype(numpy.float32)))`);
    }
    if (shape.length !== 2) {
      throw new DataFileError(file, `shape (${shape.join(', ')}) is not 2-D; expected rows × classes (reshape to (N, C))`);
    }
    const [rows, cols] = shape as [number, number];
    const expected = rows * cols * bytes;
    if (size - dataStart !== expected) {
      throw new DataFileError(file, `shape (${rows}, ${cols}) of '${descr}' needs ${expected} data bytes but the file has ${size - dataStart} (${size - dataStart < expected ? 'truncated' : 'extra bytes at the end'})`);
    }
    const values = new Float32Array(rows * cols);
    const littleEndian = descr[0] !== '>';
    if (bytes === 4 && littleEndian) {
      readFully(fd, new Uint8Array(values.buffer), dataStart);
    } else {
      readConverted(fd, dataStart, values, bytes, littleEndian);
    }
    return { file, rows, cols, values, ids: null, lineOfRow: null };
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, Math.min(into.length - done, 1 << 30), position + done);
    if (n === 0) break;
    done += n;
  }
}

/** float64 (either byte order) or big-endian float32 → float32, one bounded chunk at a time. */
function readConverted(fd: number, dataStart: number, out: Float32Array, bytes: 4 | 8, littleEndian: boolean): void {
  const perChunk = Math.floor(CHUNK_BYTES / bytes);
  const buf = new Uint8Array(perChunk * bytes);
  const view = new DataView(buf.buffer);
  const f64 = new Float64Array(buf.buffer);
  for (let start = 0; start < out.length; start += perChunk) {
    const count = Math.min(perChunk, out.length - start);
    readFully(fd, buf.subarray(0, count * bytes), dataStart + start * bytes);
    if (bytes === 8 && littleEndian) {
      for (let i = 0; i < count; i++) out[start + i] = f64[i]!;
    } else if (bytes === 8) {
      for (let i = 0; i < count; i++) out[start + i] = view.getFloat64(i * 8, false);
    } else {
      for (let i = 0; i < count; i++) out[start + i] = view.getFloat32(i * 4, false);
    }
  }
}
