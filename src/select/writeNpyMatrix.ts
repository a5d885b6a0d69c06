/**
 * Writes a rows × cols float32 matrix as a version-1 `.npy` file (little-endian '<f4', C order): what
 * `numpy.save(f, a.astype(numpy.float32))` writes, so numpy and `readMatrix` read it back unchanged.
 * The header is padded with spaces so that the values start at a multiple of 64 bytes, as numpy does.
 * @throws RangeError when values.length is not rows × cols.
 */
import { writeFileSync } from 'node:fs';

export function writeNpyMatrix(file: string, values: Float32Array, rows: number, cols: number): void {
  if (values.length !== rows * cols) throw new RangeError(`writeNpyMatrix: ${values.length} values is not rows × cols = ${rows} × ${cols}`);
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  header = header.padEnd(Math.ceil((10 + header.length + 1) / 64) * 64 - 11, ' ') + '\n';
  const pre = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0, 0]);
  pre.writeUInt16LE(header.length, 8);
  writeFileSync(file, Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(values.buffer, values.byteOffset, values.byteLength)]));
}
