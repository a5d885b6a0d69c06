/**
 * Sizing a figure from its content at a given width and font (what `applyPreset` does after setting fonts):
 *
 *   width, font ──► legend rows (entries packed into the width) ──► margins (tick labels, axis titles,
 *   colour bars, the title) ──► panels per row (each at least MIN_PANEL_PX wide) ──► panel height
 *   (width · aspect) ──► gaps between rows (x ticks + x title + next row's panel titles) ──► height
 *
 * Domains are set in the figure's own fractions from those pixel sizes, so a 6-panel figure at column width
 * gets 2 columns and 3 rows, each with room for its titles, and the legend gets the rows its entries need.
 * Text widths are estimates (textMetrics.ts) and axes keep plotly's automargin as a safety net; the export
 * test renders every figure at every preset and checks that no label leaves the canvas or overlaps another.
 */
import { lineCount, textWidth, wrapText } from './textMetrics.ts';
import type { PanelSlot, PlotlyFigure } from './types.ts';

/** Narrowest panel worth drawing (px): below it a grid uses fewer columns and more rows. */
export const MIN_PANEL_PX = 90;

type Obj = Record<string, any>;

/** The legend's entries as plotly lists them: named traces shown in the legend, one per legend group. */
export function legendEntries(fig: PlotlyFigure): string[] {
  const layout = fig.layout as Obj;
  const named = fig.data.filter((t) => (t as Obj).showlegend !== false && typeof (t as Obj).name === 'string' && (t as Obj).name !== '' && (t as Obj).visible !== false && t.type !== 'table');
  const show = layout.showlegend === true || (layout.showlegend === undefined && named.length > 1);
  if (!show) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of named) {
    const g = (t as Obj).legendgroup as string | undefined;
    if (g !== undefined && g !== '' && (t as Obj).showlegend === undefined && seen.has(`g:${g}`)) continue;
    if (g !== undefined && g !== '') seen.add(`g:${g}`);
    out.push((t as Obj).name as string);
  }
  return out;
}

