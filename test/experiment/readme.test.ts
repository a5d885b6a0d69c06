/** The README's example config is valid and names only registered datasets and strategies. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createStrategy } from '../../src/acquisition/registry.ts';
import { getDatasetEntry } from '../../src/data/registry.ts';
import { resolveExperiment } from '../../src/experiment/config.ts';

test('README "Running experiments" example config resolves and uses registered names', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Running experiments'));
  const json = /```json\n([\s\S]*?)```/.exec(section);
  assert.ok(json, 'the section has a ```json block');
  const plan = resolveExperiment(JSON.parse(json[1]!), 'README');
  for (const d of plan.datasets) assert.equal(getDatasetEntry(d.name).name, d.name);
  for (const s of plan.strategies) assert.equal(typeof createStrategy(s.name, s.options).select, 'function');
  assert.deepEqual(plan.datasets.map((d) => [d.label, d.setting, d.keepWeights]), [
    ['mnist', 's', false],
    ['repeated-mnist', 'q100', false],
    ['rbf-keep', 'l_no', true],
  ]);
});
