import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectionProbabilities } from '../../src/analysis/selectionProbability.ts';

test('selectionProbabilities: r^γ / Σ r^γ against the direct formula', () => {
  const r = Object.freeze([0.1, 0.5, 1.2, 0.9, 0]);
  for (const g of [0.5, 1, 2, 5, 10, 20]) {
    const p = selectionProbabilities(r, g);
    const z = r.reduce((s, x) => s + x ** g, 0);
    r.forEach((x, i) => assert.ok(Math.abs(p[i]! - x ** g / z) < 1e-14, `γ=${g} i=${i}`));
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  }
  assert.deepEqual(Array.from(selectionProbabilities([1, 2], 1)), [1 / 3, 2 / 3]);
  assert.deepEqual(r, [0.1, 0.5, 1.2, 0.9, 0]);
});

test('selectionProbabilities: γ = 0 and all-zero relevance are uniform; huge γ does not overflow', () => {
  assert.deepEqual(Array.from(selectionProbabilities([0, 3, 5, 0], 0)), [0.25, 0.25, 0.25, 0.25]);
  assert.deepEqual(Array.from(selectionProbabilities([0, 0], 10)), [0.5, 0.5]);
  const p = selectionProbabilities([1e200, 2e200], 500);
  assert.ok(p[1]! > 0.999999 && Number.isFinite(p[0]!));
});

test('selectionProbabilities: bad input', () => {
  assert.throws(() => selectionProbabilities([1, -1], 1), (e: Error) => e instanceof RangeError && /relevance\[1\] must be a finite number >= 0, got -1/.test(e.message));
  assert.throws(() => selectionProbabilities([1], -2), /gamma must be a finite number >= 0, got -2/);
  assert.throws(() => selectionProbabilities([], 1), /relevance is empty/);
  assert.throws(() => selectionProbabilities(5 as never, 1), TypeError);
});
