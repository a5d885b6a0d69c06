import jStat from 'jstat';
import { mean, sampleStandardDeviation } from 'simple-statistics';

/** Result of a two-sided paired t-test. */
export interface PairedTTestResult {
  /** Number of pairs. */
  readonly n: number;
  /** Mean of the differences a[i] − b[i]. */
  readonly meanDifference: number;
  /** Sample standard deviation of the differences (Bessel's correction, n − 1). */
  readonly sdDifference: number;
  /** t = mean(d) / (sd(d) / √n); ±Infinity when all differences are equal and non-zero, NaN when all are 0. */
  readonly t: number;
  /** Degrees of freedom, n − 1. */
  readonly df: number;
  /** Two-sided p-value P(|T| ≥ |t|) under Student's t with df degrees of freedom; NaN when t is NaN. */
  readonly p: number;
}

/**
 * Paired (dependent-samples) t-test, two-sided: are the mean accuracies of two strategies over
 * matched seeds different? Used for every cell of the paper's dueling matrix (Sec. 4.1, Fig. 4).
 *
 * d_i = a_i − b_i, t = d̄ / (s_d / √n) with s_d the SAMPLE standard deviation (n − 1 in the
 * denominator; simple-statistics' own `tTest` uses the population SD, so it is not used here),
 * df = n − 1, p = 2 · F_t(−|t|; df) with F_t from jstat (computed in the lower tail so that
 * tiny p-values keep their precision). Matches scipy.stats.ttest_rel.
 *
 * Degenerate cases (s_d = 0): all differences 0 → t = NaN, p = NaN (no evidence either way; the
 * dueling matrix counts it as a tie); equal non-zero differences → t = ±Infinity, p = 0.
 *
 * Cost: O(n).
 * @throws TypeError when a or b is not array-like; RangeError when lengths differ, n < 2, or a value is not finite.
 * @example pairedTTest([0.9, 0.8, 0.85], [0.8, 0.75, 0.8]).p // ≈ 0.0377 (t = 5, df = 2)
 */
export function pairedTTest(a: ArrayLike<number>, b: ArrayLike<number>): PairedTTestResult {
  if (a == null || typeof a.length !== 'number') throw new TypeError(`pairedTTest: a must be an array of numbers, got ${String(a)}`);
  if (b == null || typeof b.length !== 'number') throw new TypeError(`pairedTTest: b must be an array of numbers, got ${String(b)}`);
  if (a.length !== b.length) {
    throw new RangeError(`pairedTTest: a and b must be paired (same length), got ${a.length} and ${b.length}; match them by seed first`);
  }
  const n = a.length;
  if (n < 2) throw new RangeError(`pairedTTest: need at least 2 pairs, got ${n}`);
  const d = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`pairedTTest: a[${i}] must be a finite number, got ${String(x)}`);
    if (typeof y !== 'number' || !Number.isFinite(y)) throw new RangeError(`pairedTTest: b[${i}] must be a finite number, got ${String(y)}`);
    d[i] = x - y;
  }
  const m = mean(d);
  const s = sampleStandardDeviation(d);
  const df = n - 1;
  let t: number;
  let p: number;
  if (s === 0 || s < Math.abs(m) * 1e-14) {
    // Rounding can leave a tiny s for equal differences; treat that as exactly equal differences.
    t = m === 0 ? Number.NaN : m > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    p = m === 0 ? Number.NaN : 0;
  } else {
    t = m / (s / Math.sqrt(n));
    p = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  }
  return { n, meanDifference: m, sdDifference: s, t, df, p };
}

/**
 * Cumulative distribution function of Student's t distribution (jstat's regularised incomplete beta).
 * @throws RangeError when dof is not a positive finite number.
 */
export function studentTCdf(x: number, dof: number): number {
  if (!(dof > 0) || !Number.isFinite(dof)) throw new RangeError(`studentTCdf: dof must be a positive finite number, got ${dof}`);
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  return jStat.studentt.cdf(x, dof);
}
