import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RoundRecord } from './roundRecord.ts';
import { readRunRecords, runFile } from './resultStore.ts';
import { validateRoundRecord } from './validateRecords.ts';

export interface LoadRecordsOptions {
  /**
   * Read exactly these runs (`runs/<runId>.jsonl`), in this order; a run without a file yet has no records.
   * The runner passes its grid order (experiment/readAllRecords.ts). Default: every `runs/*.jsonl`, by name.
   */
  readonly runIds?: readonly string[];
}

/**
 * The one reader of an experiment directory's records: `dir/runs/*.jsonl` (one RoundRecord JSON per line,
 * the runner's append-only format, roundRecord.ts), records in file order. A trailing line without '\n'
 * (a run cut off mid-write) is ignored, as the runner does; the files are never modified. Each record is
 * checked with `validateRoundRecord`.
 * Cost: O(total file size).
 * @throws Error when `dir/runs` does not exist and no `runIds` are given (naming the path); the store's
 *   Error for a damaged line; TypeError/RangeError from validation naming the file and line.
 */
export function loadExperimentRecords(dir: string, options: LoadRecordsOptions = {}): RoundRecord[] {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`loadExperimentRecords: dir must be a non-empty path, got ${JSON.stringify(dir)}`);
  const out: RoundRecord[] = [];
  for (const file of runFiles(dir, options.runIds)) {
    readRunRecords(file).forEach((r, i) => out.push(validateRoundRecord(r, `${file}, line ${i + 1}`)));
  }
  return out;
}

function runFiles(dir: string, runIds: readonly string[] | undefined): string[] {
  if (runIds !== undefined) return runIds.map((id) => runFile(dir, id));
  const runs = join(dir, 'runs');
  if (!existsSync(runs) || !statSync(runs).isDirectory()) {
    throw new Error(`loadExperimentRecords: ${runs} is not a directory; pass an experiment directory written by the runner (it holds runs/*.jsonl)`);
  }
  return readdirSync(runs).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(runs, f));
}
