/** One panel of a grid of plotly subplots. */
export interface Panel {
  /** Trace axis references: 'x', 'x2', … and 'y', 'y2', … */
  readonly xref: string;
  readonly yref: string;
  /** Layout keys: 'xaxis', 'xaxis2', … */
  readonly xKey: string;
  readonly yKey: string;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
}

/**
 * Domains and axis ids for n panels in a grid of `columns` columns, filled row by row from the top.
 * Plotly's own `layout.grid` cannot carry per-panel titles, so builders place panel titles as annotations
 * at the top of each domain (`panelTitle`). Cost: O(n).
 * @throws RangeError for n < 1 or columns < 1.
 */
export function panelGrid(n: number, columns: number, gap: { x?: number; y?: number } = {}): Panel[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`panelGrid: n must be an integer >= 1, got ${n}`);
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`panelGrid: columns must be an integer >= 1, got ${columns}`);
  const cols = Math.min(columns, n);
  const rows = Math.ceil(n / cols);
  const gx = cols > 1 ? (gap.x ?? 0.08) : 0;
  const gy = rows > 1 ? (gap.y ?? 0.14) : 0;
  const w = (1 - gx * (cols - 1)) / cols;
  const h = (1 - gy * (rows - 1)) / rows;
  const out: Panel[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const s = i === 0 ? '' : String(i + 1);
    const x0 = c * (w + gx);
    const y1 = 1 - r * (h + gy);
    out.push({ xref: `x${s}`, yref: `y${s}`, xKey: `xaxis${s}`, yKey: `yaxis${s}`, xDomain: [x0, x0 + w], yDomain: [y1 - h, y1] });
  }
  return out;
}

/** An annotation that titles a panel, centred above its domain. */
export function panelTitle(panel: Panel, text: string): Record<string, unknown> {
  return {
    text, xref: 'paper', yref: 'paper', x: (panel.xDomain[0] + panel.xDomain[1]) / 2, y: panel.yDomain[1],
    xanchor: 'center', yanchor: 'bottom', showarrow: false,
  };
}
