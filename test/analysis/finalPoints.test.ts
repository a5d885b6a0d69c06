import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finalPoints } from '../../src/analysis/finalPoints.ts';
import { learningCurves } from '../../src/analysis/learningCurves.ts';
import { syntheticRecords } from './syntheticRecords.ts';

test('finalPoints: the point with the most labels of every curve, and nothing else', () => {
  const curves = learningCurves(syntheticRecords({ strategies: ['falcun', 'random'], seeds: [0, 1], rounds: 4 }));
  const last = finalPoints(curves);
  const strategies = [...new Set(curves.map((p) => p.strategy))];
  assert.equal(last.length, strategies.length);
  for (const s of strategies) {
    const own = curves.filter((p) => p.strategy === s);
    const max = Math.max(...own.map((p) => p.numLabeled));
    assert.deepEqual(last.filter((p) => p.strategy === s), own.filter((p) => p.numLabeled === max));
  }
  assert.deepEqual(finalPoints([]), []);
});
