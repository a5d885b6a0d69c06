/**
 * The contract between the active-learning loop and a trained model (docs/protocol.md draws the flow).
 * Everything crosses this boundary as flat typed arrays, so the loop and the strategies never touch tensors.
 */
import type { CrossProductKernel } from '../acquisition/kernels/crossProductKernel.ts';
import type { LinearHead } from '../linearHead.ts';

export interface FitProgress {
  readonly epoch: number;
  readonly epochs: number;
  readonly loss: number;
  readonly accuracy: number;
}

export interface FitReport {
  readonly epochsRun: number;
  /** How the steps ran: our dense kernels (the MLP on wasm) or tfjs's tape (trainingStep.ts). Absent from fakes. */
  readonly step?: 'tape' | 'dense';
  readonly finalLoss: number;
  readonly finalAccuracy: number;
  readonly seconds: number;
}

export interface ClassifierSession {
  /** Trains on rows `x` (n × featureSize) with labels `y`; fresh or continued weights per the session's settings. */
  fit(x: Float32Array, y: Int32Array, onProgress?: (p: FitProgress) => void): Promise<FitReport>;
  /** Softmax probabilities, n × C, computed in batches. */
  predictProba(x: Float32Array): Promise<Float32Array>;
  /** Penultimate embeddings, n × D, computed in batches. */
  embed(x: Float32Array): Promise<Float32Array>;
  /** Probabilities and embeddings in one pass over the pool. */
  predictWithEmbeddings(x: Float32Array): Promise<{ probs: Float32Array; embeddings: Float32Array }>;
  /** The classifier head as plain arrays. */
  head(): LinearHead;
  readonly embeddingDim: number;
  readonly numClasses: number;
  /** A fast matrix product on the session's backend for the strategies' distance searches (none: pure TS). */
  readonly crossProduct?: CrossProductKernel;
  /** Frees every tensor the session holds. */
  dispose(): void;
}
