/**
 * Figure export: standalone HTML (plotly inlined, no CDN), and PNG at a DPI, SVG and PDF rendered by
 * headless Chromium (Debian's `chromium` at /usr/bin/chromium, driven by playwright-core; Playwright never
 * downloads a browser here: the executable path is always given).
 *
 *   figure spec ──► page with plotly.js (loaded once per exporter) ──► Plotly.toImage ──► PNG / SVG
 *                                                                          └► SVG in a print page ──► PDF (vector, one page)
 *
 * One exporter = one browser for a whole batch of figures: launch + loading plotly took 3–5 s on the shared
 * 2-core machine, then ~0.2 s per PNG at 300 dpi, ~0.1 s per SVG, ~0.2 s per PDF (bench/figures-export.bench.ts).
 * Playwright's launch gives the browser a fresh temporary profile (--user-data-dir) and removes it on close.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { crc32 } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PX_PER_INCH } from './presets.ts';
import type { PlotlyFigure } from './types.ts';
import { envValue } from '../environmentVariables.ts';

/** Default Chromium: Debian's package (scripts/setup-system.sh installs it); FALCUN_CHROMIUM overrides. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags measured to work headless with Debian's chromium (docs/measurements.md). */
export const CHROMIUM_FLAGS: readonly string[] = Object.freeze([
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
]);

/** A made-up origin that only exists inside the exporter's page (served by request interception). */
const ORIGIN = 'http://falcun-figures.invalid';

/** Path of plotly.js-dist's bundle (~11 MB, the full plotly.js, not minified). */
export function plotlyPath(): string {
  return createRequire(import.meta.url).resolve('plotly.js-dist');
}

let plotlySource: string | undefined;
/**
 * plotly.js, minified (~4.9 MB instead of 11 MB): esbuild minifies plotly.js-dist's bundle once per version
 * and keeps the result in the system's temporary folder (written through a temporary file and rename, so
 * concurrent processes never read half a file). Read once per process.
 */
export function plotlyBundle(): string {
  if (plotlySource !== undefined) return plotlySource;
  const src = plotlyPath();
  const version = (JSON.parse(readFileSync(join(dirname(src), 'package.json'), 'utf8')) as { version: string }).version;
  const cache = join(tmpdir(), `falcun-lab-plotly-${version}-${statSync(src).size}.min.js`);
  if (existsSync(cache)) plotlySource = readFileSync(cache, 'utf8');
  else {
    plotlySource = transformSync(readFileSync(src, 'utf8'), { minify: true, legalComments: 'none' }).code;
    const tmp = `${cache}.${process.pid}.tmp`;
    writeFileSync(tmp, plotlySource);
    renameSync(tmp, cache);
  }
  return plotlySource;
}

/** File name of the shared plotly copy that exported HTML pages load (`writeAll` writes it once per folder). */
export const SHARED_PLOTLY = 'plotly.min.js';

/** JSON that is safe inside an HTML <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An HTML page showing the figure interactively, offline (no CDN): plotly.js minified and inlined
 * (~4.9 MB, one self-contained file), or with `plotly: 'shared'` loaded from `plotly.min.js` beside the
 * page (a few kB per figure; `writeAll` writes the shared copy once per folder).
 * Cost: O(size of the figure (+ plotly when inlined)).
 */
export function figureHtml(figure: PlotlyFigure, options: { title?: string; plotly?: 'inline' | 'shared' } = {}): string {
  checkFigure('figureHtml', figure);
  const lib = options.plotly === 'shared' ? `<script src="${SHARED_PLOTLY}"></script>` : `<script>${plotlyBundle()}</script>`;
  return [
    '<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(options.title ?? 'falcun-lab figure')}</title>`,
    lib,
    '</head><body style="margin:0;background:#fff">', '<div id="figure"></div>',
    `<script>Plotly.newPlot('figure', ${scriptJson(figure.data)}, ${scriptJson(figure.layout)}, {responsive: true, displaylogo: false});</script>`,
    '</body></html>', '',
  ].join('\n');
}

