import type { RoundRecord } from '../results/roundRecord.ts';
import { learningCurves } from './learningCurves.ts';
import { groupBy, settingKey } from './recordKeys.ts';

/**
 * Normalised area under a learning curve: the trapezoidal integral of y over x divided by the x range,
 * i.e. the curve's average height (an accuracy in [0, 1] for accuracies). x must increase strictly.
 * A single point returns its y. Cost: O(n).
 * @throws RangeError for different lengths, an empty curve, non-finite values or x not strictly increasing.
 * @example normalizedAreaUnderCurve([0, 1, 3], [0, 1, 1]) // (0.5 + 2) / 3 = 0.8333…
 */
export function normalizedAreaUnderCurve(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`normalizedAreaUnderCurve: x has ${x.length} values but y has ${y.length}; they must match`);
  if (x.length === 0) throw new RangeError('normalizedAreaUnderCurve: the curve is empty; give at least one point');
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) throw new RangeError(`normalizedAreaUnderCurve: point ${i} is (${x[i]}, ${y[i]}); values must be finite`);
    if (i > 0 && !(x[i]! > x[i - 1]!)) throw new RangeError(`normalizedAreaUnderCurve: x must increase strictly, but x[${i}] = ${x[i]} follows ${x[i - 1]}`);
  }
  if (x.length === 1) return y[0]!;
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return area / (x[x.length - 1]! - x[0]!);
}

/** Area under the mean learning curve of one strategy in one setting. */
export interface CurveArea {
  readonly dataset: string;
  readonly setting: string;
  readonly model: string;
  readonly strategy: string;
  /** Normalised area (average accuracy over the labelling budget), see `normalizedAreaUnderCurve`. */
  readonly area: number;
}

/**
 * Normalised area under each mean learning curve (a one-number summary of label efficiency; with all
 * seeds at the same checkpoints it equals the mean of the per-seed areas). Cost: O(R log R).
 */
export function learningCurveAreas(records: readonly RoundRecord[]): CurveArea[] {
  const out: CurveArea[] = [];
  for (const pts of groupBy(learningCurves(records), (p) => `${settingKey(p)}|${p.strategy}`).values()) {
    const p0 = pts[0]!;
    out.push({
      dataset: p0.dataset, setting: p0.setting, model: p0.model, strategy: p0.strategy,
      area: normalizedAreaUnderCurve(pts.map((p) => p.numLabeled), pts.map((p) => p.mean)),
    });
  }
  return out;
}
