import type { RoundRecord } from './roundRecord.ts';

/**
 * Checks that a value has the fields of a RoundRecord that analysis and figures read
 * (roundRecord.ts), with the right kinds and ranges, so that a damaged or foreign file fails loudly
 * instead of producing a silently wrong curve. `where` names the source (file and line) in errors.
 * Cost: O(length of the per-record arrays).
 * @throws TypeError for a missing field or a wrong kind; RangeError for an out-of-range value.
 */
export function validateRoundRecord(value: unknown, where: string): RoundRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`validateRoundRecord: ${where} must be a RoundRecord object, got ${JSON.stringify(value)}`);
  }
  const r = value as Record<string, unknown>;
  for (const f of ['dataset', 'strategy', 'setting', 'model'] as const) {
    if (typeof r[f] !== 'string' || r[f] === '') throw new TypeError(`validateRoundRecord: ${where}: field '${f}' must be a non-empty string, got ${JSON.stringify(r[f])}`);
  }
  for (const f of ['seed', 'querySize', 'round', 'numLabeled'] as const) {
    const v = r[f];
    if (typeof v !== 'number') throw new TypeError(`validateRoundRecord: ${where}: field '${f}' must be a number, got ${JSON.stringify(v)}`);
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`validateRoundRecord: ${where}: field '${f}' must be an integer >= 0, got ${v}`);
  }
  const acc = r.testAccuracy;
  if (typeof acc !== 'number') throw new TypeError(`validateRoundRecord: ${where}: field 'testAccuracy' must be a number, got ${JSON.stringify(acc)}`);
  if (!(acc >= 0 && acc <= 1)) throw new RangeError(`validateRoundRecord: ${where}: field 'testAccuracy' must lie in [0, 1], got ${acc}`);
  for (const f of ['trainSeconds', 'inferenceSeconds', 'acquisitionSeconds'] as const) {
    const v = r[f];
    if (typeof v !== 'number') throw new TypeError(`validateRoundRecord: ${where}: field '${f}' must be a number, got ${JSON.stringify(v)}`);
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`validateRoundRecord: ${where}: field '${f}' must be a finite number >= 0, got ${v}`);
  }
  if (r.epochsTrained !== undefined && !(Number.isInteger(r.epochsTrained) && (r.epochsTrained as number) >= 1)) {
    throw new RangeError(`validateRoundRecord: ${where}: field 'epochsTrained' must be an integer >= 1 when present, got ${JSON.stringify(r.epochsTrained)}`);
  }
  if (r.trainingStep !== undefined && r.trainingStep !== 'tape' && r.trainingStep !== 'dense') {
    throw new RangeError(`validateRoundRecord: ${where}: field 'trainingStep' must be 'tape' or 'dense' when present, got ${JSON.stringify(r.trainingStep)}`);
  }
  if (r.trainAccuracy !== undefined && !(typeof r.trainAccuracy === 'number' && r.trainAccuracy >= 0 && r.trainAccuracy <= 1)) {
    throw new RangeError(`validateRoundRecord: ${where}: field 'trainAccuracy' must lie in [0, 1] when present, got ${JSON.stringify(r.trainAccuracy)}`);
  }
  if (!Array.isArray(r.perClassAccuracy)) throw new TypeError(`validateRoundRecord: ${where}: field 'perClassAccuracy' must be an array, got ${JSON.stringify(r.perClassAccuracy)}`);
  r.perClassAccuracy.forEach((v, i) => {
    if (v !== null && !(typeof v === 'number' && v >= 0 && v <= 1)) {
      throw new RangeError(`validateRoundRecord: ${where}: perClassAccuracy[${i}] must be null or in [0, 1], got ${JSON.stringify(v)}`);
    }
  });
  for (const f of ['chosen', 'chosenClasses'] as const) {
    if (!Array.isArray(r[f])) throw new TypeError(`validateRoundRecord: ${where}: field '${f}' must be an array, got ${JSON.stringify(r[f])}`);
  }
  if ((r.chosen as unknown[]).length !== (r.chosenClasses as unknown[]).length) {
    throw new RangeError(`validateRoundRecord: ${where}: 'chosen' has ${(r.chosen as unknown[]).length} entries but 'chosenClasses' has ${(r.chosenClasses as unknown[]).length}; they must match`);
  }
  return value as RoundRecord;
}
