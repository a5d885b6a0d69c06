/**
 * One cell of the grid, run by itself: read the directory's manifest, load the dataset, rebuild the run's
 * state from its records file, and continue to the budget. Idempotent: a finished cell returns at once,
 * an interrupted one resumes from its last completed round. This is what a worker process of the local
 * pool runs, and what a Slurm array task (`falcun-lab run-cell <dir> --index i`) will run.
 *
 * One writer per run file: the cell's lock (`runs/<runId>.lock`, writerLock.ts) is taken before the records
 * are read and held until the last append; each append first checks that the lock is still this process's
 * (and `beforeWrite`, e.g. that a worker's parent still lives).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Dataset } from '../data/dataset.ts';
import { cellBackend } from './backendRule.ts';
import { checkPoolSize, type ExperimentPlan } from './config.ts';
import type { RunnerDependencies } from './dependencies.ts';
import { gridCell, type GridCell } from './grid.ts';
import { runActiveLearning, type LoopEvent, type LoopResult } from './activeLearningLoop.ts';
import { readManifest } from './manifest.ts';
import { preparePool, type RunPool } from './pool.ts';
import { appendRecord, readRunRecords, runFile } from '../results/resultStore.ts';
import { acquireLock, cellLockFile, directoryLockFile, LockBusyError, readLockHolder } from './writerLock.ts';

export interface RunCellOptions {
  readonly onEvent?: (event: LoopEvent) => void;
  readonly shouldStop?: () => boolean;
  /**
   * A `--backend` flag: the backend this cell must run on. Only where it cannot mix results: the plan's
   * own backend, or any backend when the plan says 'auto' (backendRule.ts, `cellBackend`).
   */
  readonly backend?: string;
  /** Wait this long for another process's lock on the cell to go away (default 0: refuse at once). */
  readonly lockWaitMs?: number;
  /** Called right before each record is written; throwing stops the cell without writing. */
  readonly beforeWrite?: () => void;
  /**
   * The caller holds the directory's lock (`falcun-lab run`); otherwise a live holder of the directory
   * lock makes this cell refuse to run (one `run` per directory; `run-cell`s may share it).
   */
  readonly holdsDirectory?: boolean;
}

export interface RunCellResult extends LoopResult {
  readonly cell: GridCell;
  /** Rounds on disk before this call. */
  readonly resumedFrom: number;
}

/**
 * The dataset (and its pools) this process loaded last. One at a time: the grid is ordered dataset by
 * dataset, so a worker reuses it for consecutive cells, and never holds several large datasets at once
 * (SVHN's training split alone is ~900 MB as float32).
 */
let cachedKey: string | undefined;
let cachedDeps: RunnerDependencies | undefined;
let cachedDataset: Promise<Dataset> | undefined;
const poolCache = new Map<string, RunPool>();

function loadCached(deps: RunnerDependencies, name: string, options: Readonly<Record<string, unknown>>): Promise<Dataset> {
  const key = `${name}\u0000${JSON.stringify(options)}`;
  if (key !== cachedKey || deps !== cachedDeps || cachedDataset === undefined) {
    clearRunCellCache();
    const p = deps.loadDataset(name, options);
    cachedKey = key;
    cachedDeps = deps;
    cachedDataset = p;
    p.catch(() => {
      if (cachedDataset === p) clearRunCellCache();
    });
  }
  return cachedDataset;
}

/** Forgets the datasets and pools this process has cached. */
export function clearRunCellCache(): void {
  cachedKey = undefined;
  cachedDeps = undefined;
  cachedDataset = undefined;
  poolCache.clear();
}

/**
 * Runs cell `index` of the experiment in `dir` to completion (or until `shouldStop`).
 * @throws RangeError for an index outside the grid or a pool too small for the plan; Error when the
 *   directory is not an experiment or the run's records belong to another run.
 */
export async function runCell(dir: string, index: number, deps: RunnerDependencies, options: RunCellOptions = {}): Promise<RunCellResult> {
  const manifest = readManifest(dir);
  const backend = cellBackend(dir, manifest.plan.backend, options.backend);
  const cell = gridCell(manifest.plan, index);
  const file = runFile(dir, cell.runId);
  const onDisk = readRunRecords(file).length;
  if (onDisk >= cell.dataset.rounds) return { status: 'complete', roundsWritten: 0, cell, resumedFrom: onDisk };
  if (!options.holdsDirectory) {
    const run = readLockHolder(directoryLockFile(dir));
    if (run?.alive) throw new LockBusyError(directoryLockFile(dir), run.holder, `experiment directory ${dir}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const lock = await acquireLock(cellLockFile(dir, cell.runId), {
    what: `run ${cell.runId} (cell ${index}) of ${dir}`,
    command: `cell ${index}`,
    ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
  });
  try {
    return await runLockedCell(cell, file, backend, manifest.plan, deps, options, () => lock.verify());
  } finally {
    lock.release();
  }
}

async function runLockedCell(
  cell: GridCell,
  file: string,
  backend: ExperimentPlan['backend'],
  plan: ExperimentPlan,
  deps: RunnerDependencies,
  options: RunCellOptions,
  verifyLock: () => void,
): Promise<RunCellResult> {
  const existing = readRunRecords(file, { repair: true });
  if (existing.length >= cell.dataset.rounds) return { status: 'complete', roundsWritten: 0, cell, resumedFrom: existing.length };

  const d = cell.dataset;
  const dataset = await loadCached(deps, d.name, d.options);
  const poolKey = `${cachedKey}\u0000${d.label}\u0000${d.trainSubset}\u0000${d.testSubset}`;
  let pool = poolCache.get(poolKey);
  if (pool === undefined) {
    pool = preparePool(dataset, d.label, d.trainSubset, d.testSubset);
    poolCache.set(poolKey, pool);
  }
  checkPoolSize(d, pool.n, plan.datasets.indexOf(d));
  const strategy = deps.createStrategy(cell.strategy.name, cell.strategy.options);
  const modelName = deps.modelName({ model: d.model, dataset });
  const result = await runActiveLearning({
    dataset,
    plan: d,
    pool,
    strategy,
    strategyLabel: cell.strategy.label,
    seed: cell.seed,
    modelName,
    createSession: (seed, random) =>
      deps.createSession({ model: d.model, dataset, keepWeights: d.keepWeights, training: d.training, backend, seed, random }),
    existing,
    append: (record) => {
      options.beforeWrite?.();
      verifyLock();
      appendRecord(file, record);
    },
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });
  return { ...result, cell, resumedFrom: existing.length };
}
