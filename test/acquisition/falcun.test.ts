import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../tally.ts';
import { Falcun, type FalcunRelevance, type FalcunTrace, type FalcunVariant } from '../../src/acquisition/falcun.ts';
import type { PoolView } from '../../src/acquisition/types.ts';
import { Random } from '../../src/random.ts';
import { assertDistinctInRange, randomProbs, row } from './helpers.ts';

/** Slow, obvious FALCUN written from the paper's Eqs. (1)–(6): arrays of rows, Math.pow, recomputed min/max. */
function slowFalcun(rows: number[][], q: number, gamma: number, relevance: FalcunRelevance, deterministic: boolean, random: Random, variant: FalcunVariant = 'paper'): number[] {
  const n = rows.length;
  const u = rows.map((p) => {
    const s = [...p].sort((a, b) => b - a);
    return 1 - (s[0]! - s[1]!);
  });
  const dPrime = u.slice();
  const candidates: number[] = Array.from({ length: n }, (_, i) => i);
  const picks: number[] = [];
  for (let t = 0; t < q; t++) {
    const ds = candidates.map((i) => dPrime[i]!);
    const lo = Math.min(...ds);
    const hi = Math.max(...ds);
    const r = candidates.map((i) => {
      // The authors' d-only mode uses the raw d′ (no Eq. (4) normalisation).
      const d = variant === 'authors' && relevance === 'diversity' ? dPrime[i]! : hi > lo ? (dPrime[i]! - lo) / (hi - lo) : 0;
      return relevance === 'uncertainty' ? u[i]! : relevance === 'diversity' ? d : u[i]! + d;
    });
    let at: number;
    if (deterministic) {
      at = 0;
      for (let j = 1; j < r.length; j++) if (r[j]! > r[at]!) at = j;
    } else {
      // Divided by max r so that r^γ cannot underflow (the result is the same distribution).
      const rMax = Math.max(...r);
      const weights = r.map((x) => (rMax > 0 ? Math.pow(x / rMax, gamma) : 0));
      // The authors draw uniformly when every candidate's raw diversity is zero (d used, or their u-only mode).
      const total = (relevance !== 'uncertainty' || variant === 'authors') && hi <= 0 ? 0 : weights.reduce((a, b) => a + b, 0);
      if (total > 0) {
        const target = random.uniform() * total;
        let acc = 0;
        at = -1;
        for (let j = 0; j < weights.length; j++) {
          if (weights[j]! > 0) {
            acc += weights[j]!;
            at = j;
            if (target < acc) break;
          }
        }
      } else {
        at = random.int(candidates.length);
      }
    }
    const pick = candidates[at]!;
    picks.push(pick);
    candidates.splice(at, 1);
    for (const i of candidates) {
      let l1 = 0;
      for (let k = 0; k < rows[i]!.length; k++) l1 += Math.abs(rows[i]![k]! - rows[pick]![k]!);
      dPrime[i] = Math.min(dPrime[i]!, l1);
    }
  }
  return picks;
}

function poolOf(probs: Float32Array, n: number, c: number): PoolView {
  return { probs, numUnlabeled: n, numClasses: c };
}

