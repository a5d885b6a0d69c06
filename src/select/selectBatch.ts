/**
 * `falcun-lab select` without the command line: a probability matrix (and optional embeddings, labelled and
 * excluded rows) in, the next batch out, with FALCUN's relevance at pick time.
 *
 *   probabilities ──(--logits: softmax)──► row checks ──► candidates = rows − labelled − excluded
 *        │                                                         │ gather (copy only when rows are left out)
 *   embeddings (strategies that need them) ──────────────────────► PoolView ──► strategy.select(Q, Random(seed))
 *                                                                                     │ candidate → row, id
 *                                                                                     ▼
 *                                                                         picks: order, row, id, relevance
 *
 * Deterministic: the same inputs, options and seed give the same batch (the strategy draws from
 * `new Random(seed)` only).
 */
import { createStrategy, listStrategies } from '../acquisition/registry.ts';
import type { FalcunTrace } from '../acquisition/falcun.ts';
import type { PoolView } from '../acquisition/types.ts';
import { argmaxRows } from '../acquisition/kernels/argmaxRows.ts';
import { DataFileError } from '../data/dataFileError.ts';
import { Random } from '../random.ts';
import { checkFiniteRows, checkProbabilityRows } from './checkMatrix.ts';
import { describeRow, type MatrixFile } from './matrixFile.ts';
import { softmaxRows } from './softmaxRows.ts';

export interface SelectInputs {
  /** N × C probabilities (or logits with `logits: true`). Converted in place by `logits`. */
  readonly probabilities: MatrixFile;
  readonly logits?: boolean;
  /** N × D embeddings, same rows in the same order (BADGE, CLUE, KCenterGreedy). */
  readonly embeddings?: MatrixFile;
  /** Rows already labelled: never picked; KCenterGreedy starts from their embeddings. */
  readonly labeled?: Int32Array;
  /** Rows never to pick (and not labelled). */
  readonly excluded?: Int32Array;
  /** Registry name (default 'falcun'), options as the registry validates them. */
  readonly strategy?: string;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly batchSize: number;
  readonly seed?: number;
}

export interface Pick {
  /** 1-based pick order. */
  readonly pick: number;
  /** 0-based row of the input file. */
  readonly row: number;
  /** The row's id when the file has ids. */
  readonly id: string | null;
  /** FALCUN: relevance r = u + d of the point just before it was picked (Eq. (5)); null for other strategies. */
  readonly relevance: number | null;
  /** FALCUN: probability with which the point was drawn (Eq. (6)); null for other strategies. */
  readonly drawProbability: number | null;
}

export interface BatchSelection {
  readonly strategy: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly batchSize: number;
  readonly rows: number;
  readonly classes: number;
  readonly candidates: number;
  readonly picks: readonly Pick[];
}

/** An error in what the user asked for (not in a file): batch too large, a strategy missing its inputs. */
export class SelectUsageError extends Error {
  override name = 'SelectUsageError';
}

/**
 * Selects the next batch. Cost: the strategy's (FALCUN: about Q passes over the candidates' N × C values)
 * plus one checking pass and, when rows are left out, one gathering copy.
 * @throws DataFileError naming the file and row for bad values or mismatched embeddings; SelectUsageError
 *   for a batch larger than the rows left or a strategy whose inputs were not given; the registry's
 *   TypeError/RangeError for an unknown strategy or option.
 */
