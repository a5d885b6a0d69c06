import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStrategy, listStrategies } from '../../src/acquisition/registry.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { AlfaMix } from '../../src/acquisition/alfaMix.ts';
import { Clue } from '../../src/acquisition/clue.ts';
import { Falcun } from '../../src/acquisition/falcun.ts';

test('registry: every strategy is listed with a full name, summary, citation and documented options', () => {
  const list = listStrategies();
  // Names and aliases are unique (createStrategy finds exactly one class for each).
  const all = list.flatMap((s) => [s.name, ...s.aliases]);
  assert.equal(new Set(all).size, all.length);
  assert.ok(list.length >= 10);
  for (const s of list) {
    assert.ok(s.fullName.length > 3, `${s.name}: full name`);
    assert.ok(s.summary.length > 20, `${s.name}: summary`);
    assert.equal(s.description, s.summary);
    // A full citation: every author, the title, the venue and the year (FALCUN's paper is an undated double-blind preprint).
    assert.ok(s.citation.authors.length > 3 && s.citation.title.length > 10 && s.citation.venue.length > 3, `${s.name}: citation`);
    if (s.name !== 'falcun') assert.ok(Number.isInteger(s.citation.year) && s.citation.year! >= 1990, `${s.name}: citation year`);
    assert.ok(s.reference.includes(s.citation.title) && s.reference.includes(s.citation.authors), `${s.name}: reference line`);
    assert.match(s.colors.default, /^#[0-9a-fA-F]{6}$/);
    assert.match(s.colors.colorblind, /^#[0-9a-fA-F]{6}$/);
    assert.ok(s.label.length > 0);
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
  assert.throws(() => createStrategy('falcun', { gama: 3 }), /strategy 'falcun': unknown option 'gama' \(did you mean 'gamma'\?\); known: gamma, relevance, deterministic/);
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

test('registry: labels and colours tell strategies apart (distinct per palette), the paper has eight strategies', () => {
  const list = listStrategies();
  assert.equal(new Set(list.map((s) => s.label)).size, list.length);
  assert.equal(new Set(list.map((s) => s.colors.default)).size, list.length);
  assert.equal(new Set(list.map((s) => s.colors.colorblind)).size, list.length);
  assert.deepEqual(list.filter((s) => s.inPaper).map((s) => s.name), ['falcun', 'random', 'entropy', 'kcenter', 'cdal', 'badge', 'clue', 'alfamix']);
});

test('registry: a constructor and createStrategy accept and refuse the same values with the same words', () => {
  const cases: Array<[string, () => unknown, () => unknown]> = [
    ['alfamix', () => new AlfaMix({ alphaStep: 0 }), () => createStrategy('alfamix', { alphaStep: 0 })],
    ['alfamix', () => new AlfaMix({ alphaStep: 1 }), () => createStrategy('alfamix', { alphaStep: 1 })],
    ['alfamix', () => new AlfaMix({ maxIterations: 2.5 }), () => createStrategy('alfamix', { maxIterations: 2.5 })],
    ['clue', () => new Clue({ maxIterations: -1 }), () => createStrategy('clue', { maxIterations: -1 })],
    ['falcun', () => new Falcun({ gamma: Infinity }), () => createStrategy('falcun', { gamma: Infinity })],
    ['falcun', () => new Falcun({ relevance: 'x' as never }), () => createStrategy('falcun', { relevance: 'x' })],
  ];
  const message = (f: () => unknown): [string, string] => {
    try {
      f();
    } catch (e) {
      return [(e as Error).constructor.name, (e as Error).message.replace(/^[^:]*: /, '')];
    }
    return ['none', ''];
  };
  for (const [name, ctor, factory] of cases) {
    const a = message(ctor);
    assert.notEqual(a[0], 'none', `${name}: the constructor must refuse`);
    assert.deepEqual(a, message(factory), name);
  }
  assert.equal(new AlfaMix({ alphaStep: 0.5 }).alphaStep, (createStrategy('alfamix', { alphaStep: 0.5 }) as AlfaMix).alphaStep);
});

test('registry: every option of every strategy has its own test (titled "option <strategy>.<option>:")', () => {
  const dir = new URL('./', import.meta.url);
  const walk = (d: URL): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(new URL(`${e.name}/`, d)) : e.name.endsWith('.test.ts') ? [readFileSync(new URL(e.name, d), 'utf8')] : []));
  const sources = walk(dir).join('\n');
  const missing = listStrategies()
    .flatMap((s) => s.options.map((o) => `${s.name}.${o.name}`))
    .filter((id) => !['\'', '"', '`'].some((q) => sources.includes(`test(${q}option ${id}:`)));
  assert.deepEqual(missing, [], 'add a test per option (see test/acquisition/options.test.ts)');
});
