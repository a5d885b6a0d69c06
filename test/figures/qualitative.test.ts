// The qualitative figures of `npm run figures` (Fig. 1, 6, 7, 8, 9, 11) drawn from tiny trained pools: every
// one is drawn (no placeholder) in paper order, Fig. 1 has a panel per paper strategy, Fig. 7 (b) and Fig. 11
// say on the figure what stands in for what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qualitativeExhibits, readQueryTimes } from '../../scripts/render-figures-qualitative.ts';

type T = Record<string, any>;
const texts = (layout: T) => ((layout.annotations as T[] | undefined) ?? []).map((a) => String(a.text).replace(/<br>/g, ' '));

test('qualitativeExhibits: Fig. 1, 6, 7, 8 (simplex, t-SNE), 9, 11 from small trained pools, each drawn, stand-ins said', { timeout: 300_000 }, async () => {
  // Times pinned for all but Entropy (which then shows its measured time); the measured ones come back.
  const pinned = { random: 0.001, kcenter: 0.002, cdal: 0.003, badge: 0.004, clue: 0.005, alfamix: 0.006, falcun: 0.0123 };
  let measured: Record<string, number> = {};
  const ex = await qualitativeExhibits(
    { poolSize: 90, querySize: 4, tsneIterations: 60, fig7Pool: 150, fig7PerClass: 10, fig7Query: 10, fig7Rows: 2000, examplesPerClass: 2, epochs: 3 },
    { pinnedTimes: pinned, onMeasured: (t) => { measured = { ...t }; } },
  );
  assert.deepEqual(Object.keys(measured).sort(), ['alfamix', 'badge', 'cdal', 'clue', 'entropy', 'falcun', 'kcenter', 'random']);
  assert.deepEqual(ex.map((e) => [e.name, e.paper]), [
    ['fig01-simplex', 'Figure 1'], ['fig06-relevance-course', 'Figure 6'], ['fig07-class-accuracy-tsne', 'Figure 7'], ['fig08-simplex', 'Figure 8'],
    ['fig08-tsne', 'Figure 8'], ['fig09-selection-probability', 'Figure 9'], ['fig11-example-images', 'Figure 11'],
  ]);
  for (const e of ex) assert.doesNotMatch(e.source ?? '', /^placeholder/, `${e.name}: ${e.source}`);
  const by = new Map(ex.map((e) => [e.name, e.figure]));
  // Fig. 1: one simplex per paper strategy, titled with its name and time
  const fig1 = by.get('fig01-simplex')!;
  const titles = texts(fig1.layout as T).filter((t) => / \(\d+(\.\d+)? ms\)$/.test(t)).map((t) => t.replace(/ \(.*$/, ''));
  assert.deepEqual(titles, ['Random', 'Entropy', 'KCenterGreedy', 'CDAL', 'BADGE', 'CLUE', 'AlfaMix', 'FALCUN']);
  assert.ok(texts(fig1.layout as T).includes('FALCUN (12 ms)') && texts(fig1.layout as T).includes('Random (1 ms)'), 'pinned times printed');
  assert.ok(texts(fig1.layout as T).includes(`Entropy (${Math.round(measured['entropy']! * 1000)} ms)`), 'an unpinned strategy shows its measured time');
  assert.ok(texts(by.get('fig08-simplex')!.layout as T).includes('FALCUN (12 ms)'), 'Fig. 8 prints the pinned FALCUN time');
  assert.ok(texts(by.get('fig07-class-accuracy-tsne')!.layout as T).some((t) => /BloodMNIST needs its files/.test(t)));
  // every class has a test accuracy, so every pool point takes a colour (none grey for want of test rows)
  const pool7 = (by.get('fig07-class-accuracy-tsne')!.data as T[]).find((t) => t.name === 'pool')!;
  assert.ok(pool7.marker.color.length > 0 && pool7.marker.color.every((c: unknown) => typeof c === 'number'), 'a pool point without class accuracy');
  assert.ok(new Set(pool7.marker.color).size >= 2, 'the classes differ in accuracy');
  assert.match(texts(by.get('fig11-example-images')!.layout as T).join(' ') + String((by.get('fig11-example-images')!.layout.title as T)?.text ?? ''), /stand-in for BloodMNIST/);
});

test('readQueryTimes: the pinned times, or an error naming the file and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'query-times-'));
  try {
    const f = join(dir, 'query-times.json');
    writeFileSync(f, JSON.stringify({ note: 'x', seconds: { falcun: 0.01, badge: 0.5 } }));
    assert.deepEqual(readQueryTimes(f), { falcun: 0.01, badge: 0.5 });
    writeFileSync(f, JSON.stringify({ seconds: { falcun: -1 } }));
    assert.throws(() => readQueryTimes(f), (e: Error) => e.message.includes(f) && /field 'seconds\.falcun'/.test(e.message) && /--measure-times/.test(e.message));
    writeFileSync(f, '{ nope');
    assert.throws(() => readQueryTimes(f), /not readable JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
