import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figure2Panels, paperFigures } from '../../src/figures/paperFigures.ts';
import { PRESETS, applyPreset } from '../../src/figures/presets.ts';
import { syntheticRecords } from '../analysis/syntheticRecords.ts';
import { paperRecords, scalabilityRows } from './fixtures.ts';

type T = Record<string, any>;
const RECORD_EXHIBITS = [
  'fig02-learning-curves', 'fig03-redundancy', 'fig04-dueling-matrix', 'fig05-gain-over-random', 'fig13-grayscale', 'fig14-colour',
  'fig16-repeated-mnist', 'fig17-tabular', 'fig18-scalability', 'table1-time-complexity', 'table2-query-time', 'table3-ablation', 'table4-datasets',
];
const texts = (fig: { layout: Record<string, unknown> }) => ((fig.layout.annotations as T[] | undefined) ?? []).map((a) => String(a.text));

test('paperFigures: every record-based exhibit in paper order, with data or without any (then each says what it needs)', () => {
  const full = paperFigures({ records: paperRecords(), scalability: scalabilityRows() });
  assert.deepEqual(full.map((e) => e.name), RECORD_EXHIBITS);
  const empty = paperFigures({ records: [] });
  assert.deepEqual(empty.map((e) => e.name), RECORD_EXHIBITS, 'no exhibit silently missing, Table 2 included');
  const byName = new Map(empty.map((e) => [e.name, e]));
  assert.match(texts(byName.get('table2-query-time')!.figure).join(' '), /npm run scalability/);
  assert.match(texts(byName.get('fig18-scalability')!.figure).join(' '), /npm run scalability/);
  assert.match(texts(byName.get('fig14-colour')!.figure).join(' '), /SVHN/);
  // Fig. 2 without data: six placeholder panels with human titles
  assert.deepEqual(texts(byName.get('fig02-learning-curves')!.figure).filter((t) => /^\([a-f]\) /.test(t)),
    ['(a) Grayscale images', '(b) Colour images', '(c) Tabular data', '(d) RepeatedMNIST', '(e) Colour images', '(f) Tabular data']);
  assert.ok(texts(byName.get('fig02-learning-curves')!.figure).some((t) => /No RepeatedMNIST results/.test(t.replace(/<br>/g, ' '))));
});

test('paperFigures: Fig. 3 with one redundancy level says so in its title, not over the data', () => {
  const fig3 = paperFigures({ records: paperRecords() }).find((e) => e.name === 'fig03-redundancy')!.figure;
  assert.match(String((fig3.layout.title as T).text), /Only one redundancy level/);
  assert.ok(!texts(fig3).some((t) => /Only one redundancy level/.test(t)));
});

test('figure2Panels: grey (a) and RepeatedMNIST (d), tabular (c), colour (b, e) as placeholders', () => {
  const panels = figure2Panels(['letter|l|mlp', 'repeated-mnist|m|lenet', 'mnist|s|lenet']);
  assert.deepEqual(panels.map((p) => ('key' in p ? p.key : p.title)), ['mnist|s|lenet', 'Colour images', 'letter|l|mlp', 'repeated-mnist|m|lenet', 'Colour images', 'Tabular data']);
  assert.deepEqual(figure2Panels(['mnist|s|lenet']).map((p) => ('key' in p ? p.key : p.title)), ['mnist|s|lenet', 'Colour images', 'Tabular data', 'RepeatedMNIST', 'Colour images', 'Tabular data']);
});

test('Table 3: column groups in the paper\'s dataset order (RepeatedMNIST before OpenML-6), whatever order the records come in', () => {
  const variants = ['falcun-g0', 'falcun-g10-ud'];
  const acc = (s: string, seed: number, r: number) => 0.5 + 0.04 * r + 0.01 * variants.indexOf(s) + 0.001 * seed;
  const records = [
    ...syntheticRecords({ dataset: 'letter', setting: 'l', model: 'mlp', strategies: variants, rounds: 3, accuracy: acc, querySize: 1000, seeds: [0, 1] }),
    ...syntheticRecords({ dataset: 'repeated-mnist', setting: 'm', strategies: variants, rounds: 3, accuracy: acc, querySize: 500, seeds: [0, 1] }),
  ];
  const t3 = paperFigures({ records }).find((e) => e.name === 'table3-ablation')!.table!;
  assert.deepEqual(t3.groups!.map((g) => g.label.split(',')[0]), ['RepeatedMNIST', 'OpenML-6']);
});

test('a placeholder panel\'s message shrinks to fit its panel at column width', () => {
  const fig2 = applyPreset(paperFigures({ records: [] }).find((e) => e.name === 'fig02-learning-curves')!.figure, PRESETS.column);
  const layout = fig2.layout as T;
  const f = (PRESETS.column.fontSizePt * 96) / 72;
  const notes = (layout.annotations as T[]).filter((x) => /^No /.test(String(x.text)));
  assert.equal(notes.length, 6);
  for (const a of notes) {
    const lines = String(a.text).split('<br>').length;
    const size = a.font?.size ?? f;
    assert.ok(size >= 0.6 * f - 1e-9 && size <= f, `font ${size}`);
    // panel height: the y domain of the panel the note is centred in
    const panelH = Math.min(...Object.entries(layout).filter(([k]) => /^yaxis\d*$/.test(k)).map(([, v]) => ((v as T).domain[1] - (v as T).domain[0]) * (layout.height - layout.margin.t - layout.margin.b)));
    assert.ok(lines * 1.3 * size <= 0.92 * panelH + 1e-6 || size === 0.6 * f, `${lines} lines at ${size} px in a panel of ${panelH} px`);
  }
});
