/**
 * The results format: what the runner writes and what analysis/figures read.
 * One experiment directory = manifest.json + one JSON-lines file per run (dataset × strategy × seed),
 * `runs/<dataset>__<strategy>__s<seed>.jsonl`, one RoundRecord per line, append-only.
 */

/** One round of one run (paper, Algorithm 1): the model trained on `numLabeled` labels, then queried. */
export interface RoundRecord {
  readonly dataset: string;
  /** Strategy label as configured (e.g. 'falcun', 'falcun-g1', 'badge'). */
  readonly strategy: string;
  readonly seed: number;
  /** Setting name, e.g. 's', 'l', 'm_no' (query size + whether weights are kept). */
  readonly setting: string;
  readonly model: string;
  readonly querySize: number;
  /** 0 = the initial labeled set. */
  readonly round: number;
  /** Number of labels the model of this round was trained on. */
  readonly numLabeled: number;
  readonly testAccuracy: number;
  /** Accuracy per class on the test split (NaN-free: classes absent from the test split are null). */
  readonly perClassAccuracy: ReadonlyArray<number | null>;
  readonly trainSeconds: number;
  /**
   * Epochs the round's fit ran: the configured maximum, or fewer when the early-stop rule (training
   * accuracy >= earlyStopAccuracy after minEpochs) ended it. Optional: files written before it was added lack it.
   */
  readonly epochsTrained?: number;
  /** Running training accuracy of the last epoch (the quantity the early-stop rule reads). Optional, as epochsTrained. */
  readonly trainAccuracy?: number;
  /**
   * How the round's training steps ran: 'dense' (falcun-lab's own wasm kernels, the MLP on the wasm backend,
   * since 2026-12-02) or 'tape' (tfjs's kernels and autodiff). The same gradients and Adam update in a
   * different float32 summation order. Optional: files written before it was added lack it (all 'tape').
   */
  readonly trainingStep?: 'tape' | 'dense';
  /** Forward pass over the unlabeled pool (probabilities, embeddings as needed). 0 in the last round. */
  readonly inferenceSeconds: number;
  /** The strategy's select() alone. 0 in the last round (no query after the budget is reached). */
  readonly acquisitionSeconds: number;
  /** Indices into the training split chosen in this round (empty in the last round). */
  readonly chosen: readonly number[];
  /** True classes of `chosen`, same order. */
  readonly chosenClasses: readonly number[];
  /**
   * Round 0 only: indices into the training split of the initial labeled set, drawn uniformly per seed.
   * Optional (added by the runner after the first version of this contract; older files lack it).
   */
  readonly initialIndices?: readonly number[];
}
