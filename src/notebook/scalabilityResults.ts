/**
 * The timings the Fig. 18 / scalability notebook draws, from its parameter cell's `results`:
 *
 *   'committed'  the committed study results/repro-scalability/scalability.json (what figures/repro's
 *                Fig. 18 and Table 2 show): read in milliseconds. Where the checkout lacks it, the notebook
 *                says so and measures the grid of `scale` instead.
 *   'run'        measures the grid of `scale` now (smoke: seconds, quick: minutes, paper: long).
 *   a directory  any folder holding a scalability.json (`npm run scalability -- --out DIR`), relative to
 *                the working directory or the repository root, or absolute.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveResultsDir } from '../results/loadResults.ts';
import { SCALABILITY_STUDY_DIR } from '../results/reproductionDirs.ts';
import { REPO_ROOT } from '../sourcePath.ts';
import type { CommonParameters } from './parameters.ts';
import { readScalabilityStudy, SCALABILITY_FILE, type ScalabilityGrid, type ScalabilityRow } from '../results/scalabilityStudy.ts';
import { currentBackendInfo, initBackend } from '../backend/initBackend.ts';
import { fastCrossProduct } from '../training/tfCrossProduct.ts';
import { measureScalability, SCALABILITY_GRIDS } from './scalability.ts';

export interface ScalabilityResults {
  readonly rows: ScalabilityRow[];
  /** The values the other two parameters keep while one varies. */
  readonly baseline: ScalabilityGrid['baseline'];
  readonly source: 'committed' | 'run' | 'directory';
  /** One line for the notebook: where the timings come from, how many. */
  readonly summary: string;
}

/**
 * The scalability timings for a notebook (see the file comment), restricted to `strategies` (empty: all).
 * @throws Error naming the directory when it holds no scalability.json; RangeError naming a strategy that
 *   the timings do not hold.
 */
export async function scalabilityResults(
  p: Pick<CommonParameters, 'results' | 'scale'>,
  strategies: readonly string[] = [],
  log: (line: string) => void = (line) => console.log(line),
): Promise<ScalabilityResults> {
  const t0 = performance.now();
  const secs = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  const pick = (rows: readonly ScalabilityRow[]): ScalabilityRow[] => {
    if (strategies.length === 0) return [...rows];
    const have = new Set(rows.map((r) => r.strategy));
    for (const s of strategies) {
      if (!have.has(s)) throw new RangeError(`scalabilityResults: strategy '${s}' is not in these timings; they hold ${[...have].sort().join(', ')}`);
    }
    return rows.filter((r) => strategies.includes(r.strategy));
  };
  if (p.results !== 'committed' && p.results !== 'run') {
    const dir = resolveResultsDir(p.results);
    const study = readScalabilityStudy(dir);
    if (study === undefined) throw new Error(`scalabilityResults: ${join(dir, SCALABILITY_FILE)} does not exist; write one with npm run scalability -- --out ${p.results}`);
    const rows = pick(study.rows);
    return { rows, baseline: study.grid.baseline, source: 'directory', summary: `${rows.length} timings from ${dir} (${secs()})` };
  }
  if (p.results === 'committed') {
    const dir = resolve(REPO_ROOT, SCALABILITY_STUDY_DIR);
    const study = existsSync(join(dir, SCALABILITY_FILE)) ? readScalabilityStudy(dir) : undefined;
    if (study !== undefined) {
      const rows = pick(study.rows);
      return { rows, baseline: study.grid.baseline, source: 'committed', summary: `committed scalability study: ${rows.length} timings from ${SCALABILITY_STUDY_DIR} (${secs()})` };
    }
    log(`NOTE: the committed scalability study (${SCALABILITY_STUDY_DIR}/${SCALABILITY_FILE}) is not in this checkout, so this notebook now MEASURES the grid of scale '${p.scale}' instead (set results in the parameter cell: 'run', or a folder with a scalability.json).`);
  }
  const grid = { ...SCALABILITY_GRIDS[p.scale], ...(strategies.length > 0 ? { strategies } : {}) };
  // The backend's matrix product, as in a real run and in the committed study (the wasm backend's).
  if (currentBackendInfo() === undefined) await initBackend({ log });
  const crossProduct = fastCrossProduct();
  const rows = await measureScalability(grid, 0, undefined, crossProduct ? { crossProduct } : {});
  return { rows, baseline: grid.baseline, source: 'run', summary: `measured now at scale ${p.scale}: ${rows.length} timings (${secs()})` };
}
