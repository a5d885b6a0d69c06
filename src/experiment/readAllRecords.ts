import { loadExperimentRecords } from '../results/loadRecords.ts';
import type { RoundRecord } from '../results/roundRecord.ts';
import { gridCells } from './grid.ts';
import { readManifest } from './manifest.ts';

/**
 * Every complete record of the experiment in `dir`, in grid order (datasets × strategies × seeds as
 * configured; what records.csv and the report list), validated by the one results reader.
 * @throws Error when `dir` holds no manifest; the reader's errors for a damaged or invalid record.
 */
export function readAllRecords(dir: string): RoundRecord[] {
  return loadExperimentRecords(dir, { runIds: gridCells(readManifest(dir).plan).map((c) => c.runId) });
}
