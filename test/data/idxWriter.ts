// Test helper: writes IDX files byte by byte from the format description (not from src/), so the
// reader is checked against an independent encoder.
import { gzipSync } from 'node:zlib';

const CODES = { uint8: 0x08, int8: 0x09, int16: 0x0b, int32: 0x0c, float32: 0x0d, float64: 0x0e } as const;
const SIZES = { uint8: 1, int8: 1, int16: 2, int32: 4, float32: 4, float64: 8 } as const;

export function encodeIdx(type: keyof typeof CODES, dims: number[], values: ArrayLike<number>, gzip = false): Uint8Array {
  const n = dims.reduce((a, b) => a * b, 1);
  if (n !== values.length) throw new Error('encodeIdx: values do not match dims');
  const buf = Buffer.alloc(4 + 4 * dims.length + n * SIZES[type]);
  buf[2] = CODES[type];
  buf[3] = dims.length;
  dims.forEach((d, i) => buf.writeUInt32BE(d, 4 + 4 * i));
  let off = 4 + 4 * dims.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (type === 'uint8') buf.writeUInt8(v, off);
    else if (type === 'int8') buf.writeInt8(v, off);
    else if (type === 'int16') buf.writeInt16BE(v, off);
    else if (type === 'int32') buf.writeInt32BE(v, off);
    else if (type === 'float32') buf.writeFloatBE(v, off);
    else buf.writeDoubleBE(v, off);
    off += SIZES[type];
  }
  return gzip ? gzipSync(buf) : new Uint8Array(buf);
}
