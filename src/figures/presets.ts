/**
 * Publication presets: figure size, fonts and palette for a paper column, the full text width, or the
 * screen. Sizes are in inches and font sizes in points as in LaTeX; plotly works in CSS pixels
 * (96 px per inch, 1 pt = 96/72 px), and `export.ts` scales PNGs by dpi/96, so a column-width figure
 * exported at 300 dpi is 3.25 in wide on paper whatever the dpi.
 */
import { fitToContent } from './fitLayout.ts';
import { strategyColor, withAlpha, type PaletteName } from './palette.ts';
import { drawTable } from './tables.ts';
import type { PlotlyFigure, PlotlyTrace, StrategyMeta } from './types.ts';

export interface PublicationPreset {
  readonly name: string;
  readonly widthInches: number;
  /** A nominal height; figures are sized from their content (`applyPreset`), unless this is overridden. */
  readonly heightInches: number;
  /** Base font size in points (tick labels); titles get +1 pt. */
  readonly fontSizePt: number;
  readonly fontFamily: string;
  readonly palette: PaletteName;
  /** Line width in points for strategy lines. */
  readonly lineWidthPt: number;
}

/** CSS pixels per inch (plotly's unit). */
export const PX_PER_INCH = 96;

const FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';

/** Presets: one column of a two-column paper (3.25 in), full text width (6.75 in), and a screen size. */
export const PRESETS: Readonly<Record<'column' | 'full' | 'screen', PublicationPreset>> = Object.freeze({
  column: Object.freeze({ name: 'column', widthInches: 3.25, heightInches: 2.4, fontSizePt: 7, fontFamily: FONT, palette: 'colorblind', lineWidthPt: 1 }),
  full: Object.freeze({ name: 'full', widthInches: 6.75, heightInches: 3.2, fontSizePt: 8, fontFamily: FONT, palette: 'colorblind', lineWidthPt: 1.2 }),
  screen: Object.freeze({ name: 'screen', widthInches: 9, heightInches: 5.5, fontSizePt: 10, fontFamily: FONT, palette: 'default', lineWidthPt: 1.5 }),
});

/**
 * A copy of the figure laid out for a preset: the preset's width, fonts in points, the legend below the
 * plot (horizontal, wrapped into as many rows as its entries need), strategy traces (`meta.strategy`)
 * recoloured from the preset's palette (bands keep their translucency), and a height sized from the
 * content (`fitToContent`: panel rows, panel titles, axis titles, legend rows, colour bars; tables are
 * redrawn at the preset's font, every row drawn). An explicit `heightInches` override fixes the height
 * instead. The input figure is not changed. Cost: O(size of the figure) (a deep copy).
 * @throws RangeError for non-positive or non-finite sizes.
 */
export function applyPreset(figure: PlotlyFigure, preset: PublicationPreset, overrides: Partial<Pick<PublicationPreset, 'widthInches' | 'heightInches' | 'palette'>> = {}): PlotlyFigure {
  const p = { ...preset, ...overrides };
  for (const f of ['widthInches', 'heightInches', 'fontSizePt', 'lineWidthPt'] as const) {
    if (!(p[f] > 0) || !Number.isFinite(p[f])) throw new RangeError(`applyPreset: ${f} of preset '${p.name}' must be a positive finite number, got ${p[f]}`);
  }
  const pt = PX_PER_INCH / 72;
  const fontPx = p.fontSizePt * pt;
  const width = Math.round(p.widthInches * PX_PER_INCH);
  if (figure.content?.kind === 'table') {
    const t = drawTable(figure.content.table, { fontPx, maxWidthPx: width, fontFamily: p.fontFamily });
    const tl = t.layout as Record<string, unknown>;
    tl.font = { ...(tl.font as object), family: p.fontFamily };
    return t;
  }
  const fig = JSON.parse(JSON.stringify(figure)) as PlotlyFigure;
  const layout = fig.layout as Record<string, unknown>;
  layout.width = width;
  layout.font = { family: p.fontFamily, size: fontPx, color: '#000000' };
  const title = layout.title as Record<string, unknown> | undefined;
  if (title && typeof title === 'object') title.font = { family: p.fontFamily, size: (p.fontSizePt + 1) * pt };
  for (const a of (layout.annotations as Array<Record<string, unknown>> | undefined) ?? []) {
    a.font = { ...((a.font as object) ?? {}), family: p.fontFamily, size: fontPx * ((a.font as { scale?: number } | undefined)?.scale ?? 1) };
  }
  // Axes: fonts at the preset size, and automargin as a safety net for labels wider than estimated.
  for (const [k, v] of Object.entries(layout)) {
    if (!/^[xy]axis\d*$/.test(k) || v === null || typeof v !== 'object') continue;
    const axis = v as Record<string, unknown>;
    axis.automargin = true;
    axis.tickfont = { size: fontPx };
    const at = axis.title as Record<string, unknown> | undefined;
    if (at && typeof at === 'object') axis.title = { ...at, font: { size: fontPx }, standoff: Math.round(fontPx * 0.4) };
  }
  for (const [k, v] of Object.entries(layout)) {
    if (!/^ternary\d*$/.test(k) || v === null || typeof v !== 'object') continue;
    for (const ax of ['aaxis', 'baxis', 'caxis']) {
      const a = (v as Record<string, Record<string, unknown> | undefined>)[ax];
      if (a?.title && typeof a.title === 'object') a.title = { ...(a.title as object), font: { size: fontPx } };
    }
  }
  for (const t of fig.data) recolour(t, p.palette, p.lineWidthPt * pt);
  fitToContent(fig, fontPx, overrides.heightInches !== undefined ? Math.round(overrides.heightInches * PX_PER_INCH) : undefined);
  return fig;
}

function recolour(t: PlotlyTrace, palette: PaletteName, lineWidth: number): void {
  const meta = t.meta as StrategyMeta | undefined;
  if (!meta || typeof meta.strategy !== 'string') return;
  const c = strategyColor(meta.strategy, palette);
  const tr = t as Record<string, unknown>;
  const line = (tr.line as Record<string, unknown> | undefined) ?? {};
  const marker = (tr.marker as Record<string, unknown> | undefined) ?? {};
  switch (meta.role) {
    case 'band':
      tr.fillcolor = withAlpha(c, 0.18);
      // the band's edge is invisible (alpha 0) but recoloured too, so no trace keeps the old palette's colour
      if (tr.line !== undefined) tr.line = { ...line, color: withAlpha(c, 0) };
      break;
    case 'line':
      tr.line = { ...line, color: c, width: lineWidth };
      tr.marker = { ...marker, color: c };
      break;
    case 'marker':
      tr.marker = { ...marker, color: c };
      break;
    case 'bar':
      tr.marker = { ...marker, color: c };
      break;
    case 'outline':
      tr.marker = { ...marker, line: { ...((marker.line as Record<string, unknown> | undefined) ?? {}), color: c } };
      break;
  }
}
