import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duelingMatrix } from '../../src/analysis/duelingMatrix.ts';
import { learningCurves } from '../../src/analysis/learningCurves.ts';
import { selectionProbabilities } from '../../src/analysis/selectionProbability.ts';
import { classAccuracyEmbeddingFigure } from '../../src/figures/classAccuracyEmbedding.ts';
import { duelingMatrixFigure } from '../../src/figures/duelingMatrix.ts';
import { exampleImagesFigure } from '../../src/figures/exampleImages.ts';
import { gainOverRandomFigure } from '../../src/figures/gainOverRandom.ts';
import { learningCurvesFigure } from '../../src/figures/learningCurves.ts';
import { FALCUN_RED, strategyColor } from '../../src/figures/palette.ts';
import { redundancyFigure } from '../../src/figures/redundancy.ts';
import { relevanceFigure } from '../../src/figures/relevance.ts';
import { logTicks, scalabilityFigure, scalabilityTimeTable } from '../../src/figures/scalability.ts';
import { formatDuration } from '../../src/figures/inputs.ts';
import { selectionProbabilityFigure } from '../../src/figures/selectionProbability.ts';
import { simplexFigure } from '../../src/figures/simplex.ts';
import { ablationTableData, datasetPropertiesTable, tableFigure, tableMarkdown, timeComplexityTable } from '../../src/figures/tables.ts';
import { improvementOverRandom } from '../../src/analysis/improvementOverRandom.ts';
import { ablationTable } from '../../src/analysis/ablationTable.ts';
import { applyPreset, PRESETS } from '../../src/figures/presets.ts';
import { syntheticRecords } from '../analysis/syntheticRecords.ts';
import { allFigures, experimentRecords, pool, scalabilityRows } from './fixtures.ts';

type T = Record<string, any>;

test('every figure is plain JSON (no typed arrays, no undefined) with a size', () => {
  for (const [name, fig] of Object.entries(allFigures())) {
    assert.deepEqual(JSON.parse(JSON.stringify(fig)), fig, `${name} survives JSON`);
    assert.ok((fig.layout.width as number) > 100 && (fig.layout.height as number) > 100, `${name} has a size`);
  }
});

test('learningCurvesFigure: one band + one line per strategy and setting; y = 100·mean, band = mean ± std', () => {
  const recs = experimentRecords().filter((r) => r.dataset === 'mnist');
  const fig = learningCurvesFigure(recs);
  const pts = learningCurves(recs).filter((p) => p.strategy === 'falcun');
  const line = fig.data.find((t: T) => t.name === 'FALCUN' && t.mode === 'lines+markers') as T;
  assert.deepEqual(line.x, pts.map((p) => p.numLabeled));
  assert.deepEqual(line.y, pts.map((p) => 100 * p.mean));
  assert.equal(line.line.color, FALCUN_RED);
  const band = fig.data.find((t: T) => t.fill === 'toself' && t.meta.strategy === 'falcun') as T;
  assert.equal(band.y.length, 2 * pts.length);
  assert.ok(Math.abs(band.y[0] - 100 * (pts[0]!.mean + pts[0]!.std)) < 1e-9);
  assert.ok(Math.abs(band.y[2 * pts.length - 1] - 100 * (pts[0]!.mean - pts[0]!.std)) < 1e-9);
  assert.equal(fig.data.length, 2 * 4);
  assert.equal(learningCurvesFigure(recs, { bands: false }).data.length, 4);
  // legend once per strategy over several panels
  const two = learningCurvesFigure(experimentRecords().filter((r) => !r.dataset.startsWith('repeated')));
  assert.equal(two.data.filter((t: T) => t.showlegend === true).length, 4);
  assert.throws(() => learningCurvesFigure([]), /learningCurvesFigure: records is empty/);
  assert.throws(() => learningCurvesFigure(recs, { settings: ['svhn|s|lenet'] }), /setting 'svhn\|s\|lenet' has no records/);
});

