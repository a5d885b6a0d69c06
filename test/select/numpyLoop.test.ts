/**
 * README's Python loop ("Select the next batch for your own model") run as written, two rounds, with
 * `.npy` files written by Debian's numpy (python3-numpy, installed by scripts/setup-system.sh). Where PyTorch
 * is missing (CI), a numpy shim stands in for the three torch calls the snippet makes; the files the CLI
 * reads are numpy's own either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMatrix } from '../../src/select/readMatrix.ts';
import { readRowList } from '../../src/select/rowList.ts';
import { selectBatch } from '../../src/select/selectBatch.ts';
import { skipUnless } from '../systemTools.ts';

const PYTHON = '/usr/bin/python3';
const BIN = fileURLToPath(new URL('../../bin/falcun-lab.js', import.meta.url));
const has = (module: string) => spawnSync(PYTHON, ['-c', `import ${module}`]).status === 0;
const HAS_NUMPY = has('numpy');

/** Just what README's snippet calls: no_grad, softmax, cat, .cpu().numpy(). */
const TORCH_SHIM = `import contextlib
import numpy as _np
class Tensor:
    def __init__(self, a): self.a = _np.asarray(a)
    def cpu(self): return self
    def numpy(self): return self.a
def no_grad(): return contextlib.nullcontext()
def softmax(t, dim):
    e = _np.exp(t.a - t.a.max(axis=dim, keepdims=True))
    return Tensor(e / e.sum(axis=dim, keepdims=True))
def cat(ts, dim=0): return Tensor(_np.concatenate([t.a for t in ts], axis=dim))
def from_numpy(a): return Tensor(a)
`;

/** A linear model over a fixed random pool, in batches of 64 (the same with the shim or real torch). */
const SETUP = `import numpy as _np, torch
_rng = _np.random.default_rng(0)
_X = _rng.normal(size=(600, 8)).astype(_np.float32)
_W = _rng.normal(size=(8, 5)).astype(_np.float32)
class _Model:
    def eval(self): return self
    def __call__(self, x): return torch.from_numpy(x.numpy() @ _W)
model = _Model()
pool_loader = [(torch.from_numpy(_X[i:i + 64]), None) for i in range(0, len(_X), 64)]
`;

test("README's Python loop: numpy-written .npy → falcun-lab select → batch read back, two rounds", { skip: skipUnless(HAS_NUMPY, `Debian's numpy is missing: apt-get install python3-numpy`), timeout: 120_000 }, async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Select the next batch for your own model'));
  const snippet = /```python\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(snippet, 'the section has a ```python block');
  assert.match(snippet, /\["npx", "falcun-lab", "select"/);
  // `npx falcun-lab` needs a project that installed it; here the same CLI runs from this checkout.
  const code = snippet.replace('["npx", "falcun-lab",', `[${JSON.stringify(process.execPath)}, ${JSON.stringify(BIN)},`);
  const dir = mkdtempSync(join(tmpdir(), 'falcun-numpy-loop-'));
  try {
    const env = { ...process.env };
    if (!has('torch')) {
      mkdirSync(join(dir, 'shim', 'torch'), { recursive: true });
      writeFileSync(join(dir, 'shim', 'torch', '__init__.py'), TORCH_SHIM);
      env.PYTHONPATH = join(dir, 'shim');
    }
    writeFileSync(join(dir, 'loop.py'), `${SETUP}\n${code}`);
    writeFileSync(join(dir, 'labeled.txt'), '3\n14\n15\n92\n');
    const labeledBefore = [3, 14, 15, 92];
    const rounds: number[][] = [];
    for (let round = 0; round < 2; round++) {
      const before = readFileSync(join(dir, 'labeled.txt'), 'utf8');
      const r = spawnSync(PYTHON, ['loop.py'], { cwd: dir, env, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const after = readFileSync(join(dir, 'labeled.txt'), 'utf8');
      const added = after.slice(before.length).trim().split('\n').map(Number);
      assert.equal(added.length, 100);
      rounds.push(added);
      // The batch is what our own reader and selectBatch give on numpy's file with the same labelled rows.
      const m = await readMatrix(join(dir, 'probs.npy'));
      assert.equal(m.rows, 600);
      assert.equal(m.cols, 5);
      writeFileSync(join(dir, 'before.txt'), before);
      const expected = selectBatch({ probabilities: m, labeled: readRowList(join(dir, 'before.txt'), m), batchSize: 100, seed: 0 });
      assert.deepEqual(added, expected.picks.map((p) => p.row));
    }
    const all = [...labeledBefore, ...rounds[0]!, ...rounds[1]!];
    assert.equal(new Set(all).size, all.length, 'no row is picked twice or picked while labelled');
    // numpy's float32 values arrive bit for bit: compare with numpy's raw dump.
    const dump = spawnSync(PYTHON, ['-c', 'import numpy as np, sys; sys.stdout.buffer.write(np.load("probs.npy").tobytes())'], { cwd: dir });
    const m = await readMatrix(join(dir, 'probs.npy'));
    assert.deepEqual(Buffer.from(m.values.buffer, m.values.byteOffset, m.values.byteLength), dump.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('numpy-written float64 .npy, savez and savez_compressed archives read as numpy has them', { skip: skipUnless(HAS_NUMPY, `Debian's numpy is missing: apt-get install python3-numpy`) }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-numpy-'));
  try {
    const py = `import numpy as np
rng = np.random.default_rng(1)
z = rng.normal(size=(33, 7))
p = np.exp(z) / np.exp(z).sum(1, keepdims=True)
np.save("p64.npy", p)
np.save("pbig.npy", p.astype(">f4"))
np.savez("s.npz", probs=p.astype(np.float32), ids=np.arange(33))
np.savez_compressed("c.npz", logits=z)
p.astype(np.float32).tofile("p.f32")
`;
    const r = spawnSync(PYTHON, ['-c', py], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const expected = new Float32Array(new Uint8Array(readFileSync(join(dir, 'p.f32'))).buffer);
    for (const f of ['p64.npy', 'pbig.npy', 's.npz:probs']) assert.deepEqual((await readMatrix(join(dir, f))).values, expected, f);
    const c = await readMatrix(join(dir, 'c.npz'));
    assert.equal(c.rows, 33);
    const batch = selectBatch({ probabilities: c, logits: true, batchSize: 5 });
    assert.equal(batch.picks.length, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
