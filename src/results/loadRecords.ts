import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RoundRecord } from './roundRecord.ts';
import { readRunRecords } from './resultStore.ts';
import { validateRoundRecord } from './validateRecords.ts';

/**
 * All RoundRecords of an experiment directory: every `dir/runs/*.jsonl` (one RoundRecord JSON per line,
 * the runner's append-only format, roundRecord.ts), files in name order, records in file order.
 * A trailing line without '\n' (a run cut off mid-write) is ignored, as the runner does; the files are
 * never modified. Each record is checked with `validateRoundRecord`.
 * Cost: O(total file size).
 * @throws Error when `dir/runs` does not exist (naming the path); the reader's Error for a damaged line;
 *   TypeError/RangeError from validation naming the file and line.
 */
export function loadExperimentRecords(dir: string): RoundRecord[] {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`loadExperimentRecords: dir must be a non-empty path, got ${JSON.stringify(dir)}`);
  const runs = join(dir, 'runs');
  if (!existsSync(runs) || !statSync(runs).isDirectory()) {
    throw new Error(`loadExperimentRecords: ${runs} is not a directory; pass an experiment directory written by the runner (it holds runs/*.jsonl)`);
  }
  const files = readdirSync(runs).filter((f) => f.endsWith('.jsonl')).sort();
  const out: RoundRecord[] = [];
  for (const f of files) {
    const file = join(runs, f);
    readRunRecords(file).forEach((r, i) => out.push(validateRoundRecord(r, `${file}, line ${i + 1}`)));
  }
  return out;
}
