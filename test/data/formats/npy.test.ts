import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNpy } from '../../../src/data/formats/npy.ts';
import { parseNpz, readNpzFile } from '../../../src/data/formats/npz.ts';
import { DataFileError } from '../../../src/data/dataFileError.ts';
import { encodeNpy, encodeNpz } from '../npyWriter.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('parseNpy: dtypes, byte orders, versions, shapes round-trip', () => {
  const cases: [string, number[], number[]][] = [
    ['|u1', [2, 3], [0, 1, 2, 3, 254, 255]],
    ['|i1', [3], [-128, 0, 127]],
    ['<u2', [2], [0, 65535]],
    ['>i2', [2], [-300, 300]],
    ['<i4', [1, 2], [-2147483648, 2147483647]],
    ['>u4', [1], [4294967295]],
    ['<f4', [2], [0.5, -1.25]],
    ['>f8', [2], [Math.E, -1e300]],
    ['<i8', [3], [-5, 0, 2 ** 40]],
    ['|u1', [], [42]],
    ['<f4', [0, 3], []],
  ];
  for (const [descr, shape, values] of cases) {
    for (const version of [1, 2] as const) {
      const r = parseNpy(encodeNpy(descr, shape, values, { version }), 'a.npy');
      assert.equal(r.dtype, descr);
      assert.deepEqual(r.shape, shape);
      assert.deepEqual(Array.from(r.data), values, `${descr} v${version}`);
    }
  }
  assert.ok(parseNpy(encodeNpy('|u1', [2], [1, 2]), 'a').data instanceof Uint8Array);
  assert.ok(parseNpy(encodeNpy('>f8', [1], [1]), 'a').data instanceof Float64Array);
});

test('parseNpy: bad input', () => {
  const good = encodeNpy('<i4', [2, 2], [1, 2, 3, 4]);
  const is = (re: RegExp) => (e: Error) => e instanceof DataFileError && re.test(e.message);
  assert.throws(() => parseNpy(good.subarray(0, good.length - 2), 'a.npy'), is(/^a\.npy: shape \(2, 2\) of '<i4' needs 16 data bytes but the file has 14 \(truncated\)/));
  assert.throws(() => parseNpy(good.subarray(0, 40), 'a.npy'), is(/truncated/));
  const magic = good.slice();
  magic[1] = 0x41;
  assert.throws(() => parseNpy(magic, 'a.npy'), is(/a\.npy: wrong magic number/));
  const ver = good.slice();
  ver[6] = 9;
  assert.throws(() => parseNpy(ver, 'a.npy'), is(/unsupported \.npy version 9/));
  assert.throws(() => parseNpy(encodeNpy('<c8' as string, [1], []), 'a.npy'), is(/unsupported dtype '<c8'/));
  assert.throws(() => parseNpy(encodeNpy('<i4', [2], [1, 2], { fortran: true }), 'a.npy'), is(/Fortran order/));
});

test('parseNpz: stored and deflated archives, key selection, missing key, corrupt zip', () => {
  const arrays = {
    x: encodeNpy('|u1', [2, 2], [1, 2, 3, 4]),
    y: encodeNpy('<i8', [2, 1], [0, 7]),
  };
  for (const compressed of [false, true]) {
    const z = encodeNpz(arrays, compressed);
    const all = parseNpz(z, 'a.npz');
    assert.deepEqual([...all.keys()].sort(), ['x', 'y']);
    assert.deepEqual(Array.from(all.get('x')!.data), [1, 2, 3, 4]);
    assert.deepEqual(Array.from(all.get('y')!.data), [0, 7]);
    const some = parseNpz(z, 'a.npz', ['y']);
    assert.deepEqual([...some.keys()], ['y']);
    assert.throws(() => parseNpz(z, 'a.npz', ['x', 'val_images']), /a\.npz: has no array val_images \(it holds: x\.npy, y\.npy\)/);
    assert.throws(() => parseNpz(z.subarray(0, z.length - 30), 'a.npz'), (e: Error) => e instanceof DataFileError && /a\.npz: the zip archive is truncated or corrupt/.test(e.message));
  }
  assert.throws(() => parseNpz(encodeNpy('|u1', [1], [1]), 'b.npz'), /b\.npz: wrong magic number: an \.npz file is a zip archive/);
  const bad = encodeNpz({ x: encodeNpy('|u1', [3], [1, 2]) });
  assert.throws(() => parseNpz(bad, 'c.npz'), /c\.npz:x\.npy: shape \(3\) of '\|u1' needs 3 data bytes but the file has 2/);
  const dir = mkdtempSync(join(tmpdir(), 'npz-'));
  writeFileSync(join(dir, 'd.npz'), encodeNpz(arrays));
  assert.equal(readNpzFile(join(dir, 'd.npz')).size, 2);
  assert.throws(() => readNpzFile(join(dir, 'missing.npz'), undefined, 'see URL'), /missing\.npz: cannot read the file \(ENOENT\); see URL/);
  rmSync(dir, { recursive: true, force: true });
});

test('parseNpz checks every decoded member against its CRC-32, as numpy does (a flipped bit is an error, not wrong data)', () => {
  const z = encodeNpz({ x: encodeNpy('|u1', [4], [10, 20, 30, 40]), y: encodeNpy('|u1', [1], [5]) }, false);
  // the stored member's data bytes: find 10 20 30 40 and flip one bit
  const at = Buffer.from(z).indexOf(Buffer.from([10, 20, 30, 40]));
  assert.ok(at > 0);
  const flipped = z.slice();
  flipped[at + 2]! ^= 0x01;
  assert.throws(() => parseNpz(flipped, 'f.npz'), (e: Error) => e instanceof DataFileError && /^f\.npz:x\.npy: CRC-32 mismatch \(archive says 0x[0-9a-f]{8}, content gives 0x[0-9a-f]{8}\): the file is corrupt/.test(e.message));
  assert.deepEqual(Array.from(parseNpz(flipped, 'f.npz', ['y']).get('y')!.data), [5], 'an intact member still reads');
  assert.deepEqual(Array.from(parseNpz(z, 'f.npz').get('x')!.data), [10, 20, 30, 40]);
});
