/**
 * Text widths for laying out figures before a browser draws them: Arial / Liberation Sans advance widths
 * (the two share metrics by design) in 1/1000 em for printable ASCII; other characters count as 0.6 em.
 * Plotly's markup (<b>, <i>, <sup>, <br>) is stripped; a `<br>` starts a new line and the widest line counts.
 * The estimate errs wide (bold adds 8 %): it sizes margins and table columns, and the export test checks
 * the real rendering in Chromium.
 */

// Advance widths of ' ' (32) … '~' (126), Arial regular, 1/1000 em.
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
];

/** The lines of a plotly text without its markup. */
export function plainLines(text: string): string[] {
  return String(text)
    .split(/<br\s*\/?>/i)
    .map((l) => l.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/** Estimated width in px of the widest line of `text` at a font size in px. Cost: O(length). */
export function textWidth(text: string, fontPx: number): number {
  const bold = /<b>/i.test(String(text));
  let max = 0;
  for (const line of plainLines(text)) {
    let w = 0;
    for (const ch of line) {
      const c = ch.codePointAt(0)!;
      w += c >= 32 && c <= 126 ? WIDTHS[c - 32]! : 600;
    }
    if (w > max) max = w;
  }
  return (max / 1000) * fontPx * (bold ? 1.08 : 1);
}

/** Number of lines of a plotly text (`<br>` separated). */
export function lineCount(text: string): number {
  return plainLines(text).length;
}

/**
 * Breaks a text at spaces into lines no wider than `maxPx`, joined with `<br>` (a text that already has
 * `<br>` is left alone); a single word wider than that stays on its own line. Cost: O(length²) at worst.
 */
export function wrapText(text: string, fontPx: number, maxPx: number): string {
  if (textWidth(text, fontPx) <= maxPx || /<br/i.test(text)) return text;
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(' ')) {
    const next = cur === '' ? word : `${cur} ${word}`;
    if (cur !== '' && textWidth(next, fontPx) > maxPx) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  lines.push(cur);
  return lines.join('<br>');
}
