import type { RoundRecord } from '../results/roundRecord.ts';

/** Whether a query's time includes the forward pass over the pool (the authors' logs do). */
export interface QueryTimeOptions {
  /** Add `inferenceSeconds` to `acquisitionSeconds`. Default true: the authors' acquisition times include the forward pass (docs/protocol.md). */
  readonly includeInference?: boolean;
}

/**
 * Seconds spent on the query made after this round's training: acquisitionSeconds (+ inferenceSeconds
 * unless options.includeInference is false). 0 for the last round, which makes no query.
 */
export function queryTime(r: RoundRecord, options: QueryTimeOptions = {}): number {
  return r.acquisitionSeconds + (options.includeInference === false ? 0 : r.inferenceSeconds);
}
