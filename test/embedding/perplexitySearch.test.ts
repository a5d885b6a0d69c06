import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../src/random.ts';
import { calibrateRow, PERPLEXITY_TOLERANCE } from '../../src/embedding/perplexitySearch.ts';

function entropy(p: Float64Array, from: number, m: number): number {
  let h = 0;
  for (let j = 0; j < m; j++) if (p[from + j]! > 0) h -= p[from + j]! * Math.log(p[from + j]!);
  return h;
}

test('calibrateRow reaches the target perplexity over a range of scales', () => {
  const r = new Random(3);
  for (const scale of [1e-3, 1, 1e3]) {
    for (const perplexity of [2, 5, 30]) {
      const m = 90;
      const sq = new Float64Array(m + 5);
      for (let j = 0; j < sq.length; j++) sq[j] = scale * r.uniform() * 10;
      const out = new Float64Array(m + 5).fill(-1);
      const beta = calibrateRow(sq, 5, m, perplexity, out);
      assert.ok(beta > 0);
      assert.deepEqual(Array.from(out.subarray(0, 5)), [-1, -1, -1, -1, -1], 'writes only its range');
      let sum = 0;
      for (let j = 5; j < m + 5; j++) sum += out[j]!;
      assert.ok(Math.abs(sum - 1) < 1e-12, 'row sums to 1');
      assert.ok(Math.abs(entropy(out, 5, m) - Math.log(perplexity)) < 10 * PERPLEXITY_TOLERANCE, `scale ${scale} perplexity ${perplexity}`);
      // p ∝ exp(−β d²): nearer points weigh more
      for (let a = 5; a < m + 5; a++) for (let b = 5; b < m + 5; b++) if (sq[a]! < sq[b]!) assert.ok(out[a]! >= out[b]!);
    }
  }
});

test('calibrateRow: a perplexity at or above the row length gives a (near-)uniform row', () => {
  const sq = new Float64Array([1, 2, 3, 4]);
  const out = new Float64Array(4);
  calibrateRow(sq, 0, 4, 4, out);
  // entropy within 1e-5 of ln 4 allows deviations of order sqrt(1e-5) from uniform
  for (const v of out) assert.ok(Math.abs(v - 0.25) < 0.01);
  assert.ok(out[0]! >= out[3]!);
});

test('calibrateRow: equal distances (duplicated rows) give the uniform row at once', () => {
  const out = new Float64Array(6);
  assert.equal(calibrateRow(new Float64Array(6).fill(2.5), 0, 6, 3, out), 0);
  assert.deepEqual(Array.from(out), new Array(6).fill(1 / 6));
});
