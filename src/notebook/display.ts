/**
 * Shows plotly figures inline in a tslab notebook and exports them.
 *
 *   const figs = notebookFigures(p, (html) => tslab.display.html(html));  // p: the parameter cell's values
 *   await figs.show('fig09-selection-probability', figure);   // inline + exports/<label>/fig09-….html/png/svg/pdf
 *   await figs.close();                                       // last cell: closes the one Chromium
 *
 * Inline figures are responsive: the layout's fixed width is dropped, so a figure fills the output area
 * (its height is kept). plotly.js is never inlined into an output: the kernel copies the bundle once to
 * notebooks/assets/plotly.js (git-ignored), and each output carries a few hundred bytes of script that
 * loads it from the Jupyter server (`<base>/files/<notebook folder>/assets/plotly.js`) the first time the
 * page needs it, then calls `Plotly.newPlot`. A page reload without a kernel restart still draws. The bundle
 * runs with AMD/CommonJS hidden, because the classic notebook page loads require.js and plotly's UMD header
 * would otherwise register a module instead of `window.Plotly`.
 *
 * Figure builders leave the layout to a preset (src/figures/presets.ts: panel titles, legend rows and the
 * height are placed by `applyPreset`), so the inline figure is the `screen` preset made responsive, and
 * exports use the parameter cell's preset (screen 9 in, column 3.25 in, full 6.75 in) and DPI, into `exportDirOf(p)` (exports/<label>/, never the committed figures/
 * unless a runner sets exportDir). One headless Chromium per notebook (opened at the first export, ~2 s).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openFigureExporter, plotlyPath, type FigureExporter } from '../figures/export.ts';
import { applyPreset, PRESETS } from '../figures/presets.ts';
import type { PlotlyFigure } from '../figures/types.ts';
import { REPO_ROOT } from '../sourcePath.ts';
import { EXPORT_PRESETS, exportDirOf, type CommonParameters, type ExportPreset } from './parameters.ts';

export type FigureFormat = 'html' | 'png' | 'svg' | 'pdf';
export const FIGURE_FORMATS: readonly FigureFormat[] = Object.freeze(['html', 'png', 'svg', 'pdf']);

/** Where the kernel puts plotly.js for the page to fetch (git-ignored). */
export const NOTEBOOK_PLOTLY_FILE = join(REPO_ROOT, 'notebooks', 'assets', 'plotly.js');

export interface NotebookFiguresOptions {
  /** Receives one HTML string per output (in tslab: `(h) => tslab.display.html(h)`). */
  readonly display: (html: string) => void;
  /** Folder for the exported files. */
  readonly dir: string;
  /** Formats to export (default all four); an empty list exports nothing. */
  readonly formats?: readonly FigureFormat[];
  /** PNG resolution (default 150). */
  readonly dpi?: number;
  /** Export preset (default 'screen': the figure as built). */
  readonly preset?: ExportPreset;
  /** Opens the exporter (tests pass a fake); default `openFigureExporter`. */
  readonly openExporter?: () => Promise<FigureExporter>;
  /** Copies plotly.js where the page fetches it (tests pass a no-op); default `ensureNotebookPlotly`. */
  readonly ensurePlotly?: () => void;
}

