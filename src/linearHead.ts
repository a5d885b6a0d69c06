/**
 * The classifier head of a network as plain arrays: what models/ export, training/ reads back after a fit
 * and acquisition/ (AlfaMix) evaluates. It lives below all three so that none of them imports another for it.
 */

/** The classifier head W (D × C, row-major), b (C): logits = z·W + b. Models expose it; AlfaMix evaluates logits of mixed embeddings with it. */
export interface LinearHead {
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly inputDim: number;
  readonly numClasses: number;
}