test('Falcun: identical picks to the slow reference (γ, relevance, deterministic grid)', () => {
  const cases: Array<[number, number, number, number, FalcunRelevance, boolean]> = [
    [300, 3, 40, 10, 'both', false],
    [500, 10, 60, 10, 'both', false],
    [200, 47, 30, 10, 'both', false],
    [300, 5, 50, 1, 'both', false],
    [300, 5, 50, 2.5, 'both', false],
    [300, 5, 50, 0, 'both', false],
    [300, 5, 50, 10, 'uncertainty', false],
    [300, 5, 50, 10, 'diversity', false],
    [300, 5, 50, 10, 'both', true],
    [300, 5, 50, 10, 'uncertainty', true],
    [300, 5, 50, 10, 'diversity', true],
  ];
  // Confident pools (logit scale 6) exercise the L1 pruning bound on most rows.
  const confident = new Set([1, 9]);
  for (const [at, [n, c, q, gamma, relevance, deterministic]] of cases.entries()) {
    for (const seed of [1, 2]) {
      const probs = randomProbs(new Random(seed * 100 + c), n, c, confident.has(at) ? 6 : 1.5);
      const frozen = probs.slice();
      const rows = Array.from({ length: n }, (_, i) => row(probs, i, c));
      const fast = new Falcun({ gamma, relevance, deterministic }).select(poolOf(probs, n, c), q, { random: new Random(seed) });
      const slow = slowFalcun(rows, q, gamma, relevance, deterministic, new Random(seed));
      assert.deepEqual(Array.from(fast.indices), slow, `n=${n} c=${c} q=${q} γ=${gamma} ${relevance} det=${deterministic} seed=${seed}`);
      assert.deepEqual(probs, frozen, 'input not mutated');
    }
  }
});

test("Falcun: the authors' variant (raw d′ for d only, uniform fallback for u only) equals the slow reference", () => {
  const cases: Array<[number, number, number, number, FalcunRelevance, boolean]> = [
    [300, 5, 50, 10, 'diversity', false],
    [300, 5, 50, 1, 'diversity', false],
    [300, 5, 50, 10, 'uncertainty', false],
    [300, 10, 40, 10, 'both', false],
    [300, 5, 50, 10, 'diversity', true],
    [300, 5, 50, 10, 'uncertainty', true],
  ];
  for (const [n, c, q, gamma, relevance, deterministic] of cases) {
    for (const seed of [3, 4]) {
      const probs = randomProbs(new Random(seed * 10 + c), n, c, 3);
      const rows = Array.from({ length: n }, (_, i) => row(probs, i, c));
      const fast = new Falcun({ gamma, relevance, deterministic, variant: 'authors' }).select(poolOf(probs, n, c), q, { random: new Random(seed) });
      const slow = slowFalcun(rows, q, gamma, relevance, deterministic, new Random(seed), 'authors');
      assert.deepEqual(Array.from(fast.indices), slow, `authors n=${n} c=${c} γ=${gamma} ${relevance} det=${deterministic} seed=${seed}`);
    }
  }
  // The variants differ where the issue says they do: d only (raw vs normalised d′). They coincide when
  // the smallest candidate d′ is 0 (then d = d′ / max d′, the same distribution), so use a pool of
  // uncertain points (small logits) where min d′ > 0.
  const probs = randomProbs(new Random(9), 300, 5, 0.3);
  const paper = new Falcun({ relevance: 'diversity' }).select(poolOf(probs, 300, 5), 50, { random: new Random(1) });
  const authors = new Falcun({ relevance: 'diversity', variant: 'authors' }).select(poolOf(probs, 300, 5), 50, { random: new Random(1) });
  assert.notDeepEqual(Array.from(paper.indices), Array.from(authors.indices));
});

test("Falcun: the authors' u-only mode draws uniformly once every raw diversity is zero; the paper's does not", () => {
  // Two exact duplicates of one uncertain point and two confident points: after picking one duplicate,
  // every remaining raw d′ is 0 (duplicate: distance 0; confident: u = 0).
  const probs = new Float32Array([0.5, 0.5, 0, 0.5, 0.5, 0, 1, 0, 0, 0, 0, 1]);
  let uniformSecond = 0;
  let paperSecond = 0;
  for (let t = 0; t < 200; t++) {
    const a = new Falcun({ relevance: 'uncertainty', variant: 'authors' }).select(poolOf(probs, 4, 3), 2, { random: new Random(`a${t}`) });
    const p = new Falcun({ relevance: 'uncertainty' }).select(poolOf(probs, 4, 3), 2, { random: new Random(`a${t}`) });
    if (a.indices[1]! >= 2) uniformSecond++;
    if (p.indices[1]! >= 2) paperSecond++;
  }
  assert.equal(paperSecond, 0, 'paper u-only: confident points have r = 0 and are never drawn while an uncertain one is left');
  assert.ok(uniformSecond > 100 && uniformSecond < 170, `authors u-only: second pick uniform over 3 candidates (2/3 confident), got ${uniformSecond}/200`);
});

