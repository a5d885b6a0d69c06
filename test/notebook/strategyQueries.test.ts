import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMITTED_CLASS_ACCURACY_FILE } from '../../src/notebook/classAccuracyPool.ts';
import { readPoolSnapshot } from '../../src/notebook/poolSnapshot.ts';
import { createStrategy } from '../../src/acquisition/registry.ts';
import { queryStrategies } from '../../src/notebook/strategyQueries.ts';
import { poolViewOf, type TrainedPool } from '../../src/notebook/trainedPool.ts';
import { Random } from '../../src/random.ts';

test('queryStrategies: the picks of one select on the strategy\'s own stream, and a warm time (not the first, JIT-cold call)', () => {
  const pool = readPoolSnapshot(COMMITTED_CLASS_ACCURACY_FILE) as unknown as TrainedPool;
  const [falcun, random] = queryStrategies(pool, ['falcun', 'random'], 50, 3, { falcun: { gamma: 10 } });
  const once = createStrategy('falcun', { gamma: 10 }).select(poolViewOf(pool), 50, { random: new Random(3).fork('query', 'falcun') });
  assert.deepEqual(Array.from(falcun!.chosen), Array.from(once.indices));
  assert.equal(random!.strategy, 'random');
  for (const q of [falcun!, random!]) assert.ok(q.acquisitionSeconds > 0 && q.acquisitionSeconds < 5, `${q.strategy}: ${q.acquisitionSeconds} s`);
});