export interface NotebookFigures {
  /**
   * Displays the figure inline and writes `<dir>/<name>.<format>` (listed in `written`). Resolves to nothing,
   * so that `await figs.show(…)` as a cell's last line prints nothing.
   */
  show(name: string, figure: PlotlyFigure): Promise<void>;
  /** The export folder. */
  readonly dir: string;
  /** Written paths so far, in order. */
  readonly written: readonly string[];
  /** Closes Chromium (if it was opened). Safe to call twice. */
  close(): Promise<void>;
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** JSON that is safe inside an HTML <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Copies plotly.js to notebooks/assets/plotly.js when it is missing or differs in size (one copy per
 * checkout; ~5 ms when already there).
 */
export function ensureNotebookPlotly(target: string = NOTEBOOK_PLOTLY_FILE): void {
  const source = plotlyPath();
  if (existsSync(target) && statSync(target).size === statSync(source).size) return;
  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(source, target + '.tmp');
  renameSync(target + '.tmp', target);
}

/** The layout for the output area: no fixed width (plotly fills the div), autosize on. */
export function responsiveLayout(layout: PlotlyFigure['layout']): PlotlyFigure['layout'] {
  const copy: Record<string, unknown> = { ...layout, autosize: true };
  delete copy.width;
  return copy as PlotlyFigure['layout'];
}

/**
 * The HTML of one inline figure: a div filling the output's width and a small script that loads plotly.js
 * from the Jupyter server once per page (see the file comment) and draws into the div.
 * Cost: O(size of the figure).
 */
export function inlineFigureHtml(figure: PlotlyFigure, divId: string): string {
  const h = typeof figure.layout.height === 'number' ? `${figure.layout.height}px` : '450px';
  const layout = responsiveLayout(figure.layout);
  return (
    `<div id="${divId}" class="falcun-figure" style="width:100%;height:${h}"></div>\n` +
    `<script>(function(){var id=${scriptJson(divId)},w=window;` +
    `var draw=function(){w.Plotly.newPlot(id,${scriptJson(figure.data)},${scriptJson(layout)},{responsive:true,displaylogo:false});};` +
    `if(w.Plotly){draw();return;}` +
    `if(!w.__falcunPlotly){var b=document.body.dataset||{},nb=b.notebookPath||'',` +
    `url=(b.baseUrl||'/')+'files/'+(nb.indexOf('/')>=0?nb.slice(0,nb.lastIndexOf('/')+1):'')+'assets/plotly.js';` +
    `w.__falcunPlotly=fetch(url).then(function(r){if(!r.ok)throw new Error(url+': HTTP '+r.status);return r.text();})` +
    `.then(function(src){(new Function('define','module','exports',src)).call(w);if(!w.Plotly)throw new Error('plotly.js did not define Plotly');});}` +
    `w.__falcunPlotly.then(draw,function(e){w.__falcunPlotly=undefined;var d=document.getElementById(id);` +
    `if(d)d.textContent='plotly.js could not be loaded ('+e.message+'); rerun the cell, or run npm run notebooks:setup';});})();</script>`
  );
}

/**
 * Creates the figure display/export helper of one notebook from its parameters (export folder, preset, DPI).
 * @throws TypeError when `display` is not a function; RangeError for an unknown preset or format, or a DPI
 *   outside [30, 1200].
 */
export function notebookFigures(
  p: Pick<CommonParameters, 'results' | 'scale' | 'exportDir' | 'preset' | 'dpi'>,
  display: (html: string) => void,
  extra: Pick<NotebookFiguresOptions, 'formats' | 'openExporter' | 'ensurePlotly'> = {},
): NotebookFigures {
  return notebookFiguresIn({ display, dir: exportDirOf(p), preset: p.preset, dpi: p.dpi, ...extra });
}

/** The same with the folder, preset and DPI given directly. */
export function notebookFiguresIn(options: NotebookFiguresOptions): NotebookFigures {
  const fn = 'notebookFigures';
  if (typeof options?.display !== 'function') throw new TypeError(`${fn}: display must be a function (html: string) => void, got ${typeof options?.display}`);
  if (typeof options.dir !== 'string' || options.dir === '') throw new TypeError(`${fn}: dir must be a non-empty folder path, got ${JSON.stringify(options.dir)}`);
  const formats = [...(options.formats ?? FIGURE_FORMATS)];
  for (const f of formats) {
    if (!FIGURE_FORMATS.includes(f)) throw new RangeError(`${fn}: formats may hold ${FIGURE_FORMATS.join(', ')}, got '${String(f)}'`);
  }
  const dpi = options.dpi ?? 150;
  if (!(typeof dpi === 'number' && dpi >= 30 && dpi <= 1200)) throw new RangeError(`${fn}: dpi must be a number in [30, 1200], got ${String(dpi)}`);
  const preset = options.preset ?? 'screen';
  if (!(EXPORT_PRESETS as readonly string[]).includes(preset)) throw new RangeError(`${fn}: preset must be one of ${EXPORT_PRESETS.join(', ')}, got '${String(preset)}'`);
  const open = options.openExporter ?? (() => openFigureExporter());
  const ensurePlotly = options.ensurePlotly ?? (() => ensureNotebookPlotly());
  let exporter: Promise<FigureExporter> | undefined;
  let closed = false;
  let count = 0;
  let plotlyReady = false;
  const written: string[] = [];
  return {
    dir: options.dir,
    written,
    async show(name: string, figure: PlotlyFigure): Promise<void> {
      if (typeof name !== 'string' || !NAME_RE.test(name)) {
        throw new RangeError(`${fn}.show: name must be letters, digits, '.', '_' or '-' (it names files), got ${JSON.stringify(name)}`);
      }
      if (closed) throw new Error(`${fn}.show('${name}'): the helper is closed; create a new one with notebookFigures()`);
      if (!plotlyReady) {
        ensurePlotly();
        plotlyReady = true;
      }
      const divId = `falcun-fig-${process.pid}-${Date.now().toString(36)}-${++count}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const onScreen = applyPreset(figure, PRESETS.screen);
      options.display(inlineFigureHtml(onScreen, divId));
      if (formats.length === 0) return;
      exporter ??= open();
      const styled = preset === 'screen' ? onScreen : applyPreset(figure, PRESETS[preset]);
      mkdirSync(options.dir, { recursive: true });
      const files = await (await exporter).writeAll(styled, join(options.dir, name), formats, { dpi });
      written.push(...files);
    },
    async close(): Promise<void> {
      closed = true;
      if (exporter !== undefined) {
        const e = exporter;
        exporter = undefined;
        await (await e).close();
      }
    },
  };
}

/** One line for the last cell: where the exports went (not a raw array). */
export function exportedSummary(figs: Pick<NotebookFigures, 'dir' | 'written'>): string {
  if (figs.written.length === 0) return 'nothing exported';
  const stems = [...new Set(figs.written.map((f) => f.split('/').pop()!.replace(/\.[a-z]+$/, '')))];
  const exts = [...new Set(figs.written.map((f) => f.split('.').pop()))];
  return `exported ${stems.join(', ')} (${exts.join(', ')}) to ${figs.dir}`;
}