test('duelingMatrixFigure: golden spec for a 2×2 matrix', () => {
  const recs = syntheticRecords({ strategies: ['random', 'falcun'], seeds: [0, 1, 2], rounds: 2, accuracy: (s, seed, r) => 0.5 + 0.1 * r + (s === 'falcun' ? 0.05 + 0.001 * seed : 0) });
  const fig = duelingMatrixFigure(duelingMatrix(recs, { strategies: ['falcun', 'random'] }));
  // vector cells (rectangles + numbers), no heatmap raster
  assert.equal(fig.data.filter((t) => t.type === 'heatmap').length, 0);
  const cells = (fig.layout.annotations as T[]).map((a) => [a.y, a.x, a.text]);
  assert.deepEqual(cells, [[0, 1, '100.0'], [0, 2, '100.0'], [1, 0, '0.0'], [1, 2, '0.0'], [2, 0, '0.0'], [2, 1, '100.0']]);
  assert.equal((fig.layout.shapes as T[]).length, 8); // 3×3 minus the empty corner
  assert.deepEqual((fig.layout.xaxis as T).ticktext, ['FALCUN', 'Random', 'Avg. wins']);
  assert.deepEqual((fig.layout.yaxis as T).ticktext, ['FALCUN', 'Random', 'Avg. losses']);
  // one seed: no comparison at all, and the figure says why instead of a silent blank grid
  const one = duelingMatrixFigure(duelingMatrix(syntheticRecords({ strategies: ['random', 'falcun'], seeds: [0], rounds: 2 })));
  assert.match((one.layout.annotations as T[]).at(-1)!.text, /No duels: a win needs a paired t-test over ≥ 2 matched seeds/);
});

test('gainOverRandomFigure: coloured gain bars and black time bars per strategy, rounds from 1', () => {
  const rows = improvementOverRandom(experimentRecords().filter((r) => r.dataset === 'mnist'));
  const fig = gainOverRandomFigure(rows);
  const bars = fig.data.filter((t: T) => t.marker.color !== '#000000') as T[];
  const times = fig.data.filter((t: T) => t.marker.color === '#000000') as T[];
  assert.equal(bars.length, 3);
  assert.equal(times.length, 3);
  const f = bars.find((b) => b.meta.strategy === 'falcun')!;
  assert.deepEqual(f.customdata, [1, 2, 3, 4, 5]);
  assert.deepEqual(f.y, rows.filter((r) => r.strategy === 'falcun' && r.round > 0).map((r) => 100 * r.gain));
  // each black time bar sits at the centre of its strategy's coloured bar, narrower than it
  const ft = times[bars.indexOf(f)]!;
  assert.deepEqual(ft.x, f.x);
  assert.ok(ft.width < f.width);
  assert.deepEqual([fig.layout.barmode, (fig.layout.yaxis2 as T).title.text], ['overlay', 'Query time (s)']); // 2 s: seconds, not 0.03 min
  assert.deepEqual(ft.y, [2, 2, 2, 2, 2]);
  assert.equal(ft.yaxis, 'y2');
  // strategies in legend order side by side around each round
  const xs = bars.map((b) => b.x[0] as number);
  assert.deepEqual([...xs].sort((a, b) => a - b), xs);
  assert.ok(Math.abs((xs[0]! + xs[2]!) / 2 - 1) < 1e-12);
  // gain and time axes put 0 at the same height; time ticks are non-negative
  const y = (fig.layout.yaxis as T).range as number[];
  const y2 = (fig.layout.yaxis2 as T).range as number[];
  assert.ok(Math.abs(-y[0]! / (y[1]! - y[0]!) - -y2[0]! / (y2[1]! - y2[0]!)) < 1e-12);
  assert.ok(((fig.layout.yaxis2 as T).tickvals as number[]).every((v) => v >= 0 && v <= y2[1]!));
  assert.throws(() => gainOverRandomFigure([]), /gainOverRandomFigure: no rows after round 0/);
});

test('redundancyFigure: final accuracy per redundancy level, most unique first', () => {
  const recs = experimentRecords();
  const fig = redundancyFigure(recs, { 'repeated-mnist-5': 5, 'repeated-mnist-20': 20 });
  const f = fig.data.find((t: T) => t.meta.strategy === 'falcun') as T;
  assert.deepEqual(f.x, [20, 5]);
  const final = learningCurves(recs).filter((p) => p.dataset === 'repeated-mnist-20' && p.strategy === 'falcun').at(-1)!;
  assert.equal(f.y[0], 100 * final.mean);
  assert.throws(() => redundancyFigure(recs, { 'repeated-mnist-5': 0 }), /uniquePercent\['repeated-mnist-5'\] must lie in \(0, 100\], got 0/);
  assert.throws(() => redundancyFigure(recs, {}), /uniquePercent is empty/);
});

