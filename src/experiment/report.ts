/**
 * The end-of-experiment report (`falcun-lab report <dir>`, also run after `falcun-lab run`): the CSV
 * export, the mean learning curves (test accuracy vs labels, mean ± sample std over seeds) as JSON, and the
 * final accuracies as a short text summary.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAllRecords, recordsToCsv } from './csvExport.ts';
import type { RoundRecord } from './records.ts';

export interface CurvePoint {
  readonly numLabeled: number;
  readonly mean: number;
  /** Sample standard deviation (Bessel's correction); 0 for one seed. */
  readonly std: number;
  readonly seeds: number;
}

export interface MeanCurve {
  readonly dataset: string;
  readonly strategy: string;
  readonly points: readonly CurvePoint[];
}

/** Mean test accuracy per (dataset, strategy, numLabeled) over seeds, in first-seen order. Cost O(records). */
export function meanLearningCurves(records: readonly RoundRecord[]): MeanCurve[] {
  const groups = new Map<string, { dataset: string; strategy: string; byLabels: Map<number, number[]> }>();
  for (const r of records) {
    const key = `${r.dataset}\u0000${r.strategy}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { dataset: r.dataset, strategy: r.strategy, byLabels: new Map() }));
    let a = g.byLabels.get(r.numLabeled);
    if (!a) g.byLabels.set(r.numLabeled, (a = []));
    a.push(r.testAccuracy);
  }
  return [...groups.values()].map((g) => ({
    dataset: g.dataset,
    strategy: g.strategy,
    points: [...g.byLabels.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([numLabeled, accs]) => {
        const mean = accs.reduce((s, v) => s + v, 0) / accs.length;
        const std = accs.length > 1 ? Math.sqrt(accs.reduce((s, v) => s + (v - mean) ** 2, 0) / (accs.length - 1)) : 0;
        return { numLabeled, mean, std, seeds: accs.length };
      }),
  }));
}

export interface ReportResult {
  /** Human-readable lines: files written and final accuracies. */
  readonly lines: string[];
  readonly files: string[];
}

/** Writes records.csv and learning-curves.json into `dir`; returns what it wrote and a summary. */
export async function writeReport(dir: string): Promise<ReportResult> {
  const records = readAllRecords(dir);
  const files: string[] = [];
  const csv = join(dir, 'records.csv');
  writeFileSync(csv, recordsToCsv(records));
  files.push(csv);
  const curves = meanLearningCurves(records);
  const curvesFile = join(dir, 'learning-curves.json');
  writeFileSync(curvesFile, `${JSON.stringify(curves, null, 2)}\n`);
  files.push(curvesFile);
  const lines = files.map((f) => `wrote ${f}`);
  lines.push('final mean test accuracy (labels: mean ± std over seeds):');
  for (const c of curves) {
    const last = c.points.at(-1);
    if (last) lines.push(`  ${c.dataset.padEnd(16)} ${c.strategy.padEnd(16)} ${String(last.numLabeled).padStart(6)}: ${last.mean.toFixed(4)} ± ${last.std.toFixed(4)} (${last.seeds} seeds)`);
  }
  return { lines, files };
}
