import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FALCUN_RED, FALCUN_RED_COLORBLIND, canonicalStrategy, sortStrategies, strategyColor, strategyLabel, withAlpha } from '../../src/figures/palette.ts';
import { PRESETS, applyPreset } from '../../src/figures/presets.ts';
import type { PlotlyFigure, StrategyMeta } from '../../src/figures/types.ts';
import { allFigures } from './fixtures.ts';

test('palette: FALCUN is always the same red; known strategies fixed; spelling variants agree', () => {
  assert.equal(strategyColor('falcun'), FALCUN_RED);
  assert.equal(strategyColor('FALCUN'), FALCUN_RED);
  assert.equal(strategyColor('falcun', 'colorblind'), FALCUN_RED_COLORBLIND);
  assert.equal(strategyColor('KCenter-Greedy'), strategyColor('kcentergreedy'));
  // The registry's name and aliases share the colour and label of the paper's spelling.
  for (const alias of ['kcenter', 'coreset']) {
    assert.equal(strategyColor(alias), strategyColor('kcentergreedy'), alias);
    assert.equal(strategyColor(alias, 'colorblind'), strategyColor('kcentergreedy', 'colorblind'), alias);
    assert.equal(strategyLabel(alias), 'KCenterGreedy', alias);
  }
  assert.equal(strategyColor('least-confidence'), strategyColor('leastconfidence'));
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
  const out = applyPreset(fig, PRESETS.column, { heightInches: 2.4 }); // an explicit height wins over sizing from content
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

/** Every string leaf of a JSON value with its path ('data[3].marker.line.color'). */
function stringLeaves(v: unknown, path: string, out: Array<[string, string]>): Array<[string, string]> {
  if (typeof v === 'string') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => stringLeaves(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) stringLeaves(x, path ? `${path}.${k}` : k, out);
  return out;
}

/** A colour written as '#rrggbb', 'rgb(r,g,b)' or 'rgba(r,g,b,a)' → 'r,g,b' (null for anything else). */
function rgbOf(s: string): string | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(s.trim());
  if (hex) {
    const v = parseInt(hex[1]!, 16);
    return `${(v >> 16) & 255},${(v >> 8) & 255},${v & 255}`;
  }
  const fn = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,[^)]*)?\)$/i.exec(s.trim());
  return fn ? `${+fn[1]!},${+fn[2]!},${+fn[3]!}` : null;
}

test('colour-blind preset: every FALCUN-coloured mark in every figure takes the preset\'s FALCUN colour', () => {
  const defaultRed = rgbOf(FALCUN_RED)!;
  const presetRed = rgbOf(FALCUN_RED_COLORBLIND)!;
  const figures = allFigures();
  const falcunTraces: Record<string, number> = {};
  for (const [name, figure] of Object.entries(figures)) {
    const out = applyPreset(figure, PRESETS.column);
    assert.equal(PRESETS.column.palette, 'colorblind');
    // 1. No colour anywhere in the figure is still the default palette's FALCUN red. The one exception is
    //    Table 3's "worst value" emphasis (cells.font.color of a table trace), which marks a value, not FALCUN.
    const stale = stringLeaves(out, '', [])
      .filter(([, v]) => rgbOf(v) === defaultRed)
      .filter(([p]) => !(out.data[Number(/^data\[(\d+)\]/.exec(p)?.[1] ?? -1)]?.type === 'table' && /^data\[\d+\]\.cells\.font\.color/.test(p)));
    assert.deepEqual(stale, [], `${name}: marks still in the default FALCUN red after the colour-blind preset`);
    // 2. Every trace tagged as FALCUN's draws its role's colour field in the preset's FALCUN colour.
    out.data.forEach((t, i) => {
      const meta = t.meta as StrategyMeta | undefined;
      if (!meta || canonicalStrategy(meta.strategy) !== 'falcun') return;
      falcunTraces[name] = (falcunTraces[name] ?? 0) + 1;
      const tr = t as Record<string, any>;
      const fields: Record<StrategyMeta['role'], unknown[]> = {
        line: [tr.line?.color, tr.marker?.color], band: [tr.fillcolor], marker: [tr.marker?.color], bar: [tr.marker?.color], outline: [tr.marker?.line?.color],
      };
      for (const c of fields[meta.role]) assert.equal(rgbOf(String(c)), presetRed, `${name}: data[${i}] (role ${meta.role}) has colour ${String(c)}`);
    });
  }
  // Every figure that shows FALCUN marks them through the tag (Fig. 6 and 7 included), so the check above ran on them.
  for (const name of ['fig01-simplex', 'fig02-learning-curves', 'fig03-redundancy', 'fig05-gain-over-random', 'fig06-relevance', 'fig07-class-accuracy', 'fig18-scalability']) {
    assert.ok((falcunTraces[name] ?? 0) > 0, `${name} has FALCUN-tagged traces`);
  }
  // The default palette keeps the default red on the same marks (Fig. 6: outline only, fill stays transparent).
  const fig6 = figures['fig06-relevance']!.data.find((t) => (t.meta as StrategyMeta | undefined)?.role === 'outline') as Record<string, any>;
  assert.deepEqual([fig6.marker.line.color, fig6.marker.color], [FALCUN_RED, 'rgba(0,0,0,0)']);
  const fig6cb = applyPreset(figures['fig06-relevance']!, PRESETS.full).data.find((t) => (t.meta as StrategyMeta | undefined)?.role === 'outline') as Record<string, any>;
  assert.deepEqual([fig6cb.marker.line.color, fig6cb.marker.line.width, fig6cb.marker.color], [FALCUN_RED_COLORBLIND, 2, 'rgba(0,0,0,0)']);
  const fig7 = figures['fig07-class-accuracy']!.data.find((t) => (t.meta as StrategyMeta | undefined)?.strategy === 'falcun') as Record<string, any>;
  assert.equal(fig7.marker.color, FALCUN_RED);
  const fig7screen = applyPreset(figures['fig07-class-accuracy']!, PRESETS.screen).data.find((t) => (t.meta as StrategyMeta | undefined)?.strategy === 'falcun') as Record<string, any>;
  assert.deepEqual([fig7screen.marker.color, fig7screen.marker.line.color], [FALCUN_RED, '#000000']);
});
