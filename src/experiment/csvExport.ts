/**
 * CSV export of an experiment's records for pandas / R users (README "Results format"): one row per
 * RoundRecord of every run, in grid order. Columns:
 *   dataset, strategy, seed, setting, model, querySize, round, numLabeled, testAccuracy,
 *   trainSeconds, inferenceSeconds, acquisitionSeconds, numChosen, chosen, chosenClasses,
 *   epochsTrained, trainAccuracy, trainingStep (empty for records written before these fields existed),
 *   class_0_accuracy … class_{C-1}_accuracy
 * `chosen` and `chosenClasses` are space-separated integers in one field; a class absent from the test
 * split has an empty accuracy. Numbers are written with full precision (JavaScript's shortest round-trip).
 */
import type { RoundRecord } from '../results/roundRecord.ts';
import { writeFileAtomic } from '../atomicFile.ts';
import { readAllRecords } from './readAllRecords.ts';

const FIXED = [
  'dataset', 'strategy', 'seed', 'setting', 'model', 'querySize', 'round', 'numLabeled', 'testAccuracy',
  'trainSeconds', 'inferenceSeconds', 'acquisitionSeconds', 'numChosen', 'chosen', 'chosenClasses',
  'epochsTrained', 'trainAccuracy', 'trainingStep',
] as const;

/** Quotes a field when it holds a comma, quote or newline (RFC 4180). */
function field(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The CSV text for a list of records (header included). Cost O(total size). */
export function recordsToCsv(records: readonly RoundRecord[]): string {
  const numClasses = records.reduce((m, r) => Math.max(m, r.perClassAccuracy.length), 0);
  const header = [...FIXED, ...Array.from({ length: numClasses }, (_, c) => `class_${c}_accuracy`)];
  const rows = [header.join(',')];
  for (const r of records) {
    const cells = [
      r.dataset, r.strategy, String(r.seed), r.setting, r.model, String(r.querySize), String(r.round), String(r.numLabeled),
      String(r.testAccuracy), String(r.trainSeconds), String(r.inferenceSeconds), String(r.acquisitionSeconds),
      String(r.chosen.length), r.chosen.join(' '), r.chosenClasses.join(' '),
      r.epochsTrained === undefined ? '' : String(r.epochsTrained), r.trainAccuracy === undefined ? '' : String(r.trainAccuracy),
      r.trainingStep ?? '',
    ];
    for (let c = 0; c < numClasses; c++) {
      const a = r.perClassAccuracy[c];
      cells.push(a === null || a === undefined ? '' : String(a));
    }
    rows.push(cells.map(field).join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** Writes the experiment's CSV to `file`; returns the number of rows. */
export function exportCsv(dir: string, file: string): number {
  const records = readAllRecords(dir);
  writeFileAtomic(file, recordsToCsv(records));
  return records.length;
}