/** Writes `figureHtml(figure)` to a file (creating its folder); with `plotly: 'shared'` also `plotly.min.js` beside it, once. */
export function writeFigureHtml(figure: PlotlyFigure, file: string, options: { title?: string; plotly?: 'inline' | 'shared' } = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  if (options.plotly === 'shared') {
    const shared = join(dirname(file), SHARED_PLOTLY);
    if (!existsSync(shared)) writeFileSync(shared, plotlyBundle());
  }
  writeFileSync(file, figureHtml(figure, options));
}

export interface PngOptions {
  /** HTML pages (`writeAll`): plotly shared beside them (default) or inlined in each. */
  readonly html?: 'inline' | 'shared';
  /** Dots per inch. The figure's layout size is in CSS px (96 per inch); pixels = size · dpi / 96. Default 300. (The canvas truncates a fractional pixel size.) */
  readonly dpi?: number;
}

/** An open browser that renders figures; close it when the batch is done. */
export interface FigureExporter {
  /** PNG bytes at the DPI (with a pHYs chunk recording it). */
  png(figure: PlotlyFigure, options?: PngOptions): Promise<Buffer>;
  /** SVG text (vector, plotly's own SVG export). */
  svg(figure: PlotlyFigure): Promise<string>;
  /** PDF bytes: one page the size of the figure, vector (the SVG printed by Chromium). */
  pdf(figure: PlotlyFigure): Promise<Buffer>;
  /**
   * Every piece of text the figure draws (titles, annotations and table cells, tick labels, legend entries,
   * colour-bar labels) with its box in CSS px on the canvas, from a real render: what the layout test
   * checks for clipping and overlaps.
   */
  textBoxes(figure: PlotlyFigure): Promise<TextBox[]>;
  /** Writes `base.html`, `base.png`, `base.svg`, `base.pdf` (the formats asked for); returns the paths. */
  writeAll(figure: PlotlyFigure, base: string, formats?: ReadonlyArray<'html' | 'png' | 'svg' | 'pdf'>, options?: PngOptions): Promise<string[]>;
  close(): Promise<void>;
}

/** One drawn text: its string, what plotly drew it as, and its box on the canvas (CSS px, origin top left). */
export interface TextBox {
  readonly text: string;
  /** 'legend', 'tick', 'axis-title', 'annotation', 'title', 'colorbar' or 'other'. */
  readonly kind: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /**
   * The four corners of the text's own box on the canvas, in drawing order: the box itself when the text
   * is rotated (angled tick labels), whose axis-aligned hull x0…y1 is larger and overlaps its neighbours'.
   */
  readonly corners?: ReadonlyArray<readonly [number, number]>;
}

export interface ExporterOptions {
  /** Chromium executable. Default: $FALCUN_CHROMIUM or /usr/bin/chromium. */
  readonly executablePath?: string;
}

/**
 * Launches headless Chromium and loads plotly into a page, ready to export many figures.
 * @throws Error naming the path when the Chromium executable is missing (install Debian's `chromium`,
 *   `bash scripts/setup-system.sh`, or set FALCUN_CHROMIUM).
 */
export async function openFigureExporter(options: ExporterOptions = {}): Promise<FigureExporter> {
  const executablePath = options.executablePath ?? envValue('FALCUN_CHROMIUM') ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new Error(`openFigureExporter: no Chromium at ${executablePath}; install Debian's chromium (bash scripts/setup-system.sh) or set FALCUN_CHROMIUM to a Chromium binary`);
  }
  const browser: Browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    // Serve the page and plotly.js from Node through request interception (no server, no network; faster
    // than pushing 11 MB through addScriptTag); every other request is refused. Later routes take precedence.
    await page.route('**/*', (route) => route.abort());
    await page.route(`${ORIGIN}/plotly.js`, (route) => route.fulfill({ body: plotlyBundle(), contentType: 'text/javascript' }));
    await page.route(`${ORIGIN}/`, (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/plotly.js"></script></head><body style="margin:0;background:#fff"></body></html>',
    }));
    // A busy shared machine can take more than Playwright's default 30 s to parse plotly.
    await page.goto(`${ORIGIN}/`, { timeout: 180_000 });
    if (!(await page.evaluate(() => typeof (globalThis as { Plotly?: unknown }).Plotly === 'object'))) {
      throw new Error(`openFigureExporter: plotly.js did not load from ${plotlyPath()}; reinstall plotly.js-dist`);
    }
    const printPage = await browser.newPage();
    return makeExporter(browser, page, printPage);
  } catch (e) {
    await browser.close();
    throw e;
  }
}

