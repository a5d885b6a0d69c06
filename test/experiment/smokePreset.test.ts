/**
 * The CI check: the `smoke` preset runs end to end for real (MNIST with LeNet, RandomRBF with the
 * MLP, tfjs on wasm), every registered strategy at least once, on images and on a table, through the CLI
 * with two worker processes; then status, CSV and the report's figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listStrategies } from '../../src/acquisition/registry.ts';
import { getDatasetEntry } from '../../src/data/registry.ts';
import { main } from '../../src/cli/main.ts';
import { readAllRecords } from '../../src/experiment/readAllRecords.ts';
import { ALL_STRATEGIES, PAPER_STRATEGIES, presetConfig } from '../../src/experiment/presets.ts';
import { resolveExperiment } from '../../src/experiment/config.ts';
import { scratchDir } from './helpers.ts';

test('presets are valid configs; smoke covers every registered strategy, paper the eight of the paper', () => {
  for (const name of ['smoke', 'quick', 'paper']) resolveExperiment(presetConfig(name), name);
  assert.deepEqual([...ALL_STRATEGIES].sort(), listStrategies().map((s) => s.name).sort());
  assert.deepEqual(resolveExperiment(presetConfig('paper')).strategies.map((s) => s.name), [...PAPER_STRATEGIES]);
  const paper = resolveExperiment(presetConfig('paper'));
  assert.deepEqual(paper.seeds, [0, 1, 2, 3, 4]);
  assert.equal(paper.datasets.find((d) => d.name === 'svhn')!.setting, 's_no');
  assert.equal(paper.datasets.find((d) => d.name === 'randomrbf')!.querySize, 1000);
  // Every dataset a preset names is registered (the paper's: grayscale, colour, RepeatedMNIST, OpenML 6/155/156).
  for (const name of ['smoke', 'quick', 'paper']) {
    for (const d of resolveExperiment(presetConfig(name)).datasets) assert.equal(getDatasetEntry(d.name).name, d.name, `${name}: ${d.name}`);
  }
  assert.deepEqual(paper.datasets.filter((d) => d.setting === 'l').map((d) => d.name), ['letter', 'pokerhand', 'randomrbf']);
  assert.throws(() => presetConfig('huge'), /presetConfig: unknown preset 'huge'; use one of smoke, quick, paper/);
});

test('the smoke preset runs end to end: every strategy on images (LeNet) and a table (MLP)', { timeout: 240_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const out = join(dir, 'smoke');
    let text = '';
    const io = { out: (s: string) => void (text += s), err: (s: string) => void (text += s) };
    const code = await main(['node', 'falcun-lab', 'run', 'smoke', '--out', out, '--workers', '2', '--no-png'], io);
    assert.equal(code, 0, text);
    assert.match(text, /20 runs completed, 0 already done, 0 failed, 0 interrupted, of 20/);
    const records = readAllRecords(out);
    assert.equal(records.length, 20 * 3);
    for (const s of ALL_STRATEGIES) {
      for (const [d, model] of [['mnist', 'lenet'], ['randomrbf', 'mlp']] as const) {
        const mine = records.filter((r) => r.strategy === s && r.dataset === d);
        assert.equal(mine.length, 3, `${s} on ${d}`);
        assert.equal(mine[0]!.model, model);
        assert.ok(mine.every((r) => r.testAccuracy >= 0 && r.testAccuracy <= 1 && r.trainSeconds > 0));
        assert.equal(new Set(mine.flatMap((r) => [...r.chosen, ...(r.initialIndices ?? [])])).size, mine.at(-1)!.numLabeled);
      }
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.backend.choice, 'wasm');
    assert.ok(existsSync(join(out, 'learning-curves.html')));
    assert.ok(existsSync(join(out, 'records.csv')));
    let st = '';
    assert.equal(await main(['node', 'falcun-lab', 'status', out], { out: (s) => void (st += s), err: (s) => void (st += s) }), 0);
    assert.match(st, /20 done, 0 partial, 0 missing, of 20 runs/);
  } finally {
    cleanup();
  }
});
