import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { formatBackendInfo } from '../../src/backend/backendInfo.ts';
import { initBackend, parseBackendRequest, resolveBackendRequest } from '../../src/backend/initBackend.ts';

const quiet = { log: () => {} };

test('parseBackendRequest accepts names and aliases, rejects others naming the source', () => {
  assert.equal(parseBackendRequest('WASM'), 'wasm');
  assert.equal(parseBackendRequest('gpu'), 'tensorflow-gpu');
  assert.equal(parseBackendRequest('node'), 'tensorflow');
  assert.equal(parseBackendRequest('auto'), 'auto');
  assert.throws(() => parseBackendRequest('webgl', 'FALCUN_BACKEND'), (e: unknown) => e instanceof RangeError && /FALCUN_BACKEND.*'webgl'.*wasm/.test(e.message));
});

test('resolveBackendRequest: the flag wins over FALCUN_BACKEND, which wins over auto', () => {
  assert.deepEqual(resolveBackendRequest({ env: {} }), { request: 'auto', forced: false });
  assert.deepEqual(resolveBackendRequest({ env: { FALCUN_BACKEND: 'cpu' } }), { request: 'cpu', forced: true });
  assert.deepEqual(resolveBackendRequest({ backend: 'wasm', env: { FALCUN_BACKEND: 'cpu' } }), { request: 'wasm', forced: true });
});

test('a forced native backend that is not installed fails with a clear error (the tfjs-node alias does not count)', async () => {
  await assert.rejects(
    initBackend({ ...quiet, env: { FALCUN_BACKEND: 'tensorflow' } }),
    (e: unknown) => e instanceof Error && /'tensorflow' forced by FALCUN_BACKEND cannot load/.test(e.message) && /npm install --no-save/.test(e.message),
  );
});

test('auto selection skips missing native backends and lands on wasm with the training kernels', async () => {
  const lines: string[] = [];
  const info = await initBackend({ env: {}, log: (l) => lines.push(l) });
  assert.equal(info.name, 'wasm');
  assert.equal(tf.getBackend(), 'wasm');
  assert.equal(info.forced, false);
  assert.equal(info.threads, 1);
  assert.deepEqual(info.skipped.map((s) => s.choice), ['tensorflow-gpu', 'tensorflow']);
  assert.ok(info.customKernels.includes('Conv2DBackpropFilter'));
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /^tfjs backend: wasm .*1 thread/);
  assert.equal(formatBackendInfo(info), lines[0]);
});

test('a forced cpu backend switches and is reported as forced', async () => {
  const info = await initBackend({ ...quiet, backend: 'cpu' });
  assert.equal(tf.getBackend(), 'cpu');
  assert.equal(info.choice, 'cpu');
  assert.equal(info.forced, true);
  await initBackend({ ...quiet, backend: 'wasm' });
  assert.equal(tf.getBackend(), 'wasm');
});
