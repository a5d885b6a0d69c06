import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROBABILITY_SUM_TOLERANCE, validateBatchSize, validateProbabilities } from '../../src/acquisition/validate.ts';

test('validateProbabilities: rows within the documented tolerance pass, beyond it fail', () => {
  assert.equal(PROBABILITY_SUM_TOLERANCE, 1e-3);
  const ok = new Float32Array([0.5, 0.5009, 0.3, 0.6991]);
  assert.deepEqual(validateProbabilities({ probs: ok, numUnlabeled: 2, numClasses: 2 }, 'f').n, 2);
  const bad = new Float32Array([0.5, 0.5012, 0.3, 0.7]);
  assert.throws(() => validateProbabilities({ probs: bad, numUnlabeled: 2, numClasses: 2 }, 'f'), /f: pool.probs row 0 sums to 1.001/);
  assert.throws(() => validateProbabilities({ probs: new Float32Array([Infinity, 0]), numUnlabeled: 1, numClasses: 2 }, 'f'), /pool.probs\[0, 0\] is Infinity/);
  assert.throws(() => validateProbabilities({ probs: new Float32Array(0), numUnlabeled: 0, numClasses: 2 }, 'f'), /f: pool.numUnlabeled must be >= 1, got 0/);
  assert.throws(() => validateProbabilities(null as never, 'f'), TypeError);
});

test('validateBatchSize: Q = 0 is an error, Q = N is allowed', () => {
  assert.equal(validateBatchSize(5, 5, 'f'), 5);
  assert.throws(() => validateBatchSize(0, 5, 'f'), /f: batchSize must be >= 1, got 0/);
  assert.throws(() => validateBatchSize(6, 5, 'f'), /f: batchSize 6 exceeds the unlabeled pool size 5/);
  assert.throws(() => validateBatchSize(NaN, 5, 'f'), TypeError);
  assert.throws(() => validateBatchSize('3' as never, 5, 'f'), TypeError);
});
