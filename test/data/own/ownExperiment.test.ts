/**
 * An own-dataset experiment end to end through the CLI (`falcun-lab run config.json`), with the real
 * runner (tfjs on wasm, worker processes): a CSV table with the MLP and a folder of PNG/JPEG images with
 * LeNet, FALCUN against Random, from generated fixtures in a scratch folder. And a broken file is reported
 * before any result directory exists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main.ts';
import { readAllRecords } from '../../../src/experiment/readAllRecords.ts';
import { writeCsv, writeImageFolder } from './ownFixtures.ts';

test('own CSV and image-folder datasets run a FALCUN vs Random experiment end to end', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-own-run-'));
  try {
    writeCsv(join(dir, 'flowers.csv'), 90, 4);
    writeImageFolder(join(dir, 'shapes'), 16, 5);
    const config = {
      name: 'own-data',
      datasets: [
        { name: 'csv', label: 'flowers', options: { path: join(dir, 'flowers.csv'), labelColumn: 'species', ignoreColumns: ['id'] }, querySize: 6, rounds: 2, training: { epochs: 15 } },
        { name: 'image-folder', label: 'shapes', options: { path: join(dir, 'shapes'), size: [16, 16], testFraction: 0.25 }, model: 'lenet', querySize: 4, rounds: 2, training: { epochs: 3 } },
      ],
      strategies: ['falcun', 'random'],
      seeds: [0],
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const out = join(dir, 'results');
    let text = '';
    const io = { out: (s: string) => void (text += s), err: (s: string) => void (text += s) };
    const code = await main(['node', 'falcun-lab', 'run', join(dir, 'config.json'), '--out', out, '--workers', '1', '--no-report'], io);
    assert.equal(code, 0, text);
    const records = readAllRecords(out);
    for (const d of ['flowers', 'shapes']) {
      for (const s of ['falcun', 'random']) {
        const run = records.filter((r) => r.dataset === d && r.strategy === s);
        assert.deepEqual(run.map((r) => r.round), [0, 1, 2], `${d}/${s}`);
        const q = d === 'flowers' ? 6 : 4;
        assert.deepEqual(run.map((r) => r.numLabeled), [q, 2 * q, 3 * q]);
        for (const r of run) assert.ok(r.testAccuracy >= 0 && r.testAccuracy <= 1);
        assert.equal(new Set(run.flatMap((r) => [...(r.initialIndices ?? []), ...r.chosen])).size, 3 * q, 'no row picked twice');
      }
    }
    assert.equal(records.find((r) => r.dataset === 'shapes')!.model, 'lenet');
    assert.equal(records.find((r) => r.dataset === 'flowers')!.model, 'mlp');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a broken own file is reported (file and row named) before the experiment directory is created', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-own-bad-'));
  try {
    writeFileSync(join(dir, 'bad.csv'), 'a,b,species\n1,2,x\n3,4\n');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ name: 'bad', datasets: [{ name: 'csv', options: { path: join(dir, 'bad.csv'), labelColumn: 'species' }, querySize: 1, rounds: 1 }], strategies: ['falcun'], seeds: [0] }));
    let err = '';
    const code = await main(['node', 'falcun-lab', 'run', join(dir, 'config.json'), '--out', join(dir, 'results')], { out: () => undefined, err: (s) => void (err += s) });
    assert.equal(code, 2);
    assert.match(err, /config\.datasets\[0\] \('csv'\): .*bad\.csv: row 1, line 3: has 2 fields, the header has 3/);
    assert.equal(existsSync(join(dir, 'results')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
