import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { COMMON_DEFAULTS, exportDirOf, notebookParameters, parseParamPairs, resultsLabel, runDirOf } from '../../src/notebook/parameters.ts';
import { REPO_ROOT } from '../../src/sourcePath.ts';

const env = (params: unknown) => ({ FALCUN_NOTEBOOK_PARAMS: JSON.stringify(params) });

test('notebookParameters: the cell\'s defaults plus the common ones, unchanged without FALCUN_NOTEBOOK_PARAMS', () => {
  const p = notebookParameters({ results: 'committed', gamma: 10, strategies: ['falcun', 'random'] }, {});
  assert.deepEqual({ ...p }, { ...COMMON_DEFAULTS, results: 'committed', gamma: 10, strategies: ['falcun', 'random'] });
  assert.ok(Object.isFrozen(p));
});

test('notebookParameters: FALCUN_NOTEBOOK_PARAMS overrides each named parameter, keeping the others', () => {
  const p = notebookParameters({ results: 'committed', gamma: 10, strategies: ['falcun'], deterministic: false }, env({ gamma: 5, strategies: ['random', 'entropy'], deterministic: true, scale: 'smoke' }));
  assert.equal(p.gamma, 5);
  assert.deepEqual(p.strategies, ['random', 'entropy']);
  assert.equal(p.deterministic, true);
  assert.equal(p.scale, 'smoke');
  assert.equal(p.results, 'committed');
});

test('notebookParameters: a runner\'s results only changes a notebook that declares results; other runner keys apply to all', () => {
  const pool = notebookParameters({ scale: 'quick', gamma: 10 }, env({ results: 'committed', scale: 'smoke', exportDir: '/tmp/x' }));
  assert.equal(pool.results, 'run');
  assert.equal(pool.scale, 'smoke');
  assert.equal(pool.exportDir, '/tmp/x');
  const rec = notebookParameters({ results: 'committed' }, env({ results: 'run' }));
  assert.equal(rec.results, 'run');
});

test('notebookParameters: bad input names the variable, the parameter and what is expected', () => {
  assert.throws(() => notebookParameters({ gamma: 10 }, { FALCUN_NOTEBOOK_PARAMS: 'gamma=5' }), /FALCUN_NOTEBOOK_PARAMS must be a JSON object/);
  assert.throws(() => notebookParameters({ gamma: 10 }, env([1])), /FALCUN_NOTEBOOK_PARAMS must be a JSON object/);
  assert.throws(() => notebookParameters({ gamma: 10 }, env({ gama: 5 })), /sets 'gama', which this notebook does not have; its parameters are .*gamma/);
  assert.throws(() => notebookParameters({ gamma: 10 }, env({ gamma: '5' })), (e: Error) => e instanceof TypeError && /parameter 'gamma' must be a number like its default 10, got "5"/.test(e.message));
  assert.throws(() => notebookParameters({ strategies: ['falcun'] }, env({ strategies: [1, 2] })), /'strategies' must be a list of strings/);
  assert.throws(() => notebookParameters({ gammas: [0, 1] }, env({ gammas: ['a'] })), /'gammas' must be a list of numbers/);
  assert.throws(() => notebookParameters({}, env({ scale: 'huge' })), /scale must be one of smoke, quick, paper, got 'huge'/);
  assert.throws(() => notebookParameters({}, env({ preset: 'poster' })), /preset must be one of screen, column, full/);
  assert.throws(() => notebookParameters({}, env({ dpi: 5000 })), /dpi must be a number in \[30, 1200\]/);
  assert.throws(() => notebookParameters({ scale: 'big' }, {}), /scale must be one of/);
});

test('notebookParameters: an empty default list takes strings or numbers', () => {
  assert.deepEqual(notebookParameters({ datasets: [] as string[] }, env({ datasets: ['mnist'] })).datasets, ['mnist']);
});

test('exports go to a git-ignored folder per results or scale, never to the committed figures/ unless asked', () => {
  assert.equal(exportDirOf({ results: 'committed', scale: 'quick', exportDir: '' }), join(REPO_ROOT, 'exports', 'committed'));
  assert.equal(exportDirOf({ results: 'run', scale: 'smoke', exportDir: '' }), join(REPO_ROOT, 'exports', 'smoke'));
  assert.equal(exportDirOf({ results: '../results/cluster-run', scale: 'quick', exportDir: '' }), join(REPO_ROOT, 'exports', 'cluster-run'));
  assert.equal(exportDirOf({ results: 'run', scale: 'smoke', exportDir: 'figures' }), join(REPO_ROOT, 'figures'));
  assert.equal(resultsLabel({ results: 'run', scale: 'paper' }), 'paper');
  assert.equal(runDirOf({ scale: 'quick', runDir: '' }), join(REPO_ROOT, 'results', 'notebooks-quick'));
  assert.equal(runDirOf({ scale: 'quick', runDir: '/tmp/r' }), '/tmp/r');
});

test('parseParamPairs: numbers, booleans, lists and strings from key=value', () => {
  assert.deepEqual(parseParamPairs(['gamma=5', 'deterministic=true', 'strategies=falcun,random', 'gammas=0,1,10', 'results=../results/quick', 'name=x=y', 'one=["a"]']), {
    gamma: 5, deterministic: true, strategies: ['falcun', 'random'], gammas: [0, 1, 10], results: '../results/quick', name: 'x=y', one: ['a'],
  });
  assert.throws(() => parseParamPairs(['gamma']), /expected key=value, got 'gamma'/);
});
