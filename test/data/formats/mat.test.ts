import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMat, readMatFile } from '../../../src/data/formats/mat.ts';
import { DataFileError } from '../../../src/data/dataFileError.ts';
import {
  encodeMat, miDOUBLE, miINT16, miINT8, miSINGLE, miUINT16, miUINT8, mxCHAR, mxDOUBLE, mxINT16, mxINT32, mxSINGLE, mxUINT8,
  type MatVar,
} from '../matWriter.ts';

const X: MatVar = { name: 'X', classCode: mxUINT8, dims: [2, 3, 2], dataType: miUINT8, values: Array.from({ length: 12 }, (_, i) => i * 20) };
const y: MatVar = { name: 'y', classCode: mxDOUBLE, dims: [3, 1], dataType: miUINT8, values: [10, 1, 7] }; // double stored compactly, as MATLAB does
const w: MatVar = { name: 'weights', classCode: mxDOUBLE, dims: [1, 2], dataType: miDOUBLE, values: [0.5, -2.25] };
const s: MatVar = { name: 'small', classCode: mxSINGLE, dims: [1, 1], dataType: miSINGLE, values: [1.5] };
const i16: MatVar = { name: 'i16', classCode: mxINT16, dims: [1, 3], dataType: miINT16, values: [-7, 0, 300] };
const i32: MatVar = { name: 'i32', classCode: mxINT32, dims: [2, 1], dataType: miINT8, values: [-1, 5] };
const u16: MatVar = { name: 'u16', classCode: mxDOUBLE, dims: [1, 1], dataType: miUINT16, values: [65535] };
const text: MatVar = { name: 'note', classCode: mxCHAR, dims: [1, 2], dataType: miUINT16, values: [104, 105] };

test('parseMat: numeric variables round-trip, compressed or not, either byte order, small elements or not', () => {
  for (const compress of [false, true]) {
    for (const bigEndian of [false, true]) {
      for (const small of [true, false]) {
        const vars = parseMat(encodeMat([X, text, y, w, s, i16, i32, u16], { compress, bigEndian, small }), 'f.mat');
        const tag = `compress=${compress} be=${bigEndian} small=${small}`;
        assert.deepEqual([...vars.keys()], ['X', 'y', 'weights', 'small', 'i16', 'i32', 'u16'], tag); // char skipped
        const gx = vars.get('X')!;
        assert.equal(gx.className, 'uint8');
        assert.deepEqual(gx.dims, [2, 3, 2]);
        assert.ok(gx.data instanceof Uint8Array);
        assert.deepEqual(Array.from(gx.data), X.values, tag);
        const gy = vars.get('y')!;
        assert.equal(gy.className, 'double');
        assert.ok(gy.data instanceof Float64Array);
        assert.deepEqual(Array.from(gy.data), [10, 1, 7]);
        assert.deepEqual(Array.from(vars.get('weights')!.data), [0.5, -2.25]);
        assert.deepEqual(Array.from(vars.get('small')!.data), [1.5]);
        assert.deepEqual(Array.from(vars.get('i16')!.data), [-7, 0, 300]);
        assert.ok(vars.get('i32')!.data instanceof Int32Array);
        assert.deepEqual(Array.from(vars.get('i32')!.data), [-1, 5]);
        assert.deepEqual(Array.from(vars.get('u16')!.data), [65535]);
      }
    }
  }
});

test('parseMat: names filter and missing variable', () => {
  const bytes = encodeMat([X, y, w], { compress: true });
  assert.deepEqual([...parseMat(bytes, 'f.mat', ['y']).keys()], ['y']);
  assert.throws(() => parseMat(bytes, 'f.mat', ['X', 'Z']), /f\.mat: has no numeric variable Z \(found: X\)/);
});

test('parseMat: bad input names the file and what is wrong', () => {
  const is = (re: RegExp) => (e: Error) => e instanceof DataFileError && re.test(e.message);
  const plain = encodeMat([X, y]);
  assert.throws(() => parseMat(plain.subarray(0, plain.length - 12), 'a.mat'), is(/^a\.mat: truncated: the data element at byte \d+ needs \d+ bytes/));
  assert.throws(() => parseMat(plain.subarray(0, 100), 'a.mat'), is(/only 100 bytes, too short for the 128-byte MAT-file header/));
  const endian = plain.slice();
  endian[126] = 0x58;
  assert.throws(() => parseMat(endian, 'a.mat'), is(/wrong endian indicator 'XM'/));
  const version = plain.slice();
  version[124] = 0;
  version[125] = 2;
  assert.throws(() => parseMat(version, 'a.mat'), is(/unsupported MAT-file version 0x200/));
  const v73 = plain.slice();
  v73.set(Buffer.from('MATLAB 7.3 MAT-file'), 0);
  assert.throws(() => parseMat(v73, 'a.mat'), is(/v7\.3 \(HDF5\).*save\(\.\.\., '-v7'\)/));
  const packed = encodeMat([X], { compress: true });
  const corrupt = packed.slice();
  for (let i = 140; i < corrupt.length; i++) corrupt[i] = 0xff - corrupt[i]!;
  assert.throws(() => parseMat(corrupt, 'a.mat'), is(/compressed element at byte 128 is truncated or corrupt/));
  const mismatch = encodeMat([{ ...X, dims: [2, 3, 3] }]);
  assert.throws(() => parseMat(mismatch, 'a.mat'), is(/variable 'X' \(uint8, size 2×3×3\): 12 values stored but the dimensions need 18/));
  assert.throws(() => parseMat(encodeMat([{ ...w, complex: true }]), 'a.mat'), is(/'weights' is complex/));
  const dir = mkdtempSync(join(tmpdir(), 'mat-'));
  writeFileSync(join(dir, 'ok.mat'), plain);
  assert.equal(readMatFile(join(dir, 'ok.mat')).size, 2);
  assert.throws(() => readMatFile(join(dir, 'no.mat'), undefined, 'get it at U'), is(/no\.mat: cannot read the file \(ENOENT\); get it at U/));
});
