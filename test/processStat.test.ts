import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { processAlive, processStat } from '../src/processStat.ts';

const linux = process.platform === 'linux' ? false : 'needs /proc';

test('processStat reads state, parent and start time, also when the name holds ") "', { skip: linux }, async () => {
  // The command name is set to hold the separators a naive parser splits on.
  const child = spawn(process.execPath, ['-e', `process.title = 'x) y (z'; console.log('up'); setInterval(() => {}, 1000)`]);
  try {
    await once(child.stdout, 'data');
    const st = processStat(child.pid!);
    assert.ok(st, 'a running child has a stat');
    assert.equal(st.ppid, process.pid);
    assert.match(st.state, /^[RS]$/);
    const self = processStat(process.pid)!;
    assert.equal(self.ppid, process.ppid);
    assert.ok(st.startTicks >= self.startTicks, 'the child started after this process');
    assert.equal(processAlive(child.pid!), true);
  } finally {
    child.kill('SIGKILL');
  }
});

test('processStat: null for a pid no process has; processAlive false for it and for an ended child', { skip: linux }, async () => {
  assert.equal(processStat(2 ** 22 + 7), null, 'above pid_max (4194304): never a process');
  assert.equal(processAlive(2 ** 22 + 7), false);
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  assert.equal(processAlive(child.pid!), false);
});
