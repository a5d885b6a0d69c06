import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FigureExporter } from '../../src/figures/export.ts';
import type { PlotlyFigure } from '../../src/figures/types.ts';
import { exportedSummary, inlineFigureHtml, notebookFigures, responsiveLayout } from '../../src/notebook/display.ts';

const figure: PlotlyFigure = { data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }], layout: { width: 1240, height: 500, title: { text: 't' } } };

test('an inline figure is small, fills the output width and loads plotly.js from the server instead of inlining it', () => {
  const html = inlineFigureHtml(figure, 'fig-1');
  assert.ok(html.length < 3000, `inline output is ${html.length} bytes`);
  assert.match(html, /style="width:100%;height:500px"/);
  assert.doesNotMatch(html, /"width":1240/);
  assert.match(html, /'files\/'/);
  assert.match(html, /assets\/plotly\.js/);
  assert.deepEqual(responsiveLayout(figure.layout), { height: 500, title: { text: 't' }, autosize: true });
  assert.equal(figure.layout.width, 1240, 'the input figure is not changed');
});

function fakeExporter(calls: Array<{ figure: PlotlyFigure; base: string; formats: readonly string[]; dpi: number | undefined }>): () => Promise<FigureExporter> {
  return async () => ({
    writeAll: async (f: PlotlyFigure, base: string, formats: readonly string[], o: { dpi?: number }) => {
      calls.push({ figure: f, base, formats, dpi: o.dpi });
      return formats.map((x) => `${base}.${x}`);
    },
    close: async () => {},
  }) as unknown as FigureExporter;
}

test('notebookFigures exports with the parameter cell\'s preset and DPI into its export folder, and show() returns nothing to print', async () => {
  const calls: Parameters<typeof fakeExporter>[0] = [];
  const shown: string[] = [];
  let copies = 0;
  const figs = notebookFigures({ results: 'run', scale: 'smoke', exportDir: '/tmp/falcun-exports-test', preset: 'column', dpi: 300 }, (h) => shown.push(h), {
    openExporter: fakeExporter(calls),
    ensurePlotly: () => copies++,
    formats: ['png', 'svg'],
  });
  assert.equal(await figs.show('fig-a', figure), undefined);
  await figs.show('fig-b', figure);
  assert.equal(shown.length, 2);
  assert.equal(copies, 1, 'plotly.js is put in place once per notebook');
  assert.equal(calls[0]!.base, '/tmp/falcun-exports-test/fig-a');
  assert.equal(calls[0]!.dpi, 300);
  assert.equal(calls[0]!.figure.layout.width, Math.round(3.25 * 96), 'column preset: 3.25 in');
  assert.doesNotMatch(shown[0]!, /"width":/, 'the inline figure has no fixed width');
  assert.match(shown[0]!, /"family":"Liberation Sans/, 'the inline figure is laid out by the screen preset');
  assert.deepEqual(figs.written, ['/tmp/falcun-exports-test/fig-a.png', '/tmp/falcun-exports-test/fig-a.svg', '/tmp/falcun-exports-test/fig-b.png', '/tmp/falcun-exports-test/fig-b.svg']);
  assert.equal(exportedSummary(figs), 'exported fig-a, fig-b (png, svg) to /tmp/falcun-exports-test');
  await figs.close();
  await assert.rejects(() => figs.show('fig-c', figure), /closed/);
  assert.throws(() => notebookFigures({ results: 'run', scale: 'smoke', exportDir: '', preset: 'poster' as 'column', dpi: 150 }, () => {}), /preset must be one of screen, column, full/);
});
