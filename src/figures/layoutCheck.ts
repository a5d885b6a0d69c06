import type { TextBox } from './export.ts';

/** Pixels two boxes may share (anti-aliased glyph edges, rounding) before they count as overlapping. */
export const OVERLAP_TOLERANCE_PX = 1.5;

/**
 * What is wrong with a rendered figure's text (boxes from `FigureExporter.textBoxes`): any text reaching
 * outside the canvas (clipped in the export), and any two texts overlapping by more than
 * OVERLAP_TOLERANCE_PX in both directions. Returns one readable line per problem, none when the figure is
 * clean. Cost: O(B²) for B boxes (a few hundred at most).
 */
export function layoutProblems(boxes: readonly TextBox[], width: number, height: number): string[] {
  const out: string[] = [];
  const t = OVERLAP_TOLERANCE_PX;
  const show = (b: TextBox) => `${b.kind} '${b.text.length > 40 ? `${b.text.slice(0, 37)}…` : b.text}' [${b.x0.toFixed(0)}, ${b.y0.toFixed(0)}, ${b.x1.toFixed(0)}, ${b.y1.toFixed(0)}]`;
  for (const b of boxes) {
    if (b.x0 < -t || b.y0 < -t || b.x1 > width + t || b.y1 > height + t) out.push(`outside the ${width}×${height} canvas: ${show(b)}`);
  }
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > t && h > t) out.push(`overlap: ${show(a)} and ${show(b)}`);
    }
  }
  return out;
}
