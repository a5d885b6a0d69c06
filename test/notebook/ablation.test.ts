import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ablationOrder, ablationStrategies } from '../../src/notebook/ablation.ts';

test('ablationOrder puts labels in the paper\'s row order whatever order the records come in', () => {
  const paper = ablationStrategies().map((s) => (typeof s === 'string' ? s : s.label!));
  const shuffled = [...paper].reverse().concat(['falcun-g10-ud', 'random']);
  assert.deepEqual(ablationOrder(shuffled), [...paper, 'random']);
  assert.deepEqual(ablationOrder(['falcun-det-u', 'falcun-g10-ud', 'falcun-g0', 'falcun-g10-u', 'falcun-g2.5-ud']), ['falcun-g0', 'falcun-g2.5-ud', 'falcun-g10-u', 'falcun-g10-ud', 'falcun-det-u']);
});
