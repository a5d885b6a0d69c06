/**
 * How much faster the MLP trained on the dense step than on the tape step (RoundRecord.trainingStep), as
 * measured in a set of records, and what a record's training would cost now that the MLP trains on the
 * dense step. Time estimates (REPRODUCTION.md's compute table, `reproduce:grid --end`) use it, so runs
 * made before the dense kernels do not inflate the estimates of the runs still to do.
 */
import type { RoundRecord } from './roundRecord.ts';

/**
 * The ratio of the mean seconds per (epoch × labeled row) of the MLP's tape rounds (records without the
 * field count as tape) to that of its dense rounds; undefined unless both kinds are present. O(records).
 */
export function denseSpeedup(records: readonly RoundRecord[]): number | undefined {
  const rate = (kind: 'tape' | 'dense') => {
    const own = records.filter((r) => r.model === 'mlp' && (r.trainingStep ?? 'tape') === kind && (r.epochsTrained ?? 0) > 0 && r.numLabeled > 0);
    return own.length === 0 ? undefined : own.reduce((a, r) => a + r.trainSeconds / (r.epochsTrained! * r.numLabeled), 0) / own.length;
  };
  const [tape, dense] = [rate('tape'), rate('dense')];
  return tape === undefined || dense === undefined || !(dense > 0) ? undefined : tape / dense;
}

/** A record's training seconds as the dense step would take them: an MLP tape round divided by `speedup`. */
export function trainSecondsNow(r: RoundRecord, speedup: number | undefined): number {
  return speedup !== undefined && r.model === 'mlp' && r.trainingStep !== 'dense' ? r.trainSeconds / speedup : r.trainSeconds;
}
