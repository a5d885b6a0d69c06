/**
 * Any results directory in one line, as a person writes its path: absolute, relative to the working
 * directory (a notebook's is notebooks/, so '../results/quick' works), or relative to the repository root
 * ('results/quick').
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { REPO_ROOT } from '../sourcePath.ts';
import { loadExperimentRecords } from './loadRecords.ts';
import type { RoundRecord } from './roundRecord.ts';

/**
 * The absolute directory for a path as written (see the file comment).
 * @throws TypeError for an empty path.
 */
export function resolveResultsDir(dir: string): string {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`loadResults: dir must be a non-empty path, got ${JSON.stringify(dir)}`);
  if (isAbsolute(dir)) return dir;
  const here = resolve(dir);
  return existsSync(here) ? here : resolve(REPO_ROOT, dir);
}

/**
 * Every record of a results directory (CLI, Slurm, someone else's copy), validated.
 * @throws Error naming the directory when it holds no runs/ folder; validation errors naming file and line.
 * @example const records = loadResults('results/quick');
 */
export function loadResults(dir: string): RoundRecord[] {
  return loadExperimentRecords(resolveResultsDir(dir));
}
