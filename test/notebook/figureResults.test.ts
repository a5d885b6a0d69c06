import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { appendRecord, runFile } from '../../src/results/resultStore.ts';
import type { RoundRecord } from '../../src/results/roundRecord.ts';
import { COMMITTED_RESULTS, figureRecords, loadResults, redundancyLevels, selectRecords } from '../../src/notebook/figureResults.ts';
import { REPO_ROOT } from '../../src/sourcePath.ts';
import { experimentRecords } from '../figures/fixtures.ts';

function writeResults(records: readonly RoundRecord[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-results-'));
  for (const r of records) appendRecord(runFile(dir, `${r.dataset}__${r.strategy}__s${r.seed}`), r);
  return dir;
}

test('loadResults: any results directory in one line, absolute or relative to the repository root', () => {
  const records = experimentRecords();
  const dir = writeResults(records);
  try {
    assert.equal(loadResults(dir).length, records.length);
    assert.equal(loadResults(relative(REPO_ROOT, dir)).length, records.length);
    assert.throws(() => loadResults(join(dir, 'nope')), /nope.runs is not a directory/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('figureRecords: a results directory is loaded as is, with a summary naming it', async () => {
  const records = experimentRecords();
  const dir = writeResults(records);
  try {
    const got = await figureRecords('learning-curves', { results: dir, scale: 'smoke', runDir: '' });
    assert.equal(got.source, 'directory');
    assert.equal(got.records.length, records.length);
    assert.match(got.summary, new RegExp(`${records.length} round records from `));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the committed results are named per experiment; redundancy keeps only the RepeatedMNIST variants', () => {
  assert.equal(COMMITTED_RESULTS['learning-curves'].dir, 'results/repro-curves');
  assert.equal(COMMITTED_RESULTS.ablation.dir, 'results/repro-ablation');
  const keep = COMMITTED_RESULTS.redundancy.datasets!;
  assert.deepEqual(['mnist', 'repeated-mnist', 'repeated-mnist-10', 'repeated-mnist-5', 'openml-156'].filter(keep), ['repeated-mnist', 'repeated-mnist-10', 'repeated-mnist-5']);
  const rec = (dataset: string) => ({ dataset }) as RoundRecord;
  assert.deepEqual(redundancyLevels([rec('repeated-mnist'), rec('mnist'), rec('repeated-mnist-20'), rec('repeated-mnist-5')]), { 'repeated-mnist': 10, 'repeated-mnist-20': 20, 'repeated-mnist-5': 5 });
});

test('selectRecords: empty lists keep everything; an unknown dataset or strategy is an error listing what there is', () => {
  const records = experimentRecords();
  assert.equal(selectRecords(records, { datasets: [], strategies: [] }).length, records.length);
  const some = selectRecords(records, { datasets: ['mnist'], strategies: ['falcun', 'random'] });
  assert.ok(some.length > 0 && some.every((r) => r.dataset === 'mnist' && ['falcun', 'random'].includes(r.strategy)));
  assert.throws(() => selectRecords(records, { strategies: ['falcon'] }), /strategy 'falcon' is not in these results; they hold badge, entropy, falcun, random/);
});
