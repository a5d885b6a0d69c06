import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dataDir } from '../../src/data/cache.ts';
import { DataFileError } from '../../src/data/dataFileError.ts';
import { readRData, type FactorColumn } from '../../src/data/formats/rdata.ts';
import { LETTER_FEATURES, LETTER_SOURCE, letterFromDataFrame, loadLetter, standardizeByTrain } from '../../src/data/letter.ts';
import { debianFile } from '../../src/data/sources/debian.ts';

function hasApt(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v apt-get && command -v dpkg-deb'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const noApt = !hasApt() && 'apt-get/dpkg-deb not available: cannot fetch r-cran-mlbench';

// Class sizes A..Z from UCI's letter-recognition.names ("Class Distribution"); first/last rows from
// UCI's letter-recognition.data.
const UCI_COUNTS = [789, 766, 736, 805, 768, 775, 773, 734, 755, 747, 739, 761, 792, 783, 753, 803, 783, 758, 748, 796, 813, 764, 752, 787, 786, 734];
const UCI_ROWS: Array<[number, string, number[]]> = [
  [0, 'T', [2, 8, 3, 5, 1, 8, 13, 0, 6, 6, 10, 8, 0, 8, 0, 8]],
  [1, 'I', [5, 12, 3, 7, 2, 10, 5, 5, 4, 13, 3, 9, 2, 8, 4, 10]],
  [19999, 'A', [4, 9, 6, 6, 2, 9, 5, 3, 1, 8, 1, 8, 2, 7, 2, 8]],
];

test('the real LetterRecognition.rda (Debian r-cran-mlbench) reads as UCI Letter: 20,000 rows, 26 classes, 16 features', { skip: noApt }, async () => {
  const file = debianFile(LETTER_SOURCE.pkg, LETTER_SOURCE.path, dataDir());
  const frames = await readRData(file);
  const df = frames[LETTER_SOURCE.object]!;
  assert.equal(df.nrow, 20000);
  assert.deepEqual(df.names, ['lettr', ...LETTER_FEATURES]);
  const cls = df.columns[0] as FactorColumn;
  assert.deepEqual(cls.levels, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
  const counts = new Array(26).fill(0);
  for (const c of cls.codes) counts[c]++;
  assert.deepEqual(counts, UCI_COUNTS);
  for (const [r, letter, features] of UCI_ROWS) {
    assert.equal(cls.levels[cls.codes[r]!], letter);
    assert.deepEqual(df.columns.slice(1).map((c) => (c as Float64Array)[r]), features, `row ${r + 1}`);
  }
});

test('loadLetter: 16,000/4,000 split with seed 0, standardised by training statistics, labels kept', { skip: noApt }, async () => {
  const ds = await loadLetter({ cacheDir: dataDir() });
  assert.equal(ds.name, 'letter');
  assert.equal(ds.kind, 'table');
  assert.deepEqual(ds.shape, [16]);
  assert.equal(ds.numClasses, 26);
  assert.equal(ds.classNames[19], 'T');
  assert.equal(ds.train.n, 16000);
  assert.equal(ds.test.n, 4000);
  assert.equal(ds.train.x.length, 16000 * 16);
  // Training columns have mean 0 and population std 1; test columns are close but not exact.
  for (let j = 0; j < 16; j++) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < ds.train.n; i++) {
      s += ds.train.x[i * 16 + j]!;
      s2 += ds.train.x[i * 16 + j]! ** 2;
    }
    assert.ok(Math.abs(s / ds.train.n) < 1e-5, `train mean of feature ${j}`);
    assert.ok(Math.abs(s2 / ds.train.n - 1) < 1e-4, `train variance of feature ${j}`);
  }
  const counts = new Array(26).fill(0);
  for (const y of ds.train.y) counts[y]++;
  for (const y of ds.test.y) counts[y]++;
  assert.deepEqual(counts, UCI_COUNTS);
  const again = await loadLetter({ cacheDir: dataDir() });
  assert.deepEqual(again.test.y, ds.test.y);
});

test('standardizeByTrain equals the textbook formula and leaves its inputs alone', () => {
  const d = 3;
  const train = Float64Array.from([1, 5, 2, 3, 5, -1, 8, 5, 0.5, 0, 5, 7]);
  const test = Float64Array.from([2, 4, 6]);
  const trainCopy = train.slice();
  const out = standardizeByTrain(train, test, d);
  assert.deepEqual(train, trainCopy);
  for (let j = 0; j < d; j++) {
    const col = [0, 1, 2, 3].map((i) => train[i * d + j]!);
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length) || 1;
    for (let i = 0; i < 4; i++) assert.ok(Math.abs(out.train[i * d + j]! - (col[i]! - mean) / sd) < 1e-6);
    assert.ok(Math.abs(out.test[j]! - (test[j]! - mean) / sd) < 1e-6);
  }
  assert.equal(out.std[1], 1); // constant column keeps std 1
});

test('letterFromDataFrame rejects a frame without the letter factor or with NA, naming the file and the fix', () => {
  const hint = 'Delete the cache and fetch it again.';
  const numeric = () => new Float64Array([1, 2]);
  const good = {
    names: ['lettr', ...LETTER_FEATURES],
    columns: [{ levels: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''), codes: Int32Array.from([0, 25]) }, ...LETTER_FEATURES.map(numeric)],
    nrow: 2,
  };
  assert.deepEqual(Array.from(letterFromDataFrame(good, 'L.rda', hint).y), [0, 25]);
  assert.throws(() => letterFromDataFrame({ ...good, names: ['letter', ...LETTER_FEATURES] }, 'L.rda', hint), /L\.rda: expected a factor column 'lettr'.*Delete the cache/);
  const fewLevels = { ...good, columns: [{ levels: ['A', 'B'], codes: Int32Array.from([0, 1]) }, ...good.columns.slice(1)] };
  assert.throws(() => letterFromDataFrame(fewLevels, 'L.rda', hint), /has 2 levels, expected 26/);
  const na = { ...good, columns: [good.columns[0]!, new Float64Array([1, NaN]), ...good.columns.slice(2)] };
  assert.throws(() => letterFromDataFrame(na, 'L.rda', hint), /column 'x\.box' has NA in row 2/);
});

test('loadLetter on a truncated cached file: DataFileError naming the file and how to re-fetch it', { skip: noApt }, async () => {
  const real = debianFile(LETTER_SOURCE.pkg, LETTER_SOURCE.path, dataDir());
  const cache = mkdtempSync(join(tmpdir(), 'letter-'));
  try {
    const fake = join(cache, LETTER_SOURCE.pkg, LETTER_SOURCE.path);
    mkdirSync(dirname(fake), { recursive: true });
    writeFileSync(fake, readFileSync(real).subarray(0, 5000));
    await assert.rejects(loadLetter({ cacheDir: cache }), (e: unknown) => {
      assert.ok(e instanceof DataFileError);
      assert.equal(e.file, fake);
      assert.match(e.message, /truncated/);
      assert.match(e.message, /delete the folder .*r-cran-mlbench and run 'npm run data -- letter'/);
      return true;
    });
    writeFileSync(fake, 'not an R file');
    await assert.rejects(loadLetter({ cacheDir: cache }), /not an R data file/);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  await assert.rejects(loadLetter({ cacheDir: '' }), /loadLetter: options.cacheDir must be a non-empty folder path, got ""/);
});
