/**
 * Test accuracy and per-class accuracy from softmax probabilities (argmax, first maximum on ties).
 */

export interface Accuracy {
  /** Fraction of rows whose argmax equals the label. */
  readonly accuracy: number;
  /** Per class: correct / rows of that class; null for a class with no rows. */
  readonly perClass: Array<number | null>;
}

/**
 * Accuracy of `probs` (n × numClasses, row-major) against labels `y`. Cost O(n × numClasses).
 * @throws RangeError when the sizes disagree or n is 0.
 * @example accuracyFromProbs(new Float32Array([0.9, 0.1, 0.2, 0.8]), new Int32Array([0, 0]), 2) // { accuracy: 0.5, perClass: [0.5, null] }
 */
export function accuracyFromProbs(probs: Float32Array, y: Int32Array, numClasses: number): Accuracy {
  const n = y.length;
  if (n === 0) throw new RangeError('accuracyFromProbs: the test split is empty; need at least 1 row');
  if (probs.length !== n * numClasses) {
    throw new RangeError(`accuracyFromProbs: probs has ${probs.length} values, expected n × numClasses = ${n} × ${numClasses}`);
  }
  const correct = new Float64Array(numClasses);
  const total = new Float64Array(numClasses);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestP = probs[i * numClasses]!;
    for (let c = 1; c < numClasses; c++) {
      const p = probs[i * numClasses + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    const label = y[i]!;
    total[label]!++;
    if (best === label) {
      correct[label]!++;
      hits++;
    }
  }
  const perClass: Array<number | null> = [];
  for (let c = 0; c < numClasses; c++) perClass.push(total[c]! > 0 ? correct[c]! / total[c]! : null);
  return { accuracy: hits / n, perClass };
}