/** Rows a horizontal legend needs for its entries at a width (plotly: symbol 40 px + text + gap per entry). */
export function legendRows(entries: readonly string[], fontPx: number, widthPx: number): number {
  if (entries.length === 0) return 0;
  let rows = 1;
  let x = 0;
  for (const e of entries) {
    const w = 40 + textWidth(e, fontPx) + 10;
    if (x > 0 && x + w > widthPx) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** Width (px) a colour bar takes to the right of the plot, 0 when the figure shows none. */
function colorbarWidth(fig: PlotlyFigure, f: number): number {
  const layout = fig.layout as Obj;
  const bars: Obj[] = [];
  for (const t of fig.data as Obj[]) {
    if (t.type === 'heatmap' && t.showscale !== false) bars.push((t.colorbar ??= {}));
    else if (t.marker?.showscale === true) bars.push((t.marker.colorbar ??= {}));
  }
  for (const [k, v] of Object.entries(layout)) if (/^coloraxis\d*$/.test(k) && v && (v as Obj).showscale !== false) bars.push(((v as Obj).colorbar ??= {}));
  if (bars.length === 0) return 0;
  let w = 0;
  for (const b of bars) {
    b.thickness = Math.round(0.9 * f);
    b.tickfont = { size: f };
    b.outlinewidth = 0;
    b.xpad = 4;
    const title = b.title as Obj | undefined;
    // the title reads upwards on the bar's right, so it never collides with the top tick label
    if (title?.text) b.title = { ...title, font: { size: f }, side: 'right' };
    const ticks = Array.isArray(b.ticktext) ? b.ticktext.map(String) : ['100', '0.75'];
    const tw = Math.max(...ticks.map((s: string) => textWidth(s, f)));
    w = Math.max(w, 8 + b.thickness + 4 + tw + 6 + (title?.text ? 1.4 * f + 4 : 0));
  }
  return Math.ceil(w + 4);
}

interface AxisRoom {
  /** Tick labels + title, across the axis (px). */
  readonly size: number;
}

function axisOf(layout: Obj, key: string | undefined): Obj | undefined {
  return key === undefined ? undefined : (layout[key] as Obj | undefined);
}

function visibleTicks(axis: Obj | undefined): boolean {
  return !!axis && axis.visible !== false && axis.showticklabels !== false;
}

function hasTitle(axis: Obj | undefined): boolean {
  return !!axis && axis.visible !== false && !!axis.title?.text;
}

/** Room a y axis needs beside its panel: the widest tick label (estimated) and the rotated title. */
function yRoom(axis: Obj | undefined, f: number): AxisRoom {
  if (!axis || axis.visible === false) return { size: 0 };
  let ticks = 0;
  if (visibleTicks(axis)) {
    if (Array.isArray(axis.ticktext)) ticks = Math.max(0, ...axis.ticktext.map((s: unknown) => textWidth(String(s), f)));
    else ticks = textWidth(axis.type === 'log' ? '0.001' : '100.0', f);
    ticks += 6;
  }
  const title = hasTitle(axis) ? lineCount(String(axis.title.text)) * 1.3 * f + 4 : 0;
  return { size: Math.ceil(ticks + title) };
}

/** Room an x axis needs under its panel (or above it for side: 'top'): tick labels (rotated ones by their width) and title. */
function xRoom(axis: Obj | undefined, f: number): AxisRoom {
  if (!axis || axis.visible === false) return { size: 0 };
  let ticks = 0;
  if (visibleTicks(axis)) {
    const angle = Math.abs(Number(axis.tickangle ?? 0)) % 180;
    if (angle > 0 && Array.isArray(axis.ticktext)) {
      const w = Math.max(0, ...axis.ticktext.map((s: unknown) => textWidth(String(s), f)));
      ticks = w * Math.sin((angle * Math.PI) / 180) + f * Math.cos((angle * Math.PI) / 180) + 6;
    } else ticks = 1.3 * f + 5;
  }
  const title = hasTitle(axis) ? lineCount(String(axis.title.text)) * 1.3 * f + 4 : 0;
  return { size: Math.ceil(ticks + title) };
}

/** Characters of the longest x value (rounded) drawn on x axis `xKey` ('xaxis2' ↔ traces with xaxis 'x2'); 5 when unknown. */
function longestXLabel(fig: PlotlyFigure, xKey: string): number {
  const ref = `x${xKey.slice('xaxis'.length)}`;
  let longest = 0;
  for (const t of fig.data as Obj[]) {
    if ((t.xaxis ?? 'x') !== ref || !Array.isArray(t.x)) continue;
    for (const v of t.x as unknown[]) if (typeof v === 'number' && Number.isFinite(v)) longest = Math.max(longest, String(Math.round(v)).length);
  }
  return longest > 0 ? longest : 5;
}

/** Sets width-dependent layout: margins, height, panel domains, panel titles (wrapped) and the legend. */
export function fitToContent(fig: PlotlyFigure, f: number, fixedHeight?: number): void {
  const layout = fig.layout as Obj;
  const W = layout.width as number;
  const annotations = (layout.annotations as Obj[] | undefined) ?? [];
  // Title: wrapped to the width, anchored to the top of the canvas.
  // Title: wrapped to the width and drawn as an annotation just below the canvas' top edge (plotly's own
  // title anchors only its first line, so a wrapped title would reach above the canvas).
  let titleH = 0;
  let titleNote: Obj | undefined;
  if (layout.title?.text) {
    const tf = layout.title.font?.size ?? 1.1 * f;
    const text = wrapText(String(layout.title.text), tf, W - 16);
    titleH = lineCount(text) * 1.3 * tf + 8;
    titleNote = { text, xref: 'paper', yref: 'paper', x: 0.5, y: 1, xanchor: 'center', yanchor: 'bottom', showarrow: false, font: { ...(layout.title.font ?? {}), size: tf } };
    layout.title = { text: '' };
  }
  // Legend: below everything, horizontal, as many rows as its entries need.
  const entries = legendEntries(fig);
  const legendH = entries.length === 0 ? 0 : Math.ceil(legendRows(entries, f, W - 16) * (1.3 * f + 6) + 8);
  if (entries.length > 0) {
    layout.showlegend = true;
    layout.legend = { orientation: 'h', x: 0.5, xanchor: 'center', xref: 'container', y: 0, yanchor: 'bottom', yref: 'container', font: { size: f }, itemwidth: 30, tracegroupgap: 0 };
  } else if (layout.showlegend === undefined) layout.showlegend = false;
  const cb = colorbarWidth(fig, f);
  const content = fig.content;
  const placeTitle = () => {
    if (!titleNote) return;
    const m = layout.margin as Obj;
    // centred on the canvas, its top 4 px below the canvas' top edge
    const plotW = W - m.l - m.r;
    layout.annotations = [...((layout.annotations as Obj[] | undefined) ?? []), { ...titleNote, x: (W / 2 - m.l) / plotW, yshift: m.t - titleH + 4 }];
  };
  if (content?.kind === 'panels') {
    fitPanels(fig, f, { titleH, legendH, cb, fixedHeight });
    placeTitle();
    return;
  }
  // One plot: margins from its axes; the height from the plot's aspect.
  const aspect = content?.kind === 'single' ? content.aspect : guessAspect(layout);
  const x = axisOf(layout, 'xaxis');
  const y = axisOf(layout, 'yaxis');
  const xr = xRoom(x, f).size;
  const top = x?.side === 'top' ? xr : 0;
  const bottom = x?.side === 'top' ? 0 : xr;
  let ml = Math.max(8, yRoom(y, f).size + 4);
  let mr = Math.max(10, cb + 6);
  const mt = Math.ceil(Math.max(titleH, 6) + top + 4);
  const mb = Math.ceil(bottom + legendH + 6);
  let pw = W - ml - mr;
  if (content?.kind === 'single' && content.cells) {
    // A matrix of few cells (a dueling matrix of 2–3 strategies) would fill the page with huge squares:
    // cells at most MAX_CELL_EM font sizes wide, the plot centred in the preset's width.
    const cap = content.cells.columns * MAX_CELL_EM * f;
    if (pw > cap) {
      ml += (pw - cap) / 2;
      mr += (pw - cap) / 2;
      pw = cap;
    }
  }
  const H = fixedHeight ?? Math.round(mt + mb + Math.max(60, pw * aspect));
  layout.margin = { l: ml, r: mr, t: mt, b: mb, pad: 0 };
  layout.height = H;
  for (const a of annotations) if (a.xref === 'paper' && typeof a.text === 'string') a.text = wrapText(a.text, f, 0.9 * pw);
  if (content?.kind === 'single' && content.cells) fitCells(layout, content.cells, pw, f);
  placeTitle();
}

/** The widest a matrix cell gets, in font sizes (8 strategies at full width stay under it). */
const MAX_CELL_EM = 7;

/**
 * Text of a matrix drawn cell by cell (Fig. 4): the cell labels (annotations on the x/y axes) shrink to
 * fit their cells, and the column labels stand upright when rotated ones would collide.
 */
function fitCells(layout: Obj, cells: { columns: number; rows: number }, plotW: number, f: number): void {
  const cellW = plotW / cells.columns;
  const size = Math.min(f, (0.9 * cellW) / (textWidth('100.0', 1) + 0.2));
  for (const a of (layout.annotations as Obj[] | undefined) ?? []) if (a.xref === 'x' && a.yref === 'y') a.font = { ...(a.font ?? {}), size };
  const x = layout.xaxis as Obj | undefined;
  if (x && Array.isArray(x.ticktext) && cellW < 2.2 * f) x.tickangle = -90;
}

function guessAspect(layout: Obj): number {
  const w = (layout.width as number | undefined) ?? 700;
  const h = (layout.height as number | undefined) ?? 450;
  const m = (layout.margin as Obj | undefined) ?? {};
  return Math.max(0.3, Math.min(2, (h - (m.t ?? 80) - (m.b ?? 80)) / Math.max(1, w - (m.l ?? 80) - (m.r ?? 80))));
}

function fitPanels(fig: PlotlyFigure, f: number, room: { titleH: number; legendH: number; cb: number; fixedHeight: number | undefined }): void {
  const layout = fig.layout as Obj;
  const content = fig.content as Extract<NonNullable<PlotlyFigure['content']>, { kind: 'panels' }>;
  const W = layout.width as number;
  const slots = content.panels;
  const n = slots.length;
  const annotations = (layout.annotations as Obj[] | undefined) ?? [];
  const ternary = slots.some((s) => s.ternaryKey !== undefined);
  // A ternary panel's corner titles sit centred on its bottom corners: half of each reaches beyond the panel.
  let corner = 0;
  for (const s of slots) {
    const t = s.ternaryKey ? (layout[s.ternaryKey] as Obj | undefined) : undefined;
    for (const ax of ['baxis', 'caxis']) if (t?.[ax]?.title?.text) corner = Math.max(corner, textWidth(String(t[ax].title.text), f));
  }
  const yOf = (s: PanelSlot) => yRoom(axisOf(layout, s.yKey), f).size;
  const overlayOf = (s: PanelSlot) => Math.max(0, ...(s.overlayKeys ?? []).map((k) => yRoom(axisOf(layout, k), f).size));
  const xOf = (s: PanelSlot) => (ternary && s.ternaryKey ? 1.5 * f + 6 : xRoom(axisOf(layout, s.xKey), f).size);
  // Logical rows (slots with `row`) each start a new line of panels; without them, one sequence.
  const logical: number[][] = [];
  slots.forEach((s, i) => {
    const r = s.row ?? 0;
    (logical[r] ??= []).push(i);
  });
  const lines = logical.filter((l) => l !== undefined);
  // Panels take the width of a full row of `content.columns` (so one setting in a 3-column grid is a third
  // of the page, not all of it); a row with fewer panels is centred.
  const longest = Math.max(...lines.map((l) => l.length));
  let slotsPerRow = Math.max(1, content.columns);
  let cols = Math.max(1, Math.min(slotsPerRow, longest));
  let ml = 0;
  let mr = 0;
  let hgap = 0;
  let pw = 0;
  let pos: Array<[number, number]> = [];
  for (; ; slotsPerRow--, cols = Math.max(1, Math.min(slotsPerRow, longest))) {
    pos = new Array(n);
    let r0 = 0;
    for (const l of lines) {
      l.forEach((i, k) => (pos[i] = [r0 + Math.floor(k / cols), k % cols]));
      r0 += Math.ceil(l.length / cols);
    }
    const first = slots.filter((_, i) => pos[i]![1] === 0);
    const inner = slots.filter((_, i) => pos[i]![1] !== 0);
    ml = Math.max(8, ...first.map(yOf)) + 4 + (ternary ? corner / 2 + 4 : 0);
    const overlay = Math.max(0, ...slots.map(overlayOf));
    mr = Math.max(10, overlay + 6, room.cb + 6) + (ternary ? corner / 2 + 4 : 0);
    hgap = Math.max(0.8 * f, ...inner.map(yOf)) + overlay + 10 + (ternary ? corner + 8 : 0);
    pw = (W - ml - mr - (slotsPerRow - 1) * hgap) / slotsPerRow;
    if (pw >= MIN_PANEL_PX || slotsPerRow === 1) break;
  }
  const rows = Math.max(...pos.map((p) => p[0])) + 1;
  const rowOf = (i: number) => pos[i]![0];
  // Panel titles wrapped to the panel width; each row reserves the height of its tallest title.
  const titleLines = new Array<number>(rows).fill(0);
  slots.forEach((s, i) => {
    if (s.title === undefined || !annotations[s.title]) return;
    const a = annotations[s.title]!;
    a.text = wrapText(String(a.text), f, pw + 0.6 * hgap);
    titleLines[rowOf(i)] = Math.max(titleLines[rowOf(i)]!, lineCount(a.text));
  });
  const titleRoom = (r: number) => (titleLines[r]! > 0 ? titleLines[r]! * 1.3 * f + 4 : 0) + (ternary ? 1.5 * f + 4 : 0);
  const below = (r: number) => Math.max(0, ...slots.filter((_, i) => rowOf(i) === r).map(xOf));
  const mt = Math.ceil(Math.max(room.titleH, 4) + titleRoom(0) + 2);
  const mb = Math.ceil(below(rows - 1) + room.legendH + 6);
  const gaps = Array.from({ length: rows - 1 }, (_, r) => below(r) + titleRoom(r + 1) + 0.6 * f);
  const gapSum = gaps.reduce((a, b) => a + b, 0);
  let ph = Math.max(70, pw * content.aspect);
  let H = Math.round(mt + mb + rows * ph + gapSum);
  if (room.fixedHeight !== undefined) {
    H = room.fixedHeight;
    ph = Math.max(20, (H - mt - mb - gapSum) / rows);
  }
  const PW = W - ml - mr;
  const PH = H - mt - mb;
  layout.margin = { l: Math.round(ml), r: Math.round(mr), t: mt, b: mb, pad: 0 };
  layout.height = H;
  const yTops: number[] = [];
  let acc = 0;
  for (let r = 0; r < rows; r++) {
    yTops.push(1 - acc / PH);
    acc += ph + (gaps[r] ?? 0);
  }
  slots.forEach((s, i) => {
    const [r, c] = pos[i]!;
    const inRow = slots.filter((_, j) => pos[j]![0] === r).length;
    const x0 = ((c + (slotsPerRow - inRow) / 2) * (pw + hgap)) / PW;
    const x1 = Math.min(1, x0 + pw / PW);
    const y1 = yTops[r]!;
    const y0 = Math.max(0, y1 - ph / PH);
    if (s.ternaryKey) {
      const t = (layout[s.ternaryKey] ??= {}) as Obj;
      t.domain = { x: [x0, x1], y: [y0, y1] };
    }
    const xa = axisOf(layout, s.xKey);
    const ya = axisOf(layout, s.yKey);
    if (xa) xa.domain = [x0, x1];
    if (ya) ya.domain = [y0, y1];
    // Numeric x tick labels stay horizontal, as the row gaps assume (xRoom): plotly rotates them on its own
    // when they crowd a narrow panel, into the x title and the next row. Fewer ticks instead, each label
    // given the width of the panel's longest x value.
    if (xa && s.xKey !== undefined && !Array.isArray(xa.ticktext) && xa.type !== 'log' && xa.tickangle === undefined && !ternary) {
      xa.tickangle = 0;
      const digits = longestXLabel(fig, s.xKey);
      xa.nticks = Math.max(3, Math.floor(pw / (textWidth('0'.repeat(digits), f) + 0.6 * f)) + 1);
    }
    if (s.title !== undefined && annotations[s.title]) {
      Object.assign(annotations[s.title]!, { x: (x0 + x1) / 2, y: y1, xref: 'paper', yref: 'paper', xanchor: 'center', yanchor: 'bottom', yshift: ternary ? 1.5 * f + 4 : 2 });
    }
    if (s.note !== undefined && annotations[s.note]) {
      const a = annotations[s.note]!;
      // the note (a placeholder's message) shrinks until it fits its panel (lines and the longest word), down to 60 % of the font
      const raw = String(a.text).replace(/<br>/g, ' ');
      let size = f;
      a.text = wrapText(raw, size, 0.92 * pw);
      const tooBig = (t: string) => lineCount(t) * 1.3 * size > 0.92 * ph || Math.max(...t.split('<br>').map((l) => textWidth(l, size))) > 0.96 * pw;
      while (tooBig(a.text) && size > 0.6 * f) {
        size = Math.max(0.6 * f, size - 0.5);
        a.text = wrapText(raw, size, 0.92 * pw);
      }
      a.font = { ...(a.font ?? {}), size };
      Object.assign(a, { x: (x0 + x1) / 2, y: (y0 + y1) / 2, xref: 'paper', yref: 'paper', xanchor: 'center', yanchor: 'middle' });
    }
  });
}
