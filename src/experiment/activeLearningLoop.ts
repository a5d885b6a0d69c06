/**
 * The active-learning loop of one run (paper, Algorithm 1, with a label budget):
 *
 *   initial set L (|L| = initialSize, uniform per seed)
 *   round r = 0, 1, …:  train θ_r on L (fresh, or the previous weights with keepWeights)
 *                       evaluate on the test split
 *                       if |L| < budget: probabilities (+ embeddings / head as the strategy needs) over U
 *                                        select q = min(Q, budget − |L|) points, reveal their labels
 *                       append the RoundRecord (atomically; see resultStore.ts)
 *
 * Randomness never carries over in memory between rounds: every round's generators are forked from the run
 * seed and the round (`new Random(seed).fork('model', dataset, round)`, `fork('select', …, round)`), and the
 * labeled set is rebuilt from the records, so a run resumed after a crash writes the same records as one
 * that never stopped. With keepWeights the model's state is rebuilt on resume by replaying the completed
 * rounds' fits (no inference or selection), which costs their training time once.
 * Timings: `trainSeconds` (fit), `inferenceSeconds` (forward pass over the pool, embeddings, head),
 * `acquisitionSeconds` (`Strategy.select` alone).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PoolView, Strategy } from '../acquisition/types.ts';
import type { Dataset } from '../data/dataset.ts';
import { Random } from '../random.ts';
import type { ClassifierSession, FitProgress } from '../training/session.ts';
import type { PlannedDataset } from './config.ts';
import { accuracyFromProbs } from './evaluate.ts';
import { gatherLabels, gatherRows, type RunPool } from './pool.ts';
import type { RoundRecord } from '../results/roundRecord.ts';
import { labelsAtRound } from './settings.ts';
import type { EpochProgress } from './progress.ts';

export type LoopEvent =
  | { readonly type: 'round-start'; readonly round: number; readonly rounds: number }
  | { readonly type: 'fit-start'; readonly round: number; readonly replay: boolean }
  /**
   * After every training epoch of a round's fit (`replay`: a completed round's fit redone to rebuild kept
   * weights on resume). Progress only: it never feeds into a record.
   */
  | ({ readonly type: 'epoch' } & EpochProgress)
  | { readonly type: 'round-done'; readonly round: number; readonly rounds: number; readonly record: RoundRecord };

export interface LoopInput {
  readonly dataset: Dataset;
  readonly plan: PlannedDataset;
  readonly pool: RunPool;
  readonly strategy: Strategy;
  readonly strategyLabel: string;
  readonly seed: number;
  readonly modelName: string;
  /** A new session; called once per round (or once per run with keepWeights). */
  readonly createSession: (seed: number, random: Random) => Promise<ClassifierSession>;
  /** Records already on disk (complete lines, rounds 0..k-1). */
  readonly existing: readonly RoundRecord[];
  /** Persists one record (the runner appends it atomically). */
  readonly append: (record: RoundRecord) => void | Promise<void>;
  readonly onEvent?: (event: LoopEvent) => void;
  /**
   * Checked before each round, after letting the event loop run (so a stop request that arrived during the
   * previous round is seen): true stops the loop cleanly (between rounds).
   */
  readonly shouldStop?: () => boolean;
}

export interface LoopResult {
  readonly status: 'complete' | 'stopped';
  readonly roundsWritten: number;
}

/** The initial labeled set as pool rows, in draw order (uniform, per seed and dataset). */
export function initialPoolRows(seed: number, datasetLabel: string, poolSize: number, initialSize: number): Int32Array {
  return new Random(seed).fork('initial', datasetLabel).sampleWithoutReplacement(poolSize, initialSize);
}

function sessionRandom(seed: number, datasetLabel: string, round: number): Random {
  return new Random(seed).fork('model', datasetLabel, round);
}

/** The generator a strategy gets in a round: depends on seed, dataset, strategy label and round only. */
export function selectRandom(seed: number, datasetLabel: string, strategyLabel: string, round: number): Random {
  return new Random(seed).fork('select', datasetLabel, strategyLabel, round);
}

