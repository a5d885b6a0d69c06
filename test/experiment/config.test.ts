import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, canonicalJson, planHash, resolveExperiment } from '../../src/experiment/config.ts';
import { labelsAtRound, roundCount, settingByName } from '../../src/experiment/settings.ts';
import { gridCell, gridCells } from '../../src/experiment/grid.ts';

const base = { name: 't', datasets: [{ name: 'mnist', setting: 's' }], strategies: ['falcun', 'random'], seeds: [0, 1] };

function issuesOf(input: unknown): string[] {
  try {
    resolveExperiment(input, 'test.json');
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
    assert.match(e.message, /^invalid experiment config \(test\.json\):/);
    return [...e.issues];
  }
  assert.fail('expected the config to be rejected');
}

test('paper settings resolve to Q, initial = Q, budget = 10Q, _no keeps weights', () => {
  assert.deepEqual(settingByName('s'), { name: 's', querySize: 200, initialSize: 200, budget: 2000, keepWeights: false });
  assert.deepEqual(settingByName('m_no'), { name: 'm_no', querySize: 500, initialSize: 500, budget: 5000, keepWeights: true });
  assert.throws(() => settingByName('xxl'), /settingByName: unknown setting 'xxl'; use one of xs, xs_no, s, s_no/);
  const plan = resolveExperiment(base);
  const d = plan.datasets[0]!;
  assert.equal(d.setting, 's');
  assert.equal(d.querySize, 200);
  assert.equal(d.budget, 2000);
  assert.equal(d.rounds, 10);
  assert.equal(plan.backend, 'wasm');
  assert.deepEqual(plan.strategies[0], { name: 'falcun', label: 'falcun', options: {} });
});

test('a setting with an overridden field gets a descriptive name; rounds set the budget', () => {
  const d = resolveExperiment({ ...base, datasets: [{ name: 'mnist', setting: 's', budget: 1000 }] }).datasets[0]!;
  assert.equal(d.setting, 'q200');
  assert.equal(d.rounds, 5);
  const e = resolveExperiment({ ...base, datasets: [{ name: 'letter', querySize: 10, initialSize: 20, rounds: 3, keepWeights: true }] }).datasets[0]!;
  assert.equal(e.budget, 50);
  assert.equal(e.setting, 'q10_no');
  assert.equal(e.rounds, 4);
});

test('round arithmetic: the last query is cut to the budget', () => {
  // Slow obvious version: count rounds by adding Q until the budget.
  for (const [init, q, budget] of [[10, 10, 100], [5, 7, 30], [20, 10, 20], [1, 3, 2], [100, 100, 1000]] as const) {
    const labels: number[] = [init];
    while (labels.at(-1)! < budget) labels.push(Math.min(labels.at(-1)! + q, budget));
    assert.equal(roundCount(init, q, budget), labels.length, `${init},${q},${budget}`);
    labels.forEach((l, r) => assert.equal(labelsAtRound(init, q, budget, r), l));
  }
});

test('unknown keys are rejected at every level, naming the field', () => {
  const issues = issuesOf({ ...base, sedes: [1], datasets: [{ name: 'mnist', setting: 's', querysize: 3 }], training: { epoch: 3 } });
  assert.ok(issues.some((i) => i === "config: unknown key(s) 'sedes'; remove them or check the spelling"), issues.join('\n'));
  assert.ok(issues.some((i) => i.startsWith("config.datasets[0]: unknown key(s) 'querysize'")), issues.join('\n'));
  assert.ok(issues.some((i) => i.startsWith("config.training: unknown key(s) 'epoch'")), issues.join('\n'));
});

test('wrong kinds and out-of-range values name the field and the value', () => {
  const issues = issuesOf({ ...base, seeds: [0, -1], datasets: [{ name: 'mnist', querySize: 2.5 }], strategies: [3], backend: 'gpu' });
  const all = issues.join('\n');
  assert.match(all, /config\.seeds\[1\]: .*>=0.* \(got -1\)/);
  assert.match(all, /config\.datasets\[0\]\.querySize: expected int.* \(got 2\.5\)/);
  assert.match(all, /config\.strategies\[0\]: expected a strategy name \(string\) or \{ name, label\?, options\? \}, got 3/);
  assert.match(all, /config\.backend: .*"wasm".* \(got "gpu"\)/);
  assert.match(issuesOf({ ...base, datasets: [] }).join('\n'), /config\.datasets: .*>=1/);
  assert.match(issuesOf([1, 2]).join('\n'), /^config: expected object/);
});

test('impossible combinations are rejected: budget < initial size, pool subset < budget, budget and rounds, duplicates', () => {
  assert.deepEqual(issuesOf({ ...base, datasets: [{ name: 'mnist', querySize: 10, initialSize: 50, budget: 40 }] }), [
    'config.datasets[0].budget: 40 is below the initial labeled set (initialSize 50); raise the budget or lower initialSize',
  ]);
  assert.deepEqual(issuesOf({ ...base, datasets: [{ name: 'mnist', setting: 's', trainSubset: 1000 }] }), [
    'config.datasets[0].trainSubset: 1000 rows cannot supply a budget of 2000 labels; need trainSubset >= 2000',
  ]);
  assert.deepEqual(issuesOf({ ...base, datasets: [{ name: 'mnist', querySize: 10, budget: 100, rounds: 3 }] }), [
    "config.datasets[0]: give 'budget' (100) or 'rounds' (3), not both",
  ]);
  assert.match(issuesOf({ ...base, datasets: [{ name: 'mnist' }] })[0]!, /config\.datasets\[0\]: give a 'setting' \(xs, .*\) or a 'querySize'/);
  assert.deepEqual(issuesOf({ ...base, strategies: ['falcun', { name: 'falcun', options: { gamma: 1 } }] }), [
    "config.strategies[1]: label 'falcun' is used twice; give one of them a distinct 'label'",
  ]);
  assert.deepEqual(issuesOf({ ...base, seeds: [3, 3] }), ['config.seeds[1]: seed 3 is listed twice']);
  assert.match(issuesOf({ ...base, datasets: [{ name: 'mnist', setting: 's', label: 'a__b' }] }).join('\n'), /config\.datasets\[0\]\.label: must be letters/);
});

test('the plan hash ignores key order and changes with any setting', () => {
  const a = resolveExperiment(base);
  const b = resolveExperiment({ seeds: [0, 1], strategies: ['falcun', 'random'], datasets: [{ setting: 's', name: 'mnist' }], name: 't' });
  assert.equal(planHash(a), planHash(b));
  assert.notEqual(planHash(a), planHash(resolveExperiment({ ...base, seeds: [0, 2] })));
  assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] }), '{"a":[{"d":2}],"b":1}');
});

test('the grid enumerates datasets × strategies × seeds in a fixed order', () => {
  const plan = resolveExperiment({ ...base, datasets: [{ name: 'mnist', setting: 's' }, { name: 'letter', setting: 'l' }] });
  const cells = gridCells(plan);
  assert.equal(cells.length, 8);
  assert.deepEqual(cells.map((c) => c.runId).slice(0, 5), ['mnist__falcun__s0', 'mnist__falcun__s1', 'mnist__random__s0', 'mnist__random__s1', 'letter__falcun__s0']);
  assert.equal(gridCell(plan, 7).runId, 'letter__random__s1');
  assert.throws(() => gridCell(plan, 8), /gridCell: index must be an integer in \[0, 7\], got 8/);
  assert.throws(() => gridCell(plan, 1.5), RangeError);
});
