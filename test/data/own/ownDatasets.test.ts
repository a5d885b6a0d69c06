import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { loadDataset } from '../../../src/data/registry.ts';
import { splitArffFields } from '../../../src/data/own/arffTable.ts';
import { resizeBilinear } from '../../../src/data/own/resizeBilinear.ts';
import { splitTrainTest } from '../../../src/data/splits.ts';
import { Random } from '../../../src/random.ts';
import { encodeNpy, encodeNpz } from '../npyWriter.ts';
import { blobRows, writeCsv, writeImageFolder } from './ownFixtures.ts';

function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-own-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('csv: label column by name, classes sorted, the seeded 80/20 split, raw or standardised with the training statistics', async () => {
  const { dir, cleanup } = scratch();
  try {
    writeCsv(join(dir, 't.csv'), 50, 1);
    const { x, labels } = blobRows(50, 1);
    const raw = await loadDataset('csv', { path: join(dir, 't.csv'), labelColumn: 'species', ignoreColumns: ['id'], preprocessing: 'raw', splitSeed: 3 } as never);
    assert.deepEqual(raw.classNames, ['setosa', 'versicolor', 'virginica']);
    assert.deepEqual(raw.shape, [4]);
    assert.equal(raw.kind, 'table');
    const { train, test } = splitTrainTest(50, 0.2, new Random(3));
    assert.equal(raw.train.n, train.length);
    assert.equal(raw.test.n, test.length);
    train.forEach((row, k) => {
      assert.equal(raw.train.y[k], raw.classNames.indexOf(labels[row]!));
      for (let j = 0; j < 4; j++) assert.equal(raw.train.x[k * 4 + j], Math.fround(Number(x[row]![j]!.toFixed(4))));
    });
    const std = await loadDataset('csv', { path: join(dir, 't.csv'), labelColumn: 'species', ignoreColumns: ['id'], splitSeed: 3 } as never);
    for (let j = 0; j < 4; j++) {
      let m = 0;
      for (let k = 0; k < std.train.n; k++) m += std.train.x[k * 4 + j]!;
      assert.ok(Math.abs(m / std.train.n) < 1e-5, 'training columns have mean 0');
    }
    // A TSV with its own test file; the TSV is detected by its extension.
    writeCsv(join(dir, 'train.tsv'), 30, 2, '\t');
    writeCsv(join(dir, 'test.tsv'), 9, 3, '\t');
    const given = await loadDataset('csv', { path: join(dir, 'train.tsv'), testPath: join(dir, 'test.tsv'), labelColumn: 'species', ignoreColumns: ['id'] } as never);
    assert.equal(given.train.n, 30);
    assert.equal(given.test.n, 9);
  } finally {
    cleanup();
  }
});