test('simplexFigure: every point once per panel, picks in the strategy colour, time in the title', () => {
  const { n, probs } = pool(60);
  const fig = simplexFigure({ probabilities: probs, labeled: [0, 1, 2], panels: [{ strategy: 'falcun', chosen: [10, 11], acquisitionSeconds: 1.5 }, { strategy: 'badge', chosen: [12], acquisitionSeconds: 90 }] });
  assert.equal(fig.data.length, 8);
  const [shade, u, l, c] = fig.data as T[];
  // corners shaded darker than the centre (largest probability)
  const centre = shade!.marker.color[shade!.a.findIndex((a: number, i: number) => Math.abs(a - 1 / 3) < 0.03 && Math.abs(shade!.b[i] - 1 / 3) < 0.03)];
  assert.ok(shade!.marker.color[0] < centre, `${shade!.marker.color[0]} darker than ${centre}`);
  assert.equal(u!.a.length + l!.a.length, n);
  assert.deepEqual(l!.a, [probs[0], probs[3], probs[6]]);
  assert.equal(c!.marker.color, FALCUN_RED);
  // one highlight colour for every panel's picks, as the paper
  assert.equal((fig.data[7] as T).marker.color, FALCUN_RED);
  assert.equal((fig.data[7] as T).subplot, 'ternary2');
  assert.equal((simplexFigure({ probabilities: probs, labeled: [], highlight: 'badge', panels: [{ strategy: 'falcun', chosen: [1], acquisitionSeconds: 0 }] }).data[3] as T).marker.color, strategyColor('badge'));
  assert.deepEqual((fig.layout.annotations as T[]).map((a) => a.text), ['FALCUN (1.5 s)', 'BADGE (1.5 min)']);
  const fig8 = simplexFigure({ probabilities: [0.5, 0.3, 0.2, 0.1, 0.1, 0.8], labeled: [], colorByUncertainty: true, panels: [{ strategy: 'falcun', chosen: [], acquisitionSeconds: 0 }] });
  const col = (fig8.data[0] as T).marker.color as number[]; // no shading under uncertainty colours
  assert.ok(Math.abs(col[0]! - 0.8) < 1e-12 && Math.abs(col[1]! - 0.3) < 1e-12); // u = 1 − (p1 − p2)
  assert.throws(() => simplexFigure({ probabilities: [0.5, 0.5, 0.5], labeled: [], panels: [{ strategy: 'a', chosen: [], acquisitionSeconds: 0 }] }), /probabilities row 0 must be non-negative and sum to 1/);
  assert.throws(() => simplexFigure({ probabilities: [1, 0], labeled: [], panels: [] }), /probabilities must hold N×3 values .* got 2 values/);
  assert.throws(() => simplexFigure({ probabilities: [1, 0, 0], labeled: [1], panels: [{ strategy: 'a', chosen: [], acquisitionSeconds: 0 }] }), /simplexFigure: labeled\[0\] must be an integer in \[0, 1\), got 1/);
});

test('relevanceFigure: candidates coloured by relevance, NaN points grey, picks accumulate', () => {
  const coords = new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]);
  const fig = relevanceFigure({ coords, steps: [{ relevance: [0.2, 1.5, 0.7, NaN], picked: 1 }, { relevance: [0.1, NaN, 0.9, NaN], picked: 2 }] });
  const [other, cand, picks] = fig.data as T[];
  assert.deepEqual(other!.x, [1]);
  assert.deepEqual(cand!.marker.color, [0.2, 0.7, 1.5]); // sorted: highest drawn last
  assert.deepEqual(picks!.x, [1]);
  assert.deepEqual([picks!.marker.line.color, picks!.meta], [FALCUN_RED, { strategy: 'falcun', role: 'outline' }]);
  assert.deepEqual((fig.data[5] as T).x, [1, 0]);
  const g1 = relevanceFigure({ coords, strategy: 'falcun-g1', steps: [{ relevance: [0.2, 1.5, 0.7, NaN], picked: 1 }] });
  assert.deepEqual([(g1.data[2] as T).marker.line.color, (g1.data[2] as T).meta], [strategyColor('falcun-g1'), { strategy: 'falcun-g1', role: 'outline' }]);
  assert.throws(() => relevanceFigure({ coords, strategy: '', steps: [{ relevance: [1, 2, 3, 4], picked: 0 }] }), /relevanceFigure: strategy must be a non-empty string, got ""/);
  assert.equal((fig.layout.coloraxis as T).cmax, 1.5);
  assert.throws(() => relevanceFigure({ coords, steps: [{ relevance: [1, 2, 3], picked: 0 }] }), /steps\[0\].relevance must have one value per point \(4\), got 3/);
  assert.throws(() => relevanceFigure({ coords, steps: [{ relevance: [1, -2, 3, 4], picked: 0 }] }), /relevance\[1\] must be NaN or a finite number >= 0, got -2/);
});

