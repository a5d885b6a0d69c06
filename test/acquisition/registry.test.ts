import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStrategy, listStrategies } from '../../src/acquisition/registry.ts';
import { Falcun } from '../../src/acquisition/falcun.ts';

const EXPECTED = ['random', 'entropy', 'margin', 'least-confidence', 'kcenter', 'cdal', 'badge', 'clue', 'alfamix', 'falcun'];

test('registry: every strategy is listed with a full name, summary, citation and documented options', () => {
  const list = listStrategies();
  assert.deepEqual(list.map((s) => s.name).sort(), [...EXPECTED].sort());
  for (const s of list) {
    assert.ok(s.fullName.length > 3, `${s.name}: full name`);
    assert.ok(s.summary.length > 20, `${s.name}: summary`);
    assert.equal(s.description, s.summary);
    assert.match(s.citation, /(19|20)\d\d|paper/, `${s.name}: citation with a year`);
    for (const o of s.options) assert.ok(o.description.length > 5 && o.default !== undefined, `${s.name}.${o.name}`);
    const strategy = createStrategy(s.name);
    assert.equal(strategy.name, s.name, 'strategy.name is its registry name');
    for (const a of s.aliases) assert.equal(createStrategy(a).name, s.name);
  }
  const falcun = list.find((s) => s.name === 'falcun')!;
  assert.deepEqual(
    falcun.options.map((o) => [o.name, o.default]),
    [['gamma', 10], ['relevance', 'both'], ['deterministic', false], ['variant', 'paper']],
  );
});

test('registry: listStrategies returns copies (callers cannot change the registry)', () => {
  const a = listStrategies();
  (a[0]!.options as unknown[]).length = 0;
  assert.ok(listStrategies()[0]!.options.length > 0);
});

test('registry: options reach the strategy; names are case-insensitive; the runner alias kcentergreedy works', () => {
  const f = createStrategy('FALCUN', { gamma: 2, relevance: 'diversity', deterministic: true }) as Falcun;
  assert.ok(f instanceof Falcun);
  assert.equal(f.gamma, 2);
  assert.equal(f.relevance, 'diversity');
  assert.equal(f.deterministic, true);
  assert.equal((createStrategy('falcun') as Falcun).gamma, 10);
  assert.equal(createStrategy('kcentergreedy').name, 'kcenter');
  assert.deepEqual(createStrategy('badge').needs, { embeddings: true });
  assert.deepEqual(createStrategy('alfamix').needs, { embeddings: true, labeledEmbeddings: true, head: true });
  assert.deepEqual(createStrategy('kcenter').needs, { embeddings: true, labeledEmbeddings: true });
  assert.deepEqual(createStrategy('falcun').needs, {});
});

test('registry: unknown names and options, wrong kinds and ranges give clear errors', () => {
  assert.throws(() => createStrategy('bald'), (e: Error) => e instanceof RangeError && /unknown strategy 'bald'; known: falcun, random/.test(e.message));
  assert.throws(() => createStrategy(3 as unknown as string), TypeError);
  assert.throws(() => createStrategy('falcun', { gama: 3 }), /createStrategy\('falcun'\): unknown option 'gama'; known: gamma, relevance, deterministic/);
  assert.throws(() => createStrategy('random', { seed: 3 }), /unknown option 'seed'; this strategy takes no options/);
  assert.throws(() => createStrategy('falcun', { gamma: -1 }), (e: Error) => e instanceof RangeError && /option gamma must be >= 0, got -1/.test(e.message));
  assert.throws(() => createStrategy('falcun', { gamma: '10' }), (e: Error) => e instanceof TypeError && /option gamma must be a number, got 10/.test(e.message));
  assert.throws(() => createStrategy('falcun', { relevance: 'margin' }), /option relevance must be one of both, uncertainty, diversity, got margin/);
  assert.throws(() => createStrategy('falcun', { deterministic: 'yes' }), TypeError);
  assert.throws(() => createStrategy('clue', { maxIterations: 1.5 }), /option maxIterations must be an integer, got 1.5/);
  assert.throws(() => createStrategy('alfamix', { alphaStep: 1 }), /option alphaStep must be < 1, got 1/);
  assert.throws(() => createStrategy('alfamix', { alphaStep: 0 }), /option alphaStep must be > 0, got 0/);
  assert.throws(() => createStrategy('falcun', [] as unknown as Record<string, unknown>), TypeError);
});
