/**
 * The batch as CSV (one line per pick: pick, row, id, relevance, drawProbability) or JSON (the request
 * and the picks). Numbers at full precision (shortest round-trip form), so equal batches give equal bytes.
 */
import type { BatchSelection } from './selectBatch.ts';

export const BATCH_FORMATS = ['csv', 'json'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header; the id column only when the input has ids, relevance columns only for FALCUN. */
export function batchToCsv(b: BatchSelection): string {
  const withId = b.picks.some((p) => p.id !== null);
  const withRelevance = b.picks.some((p) => p.relevance !== null);
  const head = ['pick', 'row', ...(withId ? ['id'] : []), ...(withRelevance ? ['relevance', 'drawProbability'] : [])];
  const lines = [head.join(',')];
  for (const p of b.picks) {
    const f = [String(p.pick), String(p.row)];
    if (withId) f.push(csvField(p.id ?? ''));
    if (withRelevance) f.push(String(p.relevance), String(p.drawProbability));
    lines.push(f.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** JSON: strategy, options, seed, batch size, input sizes and the picks. */
export function batchToJson(b: BatchSelection): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}
