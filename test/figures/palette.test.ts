import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FALCUN_RED, FALCUN_RED_COLORBLIND, canonicalStrategy, sortStrategies, strategyColor, strategyLabel, withAlpha } from '../../src/figures/palette.ts';
import { PRESETS, applyPreset } from '../../src/figures/presets.ts';
import type { PlotlyFigure } from '../../src/figures/types.ts';

test('palette: FALCUN is always the same red; known strategies fixed; spelling variants agree', () => {
  assert.equal(strategyColor('falcun'), FALCUN_RED);
  assert.equal(strategyColor('FALCUN'), FALCUN_RED);
  assert.equal(strategyColor('falcun', 'colorblind'), FALCUN_RED_COLORBLIND);
  assert.equal(strategyColor('KCenter-Greedy'), strategyColor('kcentergreedy'));
  assert.equal(canonicalStrategy('Alfa_Mix'), 'alfamix');
  const known = ['random', 'entropy', 'kcentergreedy', 'cdal', 'badge', 'clue', 'alfamix', 'falcun'];
  for (const p of ['default', 'colorblind'] as const) {
    const cs = known.map((s) => strategyColor(s, p));
    assert.equal(new Set(cs).size, known.length, `${p}: distinct colours`);
  }
  assert.equal(strategyLabel('kcentergreedy'), 'KCenterGreedy');
  assert.equal(strategyLabel('falcun-g1'), 'falcun-g1');
});

test('palette: unknown names get a stable colour that is never FALCUN red', () => {
  for (const s of ['falcun-g1', 'falcun-det', 'falcun-u-only', 'my-method', 'x', 'y', 'z']) {
    assert.equal(strategyColor(s), strategyColor(s));
    assert.notEqual(strategyColor(s), FALCUN_RED);
    assert.notEqual(strategyColor(s, 'colorblind'), FALCUN_RED_COLORBLIND);
  }
  assert.deepEqual(sortStrategies(['zeta', 'falcun', 'random', 'badge', 'alpha']), ['random', 'badge', 'falcun', 'alpha', 'zeta']);
  assert.equal(withAlpha('#d62728', 0.2), 'rgba(214,39,40,0.2)');
  assert.throws(() => withAlpha('red', 1), /withAlpha: colour must be '#rrggbb', got "red"/);
  assert.throws(() => strategyColor(''), TypeError);
  assert.throws(() => strategyColor('a', 'neon' as never), /palette must be 'default' or 'colorblind', got "neon"/);
});

test('applyPreset: size in CSS px (96/in), fonts in pt, strategy traces recoloured, input unchanged', () => {
  const fig: PlotlyFigure = {
    data: [
      { type: 'scatter', x: [1], y: [1], line: { color: '#000000', dash: 'dot' }, meta: { strategy: 'falcun', role: 'line' } },
      { type: 'scatter', x: [1], y: [1], fill: 'toself', fillcolor: 'x', meta: { strategy: 'badge', role: 'band' } },
      { type: 'scatter', x: [1], y: [1], marker: { color: '#123456' } },
    ],
    layout: { title: { text: 'T' }, annotations: [{ text: 'a' }] },
  };
  const before = JSON.stringify(fig);
  const out = applyPreset(fig, PRESETS.column);
  assert.equal(JSON.stringify(fig), before);
  assert.equal(out.layout.width, 312); // 3.25 in
  assert.equal(out.layout.height, Math.round(2.4 * 96));
  assert.ok(Math.abs((out.layout.font as { size: number }).size - (7 * 96) / 72) < 1e-12);
  const l0 = out.data[0]!.line as { color: string; dash: string; width: number };
  assert.deepEqual([l0.color, l0.dash], [FALCUN_RED_COLORBLIND, 'dot']);
  assert.ok(Math.abs(l0.width - 96 / 72) < 1e-12);
  assert.equal(out.data[1]!.fillcolor, withAlpha(strategyColor('badge', 'colorblind'), 0.18));
  assert.deepEqual(out.data[2]!.marker, { color: '#123456' });
  assert.equal(applyPreset(fig, PRESETS.full, { palette: 'default' }).data[0]!.line && (applyPreset(fig, PRESETS.full, { palette: 'default' }).data[0]!.line as { color: string }).color, FALCUN_RED);
  assert.throws(() => applyPreset(fig, PRESETS.full, { widthInches: 0 }), /applyPreset: widthInches of preset 'full' must be a positive finite number, got 0/);
});
