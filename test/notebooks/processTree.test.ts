// scripts/notebooks/processTree.ts: `npm run notebooks` stops nbconvert *and* the kernel that Jupyter starts
// in a session of its own; here a shell stands in for nbconvert and a setsid'd sleep for the kernel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { descendantPids, stopTree } from '../../scripts/notebooks/processTree.ts';
import { alive, eventually } from '../cli/cliProcess.ts';

/** A shell (stand-in for nbconvert) with a child in a new session (stand-in for the kernel); resolves once both exist. */
async function shellWithSessionChild(script: string): Promise<{ root: number; kernel: number }> {
  const child = spawn('bash', ['-c', script], { stdio: 'ignore' });
  const root = child.pid!;
  const kernel = () => descendantPids(root).find((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('300'));
  assert.ok(await eventually(() => kernel() !== undefined, 5000), 'the session child started');
  return { root, kernel: kernel()! };
}

test('descendantPids finds a child in another session; stopTree stops the root and it', { skip: process.platform !== 'linux' && 'needs /proc' }, async () => {
  const { root, kernel } = await shellWithSessionChild('setsid sleep 300 & wait');
  assert.notEqual(root, kernel);
  await stopTree(root, 'SIGTERM', 2000);
  assert.equal(alive(root), false, 'root stopped');
  assert.equal(alive(kernel), false, 'the child in its own session stopped too (a group kill misses it)');
});

test('stopTree: a root that ignores the polite signal is killed after the grace period', { skip: process.platform !== 'linux' && 'needs /proc' }, async () => {
  const { root, kernel } = await shellWithSessionChild('trap "" INT; setsid sleep 300 & while true; do sleep 0.05; done');
  const t0 = Date.now();
  await stopTree(root, 'SIGINT', 300);
  assert.ok(Date.now() - t0 >= 300, 'waited for the grace period');
  assert.equal(alive(root), false);
  assert.equal(alive(kernel), false);
  assert.deepEqual(descendantPids(root), []);
});
