import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmnist, EMNIST_BALANCED_CLASS_NAMES } from '../../src/data/emnist.ts';
import { DataFileError } from '../../src/data/dataFileError.ts';
import { encodeIdx } from './idxWriter.ts';

const TOL = 1e-6;
/** The upright image: value at (row, col). The file stores it transposed, as EMNIST does. */
const upright = (i: number, r: number, c: number) => (i * 11 + r * 9 + c) % 256;

function writeSplit(dir: string, split: string, n: number, gz: boolean, labels?: number[], side = 28): void {
  const px: number[] = [];
  for (let i = 0; i < n; i++) for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) px.push(upright(i, c, r)); // stored[r][c] = upright[c][r]
  const ext = gz ? '.gz' : '';
  writeFileSync(join(dir, `emnist-balanced-${split}-images-idx3-ubyte${ext}`), encodeIdx('uint8', [n, side, side], px, gz));
  writeFileSync(join(dir, `emnist-balanced-${split}-labels-idx1-ubyte${ext}`), encodeIdx('uint8', [n], labels ?? Array.from({ length: n }, (_, i) => (i * 5) % 47), gz));
}

test('EMNIST balanced class names: 47 = 10 digits + 26 uppercase + 11 lowercase', () => {
  assert.equal(EMNIST_BALANCED_CLASS_NAMES.length, 47);
  assert.equal(EMNIST_BALANCED_CLASS_NAMES[10], 'A');
  assert.equal(EMNIST_BALANCED_CLASS_NAMES[36], 'a');
  assert.equal(EMNIST_BALANCED_CLASS_NAMES[46], 't');
});

test('loadEmnist: gz or raw files, images transposed back to upright, MNIST normalisation', async () => {
  for (const gz of [true, false]) {
    const dir = mkdtempSync(join(tmpdir(), 'emnist-'));
    writeSplit(dir, 'train', 4, gz);
    writeSplit(dir, 'test', 2, gz);
    const d = await loadEmnist({ path: dir });
    assert.deepEqual([d.train.n, d.test.n, d.numClasses, d.classNames.length], [4, 2, 47, 47]);
    assert.deepEqual(Array.from(d.train.y), [0, 5, 10, 15]);
    for (let i = 0; i < 4; i++) for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) {
      const want = (upright(i, r, c) / 255 - 0.1307) / 0.3081;
      if (Math.abs(d.train.x[i * 784 + r * 28 + c]! - want) > TOL) assert.fail(`gz=${gz} image ${i} (${r},${c})`);
    }
  }
});

test('loadEmnist: nothing cached and no download, missing file, label outside 47, wrong size', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emnist-'));
  await assert.rejects(loadEmnist({ cacheDir: dir, download: false }), (e: Error) =>
    e instanceof DataFileError && /emnist: has no EMNIST files and downloading is off; download https:\/\/biometrics\.nist\.gov\/cs_links\/EMNIST\/gzip\.zip/.test(e.message));
  await assert.rejects(loadEmnist({ path: join(dir, 'nope') }), /nope: not found/);
  writeSplit(dir, 'train', 2, true);
  await assert.rejects(loadEmnist({ path: dir }), /emnist-balanced-test-images-idx3-ubyte\.gz: missing \(looked for/);
  writeSplit(dir, 'test', 2, true, [3, 47]);
  await assert.rejects(loadEmnist({ path: dir }), /label 47 at row 1 is outside the 47 classes \[0, 47\).*is this the balanced split/);
  writeSplit(dir, 'test', 2, true, [3, 4], 27);
  await assert.rejects(loadEmnist({ path: dir }), /expected 28×28 images, got 27×27/);
});

/** The official archive's layout: gzip/emnist-<split>-... for several splits. */
function writeArchive(path: string, withTest = true, trainRows = 3): void {
  const dir = mkdtempSync(join(tmpdir(), 'emnist-src-'));
  writeSplit(dir, 'train', trainRows, true);
  if (withTest) writeSplit(dir, 'test', 2, true);
  const files: Record<string, Uint8Array> = { 'gzip/emnist-letters-train-labels-idx1-ubyte.gz': encodeIdx('uint8', [1], [1], true) };
  for (const name of readdirSync(dir)) files[`gzip/${name}`] = readFileSync(join(dir, name));
  writeFileSync(path, zipSync(files));
}

test('loadEmnist: the official archive as {path}, or downloaded into the cache (local server); a failed download leaves nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emnist-'));
  writeArchive(join(dir, 'gzip.zip'));
  const cache = join(dir, 'cache');
  const d = await loadEmnist({ path: join(dir, 'gzip.zip'), cacheDir: cache });
  assert.deepEqual([d.train.n, d.test.n], [3, 2]);
  assert.deepEqual(readdirSync(join(cache, 'emnist')).sort(), [
    'emnist-balanced-test-images-idx3-ubyte.gz', 'emnist-balanced-test-labels-idx1-ubyte.gz',
    'emnist-balanced-train-images-idx3-ubyte.gz', 'emnist-balanced-train-labels-idx1-ubyte.gz', 'extracted-from.json',
  ]);
  const again = await loadEmnist({ cacheDir: cache, download: false }); // now from the cache
  assert.deepEqual(again.train.x, d.train.x);
  // another archive given with the cache already full: the archive given is read, not the cache
  writeArchive(join(dir, 'other.zip'), true, 5);
  const other = await loadEmnist({ path: join(dir, 'other.zip'), cacheDir: cache });
  assert.deepEqual([other.train.n, other.test.n], [5, 2]);
  assert.deepEqual([(await loadEmnist({ path: join(dir, 'gzip.zip'), cacheDir: cache })).train.n], [3], 'and back');

  writeArchive(join(dir, 'partial.zip'), false);
  await assert.rejects(loadEmnist({ path: join(dir, 'partial.zip'), cacheDir: join(dir, 'c2') }), (e: Error) =>
    e instanceof DataFileError && /partial\.zip: holds no emnist-balanced-test-images-idx3-ubyte\.gz, emnist-balanced-test-labels-idx1-ubyte\.gz/.test(e.message));

  const zip = readFileSync(join(dir, 'gzip.zip'));
  const server = createServer((req, res) => {
    if (req.url === '/gzip.zip') {
      res.writeHead(200, { 'content-length': zip.length });
      res.end(zip);
    } else {
      res.writeHead(503);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const c3 = join(dir, 'c3');
    const got = await loadEmnist({ cacheDir: c3, url: `${base}/gzip.zip` });
    assert.deepEqual(got.train.x, d.train.x);
    const c4 = join(dir, 'c4');
    await assert.rejects(loadEmnist({ cacheDir: c4, url: `${base}/down` }), /gzip\.zip: download of .*\/down failed: HTTP 503/);
    assert.deepEqual(readdirSync(join(c4, 'emnist')), []);
  } finally {
    server.close();
  }
});
