// Renders every figure and table at every publication preset in ONE headless Chromium and checks the
// drawn text: nothing outside the canvas, no two labels overlapping, every legend entry drawn, every table
// row drawn. This is what "nothing is ever cut off" means for the exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DEFAULT_CHROMIUM, openFigureExporter } from '../../src/figures/export.ts';
import { legendEntries } from '../../src/figures/fitLayout.ts';
import { layoutProblems, overlapDepth } from '../../src/figures/layoutCheck.ts';
import { paperFigures } from '../../src/figures/paperFigures.ts';
import { PRESETS, applyPreset } from '../../src/figures/presets.ts';
import type { PlotlyFigure } from '../../src/figures/types.ts';
import { allFigures, paperRecords, scalabilityRows } from './fixtures.ts';
import { skipUnless } from '../systemTools.ts';

const chromium = process.env.FALCUN_CHROMIUM ?? DEFAULT_CHROMIUM;
const skip = skipUnless(existsSync(chromium), `no Chromium at ${chromium}: run bash scripts/setup-system.sh (Debian chromium)`);

function everyFigure(): Record<string, PlotlyFigure> {
  const out: Record<string, PlotlyFigure> = { ...allFigures() };
  // the paper's set from records: all eight strategies + two more (ten legend entries), placeholders, Table 3
  for (const e of paperFigures({ records: paperRecords(), scalability: scalabilityRows() })) out[`paper-${e.name}`] = e.figure;
  // and with no data at all: every exhibit is a placeholder that still fits
  for (const e of paperFigures({ records: [] })) if (/fig02|fig04|fig18|table2|table3/.test(e.name)) out[`empty-${e.name}`] = e.figure;
  return out;
}

test('layout: every figure at every preset keeps all text inside the canvas, no overlaps, every legend entry and table row drawn', { skip, timeout: 600_000 }, async () => {
  const exporter = await openFigureExporter();
  const failures: string[] = [];
  let checked = 0;
  try {
    for (const [name, fig] of Object.entries(everyFigure())) {
      for (const preset of Object.values(PRESETS)) {
        const styled = applyPreset(fig, preset);
        const l = styled.layout as { width: number; height: number };
        const boxes = await exporter.textBoxes(styled);
        const where = `${name}@${preset.name} (${l.width}×${l.height})`;
        if (l.width > Math.round(preset.widthInches * 96)) failures.push(`${where}: wider than the preset's ${preset.widthInches} in`);
        for (const p of layoutProblems(boxes, l.width, l.height)) failures.push(`${where}: ${p}`);
        const legend = boxes.filter((b) => b.kind === 'legend').map((b) => b.text);
        const want = legendEntries(styled);
        if (legend.length !== want.length) failures.push(`${where}: legend shows ${legend.length} of ${want.length} entries (${want.join(', ')})`);
        if (fig.content?.kind === 'table') {
          const t = fig.content.table;
          const drawn = new Set(boxes.map((b) => b.text));
          for (const row of t.rows) if (!drawn.has(row[0]!)) failures.push(`${where}: table row '${row[0]}' not drawn`);
        }
        checked++;
      }
    }
  } finally {
    await exporter.close();
  }
  assert.ok(checked >= 3 * 34, `checked ${checked} renders`);
  assert.deepEqual(failures, []);
});

test('layoutProblems: axis-aligned boxes overlap as before; rotated labels count by their own boxes, not their hulls', () => {
  const box = (text: string, x0: number, y0: number, x1: number, y1: number, corners?: Array<[number, number]>) => ({ text, kind: 'tick', x0, y0, x1, y1, corners });
  assert.deepEqual(layoutProblems([box('a', 0, 0, 10, 10), box('b', 20, 0, 30, 10)], 100, 100), []);
  assert.equal(layoutProblems([box('a', 0, 0, 10, 10), box('b', 5, 5, 15, 15)], 100, 100).length, 1);
  // two labels 60 px long, 12 px high, at −45°, 20 px apart along x: hulls overlap, the text does not
  const rotated = (x: number): Array<[number, number]> => {
    const c = Math.SQRT1_2;
    return ([[0, 0], [60, 0], [60, 12], [0, 12]] as Array<[number, number]>).map(([u, v]) => [x + u * c + v * c, 100 - u * c + v * c]);
  };
  const hull = (q: Array<[number, number]>) => [Math.min(...q.map((p) => p[0])), Math.min(...q.map((p) => p[1])), Math.max(...q.map((p) => p[0])), Math.max(...q.map((p) => p[1]))] as const;
  const a = rotated(0), b = rotated(20), c = rotated(8);
  assert.deepEqual(layoutProblems([box('a', ...hull(a), a), box('b', ...hull(b), b)], 200, 200), []);
  assert.equal(layoutProblems([box('a', ...hull(a), a), box('c', ...hull(c), c)], 200, 200).length, 1, '8 px apart along x is 5.7 px across: overlapping');
  assert.ok(overlapDepth(a, b) < 0 && overlapDepth(a, c) > 5);
});
