import type { TextBox } from './export.ts';

/** Pixels two boxes may share (anti-aliased glyph edges, rounding) before they count as overlapping. */
export const OVERLAP_TOLERANCE_PX = 1.5;

/**
 * What is wrong with a rendered figure's text (boxes from `FigureExporter.textBoxes`): any text reaching
 * outside the canvas (clipped in the export), and any two texts whose own boxes (rotated with the text)
 * overlap by more than OVERLAP_TOLERANCE_PX. Returns one readable line per problem, none when the figure is
 * clean. Cost: O(B²) for B boxes (a few hundred at most).
 */
export function layoutProblems(boxes: readonly TextBox[], width: number, height: number): string[] {
  const out: string[] = [];
  const t = OVERLAP_TOLERANCE_PX;
  const show = (b: TextBox) => `${b.kind} '${b.text.length > 40 ? `${b.text.slice(0, 37)}…` : b.text}' [${b.x0.toFixed(0)}, ${b.y0.toFixed(0)}, ${b.x1.toFixed(0)}, ${b.y1.toFixed(0)}]`;
  for (const b of boxes) {
    if (b.x0 < -t || b.y0 < -t || b.x1 > width + t || b.y1 > height + t) out.push(`outside the ${width}×${height} canvas: ${show(b)}`);
  }
  const quads = boxes.map(quadOf);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > t && h > t && overlapDepth(quads[i]!, quads[j]!) > t) out.push(`overlap: ${show(a)} and ${show(b)}`);
    }
  }
  return out;
}

type Quad = ReadonlyArray<readonly [number, number]>;

/** A text's own (possibly rotated) box: its corners when the exporter gave them, else its axis-aligned box. */
function quadOf(b: TextBox): Quad {
  if (b.corners !== undefined && b.corners.length === 4) return b.corners;
  return [[b.x0, b.y0], [b.x1, b.y0], [b.x1, b.y1], [b.x0, b.y1]];
}

/**
 * How deep two convex quadrilaterals overlap: the smallest overlap of their projections over the normals of
 * every edge (separating-axis theorem), ≤ 0 when some axis separates them. For two axis-aligned boxes this
 * is min(overlap width, overlap height), the plain box test.
 */
export function overlapDepth(p: Quad, q: Quad): number {
  let depth = Infinity;
  for (const poly of [p, q]) {
    for (let k = 0; k < poly.length; k++) {
      const [x0, y0] = poly[k]!;
      const [x1, y1] = poly[(k + 1) % poly.length]!;
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (len === 0) continue;
      const nx = -(y1 - y0) / len;
      const ny = (x1 - x0) / len;
      let pMin = Infinity, pMax = -Infinity, qMin = Infinity, qMax = -Infinity;
      for (const [x, y] of p) { const d = x * nx + y * ny; pMin = Math.min(pMin, d); pMax = Math.max(pMax, d); }
      for (const [x, y] of q) { const d = x * nx + y * ny; qMin = Math.min(qMin, d); qMax = Math.max(qMax, d); }
      depth = Math.min(depth, Math.min(pMax, qMax) - Math.max(pMin, qMin));
    }
  }
  return depth;
}
