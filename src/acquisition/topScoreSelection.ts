/**
 * The shared body of the top-Q uncertainty strategies (Entropy, Margin, LeastConfidence): validate,
 * score every unlabeled point, return the Q highest scores (ties to the lower index; no randomness).
 * With a trace request the scores of all points come back as `{ kind, scores }`.
 *
 * Cost: the score pass (O(N·C)) + top-k (O(N log Q)).
 */
import { topK } from './kernels/topK.ts';
import type { PoolView, SelectOptions, Selection } from './types.ts';
import { validateBatchSize, validateProbabilities, validateSelectOptions } from './validate.ts';

export interface ScoreTrace {
  readonly kind: 'scores';
  /** The strategy's score for every pool point (higher = picked first). */
  readonly scores: Float64Array;
}

export function topScoreSelection(
  fn: string,
  pool: PoolView,
  batchSize: number,
  options: SelectOptions,
  score: (probs: Float32Array, n: number, c: number) => Float64Array,
): Selection {
  validateSelectOptions(options, fn);
  const { probs, n, c } = validateProbabilities(pool, fn);
  const q = validateBatchSize(batchSize, n, fn);
  const scores = score(probs, n, c);
  const indices = topK(scores, q);
  if (options.trace === undefined || options.trace === false) return { indices };
  const trace: ScoreTrace = { kind: 'scores', scores };
  return { indices, trace };
}