test('Falcun: rows summing to 1 ± 1e-3 (accepted input) give the slow reference picks (pruning bound holds)', () => {
  for (const seed of [1, 2, 3]) {
    const n = 400;
    const c = 6;
    const probs = randomProbs(new Random(seed), n, c, 6);
    const rng = new Random(`scale${seed}`);
    for (let i = 0; i < n; i++) {
      const f = 1 + (rng.uniform() * 2 - 1) * 9.9e-4; // row sum within the validator's tolerance
      for (let k = 0; k < c; k++) probs[i * c + k] = probs[i * c + k]! * f;
    }
    const rows = Array.from({ length: n }, (_, i) => row(probs, i, c));
    for (const det of [false, true]) {
      const fast = new Falcun({ deterministic: det }).select(poolOf(probs, n, c), 60, { random: new Random(seed) });
      assert.deepEqual(Array.from(fast.indices), slowFalcun(rows, 60, 10, 'both', det, new Random(seed)), `seed ${seed} det=${det}`);
    }
  }
});

test('Falcun: r^γ that underflows (u only, γ = 200, u in [1e-3, 3e-3]) still samples ∝ r^γ, not uniformly', () => {
  // 50 confident points; u_i = 1e-3 + 2e-3·i/49. With γ = 200 the most uncertain point carries
  // 1 / Σ_i (u_i / u_max)^200 of the mass (about 0.64); a uniform draw would give it 2 %.
  const n = 50;
  const probs = new Float32Array(n * 2);
  const us: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = 1e-3 + (2e-3 * i) / (n - 1);
    const p1 = 1 - u / 2; // margin p1 − p2 = 1 − u
    probs[2 * i] = p1;
    probs[2 * i + 1] = 1 - p1;
    const f = Float64Array.from([probs[2 * i]!, probs[2 * i + 1]!]);
    us.push(1 - (f[0]! - f[1]!));
  }
  const uMax = Math.max(...us);
  const expected = 1 / us.reduce((a, u) => a + Math.pow(u / uMax, 200), 0);
  let top = 0;
  const trials = 2000;
  for (let t = 0; t < trials; t++) {
    const sel = new Falcun({ gamma: 200, relevance: 'uncertainty' }).select(poolOf(probs, n, 2), 1, { random: new Random(`uf${t}`) });
    if (sel.indices[0] === n - 1) top++;
  }
  const rate = top / trials;
  assert.ok(expected > 0.5, `expected share ${expected}`);
  assert.ok(Math.abs(rate - expected) < 0.05, `most uncertain point drawn ${rate}, expected ${expected.toFixed(3)}`);
});

test('Falcun: Q distinct indices inside the pool, whole pool when Q = N', () => {
  const probs = randomProbs(new Random(5), 50, 4);
  const sel = new Falcun().select(poolOf(probs, 50, 4), 50, { random: new Random(1) });
  assertDistinctInRange(sel.indices, 50);
  assert.equal(sel.indices.length, 50);
});