test('classAccuracyEmbeddingFigure: each point takes its class accuracy; initial blue, chosen red', () => {
  const fig = classAccuracyEmbeddingFigure({ coords: [0, 0, 1, 1, 2, 2], labels: [0, 1, 1], perClassAccuracy: [0.9, null], initial: [0], chosen: [2] });
  const [all, init, ch] = fig.data as T[];
  assert.deepEqual(all!.marker.color, [90, null, null]);
  // the colour scale spans the classes' accuracies (rounded out to 5 %), with a colour bar
  const ca = fig.layout.coloraxis as T;
  assert.deepEqual([ca.cmin, ca.cmax, ca.colorbar.title.text], [85, 90, 'class accuracy (%)']);
  assert.deepEqual(init!.x, [0]);
  assert.deepEqual(ch!.x, [2]);
  assert.equal(ch!.marker.color, FALCUN_RED);
  assert.deepEqual([ch!.name, ch!.meta], ['chosen (FALCUN)', { strategy: 'falcun', role: 'marker' }]);
  // panel (b) without its data: a placeholder panel that says so
  const two = classAccuracyEmbeddingFigure({ panels: [{ coords: [0, 0], labels: [0], perClassAccuracy: [0.5], initial: [], chosen: [0], title: '(a) OpenML-156' }, { placeholder: 'needs the BloodMNIST files', title: '(b) BloodMNIST' }] });
  assert.deepEqual((two.layout.annotations as T[]).map((a) => a.text), ['(a) OpenML-156', '(b) BloodMNIST', 'needs the BloodMNIST files']);
  assert.equal(two.content?.kind === 'panels' && two.content.panels.length, 2);
  const badge = classAccuracyEmbeddingFigure({ coords: [0, 0], labels: [0], perClassAccuracy: [0.5], initial: [], chosen: [0], strategy: 'badge' }).data[2] as T;
  assert.deepEqual([badge.name, badge.marker.color, badge.meta], ['chosen (BADGE)', strategyColor('badge'), { strategy: 'badge', role: 'marker' }]);
  assert.throws(() => classAccuracyEmbeddingFigure({ coords: [0, 0], labels: [2], perClassAccuracy: [0.5, 0.5], initial: [], chosen: [] }), /labels\[0\] must be an integer in \[0, 2\), got 2/);
  assert.throws(() => classAccuracyEmbeddingFigure({ coords: [0, 0], labels: [0], perClassAccuracy: [1.5], initial: [], chosen: [] }), /perClassAccuracy\[0\] must be null or in \[0, 1\], got 1.5/);
});

test('selectionProbabilityFigure: one line per γ equal to r^γ/Σr^γ, sorted by relevance', () => {
  const r = [0.9, 0.1, 0.5];
  const fig = selectionProbabilityFigure(r, [0, 10]);
  assert.deepEqual((fig.data[0] as T).x, [0.1, 0.5, 0.9]);
  assert.deepEqual((fig.data[0] as T).y, [1 / 3, 1 / 3, 1 / 3]);
  const p = selectionProbabilities(r, 10);
  assert.deepEqual((fig.data[1] as T).y, [p[1], p[2], p[0]]);
  assert.equal((fig.data[1] as T).name, 'γ = 10');
  assert.throws(() => selectionProbabilityFigure(r, []), /gammas must list at least one γ/);
});

