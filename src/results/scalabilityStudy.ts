/**
 * The scalability study's file (`npm run scalability` writes it, Fig. 18 / Table 2 and REPRODUCTION.md read
 * it): `<dir>/scalability.json` = the grid that was measured and one row per (strategy, N, Q, D) timing.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileError, writeJsonAtomic } from '../atomicFile.ts';

/**
 * One timing of the scalability study: the cumulated acquisition time of one run, i.e. the summed time of
 * all its queries of Q points (`measureScalability` in src/notebook/scalability.ts measures it;
 * src/figures/scalability.ts draws Fig. 18 and Table 2 from such rows).
 */
export interface ScalabilityRow {
  readonly strategy: string;
  /** Unlabeled pool size. */
  readonly N: number;
  /** Query size. */
  readonly Q: number;
  /** Embedding (penultimate layer) size. */
  readonly D: number;
  /** Cumulated acquisition time in seconds over the run's rounds (several rows with the same keys, e.g. seeds, are averaged). */
  readonly seconds: number;
  /** Number of acquisition rounds whose query times `seconds` sums (the paper: 10); absent when not known. */
  readonly rounds?: number;
  /** Seconds of each round's query, in order (their sum is `seconds`); absent in older timings. */
  readonly roundSeconds?: readonly number[];
  /** Labeled points before the first query (labels after round k = initialLabeled + (k + 1) · Q). */
  readonly initialLabeled?: number;
  /**
   * True when the run passed the study's time limit per cell (`ScalabilityGrid.cellLimitSeconds`) and was
   * stopped after that round: `seconds` is then a lower bound and `roundSeconds` lists the rounds done.
   */
  readonly timedOut?: boolean;
  /**
   * On a model pool (`ScalabilityGrid.pool` 'openml-156'): the seconds of the run's forward passes, summed
   * over its rounds (the model's probabilities, and the embeddings when the strategy needs them), timed
   * apart from the acquisition in `seconds`. Absent on synthetic pools, which have no model.
   */
  readonly forwardSeconds?: number;
}

/** What the pools of a study are: 'synthetic' (random probabilities and embeddings), or 'openml-156' (RandomRBF rows through an MLP with D hidden units, as the paper's Appendix D). */
export type ScalabilityPool = 'synthetic' | 'openml-156';
export const SCALABILITY_POOLS: readonly ScalabilityPool[] = ['synthetic', 'openml-156'];

/** What a study measures: N, Q and D each varied over its list while the other two sit at the baseline. */
export interface ScalabilityGrid {
  readonly N: readonly number[];
  readonly Q: readonly number[];
  readonly D: readonly number[];
  /** The values the other two parameters keep while one varies. */
  readonly baseline: { readonly N: number; readonly Q: number; readonly D: number };
  readonly strategies: readonly string[];
  /** The pools timed on (default 'synthetic'). */
  readonly pool?: ScalabilityPool;
  /** Number of classes C of a synthetic pool (default 5, as OpenML-156; an 'openml-156' pool has its own 5). */
  readonly numClasses?: number;
  /** Initially labeled points (default = baseline Q). */
  readonly numLabeled?: number;
  /**
   * Acquisition rounds per run whose query times are summed (default 10, the paper's number of rounds);
   * each setting needs rounds · Q <= N.
   */
  readonly rounds?: number;
  /**
   * Time limit per cell in seconds: a run stops after the round in which its cumulated acquisition time
   * passes it (the paper stopped CLUE after 10 days). Absent: no limit.
   */
  readonly cellLimitSeconds?: number;
}

/** What `npm run scalability` writes: `<dir>/scalability.json`. */
export interface ScalabilityStudy {
  readonly grid: ScalabilityGrid;
  readonly seed: number;
  readonly rows: readonly ScalabilityRow[];
  readonly createdAt: string;
  /**
   * The matrix product the strategies' distance searches ran on, e.g. 'tfjs wasm matMul (XNNPACK)' or
   * 'pure TypeScript (crossDot)'; absent in studies written before it was recorded.
   */
  readonly product?: string;
}

/** The file name of a stored scalability study inside its folder. */
export const SCALABILITY_FILE = 'scalability.json';

/** Writes a study to `<dir>/scalability.json` through a temporary file and rename (never half a file). */
export function writeScalabilityStudy(dir: string, study: ScalabilityStudy): string {
  const file = join(dir, SCALABILITY_FILE);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fileError('create the folder of', file, e);
  }
  writeJsonAtomic(file, study);
  return file;
}

/**
 * Reads `<dir>/scalability.json`, or undefined when the folder has none.
 * @throws Error naming the file when it is not a study (no rows array, a row without strategy/N/Q/D/seconds).
 */
export function readScalabilityStudy(dir: string): ScalabilityStudy | undefined {
  const file = join(dir, SCALABILITY_FILE);
  if (!existsSync(file)) return undefined;
  let v: Partial<ScalabilityStudy>;
  try {
    v = JSON.parse(readFileSync(file, 'utf8')) as Partial<ScalabilityStudy>;
  } catch (e) {
    throw new Error(`readScalabilityStudy: ${file} is not valid JSON (${(e as Error).message}); rewrite it with npm run scalability`);
  }
  if (!Array.isArray(v.rows)) throw new Error(`readScalabilityStudy: ${file} has no rows array; write it with npm run scalability`);
  v.rows.forEach((r, i) => {
    if (typeof r?.strategy !== 'string' || ![r.N, r.Q, r.D, r.seconds].every((x) => typeof x === 'number')) {
      throw new Error(`readScalabilityStudy: ${file} rows[${i}] must hold strategy, N, Q, D and seconds, got ${JSON.stringify(r)}`);
    }
  });
  return v as ScalabilityStudy;
}
