import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classAccuracyPoolFor, COMMITTED_CLASS_ACCURACY_FILE, committedClassAccuracyMade } from '../../src/notebook/classAccuracyPool.ts';
import { readPoolSnapshot } from '../../src/notebook/poolSnapshot.ts';
import { queryStrategies } from '../../src/notebook/strategyQueries.ts';
import { stackLabeled } from '../../src/notebook/trainedPool.ts';

test('the committed Fig. 7 pool: RandomRBF at the quick scale, seed 0, probabilities and t-SNE kept, embeddings left out', () => {
  const snap = readPoolSnapshot(COMMITTED_CLASS_ACCURACY_FILE);
  assert.deepEqual(snap.made, committedClassAccuracyMade());
  assert.equal(snap.dataset, 'randomrbf');
  assert.equal(snap.numClasses, 5);
  assert.equal(snap.n, 2000);
  assert.equal(snap.numLabeled, 100);
  assert.equal(snap.embeddingDim, 0);
  assert.equal(snap.coords?.length, 2 * 2100);
  assert.ok(snap.coords!.every(Number.isFinite));
  for (let i = 0; i < snap.n; i++) {
    let s = 0;
    for (let k = 0; k < 5; k++) s += snap.probs[i * 5 + k]!;
    assert.ok(Math.abs(s - 1) < 1e-4, `row ${i} sums to ${s}`);
  }
});

test('classAccuracyPoolFor: committed by default (FALCUN queries it without embeddings); another seed says so in a NOTE and trains', async () => {
  const lines: string[] = [];
  const committed = await classAccuracyPoolFor({ results: 'committed', scale: 'quick', dataset: 'randomrbf', seed: 0 }, (l) => lines.push(l));
  assert.equal(committed.source, 'committed');
  assert.equal(lines.length, 0);
  const [q] = queryStrategies(committed.pool, ['falcun'], 100, 0, { falcun: { gamma: 10 } });
  assert.equal(new Set(q!.chosen).size, 100);
  assert.equal(stackLabeled(committed.pool).n, 2100);
  const trained = await classAccuracyPoolFor({ results: 'committed', scale: 'smoke', dataset: 'randomrbf', seed: 1 }, (l) => lines.push(l), join(tmpdir(), 'falcun-no-such-pool.json.gz'));
  assert.equal(trained.source, 'trained');
  assert.equal(trained.pool.n, 400);
  assert.equal(trained.coords.length, 2 * (trained.pool.n + trained.pool.numLabeled));
  assert.match(lines.join('\n'), /NOTE: not drawing the committed pool \(it holds randomrbf, seed 0 at the quick\/paper scale, not randomrbf, seed 1 at 'smoke'\), so this notebook now TRAINS/);
});
