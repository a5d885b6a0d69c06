import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchPicksFigure } from '../../src/figures/batchPicks.ts';
import { batchTableHtml, writeExampleOwnData } from '../../src/notebook/ownData.ts';
import { readMatrix } from '../../src/select/readMatrix.ts';
import { selectBatch } from '../../src/select/selectBatch.ts';
import { writeNpyMatrix } from '../../src/select/writeNpyMatrix.ts';

test('writeNpyMatrix writes what readMatrix (and numpy, where installed) reads back bit for bit; values start at a multiple of 64', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-npy-'));
  try {
    const v = Float32Array.from({ length: 21 }, (_, i) => Math.sin(i) / 3);
    writeNpyMatrix(join(dir, 'a.npy'), v, 7, 3);
    const m = await readMatrix(join(dir, 'a.npy'));
    assert.deepEqual([m.rows, m.cols], [7, 3]);
    assert.deepEqual(m.values, v);
    assert.equal((readFileSync(join(dir, 'a.npy')).length - 21 * 4) % 64, 0);
    assert.throws(() => writeNpyMatrix(join(dir, 'b.npy'), v, 7, 4), /21 values is not rows × cols = 7 × 4/);
    const py = spawnSync('/usr/bin/python3', ['-c', `import numpy as np, sys; a = np.load(${JSON.stringify(join(dir, 'a.npy'))}); sys.stdout.write(f"{a.shape} {a.dtype} {a.sum():.6f}")`], { encoding: 'utf8' });
    if (py.status === 0) assert.equal(py.stdout, `(7, 3) float32 ${v.reduce((a, b) => a + b, 0).toFixed(6)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the own-data notebook's helpers: example pool, batch table, picks figure", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-own-nb-'));
  try {
    const files = writeExampleOwnData(dir, 60, 1);
    const pool = await readMatrix(files.csv);
    const probs = await readMatrix(files.probs);
    assert.deepEqual([pool.rows, pool.cols, probs.rows, probs.cols], [60, 2, 60, 3]);
    assert.equal(pool.ids![0], 'sample-0000');
    const batch = selectBatch({ probabilities: probs, batchSize: 5, seed: 0 });
    const html = batchTableHtml(batch, pool);
    assert.equal((html.match(/<tr>/g) ?? []).length, 6);
    assert.ok(html.includes(`<td>${pool.ids![batch.picks[0]!.row]}</td>`));
    const fig = batchPicksFigure({ x: [0, 1, 2], y: [2, 1, 0], uncertainty: [0.1, 0.5, 0.9], picks: [{ row: 2, pick: 1, id: 'c', relevance: 1.5 }] });
    assert.deepEqual(fig.data[1]!.x, [2]);
    assert.deepEqual(fig.data[1]!.text, ['1']);
    assert.throws(() => batchPicksFigure({ x: [0], y: [0], uncertainty: [0], picks: [{ row: 3, pick: 1, id: null, relevance: null }] }), /pick 1 names row 3, outside 0\.\.0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