export function selectBatch(inputs: SelectInputs): BatchSelection {
  const m = inputs.probabilities;
  const name = inputs.strategy ?? 'falcun';
  const seed = inputs.seed ?? 0;
  const strategy = createStrategy(name, inputs.options ?? {});
  if (inputs.logits === true) {
    const bad = softmaxRows(m.values, m.rows, m.cols);
    if (bad >= 0) throw new DataFileError(m.file, `${describeRow(m, bad)}: a logit is not finite (NaN or ±Infinity)`);
  }
  checkProbabilityRows(m);
  const e = inputs.embeddings;
  if (strategy.needs.head === true) {
    throw new SelectUsageError(`strategy '${strategy.name}' needs the classifier head and the labels of the labelled rows, which select does not read; use falcun, random, entropy, margin, least-confidence, cdal, or with --embeddings badge, clue, kcenter`);
  }
  if ((strategy.needs.embeddings === true || strategy.needs.labeledEmbeddings === true) && e === undefined) {
    throw new SelectUsageError(`strategy '${strategy.name}' needs embeddings: pass --embeddings <file> (N × D, the same rows as the probabilities)`);
  }
  if (e !== undefined) checkEmbeddings(m, e);

  const n = m.rows;
  const c = m.cols;
  const out = new Uint8Array(n);
  for (const r of inputs.labeled ?? []) out[r] = 1;
  for (const r of inputs.excluded ?? []) out[r] = 1;
  let numOut = 0;
  for (let i = 0; i < n; i++) numOut += out[i]!;
  const candidates = n - numOut;
  const q = inputs.batchSize;
  if (!Number.isInteger(q) || q < 1) throw new SelectUsageError(`batch size must be a positive integer, got ${q}`);
  if (q > candidates) {
    throw new SelectUsageError(`batch size ${q} exceeds the ${candidates} rows left to pick from (${n} rows in ${m.file}, ${numOut} labelled or excluded)`);
  }
  // Candidate k ↔ row rowOf[k]; the matrices are used as they are when nothing is left out.
  const rowOf = new Int32Array(candidates);
  for (let i = 0, k = 0; i < n; i++) if (out[i] === 0) rowOf[k++] = i;
  const probs = numOut === 0 ? m.values : gatherRows(m.values, c, rowOf);
  const pool: { -readonly [K in keyof PoolView]: PoolView[K] } = { probs, numUnlabeled: candidates, numClasses: c };
  if (e !== undefined && (strategy.needs.embeddings === true || strategy.needs.labeledEmbeddings === true)) {
    pool.embeddings = numOut === 0 ? e.values : gatherRows(e.values, e.cols, rowOf);
    pool.embeddingDim = e.cols;
    if (strategy.needs.labeledEmbeddings === true) {
      const labeled = inputs.labeled ?? new Int32Array(0);
      pool.labeledEmbeddings = gatherRows(e.values, e.cols, labeled);
      pool.numLabeled = labeled.length;
      // KCenterGreedy ignores labels; the contract still asks for them, so the predicted classes stand in.
      pool.labeledY = argmaxRows(gatherRows(m.values, c, labeled), labeled.length, c);
    }
  }
  const selection = strategy.select(pool, q, { random: new Random(seed), trace: strategy.name === 'falcun' });
  const trace = strategy.name === 'falcun' ? (selection.trace as FalcunTrace) : undefined;
  const picks: Pick[] = [];
  for (let p = 0; p < q; p++) {
    const row = rowOf[selection.indices[p]!]!;
    picks.push({
      pick: p + 1,
      row,
      id: m.ids !== null ? m.ids[row]! : null,
      relevance: trace !== undefined ? trace.pickRelevance[p]! : null,
      drawProbability: trace !== undefined ? trace.pickProbability[p]! : null,
    });
  }
  const options = strategyOptions(strategy.name, inputs.options ?? {});
  return { strategy: strategy.name, options, seed, batchSize: q, rows: n, classes: c, candidates, picks };
}

/** The rows `rows` of a row-major matrix with `cols` columns, as a new Float32Array. */
function gatherRows(values: Float32Array, cols: number, rows: Int32Array): Float32Array {
  const outArr = new Float32Array(rows.length * cols);
  for (let k = 0; k < rows.length; k++) outArr.set(values.subarray(rows[k]! * cols, rows[k]! * cols + cols), k * cols);
  return outArr;
}

function checkEmbeddings(m: MatrixFile, e: MatrixFile): void {
  if (e.rows !== m.rows) {
    throw new DataFileError(e.file, `has ${e.rows} rows but ${m.file} has ${m.rows}; the embeddings need one row per probability row, in the same order`);
  }
  if (e.ids !== null && m.ids !== null) {
    for (let i = 0; i < m.rows; i++) {
      if (e.ids[i] !== m.ids[i]) throw new DataFileError(e.file, `${describeRow(e, i)}: id differs from ${m.file}'s ${JSON.stringify(m.ids[i])}; the rows must be in the same order`);
    }
  }
  checkFiniteRows(e);
}

/** The options in force: each of the strategy's registry options, given or default. */
function strategyOptions(name: string, given: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const info = listStrategies().find((s) => s.name === name);
  return Object.fromEntries((info?.options ?? []).map((o) => [o.name, given[o.name] ?? o.default]));
}
