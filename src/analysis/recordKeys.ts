import type { RoundRecord } from '../results/roundRecord.ts';

/**
 * One experimental setting in the paper's sense (Sec. 4.1): a dataset, a setting (query size and whether
 * weights are kept) and a model. The dueling matrix compares strategies within a setting and checkpoint.
 */
export function settingKey(r: Pick<RoundRecord, 'dataset' | 'setting' | 'model'>): string {
  return `${r.dataset}|${r.setting}|${r.model}`;
}

/** Groups items by a string key, keeping first-seen key order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    let g = out.get(k);
    if (g === undefined) out.set(k, (g = []));
    g.push(it);
  }
  return out;
}
