import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracyFromProbs } from '../../src/experiment/evaluate.ts';
import { Random } from '../../src/random.ts';

/** Slow obvious version: argmax by sorting each row (first max on ties), counts per class. */
function slowAccuracy(probs: Float32Array, y: Int32Array, C: number) {
  let hits = 0;
  const tot = new Array(C).fill(0);
  const cor = new Array(C).fill(0);
  for (let i = 0; i < y.length; i++) {
    const row = Array.from(probs.subarray(i * C, (i + 1) * C));
    const pred = row.indexOf(Math.max(...row));
    tot[y[i]!]++;
    if (pred === y[i]) {
      hits++;
      cor[y[i]!]++;
    }
  }
  return { accuracy: hits / y.length, perClass: tot.map((t, c) => (t > 0 ? cor[c] / t : null)) };
}

test('accuracyFromProbs equals the obvious version on random data, including ties and absent classes', () => {
  const rnd = new Random(7);
  for (const [n, C] of [[1, 2], [50, 3], [333, 10], [40, 26]] as const) {
    const probs = new Float32Array(n * C);
    for (let i = 0; i < probs.length; i++) probs[i] = rnd.int(4) / 4; // coarse values force ties
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) y[i] = rnd.int(Math.max(1, C - 1)); // the last class never occurs
    const [pCopy, yCopy] = [probs.slice(), y.slice()];
    assert.deepEqual(accuracyFromProbs(probs, y, C), slowAccuracy(probs, y, C), `n=${n} C=${C}`);
    assert.deepEqual([probs, y], [pCopy, yCopy], 'inputs unchanged');
  }
  assert.deepEqual(accuracyFromProbs(new Float32Array([0.9, 0.1, 0.2, 0.8]), new Int32Array([0, 0]), 2), { accuracy: 0.5, perClass: [0.5, null] });
});

test('accuracyFromProbs rejects mismatched sizes and an empty split', () => {
  assert.throws(() => accuracyFromProbs(new Float32Array(5), new Int32Array(2), 3), /accuracyFromProbs: probs has 5 values, expected n × numClasses = 2 × 3/);
  assert.throws(() => accuracyFromProbs(new Float32Array(0), new Int32Array(0), 3), /test split is empty/);
});
