import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tTest } from 'simple-statistics';
import { pairedTTest, studentTCdf } from '../../src/analysis/pairedTTest.ts';

/** Slow, obvious two-sided p-value: Simpson integration of Student's t density from |t| to a far bound. */
function slowTwoSidedP(t: number, df: number): number {
  const lnGamma = (z: number): number => {
    // Lanczos (g = 7, n = 9)
    const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    z -= 1;
    let x = c[0]!;
    for (let i = 1; i < 9; i++) x += c[i]! / (z + i);
    const tt = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(tt) - tt + Math.log(x);
  };
  const k = Math.exp(lnGamma((df + 1) / 2) - lnGamma(df / 2)) / Math.sqrt(df * Math.PI);
  const pdf = (x: number) => k * (1 + (x * x) / df) ** (-(df + 1) / 2);
  // substitute x = |t| + u/(1-u) to integrate to infinity over u in [0, 1)
  const a = Math.abs(t);
  const f = (u: number) => (u >= 1 ? 0 : pdf(a + u / (1 - u)) / (1 - u) ** 2);
  const n = 20000;
  const h = 1 / n;
  let s = f(0) + f(1 - 1e-12);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(i * h);
  return 2 * (s * h) / 3;
}

const TOL = 1e-8; // jstat's incomplete-beta continued fraction: errors up to ~3e-9 measured (cdf(0, 5) = 0.5000000028)

test('pairedTTest: differences [1, 2, 3] give t = 2√3, df = 2, p = 1 − t/√(2 + t²) (closed form for df = 2)', () => {
  const r = pairedTTest([2, 4, 6], [1, 2, 3]);
  assert.equal(r.n, 3);
  assert.equal(r.df, 2);
  assert.ok(Math.abs(r.meanDifference - 2) < 1e-15);
  assert.ok(Math.abs(r.sdDifference - 1) < 1e-15);
  const t = 2 * Math.sqrt(3);
  assert.ok(Math.abs(r.t - t) < 1e-12);
  assert.ok(Math.abs(r.p - (1 - t / Math.sqrt(2 + t * t))) < TOL, `p = ${r.p}`); // 0.0741799…
  assert.ok(Math.abs(r.p - 0.07417990022744858) < TOL);
});

test('pairedTTest: df = 1 is the Cauchy distribution, p = 1 − (2/π)·atan|t|', () => {
  const r = pairedTTest([1, 3], [0, 0]); // d = [1, 3]: mean 2, sd √2, t = 2
  assert.ok(Math.abs(r.t - 2) < 1e-12);
  assert.ok(Math.abs(r.p - (1 - (2 / Math.PI) * Math.atan(2))) < TOL); // 0.2951672…
});

test('pairedTTest: sign of t follows a − b, p symmetric', () => {
  const a = [0.81, 0.83, 0.8, 0.86, 0.84];
  const b = [0.8, 0.8, 0.79, 0.82, 0.8];
  const r1 = pairedTTest(a, b);
  const r2 = pairedTTest(b, a);
  assert.ok(r1.t > 0 && r2.t < 0);
  assert.ok(Math.abs(r1.t + r2.t) < 1e-12);
  assert.equal(r1.p, r2.p);
  // by hand: d = [.01,.03,.01,.04,.04], mean .026, sample var = (.016²+.004²+.016²+.014²+.014²)/4 = .00023
  const t = 0.026 / Math.sqrt(0.00023 / 5);
  assert.ok(Math.abs(r1.t - t) < 1e-9, `${r1.t} vs ${t}`);
  assert.ok(Math.abs(r1.p - slowTwoSidedP(t, 4)) < 1e-7);
});

test('studentTCdf: textbook two-sided critical values give p = 0.05 / 0.01', () => {
  // Critical values from standard t tables (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2).
  const table: Array<[number, number, number]> = [
    [2, 4.303, 0.05], [4, 2.776, 0.05], [9, 2.262, 0.05], [30, 2.042, 0.05], [4, 4.604, 0.01], [10, 3.169, 0.01],
  ];
  for (const [df, t, p] of table) {
    const got = 2 * studentTCdf(-t, df);
    assert.ok(Math.abs(got - p) < 2e-4, `df=${df} t=${t}: ${got} vs ${p}`);
  }
  assert.ok(Math.abs(studentTCdf(0, 5) - 0.5) < TOL);
  assert.equal(studentTCdf(Infinity, 5), 1);
  assert.throws(() => studentTCdf(1, 0), /studentTCdf: dof must be a positive finite number, got 0/);
});

test('pairedTTest: p-values agree with slow numerical integration over many random samples', () => {
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < 25; k++) {
    const n = 2 + (k % 7);
    const a = Array.from({ length: n }, () => next());
    const b = Array.from({ length: n }, () => next());
    const r = pairedTTest(a, b);
    assert.ok(Math.abs(r.p - slowTwoSidedP(r.t, r.df)) < 1e-6, `k=${k}: ${r.p} vs ${slowTwoSidedP(r.t, r.df)}`);
  }
});

test('pairedTTest: zero-variance differences', () => {
  const same = pairedTTest([0.5, 0.6, 0.7], [0.5, 0.6, 0.7]);
  assert.ok(Number.isNaN(same.t) && Number.isNaN(same.p));
  const shifted = pairedTTest([0.75, 0.85, 0.95], [0.5, 0.6, 0.7]);
  assert.equal(shifted.t, Infinity);
  assert.equal(shifted.p, 0);
});

test('pairedTTest: bad input names the function, the value and the bound; inputs are not changed', () => {
  assert.throws(() => pairedTTest([1, 2], [1]), (e: Error) => e instanceof RangeError && /pairedTTest: .*got 2 and 1/.test(e.message));
  assert.throws(() => pairedTTest([1], [1]), (e: Error) => e instanceof RangeError && /at least 2 pairs, got 1/.test(e.message));
  assert.throws(() => pairedTTest([1, NaN], [1, 2]), (e: Error) => e instanceof RangeError && /a\[1\] must be a finite number, got NaN/.test(e.message));
  assert.throws(() => pairedTTest([1, 2], [1, Infinity]), /b\[1\] must be a finite number, got Infinity/);
  assert.throws(() => pairedTTest(null as unknown as number[], [1]), TypeError);
  const a = Object.freeze([1, 2, 4]);
  const b = Object.freeze([0, 1, 1]);
  pairedTTest(a, b);
  assert.deepEqual(a, [1, 2, 4]);
});

test('pairedTTest: t equals simple-statistics tTest on the differences, corrected from population to sample SD', () => {
  const a = [0.71, 0.74, 0.69, 0.77, 0.72, 0.75];
  const b = [0.7, 0.7, 0.7, 0.72, 0.69, 0.71];
  const d = a.map((x, i) => x - b[i]!);
  const n = d.length;
  // simple-statistics divides by the population SD (n), scipy's ttest_rel by the sample SD (n − 1)
  const ss = tTest(d, 0) * Math.sqrt((n - 1) / n);
  assert.ok(Math.abs(pairedTTest(a, b).t - ss) < 1e-12);
});
