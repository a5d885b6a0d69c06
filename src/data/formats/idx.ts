/**
 * Reader for the IDX format of MNIST, Fashion-MNIST and EMNIST (LeCun et al., http://yann.lecun.com/exdb/mnist/),
 * raw or gzip-compressed.
 *
 * Layout: a 4-byte magic number `0x00 0x00 <type> <ndims>`, then `ndims` big-endian uint32 dimension
 * sizes, then the values in row-major (C) order, big-endian. Types: 0x08 uint8, 0x09 int8, 0x0B int16,
 * 0x0C int32, 0x0D float32, 0x0E float64.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DataFileError } from '../dataFileError.ts';

export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';
export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** A decoded IDX array: dimension sizes and the values, row-major. */
export interface IdxArray {
  readonly type: IdxType;
  readonly dims: readonly number[];
  readonly data: IdxData;
}

const TYPES: Record<number, { type: IdxType; bytes: number }> = {
  0x08: { type: 'uint8', bytes: 1 },
  0x09: { type: 'int8', bytes: 1 },
  0x0b: { type: 'int16', bytes: 2 },
  0x0c: { type: 'int32', bytes: 4 },
  0x0d: { type: 'float32', bytes: 4 },
  0x0e: { type: 'float64', bytes: 8 },
};

/** Whether the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** What an IDX error suggests when the caller knows no better way to get the file again. */
const DEFAULT_HOW_TO_GET = 'get a fresh copy of the official IDX file';

/**
 * The bytes, gunzipped when they start with the gzip magic number.
 * @param howToGet how to get a good copy (the dataset's own recovery step), appended to the error.
 * @throws DataFileError naming `file` when the gzip stream is truncated or corrupt.
 */
export function gunzipIfNeeded(bytes: Uint8Array, file: string, howToGet = DEFAULT_HOW_TO_GET): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new DataFileError(file, `gzip data is truncated or corrupt (${(e as Error).message}); ${howToGet}`);
  }
}

/**
 * Decodes an IDX file's bytes (raw or gzip). Unsigned bytes come back as a view on the (decompressed)
 * buffer without a copy; wider types are byte-swapped into a new array.
 *
 * Cost: O(file size).
 * @param file the file name, used in error messages only.
 * @param howToGet how to get a good copy, appended to every error (the dataset's own recovery step).
 * @throws DataFileError naming the file for a wrong magic number, an unknown type code, or a data
 *   length that does not match the header's dimensions (truncated or padded file).
 */
export function parseIdx(bytes: Uint8Array, file: string, howToGet = DEFAULT_HOW_TO_GET): IdxArray {
  const b = gunzipIfNeeded(bytes, file, howToGet);
  const hint = howToGet;
  if (b.length < 4) throw new DataFileError(file, `only ${b.length} bytes, too short for an IDX header; ${hint}`);
  if (b[0] !== 0 || b[1] !== 0) {
    const magic = Array.from(b.subarray(0, 4), (v) => v.toString(16).padStart(2, '0')).join(' ');
    throw new DataFileError(file, `wrong magic number ${magic}: an IDX file starts with 00 00 <type> <ndims>; ${hint}`);
  }
  const spec = TYPES[b[2]!];
  if (!spec) {
    throw new DataFileError(file, `unknown IDX type code 0x${b[2]!.toString(16)} (known: 08, 09, 0b, 0c, 0d, 0e); ${hint}`);
  }
  const ndims = b[3]!;
  const headerLen = 4 + 4 * ndims;
  if (b.length < headerLen) {
    throw new DataFileError(file, `header promises ${ndims} dimensions but the file has only ${b.length} bytes; ${hint}`);
  }
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const dims: number[] = [];
  let count = 1;
  for (let d = 0; d < ndims; d++) {
    const size = view.getUint32(4 + 4 * d, false);
    dims.push(size);
    count *= size;
  }
  const expected = headerLen + count * spec.bytes;
  if (b.length !== expected) {
    throw new DataFileError(
      file,
      `header shape [${dims.join(', ')}] of ${spec.type} needs ${expected} bytes but the file has ${b.length} ` +
        `(${b.length < expected ? 'truncated' : 'extra bytes at the end'}); ${hint}`,
    );
  }
  return { type: spec.type, dims, data: decodeValues(view, headerLen, count, spec.type, b) };
}

function decodeValues(view: DataView, off: number, n: number, type: IdxType, b: Uint8Array): IdxData {
  switch (type) {
    case 'uint8':
      return b.subarray(off, off + n);
    case 'int8':
      return new Int8Array(b.buffer, b.byteOffset + off, n).slice();
    case 'int16': {
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt16(off + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt32(off + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(off + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(off + 8 * i, false);
      return out;
    }
  }
}

/**
 * Reads and decodes an IDX file (raw or .gz) from disk.
 * @throws DataFileError naming the file when it is missing or not a valid IDX file.
 */
export function readIdxFile(path: string, howToGet = DEFAULT_HOW_TO_GET): IdxArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataFileError(path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${howToGet}`);
  }
  return parseIdx(bytes, path, howToGet);
}

/**
 * Reads an IDX image file (uint8, dims [N, H, W]) and the matching label file (uint8, dims [N]),
 * checking that they agree and that every label lies in [0, numClasses) (a corrupt label byte would
 * otherwise pass as a valid class and silently change the accuracy). Pixel bytes come back as they are
 * (no copy), labels as Int32Array.
 * @throws DataFileError naming the offending file for a wrong type, rank, count or label.
 */
export function readIdxImagesAndLabels(
  imagesPath: string,
  labelsPath: string,
  numClasses: number,
  howToGet?: string,
): { pixels: Uint8Array; labels: Int32Array; n: number; height: number; width: number } {
  const images = readIdxFile(imagesPath, howToGet);
  if (images.type !== 'uint8' || images.dims.length !== 3) {
    throw new DataFileError(
      imagesPath,
      `expected uint8 images with dims [N, H, W], got ${images.type} [${images.dims.join(', ')}]; is this an image file?`,
    );
  }
  const labels = readIdxFile(labelsPath, howToGet);
  if (labels.type !== 'uint8' || labels.dims.length !== 1) {
    throw new DataFileError(
      labelsPath,
      `expected uint8 labels with dims [N], got ${labels.type} [${labels.dims.join(', ')}]; is this a label file?`,
    );
  }
  const [n, height, width] = images.dims as [number, number, number];
  if (labels.dims[0] !== n) {
    throw new DataFileError(labelsPath, `has ${labels.dims[0]} labels but ${imagesPath} has ${n} images; use files of the same split`);
  }
  const y = Int32Array.from(labels.data as Uint8Array);
  for (let i = 0; i < n; i++) {
    if (y[i]! >= numClasses) {
      throw new DataFileError(labelsPath, `label ${y[i]} at row ${i} is outside the ${numClasses} classes [0, ${numClasses}); the file is corrupt or of another dataset; ${howToGet ?? DEFAULT_HOW_TO_GET}`);
    }
  }
  return { pixels: images.data as Uint8Array, labels: y, n, height, width };
}
