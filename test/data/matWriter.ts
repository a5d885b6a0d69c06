// Test helper: writes MATLAB level-5 MAT-files from the format description (matfile_format.pdf),
// independently of src/, with the options real files use: compressed or not, either byte order,
// small data elements for short names, numeric data stored in a narrower type than the class.
import { deflateSync } from 'node:zlib';

export const miINT8 = 1, miUINT8 = 2, miINT16 = 3, miUINT16 = 4, miINT32 = 5, miUINT32 = 6, miSINGLE = 7, miDOUBLE = 9;
export const mxCHAR = 4, mxDOUBLE = 6, mxSINGLE = 7, mxUINT8 = 9, mxINT16 = 10, mxINT32 = 12;
const SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 7: 4, 9: 8 };

export interface MatVar {
  name: string;
  classCode: number;
  dims: number[];
  dataType: number;
  values: ArrayLike<number>;
  complex?: boolean;
}

export interface MatWriteOptions {
  compress?: boolean;
  bigEndian?: boolean;
  /** Use the small data element format for short names (default true, as MATLAB does). */
  small?: boolean;
}

function values(type: number, v: ArrayLike<number>, be: boolean): Buffer {
  const b = Buffer.alloc(v.length * SIZE[type]!);
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    const o = i * SIZE[type]!;
    if (type === miINT8) b.writeInt8(x, o);
    else if (type === miUINT8) b.writeUInt8(x, o);
    else if (type === miINT16) be ? b.writeInt16BE(x, o) : b.writeInt16LE(x, o);
    else if (type === miUINT16) be ? b.writeUInt16BE(x, o) : b.writeUInt16LE(x, o);
    else if (type === miINT32) be ? b.writeInt32BE(x, o) : b.writeInt32LE(x, o);
    else if (type === miUINT32) be ? b.writeUInt32BE(x, o) : b.writeUInt32LE(x, o);
    else if (type === miSINGLE) be ? b.writeFloatBE(x, o) : b.writeFloatLE(x, o);
    else be ? b.writeDoubleBE(x, o) : b.writeDoubleLE(x, o);
  }
  return b;
}

function element(type: number, payload: Buffer, be: boolean, allowSmall: boolean, pad = true): Buffer {
  const u32 = (x: number) => {
    const b = Buffer.alloc(4);
    be ? b.writeUInt32BE(x >>> 0) : b.writeUInt32LE(x >>> 0);
    return b;
  };
  if (allowSmall && payload.length <= 4) {
    const data = Buffer.alloc(4);
    payload.copy(data);
    return Buffer.concat([u32((payload.length << 16) | type), data]);
  }
  const padLen = pad ? (8 - (payload.length % 8)) % 8 : 0;
  return Buffer.concat([u32(type), u32(payload.length), payload, Buffer.alloc(padLen)]);
}

export function matrixElement(v: MatVar, be: boolean, small = true): Buffer {
  const flags = Buffer.alloc(8);
  const f = v.classCode | (v.complex ? 0x800 : 0);
  be ? flags.writeUInt32BE(f, 0) : flags.writeUInt32LE(f, 0);
  const parts = [
    element(miUINT32, flags, be, false),
    element(miINT32, values(miINT32, v.dims, be), be, false),
    element(miINT8, Buffer.from(v.name, 'ascii'), be, small),
    element(v.dataType, values(v.dataType, v.values, be), be, small),
  ];
  if (v.complex) parts.push(element(v.dataType, values(v.dataType, v.values, be), be, small));
  return element(14, Buffer.concat(parts), be, false);
}

export function encodeMat(vars: MatVar[], o: MatWriteOptions = {}): Uint8Array {
  const be = o.bigEndian ?? false;
  const header = Buffer.alloc(128, 0x20);
  header.write('MATLAB 5.0 MAT-file, written by the falcun-lab tests', 0, 'latin1');
  header.fill(0, 116, 124);
  be ? header.writeUInt16BE(0x0100, 124) : header.writeUInt16LE(0x0100, 124);
  header.write(be ? 'MI' : 'IM', 126, 'latin1');
  const body = vars.map((v) => {
    const m = matrixElement(v, be, o.small ?? true);
    return o.compress ? element(15, deflateSync(m), be, false, false) : m;
  });
  return new Uint8Array(Buffer.concat([header, ...body]));
}