test('exampleImagesFigure: mosaic pixels equal the source images, grey replicated to RGB', () => {
  // 3 grey 2×2 images of classes 0, 1, 0 with values 0..255
  const images = new Uint8Array([0, 10, 20, 30, 40, 50, 60, 70, 255, 254, 253, 252]);
  const fig = exampleImagesFigure({ images, shape: [3, 2, 2, 1], labels: [0, 1, 0], perClass: 2 });
  const z = (fig.data[0] as T).z as number[][][];
  assert.equal(z.length, 2 * 2 + 2); // 2 classes, gap 2
  assert.equal(z[0]!.length, 2 * 2 + 2);
  assert.deepEqual(z[0]![1], [10, 10, 10]);
  assert.deepEqual(z[1]![0], [20, 20, 20]);
  assert.deepEqual(z[0]![4], [255, 255, 255]); // class 0's second image (index 2)
  assert.deepEqual(z[0]![5], [254, 254, 254]);
  assert.deepEqual(z[4]![1], [50, 50, 50]); // class 1 row
  assert.deepEqual(z[4]![4], [255, 255, 255]); // empty slot stays white
  assert.deepEqual((fig.layout.yaxis as T).ticktext, ['class 0', 'class 1']);
  const rgb = exampleImagesFigure({ images: new Float32Array([0, 0.5, 1]), shape: [1, 1, 1, 3], labels: [0], valueRange: [0, 1] });
  assert.deepEqual(((rgb.data[0] as T).z as number[][][])[0]![0], [0, 128, 255]);
  assert.throws(() => exampleImagesFigure({ images, shape: [3, 2, 2, 2], labels: [0, 1, 0] }), /shape.channels must be 1 \(grey\) or 3 \(RGB\), got 2/);
  assert.throws(() => exampleImagesFigure({ images, shape: [4, 2, 2, 1], labels: [0, 1, 0, 0] }), /images must hold n·height·width·channels = 16 values, got 12/);
});

test('scalabilityFigure: three rows (N, Q, D), one panel per value, cumulated time against labels; Table 2 from it', () => {
  const rows = scalabilityRows();
  const fig = scalabilityFigure(rows);
  const panels = fig.content?.kind === 'panels' ? fig.content.panels : [];
  assert.deepEqual(panels.map((p) => p.row), [0, 0, 0, 1, 1, 1, 2, 2, 2]); // N: 3 values; Q: 100, 1000, 2000; D: 256, 1024, 4096
  assert.deepEqual((fig.layout.annotations as T[]).map((a) => a.text), ['N = 20k', 'N = 100k', 'N = 400k', 'Q = 100', 'Q = 1000', 'Q = 2000', 'D = 256', 'D = 1024', 'D = 4096']);
  // the baseline the other two parameters keep is said once, in the title
  assert.match((fig.layout.title as T).text, /others stay at N = 100k, Q = 1000, D = 1024$/);
  // rows without per-round times: one end point at the labels of the whole budget
  const nPanel = fig.data.find((t: T) => t.xaxis === 'x' && t.meta.strategy === 'falcun') as T;
  assert.deepEqual(nPanel.y, [rows.find((r) => r.strategy === 'falcun' && r.N === 20000)!.seconds]);
  assert.equal((fig.layout.yaxis as T).type, 'log');
  // tick labels: plain numbers, never bare mantissas such as '2' next to '10k'
  for (const [k, v] of Object.entries(fig.layout)) if (/^yaxis/.test(k)) for (const t of (v as T).ticktext as string[]) assert.match(t, /^(\d+(\.\d+)?|\d+k|\d+M)$/);
  assert.deepEqual(logTicks(0.002, 30), [0.01, 0.1, 1, 10]);
  assert.deepEqual(logTicks(2, 30), [2, 5, 10, 20]);
  // per-round times: x = labels after each round, y = running sum
  const perRound = scalabilityFigure([{ strategy: 'falcun', N: 1000, Q: 10, D: 8, seconds: 6, rounds: 3, roundSeconds: [1, 2, 3], initialLabeled: 10 }]);
  assert.deepEqual([(perRound.data[0] as T).x, (perRound.data[0] as T).y], [[20, 30, 40], [1, 3, 6]]);
  assert.throws(() => scalabilityFigure([{ ...rows[0]!, rounds: 0 }]), /rows\[0\].rounds must be absent or an integer >= 1, got 0/);
  assert.throws(() => scalabilityFigure([{ strategy: 'a', N: 0, Q: 1, D: 1, seconds: 1 }]), /rows\[0\].N must be an integer >= 1, got 0/);
  // Table 2: min and max over the study's cells, fastest first
  const t2 = scalabilityTimeTable(rows);
  const f = rows.filter((r) => r.strategy === 'falcun').map((r) => r.seconds);
  assert.deepEqual(t2.rows.find((r) => r[0] === 'FALCUN'), ['FALCUN', formatDuration(Math.min(...f)), formatDuration(Math.max(...f))]);
  assert.equal(t2.rows[0]![0], 'Entropy');
});

