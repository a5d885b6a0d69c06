/**
 * How an acquisition's time grows with the pool size N, the query size Q and the embedding size D: the
 * exponent Table 1's complexity predicts, and the exponent the scalability study measured (the slope of
 * log time against log N, Q or D while the other two sit at the baseline). REPRODUCTION.md sets them side
 * by side, so a competitor that scales worse than its stated complexity shows.
 */
import type { ScalabilityRow } from '../results/scalabilityStudy.ts';

export type ScalingParam = 'N' | 'Q' | 'D';
export const SCALING_PARAMS: readonly ScalingParam[] = ['N', 'Q', 'D'];

/**
 * The exponents of N, Q and D in the dominant term of a Table 1 complexity such as
 * 'O(N_l · N_u · D + Q · N_u)', for a study that runs a fixed number of rounds from a fixed start:
 * N_u and N_cp (a subset of the pool) count as N; N_l counts as Q (it grows by Q each round); C and i
 * are constants; a logarithm counts as 0. The exponent of each parameter is its largest over the terms.
 * @throws RangeError when the text is not 'O(…)'.
 */
export function complexityExponents(complexity: string): Record<ScalingParam, number> {
  const m = /^O\((.*)\)$/.exec(complexity.trim());
  if (m === null) throw new RangeError(`complexityExponents: expected 'O(…)', got ${JSON.stringify(complexity)}`);
  const out: Record<ScalingParam, number> = { N: 0, Q: 0, D: 0 };
  for (const term of m[1]!.split('+')) {
    const factors = term.replace(/log\s*\S+/g, '').split(/[·*]/).map((f) => f.trim()).filter((f) => f !== '');
    const count = (names: readonly string[]) => factors.filter((f) => names.includes(f)).length;
    out.N = Math.max(out.N, count(['N_u', 'N_cp', 'N']));
    out.Q = Math.max(out.Q, count(['Q', 'N_l']));
    out.D = Math.max(out.D, count(['D']));
  }
  return out;
}

/** A measured exponent: the least-squares slope of log seconds on log value, over `points` cells. */
export interface MeasuredExponent {
  readonly exponent: number;
  readonly points: number;
  /** The smallest and largest value of the varied parameter. */
  readonly from: number;
  readonly to: number;
  /** The largest time among those cells, in seconds (tiny times are mostly warm-up and noise). */
  readonly maxSeconds: number;
}

/**
 * The measured exponent of `strategy`'s time in `param`: the cells where the other two parameters sit at
 * `baseline` (several rows of one cell are averaged), fitted on log–log axes; runs stopped at the time
 * limit (a lower bound over fewer rounds) are left out. Undefined with fewer than two distinct values.
 * Cost: O(rows).
 */
export function measuredExponent(
  rows: readonly ScalabilityRow[],
  strategy: string,
  param: ScalingParam,
  baseline: Readonly<Record<ScalingParam, number>>,
): MeasuredExponent | undefined {
  const cells = new Map<number, { sum: number; n: number }>();
  for (const r of rows) {
    if (r.strategy !== strategy || r.timedOut === true || !SCALING_PARAMS.every((p) => p === param || r[p] === baseline[p])) continue;
    const c = cells.get(r[param]) ?? { sum: 0, n: 0 };
    c.sum += r.seconds;
    c.n++;
    cells.set(r[param], c);
  }
  const pts = [...cells].map(([v, c]) => [Math.log(v), Math.log(c.sum / c.n)] as const).filter(([, y]) => Number.isFinite(y));
  if (pts.length < 2) return undefined;
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const values = [...cells.keys()];
  return {
    exponent: sxy / sxx,
    points: pts.length,
    from: Math.min(...values),
    to: Math.max(...values),
    maxSeconds: Math.max(...[...cells.values()].map((c) => c.sum / c.n)),
  };
}

/** An extrapolated time: the baseline cell's time scaled by (target / baseline)^exponent per parameter. */
export interface ExtrapolatedTime {
  readonly seconds: number;
  /** Where each exponent came from: the study's fit, or Table 1's complexity when the fit was not usable. */
  readonly exponents: Readonly<Record<ScalingParam, { readonly value: number; readonly from: 'measured' | 'Table 1' }>>;
}

/**
 * The time of `strategy` at `target` (N, Q, D) extrapolated from the study: its baseline cell's time times
 * (target / baseline)^e for each parameter, e the measured exponent where the fit is usable (its series'
 * largest time at least `minSeconds`), else Table 1's (`predicted`). A rough estimate far beyond the grid:
 * constant factors and cache effects do not scale like this. Undefined when the baseline cell is missing.
 */
export function extrapolatedTime(
  rows: readonly ScalabilityRow[],
  strategy: string,
  baseline: Readonly<Record<ScalingParam, number>>,
  target: Readonly<Record<ScalingParam, number>>,
  predicted: Readonly<Record<ScalingParam, number>> | undefined,
  minSeconds: number,
): ExtrapolatedTime | undefined {
  const base = rows.filter((r) => r.strategy === strategy && !r.timedOut && SCALING_PARAMS.every((p) => r[p] === baseline[p]));
  if (base.length === 0) return undefined;
  let seconds = base.reduce((a, r) => a + r.seconds, 0) / base.length;
  const exponents = {} as Record<ScalingParam, { value: number; from: 'measured' | 'Table 1' }>;
  for (const p of SCALING_PARAMS) {
    const m = measuredExponent(rows, strategy, p, baseline);
    const e = m !== undefined && m.maxSeconds >= minSeconds ? { value: m.exponent, from: 'measured' as const } : { value: predicted?.[p] ?? 1, from: 'Table 1' as const };
    exponents[p] = e;
    seconds *= (target[p] / baseline[p]) ** e.value;
  }
  return { seconds, exponents };
}
