// Test helper: writes .npy arrays and .npz archives from numpy's format description
// (numpy.lib.format), independently of src/. Zip through fflate: stored (numpy.savez) or deflated
// (numpy.savez_compressed).
import { zipSync } from 'fflate';

const SIZE: Record<string, number> = { u1: 1, i1: 1, b1: 1, u2: 2, i2: 2, u4: 4, i4: 4, f4: 4, f8: 8, i8: 8 };

export function encodeNpy(descr: string, shape: number[], values: ArrayLike<number>, o: { version?: 1 | 2; fortran?: boolean } = {}): Uint8Array {
  const kind = descr.slice(1);
  const be = descr[0] === '>';
  const size = SIZE[kind] ?? 8;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${o.fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const version = o.version ?? 1;
  const pre = version === 1 ? 10 : 12;
  const total = Math.ceil((pre + header.length + 1) / 64) * 64;
  header = header.padEnd(total - pre - 1, ' ') + '\n';
  const head = Buffer.alloc(pre);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]).copy(head);
  if (version === 1) head.writeUInt16LE(header.length, 8);
  else head.writeUInt32LE(header.length, 8);
  const data = Buffer.alloc(values.length * size);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const off = i * size;
    if (kind === 'u1' || kind === 'b1') data.writeUInt8(x, off);
    else if (kind === 'i1') data.writeInt8(x, off);
    else if (kind === 'u2') be ? data.writeUInt16BE(x, off) : data.writeUInt16LE(x, off);
    else if (kind === 'i2') be ? data.writeInt16BE(x, off) : data.writeInt16LE(x, off);
    else if (kind === 'u4') be ? data.writeUInt32BE(x, off) : data.writeUInt32LE(x, off);
    else if (kind === 'i4') be ? data.writeInt32BE(x, off) : data.writeInt32LE(x, off);
    else if (kind === 'f4') be ? data.writeFloatBE(x, off) : data.writeFloatLE(x, off);
    else if (kind === 'f8') be ? data.writeDoubleBE(x, off) : data.writeDoubleLE(x, off);
    else be ? data.writeBigInt64BE(BigInt(x), off) : data.writeBigInt64LE(BigInt(x), off);
  }
  return new Uint8Array(Buffer.concat([head, Buffer.from(header, 'latin1'), data]));
}

export function encodeNpz(arrays: Record<string, Uint8Array>, compressed = true): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [k, v] of Object.entries(arrays)) files[`${k}.npy`] = [v, { level: compressed ? 6 : 0 }];
  return zipSync(files);
}