test('tables: Table 1/3/4 contents, emphasis, Markdown', () => {
  const t1 = timeComplexityTable();
  assert.deepEqual(t1.rows.find((r) => r[0] === 'FALCUN'), ['FALCUN', 'O(Q · N_u · C)']);
  const recs = syntheticRecords({ dataset: 'emnist', strategies: ['falcun-g0', 'falcun-g10'], rounds: 2, accuracy: (s, _seed, r) => 0.4 + 0.1 * r + (s === 'falcun-g10' ? 0.01 : 0) });
  const t3 = ablationTableData(ablationTable(recs, 'emnist', [10, 20]));
  assert.deepEqual(t3.rows, [['falcun-g0', '40.00', '50.00'], ['falcun-g10', '41.00', '51.00']]);
  const fig = tableFigure(t3);
  const texts = (fig.layout.annotations as T[]).map((a) => [a.text, a.font.color ?? null]);
  assert.deepEqual(texts.filter(([t]) => /^(<b>)?4[01]\.00/.test(t)), [['40.00', '#c00000'], ['<b>41.00</b>', null]]);
  assert.equal(fig.data.filter((t) => t.type === 'table').length, 0); // drawn as text and rules: vector, never scrolled
  const md = tableMarkdown(t3).split('\n');
  assert.equal(md[2], '| Variant | 10 | 20 |');
  assert.equal(md[4], '| falcun-g0 | *40.00* | *50.00* |');
  assert.equal(md[5], '| falcun-g10 | **41.00** | **51.00** |');
  assert.equal(datasetPropertiesTable().rows[9]!.join(' '), 'Tabular OpenML-155 829,201 10 11');
  assert.throws(() => tableFigure({ title: 'x', header: ['a', 'b'], rows: [['1']] }), /tableFigure: row 0 of 'x' has 1 cells but the header has 2/);
});

test('dueling matrix of few strategies: cells capped at 7 font sizes, the plot centred in the preset width (not page-wide squares)', () => {
  const strategies = ['falcun', 'random', 'entropy'];
  const records = syntheticRecords({ strategies, rounds: 3, accuracy: (s, seed, round) => 0.8 + 0.01 * round + (s === 'falcun' ? 0.02 : 0) + seed / 500 });
  const fig = applyPreset(duelingMatrixFigure(duelingMatrix(records, { strategies })), PRESETS.full);
  const lay = fig.layout as { width: number; height: number; margin: { l: number; r: number; t: number; b: number }; font: { size: number } };
  const plotW = lay.width - lay.margin.l - lay.margin.r;
  const f = (PRESETS.full.fontSizePt * 96) / 72;
  assert.ok(Math.abs(plotW - 4 * 7 * f) < 1e-6, `plot ${plotW} px for 4 columns at ${f} px font`);
  assert.equal(lay.width, PRESETS.full.widthInches * 96, 'the canvas keeps the preset width');
  // Eight strategies fill the width as before (no cap reached).
  const eight = ['falcun', 'random', 'entropy', 'badge', 'clue', 'cdal', 'kcenter', 'alfamix'];
  const big = applyPreset(duelingMatrixFigure(duelingMatrix(syntheticRecords({ strategies: eight, rounds: 3 }), { strategies: eight })), PRESETS.full);
  const bl = big.layout as typeof lay;
  assert.ok(bl.width - bl.margin.l - bl.margin.r < 9 * 7 * f);
});

test('gain over Random: the time axis gets fewer ticks when the shared zero sits high, never none above 0', async () => {
  const { niceTicks, timeTickCount } = await import('../../src/figures/gainOverRandom.ts');
  assert.deepEqual(niceTicks(44), [0, 20, 40]);
  assert.deepEqual(niceTicks(44, 1), [0, 20]);
  assert.deepEqual(niceTicks(0.7, 1), [0, 0.5]);
  assert.equal(timeTickCount(0), 4);
  assert.equal(timeTickCount(0.5), 4);
  assert.equal(timeTickCount(0.7), 2);
  assert.equal(timeTickCount(0.85), 1);
});
