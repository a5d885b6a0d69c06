/**
 * Shows plotly figures inline in a tslab notebook and exports them to the figures folder.
 *
 *   const figs = notebookFigures({ display: (html) => tslab.display.html(html), dir: env.figuresDir });
 *   await figs.show('fig09-selection-probability', figure);   // inline + html/png/svg/pdf
 *   await figs.close();                                       // last cell: closes the one Chromium
 *
 * The first figure of a kernel carries plotly.js itself (~11 MB, offline, no CDN); later outputs only
 * call `Plotly.newPlot`. The bundle runs with AMD/CommonJS hidden, because the classic notebook page
 * loads require.js and plotly's UMD header would otherwise register a module instead of `window.Plotly`.
 * One headless Chromium per notebook (opened at the first export, ~2 s) renders PNG/SVG/PDF.
 */
import { join } from 'node:path';
import { openFigureExporter, plotlyBundle, type FigureExporter } from '../figures/export.ts';
import type { PlotlyFigure } from '../figures/types.ts';

export type FigureFormat = 'html' | 'png' | 'svg' | 'pdf';
export const FIGURE_FORMATS: readonly FigureFormat[] = Object.freeze(['html', 'png', 'svg', 'pdf']);

export interface NotebookFiguresOptions {
  /** Receives one HTML string per output (in tslab: `(h) => tslab.display.html(h)`). */
  readonly display: (html: string) => void;
  /** Folder for the exported files. */
  readonly dir: string;
  /** Formats to export (default all four); an empty list exports nothing. */
  readonly formats?: readonly FigureFormat[];
  /** PNG resolution (default 150). */
  readonly dpi?: number;
  /** Opens the exporter (tests pass a fake); default `openFigureExporter`. */
  readonly openExporter?: () => Promise<FigureExporter>;
}

export interface NotebookFigures {
  /** Displays the figure inline and writes `<dir>/<name>.<format>`; returns the written paths. */
  show(name: string, figure: PlotlyFigure): Promise<string[]>;
  /** Written paths so far, in order. */
  readonly written: readonly string[];
  /** Closes Chromium (if it was opened). Safe to call twice. */
  close(): Promise<void>;
}

/** Whether plotly has been sent to the front end by this process (one kernel = one process). */
let plotlySent = false;

/** Only for tests: forget that plotly was sent. */
export function resetPlotlySent(): void {
  plotlySent = false;
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** JSON that is safe inside an HTML <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The HTML of one inline figure: a div and a script that draws into it, preceded by plotly.js when
 * `withPlotly` is true. Cost: O(size of the figure) (+ the 11 MB bundle when included).
 */
export function inlineFigureHtml(figure: PlotlyFigure, divId: string, withPlotly: boolean): string {
  const lib = withPlotly
    ? `<script>(function(){var define, module, exports;\n${plotlyBundle()}\n}).call(window);</script>\n`
    : '';
  const h = typeof figure.layout.height === 'number' ? `${figure.layout.height}px` : '450px';
  return (
    `${lib}<div id="${divId}" style="width:100%;height:${h}"></div>\n` +
    `<script>(function(){var go=function(){if(!window.Plotly){return setTimeout(go,50);}` +
    `window.Plotly.newPlot(${scriptJson(divId)}, ${scriptJson(figure.data)}, ${scriptJson(figure.layout)}, {responsive: true, displaylogo: false});};go();})();</script>`
  );
}

/**
 * Creates the figure display/export helper of one notebook.
 * @throws TypeError when `display` is not a function or `dir` is not a non-empty string;
 *   RangeError for an unknown format or a DPI outside [30, 1200].
 */
export function notebookFigures(options: NotebookFiguresOptions): NotebookFigures {
  const fn = 'notebookFigures';
  if (typeof options?.display !== 'function') throw new TypeError(`${fn}: display must be a function (html: string) => void, got ${typeof options?.display}`);
  if (typeof options.dir !== 'string' || options.dir === '') throw new TypeError(`${fn}: dir must be a non-empty folder path, got ${JSON.stringify(options.dir)}`);
  const formats = [...(options.formats ?? FIGURE_FORMATS)];
  for (const f of formats) {
    if (!FIGURE_FORMATS.includes(f)) throw new RangeError(`${fn}: formats may hold ${FIGURE_FORMATS.join(', ')}, got '${String(f)}'`);
  }
  const dpi = options.dpi ?? 150;
  if (!(typeof dpi === 'number' && dpi >= 30 && dpi <= 1200)) throw new RangeError(`${fn}: dpi must be a number in [30, 1200], got ${String(dpi)}`);
  const open = options.openExporter ?? (() => openFigureExporter());
  let exporter: Promise<FigureExporter> | undefined;
  let closed = false;
  let count = 0;
  const written: string[] = [];
  return {
    written,
    async show(name: string, figure: PlotlyFigure): Promise<string[]> {
      if (typeof name !== 'string' || !NAME_RE.test(name)) {
        throw new RangeError(`${fn}.show: name must be letters, digits, '.', '_' or '-' (it names files), got ${JSON.stringify(name)}`);
      }
      if (closed) throw new Error(`${fn}.show('${name}'): the helper is closed; create a new one with notebookFigures()`);
      const divId = `falcun-fig-${process.pid}-${++count}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      options.display(inlineFigureHtml(figure, divId, !plotlySent));
      plotlySent = true;
      if (formats.length === 0) return [];
      exporter ??= open();
      const files = await (await exporter).writeAll(figure, join(options.dir, name), formats, { dpi });
      written.push(...files);
      return files;
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
