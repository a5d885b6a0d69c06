/** Shared helpers for the experiment tests: scratch directories and record comparison. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveExperiment, type ExperimentConfig } from '../../src/experiment/config.ts';
import { openExperimentDir } from '../../src/experiment/manifest.ts';
import type { RoundRecord } from '../../src/results/roundRecord.ts';

export function scratchDir(prefix = 'falcun-exp-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const SMALL_CONFIG: ExperimentConfig = {
  name: 'fake-small',
  datasets: [{ name: 'blobs', querySize: 7, initialSize: 5, budget: 30, trainSubset: 200, testSubset: 40 }],
  strategies: ['random', 'margin', 'needy'],
  seeds: [0, 1],
};

/** Creates an experiment directory for `config` inside `dir` and returns its path. */
export function makeExperiment(dir: string, config: unknown = SMALL_CONFIG, name = 'exp'): string {
  const out = join(dir, name);
  openExperimentDir(out, resolveExperiment(config, 'test'), 'test', { name: 'fake' });
  return out;
}

/** A record without its timings (which differ between runs), for bit-for-bit comparisons. */
export function withoutTimes(r: RoundRecord): Omit<RoundRecord, 'trainSeconds' | 'inferenceSeconds' | 'acquisitionSeconds'> {
  const { trainSeconds: _t, inferenceSeconds: _i, acquisitionSeconds: _a, ...rest } = r;
  return rest;
}
