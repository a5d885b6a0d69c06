import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveExperiment } from '../../src/experiment/config.ts';
import { manifestPath, openExperimentDir, readManifest } from '../../src/experiment/manifest.ts';
import { createProgressReporter } from '../../src/experiment/progress.ts';
import { runCell } from '../../src/experiment/runCell.ts';
import { experimentStatus, formatStatus, unfinishedCells } from '../../src/experiment/status.ts';
import { dependencies } from './fixtures/fakeDependencies.ts';
import { scratchDir, SMALL_CONFIG } from './helpers.ts';

test('the manifest records plan, hash, versions, commit and machine; reopening with the same plan keeps it', () => {
  const { dir, cleanup } = scratchDir();
  try {
    const plan = resolveExperiment(SMALL_CONFIG);
    const m = openExperimentDir(dir, plan, 'test', { name: 'wasm', threads: 1 });
    assert.equal(m.format, 'falcun-lab/experiment@1');
    assert.match(m.planHash, /^[0-9a-f]{64}$/);
    assert.equal(m.packageVersion, JSON.parse(readFileSync('package.json', 'utf8')).version);
    assert.match(m.gitCommit ?? '', /^[0-9a-f]{40}$/);
    assert.equal(m.versions.node, process.versions.node);
    assert.equal(m.versions['@tensorflow/tfjs'], '4.22.0');
    assert.equal(typeof m.machine.cpuCount, 'number');
    assert.deepEqual(m.backend, { name: 'wasm', threads: 1 });
    const before = readFileSync(manifestPath(dir), 'utf8');
    openExperimentDir(dir, resolveExperiment(structuredClone(SMALL_CONFIG)), 'again');
    assert.equal(readFileSync(manifestPath(dir), 'utf8'), before, 'never rewritten');
    assert.deepEqual(readManifest(dir).plan, plan);
    // A different plan may replace a manifest that never got a record, and is refused once one exists.
    const other = openExperimentDir(dir, resolveExperiment({ ...SMALL_CONFIG, name: 'other' }), 'other.json');
    assert.equal(readManifest(dir).planHash, other.planHash);
    mkdirSync(join(dir, 'runs'), { recursive: true });
    writeFileSync(join(dir, 'runs', 'blobs__random__s0.jsonl'), '{"round":0');
    assert.throws(() => openExperimentDir(dir, plan, 'test'), /already holds experiment 'other'.*refusing to mix results/);
    assert.equal(readManifest(dir).planHash, other.planHash, 'the refused plan leaves the manifest alone');
  } finally {
    cleanup();
  }
});

test('status reports done, partial and missing cells and the unfinished indices', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    openExperimentDir(dir, resolveExperiment(SMALL_CONFIG), 'test');
    await runCell(dir, 0, dependencies);
    let n = 0;
    await runCell(dir, 3, dependencies, { shouldStop: () => n >= 2, onEvent: (e) => void (e.type === 'round-done' && n++) });
    const s = experimentStatus(dir);
    assert.deepEqual([s.done, s.partial, s.missing], [1, 1, 4]);
    assert.deepEqual(unfinishedCells(s), [1, 2, 3, 4, 5]);
    const text = formatStatus(s);
    assert.match(text, /   0  blobs__random__s0\s+done\s+5\/5\s+30  0\.\d{4}/);
    assert.match(text, /   3  blobs__margin__s1\s+partial\s+2\/5\s+12/);
    assert.match(text, /   5  blobs__needy__s1\s+missing\s+0\/5\s+-  -/);
  } finally {
    cleanup();
  }
});

test('the non-terminal progress reporter writes one log line per event with runs done / total', () => {
  const lines: string[] = [];
  const p = createProgressReporter(4, 1, false, (s) => void lines.push(s));
  p.runStarted('a__b__s0', 0, 3);
  p.roundDone('a__b__s0', 0, 3, 10, 0.5);
  p.runFinished('a__b__s0', 'complete');
  p.runFinished('c__d__s0', 'failed', 'boom');
  assert.match(lines[0]!, /start  a__b__s0 at round 0\/3/);
  assert.match(lines[1]!, /a__b__s0 round 1\/3 labels 10 acc 0\.5000 eta \S+/);
  assert.match(lines[2]!, /complete a__b__s0 \(runs done 2\/4\)/);
  assert.match(lines[3]!, /failed   c__d__s0 \(runs done 2\/4\): boom/);
});