test('own data is checked before use: the file, the row and the problem are named', async () => {
  const { dir, cleanup } = scratch();
  try {
    const f = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['csv', { path: f('a.csv', 'a,b,y\n1,2,x\n3,4,z\n'), labelColumn: 'label' }, /a\.csv: line 1: no label column 'label' in the header \(columns: a, b, y\)/],
      ['csv', { path: f('b.csv', 'a,b,y\n1,2,x\n3,z\n'), labelColumn: 'y' }, /b\.csv: row 1, line 3: has 2 fields, the header has 3/],
      ['csv', { path: f('c.csv', 'a,b,y\n1,2,x\n3,oops,z\n'), labelColumn: 'y' }, /c\.csv: row 1, line 3, column 'b': "oops" is not a number/],
      ['csv', { path: f('d.csv', 'a,y\n1,x\n2,z\n3,w\n'), labelColumn: 'y', classes: ['x', 'z'] }, /d\.csv: row 2, line 4: unknown class "w" \(options\.classes lists x, z\)/],
      ['csv', { path: f('e.csv', 'a,y\n1,x\n2,z\n'), testPath: f('e2.csv', 'a,y\n1,x\n2,q\n'), labelColumn: 'y' }, /e2\.csv: row 1, line 3: class "q" does not occur in the training data/],
      ['csv', { path: join(dir, 'none.csv'), labelColumn: 'y' }, /none\.csv: no such file/],
      ['csv', { path: 'x.csv', labelColum: 'y' }, /dataset 'csv': .*options: unknown option\(s\) 'labelColum'/],
      ['arff', { path: f('a.arff', '@relation r\n@attribute a numeric\n@attribute c {p,q}\n@data\n1,p\n?,q\n') }, /a\.arff: row 1, line 6, attribute 'a': missing value '\?'/],
      ['arff', { path: f('b.arff', '@relation r\n@attribute a numeric\n@attribute c {p,q}\n@data\n1,p\n2,r\n') }, /b\.arff: row 1, line 6: label "r" is not one of the declared values of 'c' \{p, q\}/],
      ['arff', { path: f('c.arff', '@relation r\n@attribute a numeric\n@attribute c {p,q}\n@data\n1,p\n2\n') }, /c\.arff: row 1, line 6: has 1 values, the header declares 2 attributes/],
      ['numpy', { path: f('x.npy', '') && join(dir, 'x.npy'), labels: join(dir, 'y.npy') }, /x\.npy: wrong magic number/],
      ['image-folder', { path: join(dir, 'nofolder'), size: [16, 16] }, /nofolder: cannot open the folder \(ENOENT/],
    ];
    for (const [name, options, re] of cases) {
      await assert.rejects(loadDataset(name, options as never), (e: Error) => {
        assert.match(e.message, re, `${name} ${JSON.stringify(options)}`);
        return true;
      });
    }
    // numpy: X and y of different lengths; an .npz without y.
    writeFileSync(join(dir, 'X.npy'), encodeNpy('<f4', [4, 2], [1, 2, 3, 4, 5, 6, 7, 8]));
    writeFileSync(join(dir, 'y3.npy'), encodeNpy('<i8', [3], [0, 1, 0]));
    await assert.rejects(loadDataset('numpy', { path: join(dir, 'X.npy'), labels: join(dir, 'y3.npy') } as never), /y3\.npy: y has 3 labels but X has 4 rows/);
    writeFileSync(join(dir, 'd.npz'), encodeNpz({ x: encodeNpy('<f4', [4, 2], [1, 2, 3, 4, 5, 6, 7, 8]) }));
    await assert.rejects(loadDataset('numpy', { path: join(dir, 'd.npz') } as never), /d\.npz: has no array y \(it holds: x\.npy\)/);
    // An image that does not decode, named by its path.
    writeImageFolder(join(dir, 'img'), 2, 1);
    writeFileSync(join(dir, 'img', 'red', 'broken.png'), 'not a png');
    await assert.rejects(loadDataset('image-folder', { path: join(dir, 'img'), size: [16, 16] } as never), /img\/red\/broken\.png: does not decode as PNG/);
  } finally {
    cleanup();
  }
});

test('arff: numeric and nominal attributes, quotes and comments, the label by name or the last attribute', async () => {
  const { dir, cleanup } = scratch();
  try {
    const rows = Array.from({ length: 20 }, (_, i) => `${i}, ${i % 2 === 0 ? "'low, cold'" : 'high'}, ${(i * 0.5).toFixed(1)}, ${['a', 'b'][i % 2]} % comment`);
    writeFileSync(join(dir, 't.arff'), `% OpenML-like\n@RELATION toy\n@ATTRIBUTE n NUMERIC\n@ATTRIBUTE 'kind' {'low, cold', high}\n@ATTRIBUTE v REAL\n@ATTRIBUTE class {a,b}\n@DATA\n${rows.join('\n').replace(/ % comment/g, '')}\n`);
    const ds = await loadDataset('arff', { path: join(dir, 't.arff'), preprocessing: 'raw', testFraction: 0.25 } as never);
    assert.deepEqual(ds.classNames, ['a', 'b']);
    assert.deepEqual(ds.shape, [3]);
    assert.equal(ds.train.n + ds.test.n, 20);
    assert.equal(ds.test.n, 5);
    for (let k = 0; k < ds.train.n; k++) {
      const n = ds.train.x[k * 3]!;
      assert.equal(ds.train.x[k * 3 + 1], n % 2 === 0 ? 0 : 1, 'nominal feature → its value index');
      assert.equal(ds.train.x[k * 3 + 2], n * 0.5);
      assert.equal(ds.train.y[k], n % 2);
    }
    const byName = await loadDataset('arff', { path: join(dir, 't.arff'), labelColumn: 'kind', ignoreColumns: ['class'] } as never);
    assert.deepEqual(byName.classNames, ['high', 'low, cold']);
    assert.deepEqual(splitArffFields(`1,'a\\'b',"c,d", e `), ['1', "a'b", 'c,d', 'e']);
  } finally {
    cleanup();
  }
});

