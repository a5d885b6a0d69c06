/**
 * Reader for MATLAB level-5 MAT-files (the format of `save -v6` / `-v7`, e.g. SVHN's
 * `train_32x32.mat`), after MathWorks' "MAT-File Format" document (matfile_format.pdf).
 *
 * Layout: a 128-byte header (116 bytes of text, 8 bytes subsystem offset, version 0x0100, and the
 * endian indicator 'IM' for little-endian / 'MI' for big-endian files), then data elements. Each
 * element has an 8-byte tag (type, byte count) and data padded to 8 bytes; an element of at most
 * 4 bytes may use the small format (count in the tag's upper 16 bits, data in its second word).
 * miCOMPRESSED (15) elements hold one zlib-compressed element. Variables are miMATRIX (14) elements:
 * array flags (class), dimensions, name, then the real part.
 *
 * Supported: numeric and logical classes (double, single, int8..uint64), stored with any numeric
 * data type (MATLAB stores e.g. a double array of small integers as uint8). Not supported (skipped):
 * char, cell, struct, object and sparse variables; complex arrays throw. MAT v7.3 (HDF5) throws.
 * Values stay in MATLAB's column-major order; `dims` is MATLAB's size vector.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { DataFileError } from '../dataFileError.ts';

export type MatClass = 'double' | 'single' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64';
export type MatData = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** One numeric variable: its class, MATLAB size vector, and values in column-major order. */
export interface MatVariable {
  readonly name: string;
  readonly className: MatClass;
  readonly dims: readonly number[];
  readonly data: MatData;
}

const MI = { INT8: 1, UINT8: 2, INT16: 3, UINT16: 4, INT32: 5, UINT32: 6, SINGLE: 7, DOUBLE: 9, INT64: 12, UINT64: 13, MATRIX: 14, COMPRESSED: 15, UTF8: 16 } as const;
const MI_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 7: 4, 9: 8, 12: 8, 13: 8, 16: 1 };
const CLASSES: Record<number, { name: MatClass; mi: number; make: (n: number) => MatData }> = {
  6: { name: 'double', mi: MI.DOUBLE, make: (n) => new Float64Array(n) },
  7: { name: 'single', mi: MI.SINGLE, make: (n) => new Float32Array(n) },
  8: { name: 'int8', mi: MI.INT8, make: (n) => new Int8Array(n) },
  9: { name: 'uint8', mi: MI.UINT8, make: (n) => new Uint8Array(n) },
  10: { name: 'int16', mi: MI.INT16, make: (n) => new Int16Array(n) },
  11: { name: 'uint16', mi: MI.UINT16, make: (n) => new Uint16Array(n) },
  12: { name: 'int32', mi: MI.INT32, make: (n) => new Int32Array(n) },
  13: { name: 'uint32', mi: MI.UINT32, make: (n) => new Uint32Array(n) },
  14: { name: 'int64', mi: MI.INT64, make: (n) => new Float64Array(n) },
  15: { name: 'uint64', mi: MI.UINT64, make: (n) => new Float64Array(n) },
};
const HINT = 'the file is not a valid MAT-file (v5/v6/v7); get a fresh copy';

interface Element {
  readonly type: number;
  /** Absolute offset of the data in the buffer, and its byte count. */
  readonly start: number;
  readonly bytes: number;
  /** Offset of the next element. */
  readonly next: number;
}

