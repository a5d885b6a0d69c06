import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { syntheticRecords } from './syntheticRecords.ts';

test('danfojs-node (tfjs-node overridden to plain tfjs) leaves the chosen tfjs backend alone', async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const { learningCurveFrame } = await import('../../src/analysis/learningCurveFrame.ts');
  const df = learningCurveFrame(syntheticRecords({ strategies: ['a'], rounds: 2 }));
  assert.equal(df.shape[0], 2);
  assert.equal(tf.getBackend(), 'cpu');
  // danfo's '@tensorflow/tfjs-node' is the registry tfjs (package.json override) on the project's tfjs-core
  const fromDanfo = createRequire(createRequire(import.meta.url).resolve('danfojs-node'));
  const aliased = fromDanfo('@tensorflow/tfjs-node/package.json') as { name: string; version: string };
  assert.deepEqual([aliased.name, aliased.version], ['@tensorflow/tfjs', '4.22.0']);
  const coreOfAlias = createRequire(fromDanfo.resolve('@tensorflow/tfjs-node')).resolve('@tensorflow/tfjs-core');
  assert.equal(coreOfAlias, createRequire(import.meta.url).resolve('@tensorflow/tfjs-core'));
});