test('numpy: X/y as two .npy files or one .npz; 3-D X is an image set (channels last)', async () => {
  const { dir, cleanup } = scratch();
  try {
    const n = 30;
    const x = Float32Array.from({ length: n * 5 }, (_, i) => i % 7);
    const y = Int32Array.from({ length: n }, (_, i) => i % 3);
    writeFileSync(join(dir, 'X.npy'), encodeNpy('<f4', [n, 5], x));
    writeFileSync(join(dir, 'y.npy'), encodeNpy('<i4', [n], y));
    writeFileSync(join(dir, 'd.npz'), encodeNpz({ features: encodeNpy('<f4', [n, 5], x), target: encodeNpy('<i8', [n], y) }));
    const a = await loadDataset('numpy', { path: join(dir, 'X.npy'), labels: join(dir, 'y.npy'), preprocessing: 'raw' } as never);
    const b = await loadDataset('numpy', { path: join(dir, 'd.npz'), xKey: 'features', yKey: 'target', preprocessing: 'raw' } as never);
    assert.deepEqual(a.train, b.train);
    assert.deepEqual(a.classNames, ['0', '1', '2']);
    const { train } = splitTrainTest(n, 0.2, new Random(0));
    assert.deepEqual(Array.from(a.train.y), Array.from(train, (i) => y[i]!));
    writeFileSync(join(dir, 'img.npz'), encodeNpz({ x: encodeNpy('|u1', [n, 16, 16], new Uint8Array(n * 256)), y: encodeNpy('<i4', [n], y) }));
    const img = await loadDataset('numpy', { path: join(dir, 'img.npz') } as never);
    assert.equal(img.kind, 'image');
    assert.deepEqual(img.shape, [16, 16, 1]);
  } finally {
    cleanup();
  }
});

test('image-folder: PNG and JPEG in class subfolders, resized, RGB or luma, normalised (v/255 − mean)/std', async () => {
  const { dir, cleanup } = scratch();
  try {
    writeImageFolder(join(dir, 'img'), 4, 2);
    const ds = await loadDataset('image-folder', { path: join(dir, 'img'), size: [16, 16], testFraction: 0.25 } as never);
    assert.deepEqual(ds.classNames, ['blue', 'green', 'red']);
    assert.deepEqual(ds.shape, [16, 16, 3]);
    assert.equal(ds.train.n + ds.test.n, 12);
    assert.equal(ds.train.x.length, ds.train.n * 16 * 16 * 3);
    for (const v of ds.train.x) assert.ok(v >= -1 && v <= 1);
    const gray = await loadDataset('image-folder', { path: join(dir, 'img'), size: [20, 24], channels: 1, mean: [0], std: [1], testPath: join(dir, 'img') } as never);
    assert.deepEqual(gray.shape, [20, 24, 1]);
    assert.equal(gray.train.n, 12);
    // A PNG of known pixels, same size: luma (299 R + 587 G + 114 B) / 1000 / 255, no resampling.
    mkdirSync(join(dir, 'one', 'a'), { recursive: true });
    mkdirSync(join(dir, 'one', 'b'), { recursive: true });
    for (const c of ['a', 'b']) {
      const png = new PNG({ width: 2, height: 1 });
      png.data.set([255, 0, 0, 255, 10, 20, 30, 255]);
      writeFileSync(join(dir, 'one', c, 'p.png'), PNG.sync.write(png));
    }
    const one = await loadDataset('image-folder', { path: join(dir, 'one'), testPath: join(dir, 'one'), size: [1, 2], channels: 1, mean: [0], std: [1] } as never);
    assert.ok(Math.abs(one.train.x[0]! - (299 * 255) / 1000 / 255) < 1e-6);
    assert.ok(Math.abs(one.train.x[1]! - (299 * 10 + 587 * 20 + 114 * 30) / 1000 / 255) < 1e-6);
  } finally {
    cleanup();
  }
});

test('resizeBilinear: identity at the same size, the mean of a 2×2 block when halving, edges clamped', () => {
  const src = Uint8Array.from([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150]);
  assert.deepEqual(Array.from(resizeBilinear(src, 4, 4, 1, 1, 4, 4)), Array.from(src));
  // Halving with half-pixel centres samples at (1.5·i + …): the centre of each 2×2 block.
  assert.deepEqual(Array.from(resizeBilinear(src, 4, 4, 1, 1, 2, 2)), [25, 45, 105, 125]);
  assert.deepEqual(Array.from(resizeBilinear(Uint8Array.from([7]), 1, 1, 1, 1, 3, 2)), [7, 7, 7, 7, 7, 7]);
});
