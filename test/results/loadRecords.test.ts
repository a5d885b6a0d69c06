import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExperimentRecords } from '../../src/results/loadRecords.ts';
import { syntheticRecords } from '../analysis/syntheticRecords.ts';

test('loadExperimentRecords: reads runs/*.jsonl in name order, ignores a cut-off last line, leaves files alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h6-load-'));
  try {
    mkdirSync(join(dir, 'runs'));
    const a = syntheticRecords({ strategies: ['falcun'], seeds: [0], rounds: 3 });
    const b = syntheticRecords({ strategies: ['badge'], seeds: [1], rounds: 2 });
    writeFileSync(join(dir, 'runs', 'mnist__falcun__s0.jsonl'), a.map((r) => JSON.stringify(r) + '\n').join(''));
    const bText = b.map((r) => JSON.stringify(r) + '\n').join('') + '{"dataset":"mni';
    writeFileSync(join(dir, 'runs', 'mnist__badge__s1.jsonl'), bText);
    writeFileSync(join(dir, 'runs', 'notes.txt'), 'ignored');
    const recs = loadExperimentRecords(dir);
    assert.deepEqual(recs, [...b, ...a]);
    assert.equal(readFileSync(join(dir, 'runs', 'mnist__badge__s1.jsonl'), 'utf8'), bText);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loadExperimentRecords: missing folder and invalid records name the path and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h6-load-'));
  try {
    assert.throws(() => loadExperimentRecords(dir), /loadExperimentRecords: .*runs is not a directory/);
    mkdirSync(join(dir, 'runs'));
    const [r] = syntheticRecords({ strategies: ['x'], seeds: [0], rounds: 1 });
    writeFileSync(join(dir, 'runs', 'a.jsonl'), JSON.stringify({ ...r, testAccuracy: 1.5 }) + '\n');
    assert.throws(() => loadExperimentRecords(dir), (e: Error) => e instanceof RangeError && /a\.jsonl, line 1: field 'testAccuracy' must lie in \[0, 1\], got 1.5/.test(e.message));
    writeFileSync(join(dir, 'runs', 'a.jsonl'), JSON.stringify({ ...r, strategy: 3 }) + '\n');
    assert.throws(() => loadExperimentRecords(dir), (e: Error) => e instanceof TypeError && /field 'strategy' must be a non-empty string, got 3/.test(e.message));
    writeFileSync(join(dir, 'runs', 'a.jsonl'), JSON.stringify({ ...r, chosenClasses: [1] }) + '\n');
    assert.throws(() => loadExperimentRecords(dir), /'chosen' has 0 entries but 'chosenClasses' has 1/);
    writeFileSync(join(dir, 'runs', 'a.jsonl'), JSON.stringify({ ...r, trainingStep: 'gpu' }) + '\n');
    assert.throws(() => loadExperimentRecords(dir), (e: Error) => e instanceof RangeError && /field 'trainingStep' must be 'tape' or 'dense' when present, got "gpu"/.test(e.message));
    writeFileSync(join(dir, 'runs', 'a.jsonl'), JSON.stringify({ ...r, trainingStep: 'dense' }) + '\n');
    assert.equal(loadExperimentRecords(dir)[0]!.trainingStep, 'dense');
    writeFileSync(join(dir, 'runs', 'a.jsonl'), 'not json\n');
    assert.throws(() => loadExperimentRecords(dir), /line 1 is not valid JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loadExperimentRecords with runIds: exactly those runs, in that order; a run without a file has none; still validated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h6-load-'));
  try {
    assert.deepEqual(loadExperimentRecords(dir, { runIds: ['mnist__falcun__s0'] }), []);
    mkdirSync(join(dir, 'runs'));
    const a = syntheticRecords({ strategies: ['falcun'], seeds: [0], rounds: 2 });
    const b = syntheticRecords({ strategies: ['badge'], seeds: [1], rounds: 2 });
    writeFileSync(join(dir, 'runs', 'mnist__falcun__s0.jsonl'), a.map((r) => JSON.stringify(r) + '\n').join(''));
    writeFileSync(join(dir, 'runs', 'mnist__badge__s1.jsonl'), b.map((r) => JSON.stringify(r) + '\n').join(''));
    assert.deepEqual(loadExperimentRecords(dir, { runIds: ['mnist__falcun__s0', 'mnist__none__s9', 'mnist__badge__s1'] }), [...a, ...b]);
    assert.deepEqual(loadExperimentRecords(dir, { runIds: ['mnist__badge__s1'] }), b);
    writeFileSync(join(dir, 'runs', 'mnist__badge__s1.jsonl'), JSON.stringify({ ...b[0], testAccuracy: -1 }) + '\n');
    assert.throws(() => loadExperimentRecords(dir, { runIds: ['mnist__badge__s1'] }), /mnist__badge__s1\.jsonl, line 1: field 'testAccuracy'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
