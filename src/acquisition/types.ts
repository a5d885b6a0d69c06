/**
 * The one contract shared by every acquisition strategy: the loop hands a PoolView to Strategy.select
 * (docs/protocol.md draws the flow).
 * Strategies work on flat typed arrays only and never import tfjs.
 */
import type { LinearHead } from '../linearHead.ts';
import type { Random } from '../random.ts';
import type { CrossProductKernel } from './kernels/crossProductKernel.ts';

export type { LinearHead };

/**
 * A read-only view of the pool at one round. All arrays are row-major and must not be mutated.
 * `probs` is always present; the rest only when the strategy declared it needs them
 * (`Strategy.needs`), since computing embeddings over a large pool costs time and memory.
 */
export interface PoolView {
  /** Softmax probabilities of the unlabeled points, N × C. */
  readonly probs: Float32Array;
  readonly numUnlabeled: number;
  readonly numClasses: number;
  /** Penultimate-layer embeddings of the unlabeled points, N × D. */
  readonly embeddings?: Float32Array;
  readonly embeddingDim?: number;
  /** Embeddings of the labeled points, L × D, and their labels (KCenterGreedy, AlfaMix). */
  readonly labeledEmbeddings?: Float32Array;
  readonly labeledY?: Int32Array;
  readonly numLabeled?: number;
  /** The classifier head (AlfaMix evaluates logits of mixed embeddings). */
  readonly head?: LinearHead;
}

/** What a strategy needs beyond probabilities. */
export interface StrategyNeeds {
  readonly embeddings?: boolean;
  readonly labeledEmbeddings?: boolean;
  readonly head?: boolean;
}

export interface SelectOptions {
  /** Generator for this query; the caller derives it from the run seed and the round. */
  readonly random: Random;
  /** Record a trace (per pick: the index, and relevance of every candidate when the strategy supports it). */
  readonly trace?: boolean | { readonly relevance?: boolean };
  /**
   * A faster matrix product for the many-points × many-centres distances (KCenterGreedy, CLUE,
   * AlfaMix), supplied by the training layer (tfjs' wasm XNNPACK); without it the pure-TS crossDot.
   * Selections are the same either way (the product only screens; kernels/nearestCentres.ts).
   */
  readonly crossProduct?: CrossProductKernel;
}

export interface Selection {
  /** Q distinct indices into the unlabeled pool (0..N-1), in pick order. */
  readonly indices: Int32Array;
  /** Optional per-point utilities (NaN for chosen points) or per-pick traces, for plotting. */
  readonly trace?: unknown;
}

export interface Strategy {
  /** Registry name, e.g. 'falcun', 'badge'. */
  readonly name: string;
  readonly needs: StrategyNeeds;
  /** Picks `batchSize` distinct unlabeled points. Same pool, batchSize and generator state → same output. */
  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection;
}