test('Falcun: γ = 0 gives uniform picks (χ² over 4000 draws, 10 cells)', () => {
  const n = 10;
  const c = 3;
  // Very different relevances: with γ > 0 the draw would be far from uniform.
  const probs = new Float32Array(n * c);
  for (let i = 0; i < n; i++) {
    const a = 0.34 + (0.65 * i) / (n - 1);
    probs.set([a, (1 - a) * 0.7, (1 - a) * 0.3], i * c);
  }
  const counts = new Array<number>(n).fill(0);
  const draws = 4000;
  const root = new Random(2026);
  const uniform = new Falcun({ gamma: 0 });
  for (let t = 0; t < draws; t++) tally(counts, uniform.select(poolOf(probs, n, c), 1, { random: root.fork('draw', t) }).indices[0]);
  const expected = draws / n;
  const chi2 = counts.reduce((s, o) => s + ((o - expected) * (o - expected)) / expected, 0);
  // χ²(9) at p = 0.001 is 27.88 (scipy.stats.chi2.ppf(0.999, 9)).
  assert.ok(chi2 < 27.88, `χ² = ${chi2}, counts ${counts}`);
  // The same check with γ = 10 must fail: the test can tell uniform from relevance-weighted.
  const skewed = new Array<number>(n).fill(0);
  const g10 = new Falcun({ gamma: 10 });
  for (let t = 0; t < 1000; t++) tally(skewed, g10.select(poolOf(probs, n, c), 1, { random: root.fork('g10', t) }).indices[0]);
  const chi2Skewed = skewed.reduce((s, o) => s + ((o - 100) * (o - 100)) / 100, 0);
  assert.ok(chi2Skewed > 100, `γ = 10 should be far from uniform, χ² = ${chi2Skewed}`);
});

test('Falcun: very large γ equals deterministic picks', () => {
  for (const seed of [3, 4]) {
    const probs = randomProbs(new Random(seed), 400, 6, 1.5);
    const det = new Falcun({ deterministic: true }).select(poolOf(probs, 400, 6), 40, { random: new Random(0) });
    for (const gamma of [1e9, 1e12 + 0.5]) {
      const big = new Falcun({ gamma }).select(poolOf(probs, 400, 6), 40, { random: new Random(seed) });
      assert.deepEqual(Array.from(big.indices), Array.from(det.indices), `γ = ${gamma}`);
    }
  }
});

test('Falcun: on a pool of exact duplicates, later picks move away from the chosen ones', () => {
  // Three probability vectors with equal margin uncertainty (0.8) and pairwise L1 distance 0.6, each repeated 60 times.
  const groups = [
    [0.5, 0.3, 0.2],
    [0.2, 0.5, 0.3],
    [0.3, 0.2, 0.5],
  ];
  const n = 180;
  const probs = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) probs.set(groups[i % 3]!, i * 3);
  for (const options of [{ deterministic: true }, { gamma: 10 }]) {
    for (const seed of [0, 1, 2, 3]) {
      const sel = new Falcun(options).select(poolOf(probs, n, 3), 3, { random: new Random(seed), trace: { relevance: true } });
      const g = Array.from(sel.indices, (i) => i % 3);
      assert.equal(new Set(g).size, 3, `picks ${Array.from(sel.indices)} should cover the three groups (${JSON.stringify(options)})`);
      // After the first pick its duplicates keep d = 0 (r = u = 0.8), the others r = 1.8.
      const rel = (sel.trace as FalcunTrace).relevance![1]!;
      for (let i = 0; i < n; i++) {
        if (i === sel.indices[0]) assert.ok(Number.isNaN(rel[i]!));
        else if (i % 3 === g[0]) assert.ok(Math.abs(rel[i]! - 0.8) < 1e-6, `duplicate ${i}: r = ${rel[i]}`);
        else assert.ok(Math.abs(rel[i]! - 1.8) < 1e-6, `other ${i}: r = ${rel[i]}`);
      }
    }
  }
});

test('Falcun: all-confident pool with relevance = diversity-only falls back to uniform draws', () => {
  // Identical one-hot rows: u = 0, d′ range 0 → every relevance is 0.
  const n = 20;
  const probs = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) probs.set([1, 0], i * 2);
  const sel = new Falcun({ relevance: 'diversity' }).select(poolOf(probs, n, 2), 5, { random: new Random(9), trace: true });
  assertDistinctInRange(sel.indices, n);
  const tr = sel.trace as FalcunTrace;
  assert.deepEqual(Array.from(tr.pickProbability), [1 / 20, 1 / 19, 1 / 18, 1 / 17, 1 / 16]);
});

