/**
 * One optimisation step on a mini-batch, the part of `fitNetwork` that differs between the two ways
 * falcun-lab trains: through tfjs's tape (any network, any backend: tapeStep.ts) or, for the MLP on the
 * wasm backend, through our own dense kernels (denseMlpStep.ts, 2–4× faster at the paper's shapes).
 * Both compute the same mean softmax cross-entropy gradient and the same Adam update (PyTorch's formula);
 * they differ only in float32 summation order.
 */
export interface TrainingStep {
  /**
   * Trains on the first `m` rows of `x` (row-major) with labels `y`; returns the batch's mean loss and the
   * number of rows whose argmax (in training mode, before the update) equals the label.
   */
  step(x: Float32Array, y: Int32Array, m: number): { loss: number; correct: number };
  /** Leaves the trained weights in the network's variables (the dense step trains a copy). */
  finish(): void;
  /** Frees what the step holds (optimizer state, buffers). */
  dispose(): void;
}
