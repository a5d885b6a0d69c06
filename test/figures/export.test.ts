// Renders every paper figure in ONE headless Chromium session and checks the exported files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CHROMIUM, figureHtml, openFigureExporter, withFixedPdfDates, withPngDpi } from '../../src/figures/export.ts';
import { PRESETS, applyPreset } from '../../src/figures/presets.ts';
import type { PlotlyFigure } from '../../src/figures/types.ts';
import { allFigures } from './fixtures.ts';
import { decodePng } from './decodePng.ts';
import { skipUnless } from '../systemTools.ts';

const chromium = process.env.FALCUN_CHROMIUM ?? DEFAULT_CHROMIUM;
const skip = skipUnless(existsSync(chromium), `no Chromium at ${chromium}: run bash scripts/setup-system.sh (Debian chromium)`);

/** What each trace type leaves in plotly's SVG export. */
function expectedSvgMarks(fig: PlotlyFigure): Array<[RegExp, number]> {
  // an empty trace (a placeholder panel's) draws nothing
  const count = (types: string[]) => fig.data.filter((t) => types.includes(t.type) && ((t.x ?? t.a ?? t.cells ?? [1]) as unknown[]).length !== 0).length;
  return [
    [/class="trace scatter/g, count(['scatter', 'scatterternary'])],
    [/class="trace bars/g, count(['bar'])],
    [/class="hm"/g, count(['heatmap'])], // none: Fig. 4 is drawn as vector cells
    [/class="table-control-view"/g, count(['table'])],
  ];
}

test('export: every paper figure renders to PNG (DPI, non-blank), SVG (its traces), PDF (one page) and HTML in one browser', { skip, timeout: 900_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'h6-export-'));
  const exporter = await openFigureExporter();
  try {
    const figures = allFigures();
    const DPI = 120; // small files (fast); the 300 dpi scaling is checked with the column preset below
    for (const [name, fig] of Object.entries(figures)) {
      const [png, svg, pdf] = await exporter.writeAll(fig, join(dir, name), ['png', 'svg', 'pdf'], { dpi: DPI });
      // PNG: valid, the layout size scaled by dpi/96, pHYs = dpi, and not blank
      const img = decodePng(readFileSync(png!));
      const l = fig.layout as { width: number; height: number };
      // the canvas truncates fractional sizes: within one pixel of size · dpi / 96
      assert.ok(Math.abs(img.width - (l.width * DPI) / 96) < 1, `${name} PNG width ${img.width} for ${l.width} px at ${DPI} dpi`);
      assert.ok(Math.abs(img.height - (l.height * DPI) / 96) < 1, `${name} PNG height ${img.height} for ${l.height} px at ${DPI} dpi`);
      assert.equal(img.pixelsPerMetre, Math.round(DPI / 0.0254), `${name} pHYs`);
      assert.equal(img.chunks.filter((c) => c === 'pHYs').length, 1);
      let dark = 0;
      for (let i = 0; i < img.pixels.length; i += img.channels) {
        if (img.pixels[i]! < 200 || img.pixels[i + 1]! < 200 || img.pixels[i + 2]! < 200) dark++;
      }
      const share = dark / (img.width * img.height);
      assert.ok(share > 0.003 && share < 0.9, `${name}: ${(100 * share).toFixed(2)}% non-white pixels`);
      // SVG: one mark per trace of each kind, and the image trace's bitmap for Fig. 11
      const text = readFileSync(svg!, 'utf8');
      assert.ok(text.startsWith('<svg') && text.includes('</svg>'), `${name} SVG`);
      for (const [re, n] of expectedSvgMarks(fig)) assert.equal(text.match(re)?.length ?? 0, n, `${name}: ${re} in SVG`);
      if (fig.data.some((t) => t.type === 'image')) assert.ok(text.includes('<image'), `${name}: image in SVG`);
      // PDF: header, exactly one page object, and vector: no embedded raster unless the figure shows images
      const bytes = readFileSync(pdf!);
      if (!fig.data.some((t) => t.type === 'image')) assert.doesNotMatch(bytes.toString('latin1'), /\/Subtype\s*\/Image/, `${name}: raster image inside the PDF`);
      assert.equal(bytes.toString('latin1', 0, 5), '%PDF-', `${name} PDF header`);
      assert.equal(bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length, 1, `${name}: one PDF page`);
      // the same figure exports to the same bytes (no time of printing inside)
      assert.doesNotMatch(bytes.toString('latin1'), /\/CreationDate \(D:(?!20000101000000)/, `${name}: PDF date not fixed`);
    }
    // A publication preset: column width at 300 dpi is 3.25 in × 300 = 975 px wide
    const col = applyPreset(figures['fig02-learning-curves']!, PRESETS.column, { heightInches: 2.5 });
    const img = decodePng(await exporter.png(col, { dpi: 300 }));
    assert.equal(img.width, 975);
    assert.equal(img.height, 750); // 2.5 in = 240 CSS px, × 300/96
    // Standalone HTML: no external script, the figure draws from the file alone (offline)
    const html = figureHtml(figures['fig04-dueling-matrix']!, { title: 'Fig. 4 <dueling>' });
    assert.ok(!/<script[^>]+src=/i.test(html), 'no external scripts');
    assert.ok(html.includes('<title>Fig. 4 &lt;dueling&gt;</title>'));
    // inline plotly is the minified bundle (~4.9 MB, not the 11 MB one)
    assert.ok(html.length > 3_000_000 && html.length < 6_000_000, `inline HTML ${html.length} bytes`);
    // writeAll shares one plotly copy per folder: each page stays small
    await exporter.writeAll(figures['fig04-dueling-matrix']!, join(dir, 'fig04'), ['html']);
    await exporter.writeAll(figures['fig09-selection-probability']!, join(dir, 'fig09'), ['html']);
    assert.ok(statSync(join(dir, 'fig04.html')).size < 100_000);
    assert.match(readFileSync(join(dir, 'fig09.html'), 'utf8'), /<script src="plotly\.min\.js"><\/script>/);
    assert.ok(statSync(join(dir, 'plotly.min.js')).size > 3_000_000);
  } finally {
    await exporter.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export: the standalone HTML file renders offline in Chromium', { skip, timeout: 300_000 }, async () => {
  const { chromium: pw } = await import('playwright-core');
  const { CHROMIUM_FLAGS } = await import('../../src/figures/export.ts');
  const dir = mkdtempSync(join(tmpdir(), 'h6-html-'));
  const browser = await pw.launch({ executablePath: chromium, headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const { writeFigureHtml } = await import('../../src/figures/export.ts');
    const fig = allFigures()['fig09-selection-probability']!;
    writeFigureHtml(fig, join(dir, 'f.html'), { plotly: 'shared' }); // the shared copy beside it, loaded from file
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(`file://${join(dir, 'f.html')}`, { timeout: 180_000 }); // parsing plotly is slow on a busy machine
    await page.waitForSelector('#figure .main-svg');
    const traces = await page.locator('#figure g.trace.scatter').count();
    assert.equal(traces, fig.data.length);
    assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('withFixedPdfDates: both dates set to 2000-01-01, same length (xref offsets hold), other bytes untouched', () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj <</CreationDate (D:20261202050140+00'00')\n/ModDate (D:20261202050141+00'00')>> endobj\n", 'latin1');
  const fixed = withFixedPdfDates(pdf);
  assert.equal(fixed.length, pdf.length);
  assert.equal(fixed.toString('latin1'), "%PDF-1.4\n1 0 obj <</CreationDate (D:20000101000000+00'00')\n/ModDate (D:20000101000000+00'00')>> endobj\n");
  const none = Buffer.from('%PDF-1.4\n%%EOF', 'latin1');
  assert.equal(withFixedPdfDates(none), none);
});

test('withPngDpi: rejects non-PNG data; figure checks name the field', async () => {
  assert.throws(() => withPngDpi(Buffer.from('GIF89a........................................'), 300), (e: Error) => e instanceof RangeError && /withPngDpi: the data is not a PNG/.test(e.message));
  assert.throws(() => figureHtml({ data: 'x' } as never), (e: Error) => e instanceof TypeError && /figureHtml: figure must be/.test(e.message));
  assert.throws(() => figureHtml({ data: [], layout: { width: 5 } }), /figureHtml: layout.width must lie in \[10, 20000\] px, got 5/);
  await assert.rejects(openFigureExporter({ executablePath: '/nonexistent/chromium' }), /openFigureExporter: no Chromium at \/nonexistent\/chromium/);
});