function makeExporter(browser: Browser, page: Page, printPage: Page): FigureExporter {
  // One figure at a time on the shared page (calls are queued, so concurrent awaits are safe).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const r = queue.then(f, f);
    queue = r.catch(() => undefined);
    return r;
  };
  const toImage = (figure: PlotlyFigure, format: 'png' | 'svg', scale: number) =>
    serial(() => page.evaluate(async ({ data, layout, format, scale }) => {
      const Plotly = (globalThis as unknown as { Plotly: any }).Plotly;
      const div = document.createElement('div');
      document.body.appendChild(div);
      try {
        await Plotly.newPlot(div, data, layout, { staticPlot: true });
        const width = (layout as { width?: number }).width ?? 700;
        const height = (layout as { height?: number }).height ?? 450;
        return (await Plotly.toImage(div, { format, width, height, scale })) as string;
      } finally {
        Plotly.purge(div);
        div.remove();
      }
    }, { data: figure.data, layout: figure.layout, format, scale }));

  const svg = async (figure: PlotlyFigure): Promise<string> => {
    checkFigure('FigureExporter.svg', figure);
    const url = await toImage(figure, 'svg', 1);
    const comma = url.indexOf(',');
    return decodeURIComponent(url.slice(comma + 1));
  };
  const png = async (figure: PlotlyFigure, options: PngOptions = {}): Promise<Buffer> => {
    checkFigure('FigureExporter.png', figure);
    const dpi = options.dpi ?? 300;
    if (!(dpi >= 24 && dpi <= 2400)) throw new RangeError(`FigureExporter.png: dpi must lie in [24, 2400], got ${dpi}`);
    const url = await toImage(figure, 'png', dpi / PX_PER_INCH);
    return withPngDpi(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'), dpi);
  };
  const pdf = async (figure: PlotlyFigure): Promise<Buffer> => {
    const text = await svg(figure);
    const { width, height } = figureSize(figure);
    return serial(async () => {
      await printPage.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{size:${width}px ${height}px;margin:0}html,body{margin:0;padding:0}svg{display:block}</style></head><body>${text}</body></html>`);
      return withFixedPdfDates(await printPage.pdf({ width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1', margin: { top: '0', right: '0', bottom: '0', left: '0' } }));
    });
  };
  const textBoxes = (figure: PlotlyFigure): Promise<TextBox[]> => {
    checkFigure('FigureExporter.textBoxes', figure);
    return serial(() => page.evaluate(async ({ data, layout }) => {
      const Plotly = (globalThis as unknown as { Plotly: any }).Plotly;
      const div = document.createElement('div');
      div.style.position = 'absolute';
      div.style.left = '0';
      div.style.top = '0';
      document.body.appendChild(div);
      try {
        await Plotly.newPlot(div, data, layout, { staticPlot: true });
        const origin = div.getBoundingClientRect();
        const out: Array<{ text: string; kind: string; x0: number; y0: number; x1: number; y1: number; corners: Array<[number, number]> }> = [];
        // (no named helper functions in here: tsx's keepNames would reference a __name the page lacks)
        for (const el of Array.from(div.querySelectorAll('svg text'))) {
          const text = (el.textContent ?? '').trim();
          if (text === '') continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          const cls = el.getAttribute('class') ?? '';
          let kind = 'other';
          if (el.closest('.legend')) kind = 'legend';
          else if (el.closest('.colorbar')) kind = 'colorbar';
          else if (el.closest('.annotation')) kind = 'annotation';
          else if (/tick/.test(cls) || el.closest('[class*="tick"]')) kind = 'tick';
          else if (/gtitle/.test(cls)) kind = 'title';
          else if (/title/.test(cls)) kind = 'axis-title';
          const g = el as SVGGraphicsElement;
          const b = g.getBBox();
          const m = g.getScreenCTM();
          const corners: Array<[number, number]> = m === null ? [] : [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(([x, y]) => {
            const q = new DOMPoint(x, y).matrixTransform(m);
            return [q.x - origin.left, q.y - origin.top] as [number, number];
          });
          out.push({ text, kind, x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top, corners });
        }
        return out;
      } finally {
        Plotly.purge(div);
        div.remove();
      }
    }, { data: figure.data, layout: figure.layout }));
  };
  return {
    png, svg, pdf, textBoxes,
    async writeAll(figure, base, formats = ['html', 'png', 'svg', 'pdf'], options = {}) {
      mkdirSync(dirname(base), { recursive: true });
      const out: string[] = [];
      for (const f of formats) {
        const file = `${base}.${f}`;
        if (f === 'html') writeFigureHtml(figure, file, { plotly: options.html ?? 'shared' });
        else if (f === 'png') writeFileSync(file, await png(figure, options));
        else if (f === 'svg') writeFileSync(file, await svg(figure));
        else if (f === 'pdf') writeFileSync(file, await pdf(figure));
        else throw new RangeError(`FigureExporter.writeAll: format must be html, png, svg or pdf, got ${JSON.stringify(f)}`);
        out.push(file);
      }
      return out;
    },
    async close() {
      await browser.close();
    },
  };
}

function figureSize(figure: PlotlyFigure): { width: number; height: number } {
  const l = figure.layout as { width?: number; height?: number };
  return { width: l.width ?? 700, height: l.height ?? 450 };
}

function checkFigure(fn: string, figure: PlotlyFigure): void {
  if (figure == null || !Array.isArray(figure.data) || typeof figure.layout !== 'object' || figure.layout === null) {
    throw new TypeError(`${fn}: figure must be { data: trace[], layout: object } as the builders in src/figures return, got ${figure === null ? 'null' : typeof figure}`);
  }
  const { width, height } = figureSize(figure);
  for (const [k, v] of [['width', width], ['height', height]] as const) {
    if (!(v >= 10 && v <= 20000)) throw new RangeError(`${fn}: layout.${k} must lie in [10, 20000] px, got ${v}`);
  }
}

/**
 * The PNG with its physical resolution recorded: a pHYs chunk (pixels per metre = dpi / 0.0254) inserted
 * right after IHDR, replacing one Chromium may have written. Cost: O(size of the PNG).
 * @throws RangeError when the bytes are not a PNG.
 */
export function withPngDpi(png: Buffer, dpi: number): Buffer {
  const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 33 || !png.subarray(0, 8).equals(SIG) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new RangeError(`withPngDpi: the data is not a PNG (${png.length} bytes, first bytes ${png.subarray(0, 8).toString('hex')})`);
  }
  const ppm = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(13);
  body.write('pHYs', 0, 'latin1');
  body.writeUInt32BE(ppm, 4);
  body.writeUInt32BE(ppm, 8);
  body[12] = 1; // unit: metre
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body) >>> 0, 17);
  const parts: Buffer[] = [png.subarray(0, 33), chunk];
  let off = 33; // signature (8) + IHDR (4 + 4 + 13 + 4)
  while (off + 12 <= png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const end = off + 12 + len;
    if (type !== 'pHYs') parts.push(png.subarray(off, end));
    off = end;
  }
  return Buffer.concat(parts);
}

/**
 * A PDF with its /CreationDate and /ModDate set to 2000-01-01 (same length, so the xref offsets hold):
 * Chromium stamps the time of printing, which would make every export of the same figure differ.
 * Cost: one pass over the bytes.
 */
export function withFixedPdfDates(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:(\d{14})/g, (_m, key: string) => `/${key} (D:20000101000000`);
  return fixed === text ? pdf : Buffer.from(fixed, 'latin1');
}
