import type { LearningCurvePoint } from './learningCurves.ts';

/** The last point (most labels) of every (dataset, setting, model, strategy) curve (first-seen order). */
export function finalPoints(curves: readonly LearningCurvePoint[]): LearningCurvePoint[] {
  const last = new Map<string, LearningCurvePoint>();
  for (const p of curves) {
    const key = `${p.dataset}|${p.setting}|${p.model}|${p.strategy}`;
    const q = last.get(key);
    if (!q || p.numLabeled > q.numLabeled) last.set(key, p);
  }
  return [...last.values()];
}
