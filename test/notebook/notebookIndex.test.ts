import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTEBOOK_INDEX, notebookIndexMarkdown } from '../../src/notebook/notebookIndex.ts';

test('the index table: a linked row per notebook, what it draws, one column of measured times per kind of run', () => {
  const times = { machine: 'test', runs: { 'scale quick': { '01-fig1-simplex.ipynb': 17 }, defaults: { '01-fig1-simplex.ipynb': 4.2, '18-fig18-scalability.ipynb': 273 } } };
  const lines = notebookIndexMarkdown(NOTEBOOK_INDEX, times).split('\n');
  assert.equal(lines.length, 2 + NOTEBOOK_INDEX.length);
  assert.equal(lines[0], '| notebook | reproduces | draws | not offline (why) | Run All (defaults) | scale quick |');
  assert.equal(lines[1], '| :--- | :--- | :--- | :--- | ---: | ---: |');
  const fig1 = lines.find((l) => l.startsWith('| [01-fig1-simplex](01-fig1-simplex.ipynb) |'))!;
  assert.match(fig1, /\| 3-class pool \(committed\) \|.*\| 4 s \| 17 s \|$/);
  assert.match(lines.find((l) => l.includes('(18-fig18-scalability.ipynb)'))!, /\| 4\.5 min \| — \|$/);
  for (const e of NOTEBOOK_INDEX) assert.ok(lines.some((l) => l.includes(`](${e.file})`)), `${e.file} is linked`);
});
