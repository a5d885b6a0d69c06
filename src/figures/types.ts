/**
 * A plotly figure as plain JSON: what every builder in this folder returns and what `export.ts` renders.
 * Builders convert typed arrays to plain arrays so a figure serialises with JSON.stringify unchanged
 * (golden specs, HTML export, the browser bridge). plotly.js-dist ships no types; traces stay loose records.
 */
export interface PlotlyFigure {
  readonly data: PlotlyTrace[];
  readonly layout: Record<string, unknown>;
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