function elapsed(t0: number): number {
  return (performance.now() - t0) / 1000;
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Runs (or resumes) one run to its budget: rebuild the labeled set from the records, replay the kept
 * weights' fits, then one round at a time (train and evaluate, query, record).
 * @throws Error when the existing records do not belong to this run (other seed, strategy or sizes), when a
 *   strategy returns an invalid selection, or whatever the session / strategy throws (nothing half-written).
 */
export async function runActiveLearning(input: LoopInput): Promise<LoopResult> {
  const { plan, existing } = input;
  const rounds = plan.rounds;
  const where = `runActiveLearning(${plan.label}, ${input.strategyLabel}, seed ${input.seed})`;
  const state = rebuildLabeledSet(input, where);
  if (existing.length >= rounds) return { status: 'complete', roundsWritten: 0 };
  const shared = plan.keepWeights ? await replayKeptWeights(input, state) : undefined;
  let written = 0;
  try {
    for (let round = existing.length; round < rounds; round++) {
      await yieldToEventLoop();
      if (input.shouldStop?.()) return { status: 'stopped', roundsWritten: written };
      input.onEvent?.({ type: 'round-start', round, rounds });
      let session = shared;
      if (session === undefined) {
        const rnd = sessionRandom(input.seed, plan.label, round);
        session = await input.createSession(rnd.nextUint32(), rnd);
      }
      try {
        const { record, chosenRows } = await playRound(input, state, session, round, where);
        await input.append(record);
        written++;
        state.labeled.push(...chosenRows);
        input.onEvent?.({ type: 'round-done', round, rounds, record });
      } finally {
        if (session !== shared) session.dispose();
      }
    }
  } finally {
    shared?.dispose();
  }
  return { status: 'complete', roundsWritten: written };
}

/** The labeled set of a run: pool rows in the order they were labeled, and a flag per pool row. */
interface LabeledSet {
  readonly labeled: number[];
  readonly isLabeled: Uint8Array;
  /** The initial set as training-split indices (what round 0's record holds). */
  readonly initialTrain: number[];
}

/**
 * The labeled set after the records on disk: the initial draw, then every record's chosen rows, each
 * record checked against this run (dataset, strategy, seed, label count, initial set).
 * @throws Error naming the round when a record does not belong to this run or chose a row twice.
 */
function rebuildLabeledSet(input: LoopInput, where: string): LabeledSet {
  const { plan, pool, seed, existing } = input;
  const rowOfTrain = new Map<number, number>();
  for (let i = 0; i < pool.n; i++) rowOfTrain.set(pool.trainIndex[i]!, i);
  const initial = initialPoolRows(seed, plan.label, pool.n, plan.initialSize);
  const labeled: number[] = Array.from(initial);
  const isLabeled = new Uint8Array(pool.n);
  for (const r of initial) isLabeled[r] = 1;
  const initialTrain = Array.from(initial, (r) => pool.trainIndex[r]!);
  for (const rec of existing) {
    const expectedLabels = labelsAtRound(plan.initialSize, plan.querySize, plan.budget, rec.round);
    const problems: string[] = [];
    if (rec.dataset !== plan.label || rec.strategy !== input.strategyLabel || rec.seed !== seed) problems.push('dataset/strategy/seed differ');
    if (rec.numLabeled !== expectedLabels || rec.numLabeled !== labeled.length) problems.push(`numLabeled ${rec.numLabeled} ≠ ${expectedLabels}`);
    if (rec.round === 0 && rec.initialIndices !== undefined && !sameArray(rec.initialIndices, initialTrain)) problems.push('initial set differs');
    if (problems.length > 0) throw new Error(`${where}: existing round ${rec.round} does not match this run (${problems.join('; ')}); refusing to mix`);
    for (const t of rec.chosen) {
      const row = rowOfTrain.get(t);
      if (row === undefined || isLabeled[row]) throw new Error(`${where}: existing round ${rec.round} chose training row ${t}, which is not an unlabeled pool row`);
      isLabeled[row] = 1;
      labeled.push(row);
    }
  }
  return { labeled, isLabeled, initialTrain };
}

/** Per-epoch progress for the listener (a callback only: the fit computes the same with or without it). */
function epochProgress(input: LoopInput, round: number, replay: boolean): ((p: FitProgress) => void) | undefined {
  const onEvent = input.onEvent;
  const rounds = input.plan.rounds;
  return onEvent === undefined
    ? undefined
    : (p) => onEvent({ type: 'epoch', round, rounds, replay, epoch: p.epoch, epochs: p.epochs, loss: p.loss, accuracy: p.accuracy });
}

/** The one session of a keep-weights run, with the completed rounds' fits replayed: the weights an uninterrupted run would have. */
async function replayKeptWeights(input: LoopInput, state: LabeledSet): Promise<ClassifierSession> {
  const { pool } = input;
  const rnd = sessionRandom(input.seed, input.plan.label, 0);
  const shared = await input.createSession(rnd.nextUint32(), rnd);
  for (let r = 0; r < input.existing.length; r++) {
    const rows = state.labeled.slice(0, input.existing[r]!.numLabeled);
    input.onEvent?.({ type: 'fit-start', round: r, replay: true });
    await shared.fit(gatherRows(pool.x, pool.rowSize, rows), gatherLabels(pool.y, rows), epochProgress(input, r, true));
  }
  return shared;
}

/**
 * One round: fit on the labeled set, evaluate on the test split, and (before the last round) query Q
 * points, cut to the budget. Returns the record and the pool rows it chose (already flagged as labeled).
 */
async function playRound(input: LoopInput, state: LabeledSet, session: ClassifierSession, round: number, where: string): Promise<{ record: RoundRecord; chosenRows: number[] }> {
  const { plan, pool } = input;
  const numLabeled = state.labeled.length;
  input.onEvent?.({ type: 'fit-start', round, replay: false });
  const t0 = performance.now();
  const fit = await session.fit(gatherRows(pool.x, pool.rowSize, state.labeled), gatherLabels(pool.y, state.labeled), epochProgress(input, round, false));
  const trainSeconds = elapsed(t0);
  const acc = accuracyFromProbs(await session.predictProba(pool.testX), pool.testY, input.dataset.numClasses);
  const query = round < plan.rounds - 1 ? await queryRound(input, state, session, round, Math.min(plan.querySize, plan.budget - numLabeled), where) : { chosenRows: [], inferenceSeconds: 0, acquisitionSeconds: 0 };
  const record: RoundRecord = {
    dataset: plan.label,
    strategy: input.strategyLabel,
    seed: input.seed,
    setting: plan.setting,
    model: input.modelName,
    querySize: plan.querySize,
    round,
    numLabeled,
    testAccuracy: acc.accuracy,
    perClassAccuracy: acc.perClass,
    trainSeconds,
    epochsTrained: fit.epochsRun,
    trainAccuracy: fit.finalAccuracy,
    ...(fit.step === undefined ? {} : { trainingStep: fit.step }),
    inferenceSeconds: query.inferenceSeconds,
    acquisitionSeconds: query.acquisitionSeconds,
    chosen: query.chosenRows.map((r) => pool.trainIndex[r]!),
    chosenClasses: query.chosenRows.map((r) => pool.y[r]!),
    ...(round === 0 ? { initialIndices: state.initialTrain } : {}),
  };
  return { record, chosenRows: query.chosenRows };
}

/**
 * The query of a round: what the strategy needs over the unlabeled pool (timed as inference), its
 * `select` (timed as acquisition), and the picks checked and flagged as labeled.
 * @throws Error when the strategy returns another count than q, an index out of range or a repeat.
 */
async function queryRound(input: LoopInput, state: LabeledSet, session: ClassifierSession, round: number, q: number, where: string): Promise<{ chosenRows: number[]; inferenceSeconds: number; acquisitionSeconds: number }> {
  const { pool, strategy } = input;
  const { labeled, isLabeled } = state;
  let t0 = performance.now();
  const unlabeled = new Int32Array(pool.n - labeled.length);
  for (let i = 0, k = 0; i < pool.n; i++) if (!isLabeled[i]) unlabeled[k++] = i;
  const view = await buildPoolView(session, strategy, pool, unlabeled, labeled);
  const inferenceSeconds = elapsed(t0);
  t0 = performance.now();
  // The session's fast matrix product, if its backend has one: faster distance searches, same picks.
  const crossProduct = session.crossProduct;
  const sel = strategy.select(view, q, { random: selectRandom(input.seed, input.plan.label, input.strategyLabel, round), ...(crossProduct ? { crossProduct } : {}) });
  const acquisitionSeconds = elapsed(t0);
  if (sel.indices.length !== q) throw new Error(`${where}: strategy '${strategy.name}' returned ${sel.indices.length} indices in round ${round}, expected ${q}`);
  const chosenRows: number[] = [];
  for (const u of sel.indices) {
    const row = unlabeled[u];
    if (!Number.isInteger(u) || row === undefined || isLabeled[row]) {
      throw new Error(`${where}: strategy '${strategy.name}' returned index ${u} in round ${round}: out of [0, ${unlabeled.length - 1}] or repeated`);
    }
    isLabeled[row] = 1;
    chosenRows.push(row);
  }
  return { chosenRows, inferenceSeconds, acquisitionSeconds };
}

/**
 * Probabilities (and embeddings, labeled embeddings, head when the strategy declares it needs them): the
 * forward pass of a round, which records time as `inferenceSeconds` (the scalability study times the same).
 */
export async function buildPoolView(
  session: ClassifierSession,
  strategy: Strategy,
  pool: RunPool,
  unlabeled: Int32Array,
  labeled: readonly number[],
): Promise<PoolView> {
  const x = gatherRows(pool.x, pool.rowSize, unlabeled);
  const needs = strategy.needs;
  const base = { numUnlabeled: unlabeled.length, numClasses: session.numClasses };
  let view: PoolView;
  if (needs.embeddings) {
    const { probs, embeddings } = await session.predictWithEmbeddings(x);
    view = { ...base, probs, embeddings, embeddingDim: session.embeddingDim };
  } else {
    view = { ...base, probs: await session.predictProba(x) };
  }
  if (needs.labeledEmbeddings) {
    view = {
      ...view,
      labeledEmbeddings: await session.embed(gatherRows(pool.x, pool.rowSize, labeled)),
      labeledY: gatherLabels(pool.y, labeled),
      numLabeled: labeled.length,
      embeddingDim: session.embeddingDim,
    };
  }
  if (needs.head) view = { ...view, head: session.head() };
  return view;
}
