/**
 * A plotly figure as plain JSON: what every builder in this folder returns and what `export.ts` renders.
 * Builders convert typed arrays to plain arrays so a figure serialises with JSON.stringify unchanged
 * (golden specs, HTML export, the browser bridge). plotly.js-dist ships no types; traces stay loose records.
 */
export interface PlotlyFigure {
  readonly data: PlotlyTrace[];
  readonly layout: Record<string, unknown>;
  /**
   * What the figure holds, so that a publication preset can size it from its content (`applyPreset`:
   * panels per row, rows, legend entries, table rows). Plotly ignores it; a figure without it keeps its
   * proportions.
   */
  readonly content?: FigureContent;
}

/** How a figure is laid out: a grid of panels, one plot of a given aspect, or a table. */
export type FigureContent = PanelsContent | SingleContent | TableContent;

/** One panel of a grid: its axes (or ternary subplot) and the annotations that belong to it. */
export interface PanelSlot {
  /** Layout keys of the panel's axes ('xaxis2', 'yaxis2'); absent for a ternary panel. */
  readonly xKey?: string;
  readonly yKey?: string;
  /** Right-hand axes drawn over this panel (Fig. 5's time axis): they need room to the panel's right. */
  readonly overlayKeys?: readonly string[];
  /** Layout key of a ternary subplot ('ternary2'), for simplex panels. */
  readonly ternaryKey?: string;
  /** Index in layout.annotations of the panel's title (placed above the panel). */
  readonly title?: number;
  /** Index in layout.annotations of a note centred in the panel (placeholder panels). */
  readonly note?: number;
  /** Logical row (Fig. 18: N, Q, D): a row starts a new line of panels; a narrow preset may wrap it. */
  readonly row?: number;
}

export interface PanelsContent {
  readonly kind: 'panels';
  readonly panels: readonly PanelSlot[];
  /** Panels per row the builder asks for; a narrow preset may use fewer. */
  readonly columns: number;
  /** Panel height / panel width. */
  readonly aspect: number;
}

export interface SingleContent {
  readonly kind: 'single';
  /** Plot height / plot width (without margins). */
  readonly aspect: number;
  /** A matrix drawn cell by cell (Fig. 4): its cell labels shrink to fit the cells at narrow widths. */
  readonly cells?: { readonly columns: number; readonly rows: number };
}

/** A table is drawn for the preset's font and width (tables.ts `drawTable`). */
export interface TableContent {
  readonly kind: 'table';
  readonly table: import('./tables.ts').TableData;
}

/** One plotly trace. `meta.strategy` marks traces that presets recolour by strategy (see presets.ts). */
export type PlotlyTrace = Record<string, unknown> & { readonly type: string };

/** Marks a trace as drawn in a strategy's colour, so `applyPreset` can switch palettes. */
export interface StrategyMeta {
  readonly strategy: string;
  /**
   * Which colour fields to set: line + marker colour for lines, marker colour for markers and bars, a
   * translucent fill for bands, and only the marker's outline (`marker.line.color`) for hollow circles.
   */
  readonly role: 'line' | 'band' | 'marker' | 'bar' | 'outline';
}
