/**
 * Reader for NumPy's `.npy` format (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html).
 *
 * Layout: magic `\x93NUMPY`, major and minor version bytes, the header length (uint16 LE for v1,
 * uint32 LE for v2/v3), then an ASCII (v3: UTF-8) Python dict literal such as
 * `{'descr': '|u1', 'fortran_order': False, 'shape': (10, 28, 28, 3), }`, padded with spaces and a
 * newline, then the raw values.
 * Supported dtypes: bool, u1, i1, u2, i2, u4, i4, f4, f8 in either byte order (big-endian values are
 * swapped), and i8/u8 (converted to Float64Array; exact up to 2^53). C order only.
 */
import { DataFileError } from '../dataFileError.ts';

export type NpyData = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** A decoded array: numpy dtype string (as stored), shape, and values in C (row-major) order. */
export interface NpyArray {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data: NpyData;
}

const KINDS: Record<string, { bytes: number; make: (buf: ArrayBuffer, n: number) => NpyData; get: (v: DataView, o: number, le: boolean) => number }> = {
  b1: { bytes: 1, make: (b, n) => new Uint8Array(b, 0, n), get: (v, o) => v.getUint8(o) },
  u1: { bytes: 1, make: (b, n) => new Uint8Array(b, 0, n), get: (v, o) => v.getUint8(o) },
  i1: { bytes: 1, make: (b, n) => new Int8Array(b, 0, n), get: (v, o) => v.getInt8(o) },
  u2: { bytes: 2, make: (b, n) => new Uint16Array(b, 0, n), get: (v, o, le) => v.getUint16(o, le) },
  i2: { bytes: 2, make: (b, n) => new Int16Array(b, 0, n), get: (v, o, le) => v.getInt16(o, le) },
  u4: { bytes: 4, make: (b, n) => new Uint32Array(b, 0, n), get: (v, o, le) => v.getUint32(o, le) },
  i4: { bytes: 4, make: (b, n) => new Int32Array(b, 0, n), get: (v, o, le) => v.getInt32(o, le) },
  f4: { bytes: 4, make: (b, n) => new Float32Array(b, 0, n), get: (v, o, le) => v.getFloat32(o, le) },
  f8: { bytes: 8, make: (b, n) => new Float64Array(b, 0, n), get: (v, o, le) => v.getFloat64(o, le) },
  i8: { bytes: 8, make: (b, n) => new Float64Array(b, 0, n), get: (v, o, le) => Number(v.getBigInt64(o, le)) },
  u8: { bytes: 8, make: (b, n) => new Float64Array(b, 0, n), get: (v, o, le) => Number(v.getBigUint64(o, le)) },
};

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const HINT = 'the file is not a valid .npy array; get a fresh copy';

/** A `.npy` header: dtype string as stored, shape, and the byte offset where the values start. */
export interface NpyHeader {
  readonly descr: string;
  readonly shape: readonly number[];
  readonly dataStart: number;
}

/**
 * Reads the header of a `.npy` file from its first bytes (the whole file, or a prefix that holds the
 * header: readers of big files read the values themselves, straight into a typed array).
 * @throws DataFileError naming the file for a wrong magic number, an unsupported version, Fortran order
 *   or an unreadable header.
 */
export function parseNpyHeader(bytes: Uint8Array, file: string): NpyHeader {
  if (bytes.length < 10 || MAGIC.some((m, i) => bytes[i] !== m)) {
    throw new DataFileError(file, `wrong magic number: a .npy file starts with \\x93NUMPY; ${HINT}`);
  }
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen: number;
  let headerStart: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new DataFileError(file, `truncated header; ${HINT}`);
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new DataFileError(file, `unsupported .npy version ${major}.${bytes[7]} (supported: 1, 2, 3); ${HINT}`);
  }
  const dataStart = headerStart + headerLen;
  if (bytes.length < dataStart) {
    throw new DataFileError(file, `header says ${headerLen} bytes but the file ends after ${bytes.length - headerStart}: truncated; ${HINT}`);
  }
  const header = new TextDecoder().decode(bytes.subarray(headerStart, dataStart));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new DataFileError(file, `cannot read the header ${JSON.stringify(header.trim())}; ${HINT}`);
  }
  if (fortran === 'True') {
    throw new DataFileError(file, `arrays in Fortran order are not supported; save it with numpy.ascontiguousarray(a) first`);
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const d = Number(s.replace(/L$/, ''));
      if (!Number.isInteger(d) || d < 0) throw new DataFileError(file, `bad dimension '${s}' in shape (${shapeText}); ${HINT}`);
      return d;
    });
  return { descr, shape, dataStart };
}

/**
 * Decodes a `.npy` file's bytes.
 * Cost: O(file size); one copy of the values into an aligned typed array.
 * @param file the name used in error messages.
 * @throws DataFileError naming the file for a wrong magic number, an unsupported version, dtype or
 *   Fortran order, an unreadable header, or a value count that does not match the shape.
 */
export function parseNpy(bytes: Uint8Array, file: string): NpyArray {
  const { descr, shape, dataStart } = parseNpyHeader(bytes, file);
  const order = descr[0]!;
  const kindKey = descr.slice(1) === '?' ? 'b1' : descr.slice(1);
  const kind = KINDS[kindKey];
  if (!'<>|='.includes(order) || !kind) {
    throw new DataFileError(file, `unsupported dtype '${descr}' (supported: ${Object.keys(KINDS).join(', ')}, either byte order)`);
  }
  const n = shape.reduce((a, b) => a * b, 1);
  const expected = n * kind.bytes;
  const have = bytes.length - dataStart;
  if (have !== expected) {
    throw new DataFileError(
      file,
      `shape (${shape.join(', ')}) of '${descr}' needs ${expected} data bytes but the file has ${have} ` +
        `(${have < expected ? 'truncated' : 'extra bytes at the end'}); ${HINT}`,
    );
  }
  const littleEndian = order !== '>';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const native = littleEndian && !(kindKey === 'i8' || kindKey === 'u8');
  let data: NpyData;
  if (native) {
    // An aligned copy (new Uint8Array(view) copies; a Node Buffer's slice would be a view into its pool).
    const copy = new Uint8Array(bytes.subarray(dataStart, dataStart + expected));
    data = kind.make(copy.buffer, n);
  } else {
    data = kind.make(new ArrayBuffer(n * (kindKey === 'i8' || kindKey === 'u8' ? 8 : kind.bytes)), n);
    for (let i = 0; i < n; i++) data[i] = kind.get(view, dataStart + i * kind.bytes, littleEndian);
  }
  return { dtype: descr, shape, data };
}