test('Falcun: once every raw diversity is zero (confident points and duplicates of picks), the draw is uniform', () => {
  // A and its duplicate are uncertain (u = 1); B and C are one-hot (u = 0). The first pick is A or A′ (r = 2
  // against 0). Then every candidate has d′ = 0: A′ at L1 distance 0 from the pick, B and C with u = 0.
  // The authors' code then draws uniformly; r = u alone would always pick the duplicate.
  const probs = Float32Array.from([0.5, 0.5, 0, 0.5, 0.5, 0, 1, 0, 0, 0, 1, 0]);
  const counts = [0, 0, 0, 0];
  for (let t = 0; t < 600; t++) {
    const sel = new Falcun().select(poolOf(probs, 4, 3), 2, { random: new Random(`uniform-fallback-${t}`), trace: true });
    assert.ok(sel.indices[0]! <= 1, 'the first pick is one of the uncertain duplicates');
    assert.ok(Math.abs((sel.trace as FalcunTrace).pickProbability[1]! - 1 / 3) < 1e-12);
    tally(counts, sel.indices[1]);
    assert.deepEqual(sel.indices, Int32Array.from(slowFalcun(Array.from({ length: 4 }, (_, i) => row(probs, i, 3)), 2, 10, 'both', false, new Random(`uniform-fallback-${t}`))));
  }
  for (const k of [2, 3]) assert.ok(counts[k]! > 120, `one-hot point ${k} drawn ${counts[k]} of 600 times (expected ~200)`);
  // Relevance from u only keeps r = u: the confident points are never drawn.
  const uOnly = new Falcun({ relevance: 'uncertainty' }).select(poolOf(probs, 4, 3), 2, { random: new Random(3) });
  assert.deepEqual([...uOnly.indices].sort(), [0, 1]);
});

test('Falcun: trace records picks, pick probabilities and (on request) relevance', () => {
  const probs = randomProbs(new Random(8), 30, 4);
  const sel = new Falcun().select(poolOf(probs, 30, 4), 5, { random: new Random(1), trace: { relevance: true } });
  const tr = sel.trace as FalcunTrace;
  assert.equal(tr.kind, 'falcun');
  assert.deepEqual(tr.indices, sel.indices);
  assert.equal(tr.relevance!.length, 5);
  for (let t = 0; t < 5; t++) {
    const r = tr.relevance![t]!;
    // The pick's probability is r^γ / Σ r^γ over the candidates (Eq. (6)).
    let total = 0;
    for (const v of r) if (!Number.isNaN(v)) total += Math.pow(v, 10);
    const expected = Math.pow(r[sel.indices[t]!]!, 10) / total;
    assert.ok(Math.abs(tr.pickProbability[t]! - expected) < 1e-5 * expected, `pick ${t}`);
    for (let s = 0; s < t; s++) assert.ok(Number.isNaN(r[sel.indices[s]!]!), 'chosen points are NaN');
    for (const v of r) assert.ok(Number.isNaN(v) || (v >= 0 && v <= 2));
  }
  const plain = new Falcun().select(poolOf(probs, 30, 4), 5, { random: new Random(1) });
  assert.equal(plain.trace, undefined);
  assert.deepEqual(plain.indices, sel.indices, 'tracing does not change the picks');
});

test('Falcun: constructor rejects bad options with clear errors', () => {
  assert.throws(() => new Falcun({ gamma: -1 }), (e: Error) => e instanceof RangeError && /Falcun: option gamma.*>= 0.*-1/.test(e.message));
  assert.throws(() => new Falcun({ gamma: NaN }), TypeError);
  assert.throws(() => new Falcun({ gamma: Infinity }), RangeError);
  assert.throws(() => new Falcun({ gamma: '3' as unknown as number }), TypeError);
  assert.throws(() => new Falcun({ relevance: 'entropy' as FalcunRelevance }), /relevance must be one of both, uncertainty, diversity, got entropy/);
  assert.throws(() => new Falcun({ deterministic: 1 as unknown as boolean }), TypeError);
});
