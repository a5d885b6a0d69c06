import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCALABILITY_GRIDS } from '../../src/notebook/scalability.ts';
import { writeScalabilityStudy } from '../../src/results/scalabilityStudy.ts';
import { SCALABILITY_STUDY_DIR } from '../../src/results/reproductionDirs.ts';
import { scalabilityResults } from '../../src/notebook/scalabilityResults.ts';
import { REPO_ROOT } from '../../src/sourcePath.ts';

const rows = [
  { strategy: 'falcun', N: 1000, Q: 20, D: 32, seconds: 0.01, rounds: 3 },
  { strategy: 'badge', N: 1000, Q: 20, D: 32, seconds: 0.2, rounds: 3 },
  { strategy: 'falcun', N: 2000, Q: 20, D: 32, seconds: 0.02, rounds: 3 },
];

test('scalabilityResults: a folder with a scalability.json is read as is; strategies narrow it; unknown ones and a missing file are named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-scal-'));
  try {
    writeScalabilityStudy(dir, { grid: SCALABILITY_GRIDS.smoke, seed: 0, rows, createdAt: '2026-01-01T00:00:00Z' });
    const all = await scalabilityResults({ results: dir, scale: 'quick' });
    assert.equal(all.source, 'directory');
    assert.deepEqual(all.rows, rows);
    assert.deepEqual(all.baseline, SCALABILITY_GRIDS.smoke.baseline);
    assert.deepEqual((await scalabilityResults({ results: dir, scale: 'quick' }, ['falcun'])).rows.map((r) => r.N), [1000, 2000]);
    await assert.rejects(scalabilityResults({ results: dir, scale: 'quick' }, ['clue']), /strategy 'clue' is not in these timings; they hold badge, falcun/);
    await assert.rejects(scalabilityResults({ results: join(dir, 'empty'), scale: 'quick' }), /empty\/scalability\.json does not exist; write one with npm run scalability/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scalabilityResults: committed when the checkout has the study, else a NOTE and the grid of the scale measured now', async () => {
  const lines: string[] = [];
  const r = await scalabilityResults({ results: 'committed', scale: 'smoke' }, ['falcun', 'random'], (l) => lines.push(l));
  if (existsSync(join(REPO_ROOT, SCALABILITY_STUDY_DIR, 'scalability.json'))) {
    assert.equal(r.source, 'committed');
    assert.deepEqual(lines, []);
  } else {
    assert.equal(r.source, 'run');
    assert.match(lines.join('\n'), /NOTE: the committed scalability study .* is not in this checkout, so this notebook now MEASURES the grid of scale 'smoke'/);
    assert.deepEqual(r.baseline, SCALABILITY_GRIDS.smoke.baseline);
  }
  assert.deepEqual([...new Set(r.rows.map((x) => x.strategy))].sort(), ['falcun', 'random']);
});

test("scalabilityResults 'run': measures on the wasm backend's matrix product, as the experiments and the committed study do", async () => {
  const lines: string[] = [];
  const r = await scalabilityResults({ results: 'run', scale: 'smoke' }, ['falcun', 'kcenter'], (l) => lines.push(l));
  assert.equal(r.source, 'run');
  assert.deepEqual([...new Set(r.rows.map((x) => x.strategy))].sort(), ['falcun', 'kcenter']);
  // initBackend's one line (when this process had no backend yet) names the backend the study ran on.
  const { currentBackendInfo } = await import('../../src/backend/initBackend.ts');
  assert.equal(currentBackendInfo()?.name, 'wasm', lines.join('\n'));
});
