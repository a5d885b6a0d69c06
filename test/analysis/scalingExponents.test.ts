import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexityExponents, extrapolatedTime, measuredExponent } from '../../src/analysis/scalingExponents.ts';
import { TIME_COMPLEXITY } from '../../src/analysis/timeComplexity.ts';
import type { ScalabilityRow } from '../../src/results/scalabilityStudy.ts';

test('complexityExponents: the dominant exponent of N, Q and D in every Table 1 row', () => {
  const want: Record<string, Record<'N' | 'Q' | 'D', number>> = {
    entropy: { N: 1, Q: 0, D: 0 }, // O(N_u · C + N_u · log Q): a logarithm counts as 0
    clue: { N: 1, Q: 1, D: 1 },
    kcenter: { N: 1, Q: 1, D: 1 }, // N_l grows with Q
    cdal: { N: 1, Q: 1, D: 0 },
    badge: { N: 1, Q: 1, D: 1 },
    alfamix: { N: 1, Q: 1, D: 1 }, // N_cp is a subset of the pool
    falcun: { N: 1, Q: 1, D: 0 },
  };
  assert.deepEqual(Object.fromEntries(TIME_COMPLEXITY.map((r) => [r.strategy, complexityExponents(r.complexity)])), want);
  assert.deepEqual(complexityExponents('O(N_u · N_u · D + Q)'), { N: 2, Q: 1, D: 1 });
  assert.throws(() => complexityExponents('N · D'), /complexityExponents: expected 'O\(…\)', got "N · D"/);
});

test('measuredExponent: recovers the exponents of an exact power law, on the baseline cells only', () => {
  const baseline = { N: 1000, Q: 50, D: 64 };
  const time = (N: number, Q: number, D: number) => 1e-6 * N * Q ** 2 * Math.sqrt(D);
  const rows: ScalabilityRow[] = [];
  for (const N of [500, 1000, 4000]) rows.push({ strategy: 's', N, Q: 50, D: 64, seconds: time(N, 50, 64) });
  for (const Q of [25, 100]) rows.push({ strategy: 's', N: 1000, Q, D: 64, seconds: time(1000, Q, 64) });
  for (const D of [16, 256]) rows.push({ strategy: 's', N: 1000, Q: 50, D, seconds: time(1000, 50, D) });
  // Off the baseline (two parameters changed) and another strategy: both ignored.
  rows.push({ strategy: 's', N: 4000, Q: 100, D: 64, seconds: 1e9 }, { strategy: 't', N: 4000, Q: 50, D: 64, seconds: 1e9 });
  const n = measuredExponent(rows, 's', 'N', baseline)!;
  assert.ok(Math.abs(n.exponent - 1) < 1e-9, `N: ${n.exponent}`);
  assert.deepEqual([n.points, n.from, n.to], [3, 500, 4000]);
  assert.ok(Math.abs(n.maxSeconds - time(4000, 50, 64)) < 1e-12);
  assert.ok(Math.abs(measuredExponent(rows, 's', 'Q', baseline)!.exponent - 2) < 1e-9);
  assert.ok(Math.abs(measuredExponent(rows, 's', 'D', baseline)!.exponent - 0.5) < 1e-9);
  // Repeated rows of one cell are averaged before the fit: (1 + 3) / 2 = 2 at N = 2000 against 1 at N = 1000.
  const twice: ScalabilityRow[] = [
    { strategy: 's', N: 1000, Q: 50, D: 64, seconds: 1 },
    { strategy: 's', N: 2000, Q: 50, D: 64, seconds: 1 },
    { strategy: 's', N: 2000, Q: 50, D: 64, seconds: 3 },
  ];
  assert.ok(Math.abs(measuredExponent(twice, 's', 'N', baseline)!.exponent - 1) < 1e-12);
  // A run stopped at the time limit (a lower bound) is left out of the fit.
  assert.ok(Math.abs(measuredExponent([...twice, { strategy: 's', N: 4000, Q: 50, D: 64, seconds: 1, timedOut: true }], 's', 'N', baseline)!.exponent - 1) < 1e-12);
  // One value of the parameter: nothing to fit.
  assert.equal(measuredExponent(rows, 't', 'N', baseline), undefined);
});

test('extrapolatedTime: the baseline time scaled by the measured exponents, Table 1 where a fit is too short', () => {
  const baseline = { N: 1000, Q: 50, D: 64 };
  const time = (N: number, Q: number, D: number) => 1e-3 * N * Q * Math.sqrt(D) / (1000 * 50 * 8); // 1 ms at the baseline
  const rows: ScalabilityRow[] = [];
  for (const N of [1000, 4000]) rows.push({ strategy: 's', N, Q: 50, D: 64, seconds: 1000 * time(N, 50, 64) }); // 1 s at the baseline
  for (const Q of [25, 100]) rows.push({ strategy: 's', N: 1000, Q, D: 64, seconds: 1000 * time(1000, Q, 64) });
  for (const D of [16, 256]) rows.push({ strategy: 's', N: 1000, Q: 50, D, seconds: 1000 * time(1000, 50, D) });
  const e = extrapolatedTime(rows, 's', baseline, { N: 8000, Q: 100, D: 256 }, { N: 1, Q: 1, D: 1 }, 0.1)!;
  // 1 s × 8 × 2 × √4 = 32 s, every exponent measured.
  assert.ok(Math.abs(e.seconds - 32) < 1e-9, String(e.seconds));
  assert.deepEqual(Object.values(e.exponents).map((x) => x.from), ['measured', 'measured', 'measured']);
  // Below minSeconds the fits are not used: Table 1's exponents (1, 1, 1) give 1 s × 8 × 2 × 4 = 64 s.
  const guessed = extrapolatedTime(rows, 's', baseline, { N: 8000, Q: 100, D: 256 }, { N: 1, Q: 1, D: 1 }, 100)!;
  assert.ok(Math.abs(guessed.seconds - 64) < 1e-9, String(guessed.seconds));
  assert.equal(guessed.exponents.D.from, 'Table 1');
  assert.equal(extrapolatedTime(rows, 'other', baseline, baseline, undefined, 0), undefined);
});
