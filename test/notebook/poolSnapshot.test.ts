import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadExplorerData } from '../../src/explorer/explorerData.ts';
import { COMMITTED_POOL_FILE, committedPoolMade, readPoolSnapshot, threeClassPoolFor, writePoolSnapshot } from '../../src/notebook/poolSnapshot.ts';
import type { TrainedPool } from '../../src/notebook/trainedPool.ts';

/** A small pool with distinct values everywhere (n = 4, C = 3, D = 2, L = 3). */
function smallPool(): TrainedPool {
  const f = (len: number, base: number) => Float32Array.from({ length: len }, (_, i) => base + i / 7);
  return {
    dataset: 'mnist', classNames: ['3', '5', '8'], numClasses: 3, n: 4,
    probs: f(12, 0.01), embeddings: f(8, -1), embeddingDim: 2, y: Int32Array.from([0, 2, 1, 2]), trainRows: Int32Array.from([10, 3, 77, 5]),
    numLabeled: 3, labeledProbs: f(9, 0.2), labeledEmbeddings: f(6, 3), labeledY: Int32Array.from([0, 1, 2]),
    head: { weights: f(6, 0.5), bias: f(3, -0.25), inputDim: 2, numClasses: 3 },
    perClassAccuracy: [0.5, null, 1], testAccuracy: 0.75, fitSeconds: 1.5,
  };
}
const made = { maker: 'threeClassPool', poolSize: 4, epochs: null, seed: 0 };

test('writePoolSnapshot / readPoolSnapshot: every field comes back exactly (float32 bit for bit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-pool-'));
  try {
    const pool = smallPool();
    const file = join(dir, 'pool.json.gz');
    assert.ok(writePoolSnapshot(file, pool, made) > 0);
    const back = readPoolSnapshot(file);
    assert.deepEqual(back.made, made);
    for (const k of Object.keys(pool) as Array<keyof TrainedPool>) assert.deepEqual(back[k], pool[k], k);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readPoolSnapshot: a missing file, a non-gzip file and a short array are errors naming the file and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-pool-'));
  try {
    const file = join(dir, 'pool.json.gz');
    assert.throws(() => readPoolSnapshot(file), /pool\.json\.gz: no such file; remake it with 'npm run explorer:data'/);
    writeFileSync(file, 'not gzip');
    assert.throws(() => readPoolSnapshot(file), /pool\.json\.gz: not a gzip'd JSON snapshot/);
    writePoolSnapshot(file, { ...smallPool(), n: 5 }, made); // arrays for n = 4 under a header saying 5
    assert.throws(() => readPoolSnapshot(file), /probs holds 12 values, expected 15/);
    writeFileSync(file, gzipSync(JSON.stringify({ n: 4, numClasses: 3, embeddingDim: -1, numLabeled: 3 })));
    assert.throws(() => readPoolSnapshot(file), /embeddingDim must be an integer >= 0, got -1/);
    writePoolSnapshot(file, smallPool(), made, new Float64Array(14));
    assert.equal(readPoolSnapshot(file).coords?.length, 14);
    assert.throws(() => writePoolSnapshot(file, smallPool(), made, new Float64Array(12)), /coords must hold 2 × \(L \+ N\) = 14 values, got 12/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the committed 3-class pool: made by threeClassPool at the quick scale, seed 0, the same pool as the γ explorer\'s probabilities', () => {
  const pool = readPoolSnapshot(COMMITTED_POOL_FILE);
  assert.deepEqual(pool.made, committedPoolMade());
  assert.equal(pool.n, 1500);
  assert.equal(pool.numLabeled, 30);
  // the test rows cover every class (they were once all of the first class: one per-class accuracy, the rest null)
  assert.ok(pool.perClassAccuracy.every((a) => a !== null && a > 0.2), `per-class accuracy ${JSON.stringify(pool.perClassAccuracy)}`);
  const explorer = loadExplorerData();
  assert.equal(explorer.n, pool.n);
  assert.deepEqual(Array.from(pool.y), explorer.labels);
  // The explorer file keeps 5 decimals and renormalises each row after rounding (scripts/make-explorer-data.ts).
  let worst = 0;
  for (let i = 0; i < pool.probs.length; i++) worst = Math.max(worst, Math.abs(pool.probs[i]! - explorer.probs[i]!));
  assert.ok(worst < 2e-5, `probabilities differ from the explorer's by up to ${worst}`);
});

test('threeClassPoolFor: committed by default (nothing trained); another seed or scale says so in a NOTE and trains', async () => {
  const lines: string[] = [];
  const committed = await threeClassPoolFor({ results: 'committed', scale: 'quick', seed: 0 }, (l) => lines.push(l));
  assert.equal(committed.source, 'committed');
  assert.match(committed.summary, /^committed pool \(notebooks\/assets\/mnist-3class-pool\.json\.gz/);
  assert.equal(lines.length, 0);
  const missing = join(tmpdir(), 'falcun-no-such-pool.json.gz');
  const trained = await threeClassPoolFor({ results: 'committed', scale: 'smoke', seed: 0 }, (l) => lines.push(l), missing);
  assert.equal(trained.source, 'trained');
  assert.equal(trained.n, 300);
  assert.match(lines.join('\n'), /NOTE: not drawing the committed pool \(it holds seed 0 at the quick\/paper scale, not seed 0 at 'smoke'\), so this notebook now TRAINS/);
});
