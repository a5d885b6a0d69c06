import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDatasetEntry, listDatasets, loadDataset } from '../../src/data/registry.ts';
import { DataFileError } from '../../src/data/dataFileError.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('listDatasets: every name the project needs, each documented', () => {
  const names = listDatasets().map((e) => e.name);
  for (const n of ['mnist', 'fashion-mnist', 'repeated-mnist', 'emnist', 'svhn', 'bloodmnist', 'dermamnist', 'letter', 'randomrbf', 'pokerhand']) {
    assert.ok(names.includes(n), n);
  }
  assert.equal(new Set(names).size, names.length);
  for (const e of listDatasets()) {
    assert.ok(e.description.length > 10 && e.source.length > 5, e.name);
    assert.ok(e.kind === 'image' || e.kind === 'table');
  }
});

test('unknown dataset name: error lists the known names', async () => {
  assert.throws(() => getDatasetEntry('mnits'), (e: Error) => e instanceof RangeError && /unknown dataset 'mnits' \(did you mean 'mnist'\?\); known datasets: mnist, fashion-mnist, /.test(e.message));
  await assert.rejects(async () => loadDataset('cifar10'), /unknown dataset 'cifar10'/);
  assert.throws(() => getDatasetEntry(3 as unknown as string), TypeError);
});

test('loadDataset: datasets that need user files say where to get them', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'registry-'));
  await assert.rejects(loadDataset('emnist', { cacheDir: empty, download: false }), (e: Error) =>
    e instanceof DataFileError && /has no EMNIST files and downloading is off; download https:\/\/biometrics\.nist\.gov\/cs_links\/EMNIST\/gzip\.zip/.test(e.message));
  await assert.rejects(loadDataset('svhn', { path: '/nonexistent-folder' }), /train_32x32\.mat: file not found/);
  await assert.rejects(loadDataset('dermamnist', { path: '/nonexistent-folder/dermamnist.npz' }), /dermamnist\.npz: file not found/);
});

test('loadDataset: repeated-mnist passes its options (5% unique, seeded)', async () => {
  const a = await loadDataset('repeated-mnist', { fraction: 0.05, seed: 1 });
  assert.equal(a.name, 'repeated-mnist');
  assert.deepEqual([a.train.n, a.test.n], [60000, 10000]);
  assert.match(a.description, /3000 unique MNIST training images \(5%\)/);
  const b = await loadDataset('randomrbf', { rows: 1000 });
  assert.deepEqual([b.train.n, b.test.n, b.kind], [800, 200, 'table']);
});