class Reader {
  readonly view: DataView;
  constructor(
    readonly buf: Uint8Array,
    readonly le: boolean,
    readonly file: string,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  fail(what: string): never {
    throw new DataFileError(this.file, `${what}; ${HINT}`);
  }

  u32(off: number): number {
    return this.view.getUint32(off, this.le);
  }

  /** The data element starting at `off` (which must lie before `end`). */
  element(off: number, end: number): Element {
    if (off + 8 > end) this.fail(`truncated: a data element tag at byte ${off} runs past the end (${end})`);
    const first = this.u32(off);
    if (first >>> 16 !== 0) {
      const bytes = first >>> 16;
      if (bytes > 4) this.fail(`small data element at byte ${off} claims ${bytes} bytes (at most 4)`);
      return { type: first & 0xffff, start: off + 4, bytes, next: off + 8 };
    }
    const bytes = this.u32(off + 4);
    const start = off + 8;
    if (start + bytes > end) {
      this.fail(`truncated: the data element at byte ${off} needs ${bytes} bytes but only ${end - start} remain`);
    }
    const padded = first === MI.COMPRESSED ? bytes : Math.ceil(bytes / 8) * 8;
    return { type: first, start, bytes, next: Math.min(start + padded, end) };
  }

  /** Values of a numeric element converted into `out` (which has exactly count slots). */
  numbers(el: Element, out: MatData, what: string): void {
    const size = MI_SIZE[el.type];
    if (size === undefined || el.type === MI.UTF8) this.fail(`${what}: data type ${el.type} is not numeric`);
    const n = el.bytes / size;
    if (n !== out.length) this.fail(`${what}: ${n} values stored but the dimensions need ${out.length}`);
    const v = this.view;
    const le = this.le;
    const s = el.start;
    switch (el.type) {
      case MI.UINT8:
        if (out instanceof Uint8Array) out.set(this.buf.subarray(s, s + n));
        else for (let i = 0; i < n; i++) out[i] = this.buf[s + i]!;
        return;
      case MI.INT8:
        for (let i = 0; i < n; i++) out[i] = v.getInt8(s + i);
        return;
      case MI.INT16:
        for (let i = 0; i < n; i++) out[i] = v.getInt16(s + 2 * i, le);
        return;
      case MI.UINT16:
        for (let i = 0; i < n; i++) out[i] = v.getUint16(s + 2 * i, le);
        return;
      case MI.INT32:
        for (let i = 0; i < n; i++) out[i] = v.getInt32(s + 4 * i, le);
        return;
      case MI.UINT32:
        for (let i = 0; i < n; i++) out[i] = v.getUint32(s + 4 * i, le);
        return;
      case MI.SINGLE:
        for (let i = 0; i < n; i++) out[i] = v.getFloat32(s + 4 * i, le);
        return;
      case MI.DOUBLE:
        for (let i = 0; i < n; i++) out[i] = v.getFloat64(s + 8 * i, le);
        return;
      case MI.INT64:
        for (let i = 0; i < n; i++) out[i] = Number(v.getBigInt64(s + 8 * i, le));
        return;
      case MI.UINT64:
        for (let i = 0; i < n; i++) out[i] = Number(v.getBigUint64(s + 8 * i, le));
        return;
    }
  }

  /** Decodes an miMATRIX element's content; undefined for unsupported (skipped) classes. */
  matrix(el: Element): MatVariable | undefined {
    const end = el.start + el.bytes;
    if (el.bytes === 0) return undefined; // empty placeholder
    const flagsEl = this.element(el.start, end);
    if (flagsEl.type !== MI.UINT32 || flagsEl.bytes !== 8) this.fail(`array flags at byte ${el.start} are malformed`);
    const flags = this.u32(flagsEl.start);
    const classCode = flags & 0xff;
    const complex = (flags & 0x800) !== 0;
    const dimsEl = this.element(flagsEl.next, end);
    if (dimsEl.type !== MI.INT32 || dimsEl.bytes % 4 !== 0) this.fail(`dimensions at byte ${flagsEl.next} are malformed`);
    const dims: number[] = [];
    for (let i = 0; i < dimsEl.bytes / 4; i++) {
      const d = this.view.getInt32(dimsEl.start + 4 * i, this.le);
      if (d < 0) this.fail(`negative dimension ${d} at byte ${dimsEl.start + 4 * i}`);
      dims.push(d);
    }
    const nameEl = this.element(dimsEl.next, end);
    if (nameEl.type !== MI.INT8 && nameEl.type !== MI.UINT8 && nameEl.type !== MI.UTF8) this.fail(`array name at byte ${dimsEl.next} is malformed`);
    const name = new TextDecoder().decode(this.buf.subarray(nameEl.start, nameEl.start + nameEl.bytes));
    const cls = CLASSES[classCode];
    if (!cls) return undefined; // char, cell, struct, object, sparse: not needed here
    if (complex) throw new DataFileError(this.file, `variable '${name}' is complex, which this reader does not support`);
    const count = dims.reduce((a, b) => a * b, 1);
    const realEl = this.element(nameEl.next, end);
    const out = cls.make(count);
    this.numbers(realEl, out, `variable '${name}' (${cls.name}, size ${dims.join('×')})`);
    return { name, className: cls.name, dims, data: out };
  }
}

/**
 * Decodes the numeric variables of a MAT-file (level 5, compressed or not).
 * Cost: O(file size), plus the inflated size of compressed variables.
 * @param file the file name used in error messages.
 * @param names when given, only these variables are kept (others are still scanned), and each must exist.
 * @throws DataFileError naming the file for a bad header (not a MAT-file, or v7.3/HDF5), a truncated
 *   or corrupt element, a value count that does not match the dimensions, a complex variable, or a
 *   missing requested variable.
 */
export function parseMat(bytes: Uint8Array, file: string, names?: readonly string[]): Map<string, MatVariable> {
  if (bytes.length < 128) throw new DataFileError(file, `only ${bytes.length} bytes, too short for the 128-byte MAT-file header; ${HINT}`);
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 116));
  if (text.startsWith('MATLAB 7.3')) {
    throw new DataFileError(file, `is a MAT v7.3 (HDF5) file, which this reader does not support; re-save it in MATLAB with save(..., '-v7')`);
  }
  const endian = String.fromCharCode(bytes[126]!, bytes[127]!);
  if (endian !== 'IM' && endian !== 'MI') {
    throw new DataFileError(file, `wrong endian indicator '${endian}' at bytes 126-127 (expected 'IM' or 'MI'): ${HINT}`);
  }
  const root = new Reader(bytes, endian === 'IM', file);
  const version = root.view.getUint16(124, root.le);
  if (version !== 0x0100) root.fail(`unsupported MAT-file version 0x${version.toString(16)} (expected 0x0100)`);
  const out = new Map<string, MatVariable>();
  const keep = names ? new Set(names) : undefined;
  let off = 128;
  while (off < bytes.length) {
    const el = root.element(off, bytes.length);
    let v: MatVariable | undefined;
    if (el.type === MI.COMPRESSED) {
      let inner: Uint8Array;
      try {
        inner = inflateSync(bytes.subarray(el.start, el.start + el.bytes));
      } catch (e) {
        throw new DataFileError(file, `compressed element at byte ${off} is truncated or corrupt (${(e as Error).message}); ${HINT}`);
      }
      const r = new Reader(inner, root.le, file);
      const innerEl = r.element(0, inner.length);
      if (innerEl.type === MI.MATRIX) v = r.matrix(innerEl);
    } else if (el.type === MI.MATRIX) {
      v = root.matrix(el);
    }
    if (v && (!keep || keep.has(v.name))) out.set(v.name, v);
    off = el.next;
  }
  if (names) {
    const missing = names.filter((n) => !out.has(n));
    if (missing.length > 0) {
      throw new DataFileError(file, `has no numeric variable ${missing.join(', ')} (found: ${[...out.keys()].join(', ') || 'none'}); is this the right file?`);
    }
  }
  return out;
}

/**
 * Reads a MAT-file from disk; see {@link parseMat}.
 * @throws DataFileError naming the file when it is missing or bad.
 */
export function readMatFile(path: string, names?: readonly string[], howToGet = 'get a fresh copy'): Map<string, MatVariable> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataFileError(path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${howToGet}`);
  }
  return parseMat(bytes, path, names);
}
