import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock, holderAlive, LockBusyError, readLockHolder, STALE_MS, type LockHolder } from '../../src/experiment/writerLock.ts';
import { scratchDir } from './helpers.ts';

const LOCKER = fileURLToPath(new URL('./fixtures/lockProcess.ts', import.meta.url));

function runLocker(file: string, release: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', LOCKER, file, release], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    c.on('error', reject);
    c.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`locker exited ${code}: ${out}`))));
  });
}

/** A pid that certainly ran and is gone now. */
async function deadPid(): Promise<number> {
  const c = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => c.on('exit', r));
  return c.pid!;
}

const holder = (h: Partial<LockHolder>): LockHolder => ({ host: hostname(), pid: process.pid, since: '2026-01-01T00:00:00.000Z', command: 'x', token: 't', ...h });

test('a lock names its holder; a second taker in this process is refused with host, pid and since; release frees it', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const file = join(dir, 'run.lock');
    const a = await acquireLock(file, { what: 'directory X', command: 'falcun-lab run' });
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    assert.equal(h.pid, process.pid);
    assert.equal(h.host, hostname());
    assert.equal(h.command, 'falcun-lab run');
    await assert.rejects(acquireLock(file, { what: 'directory X', command: 'y' }), (e: Error) => {
      assert.ok(e instanceof LockBusyError);
      assert.match(e.message, new RegExp(`^directory X is in use by pid ${process.pid} on host ${hostname()} since ${h.since.replace(/\./g, '\\.')} \\(falcun-lab run\\)`));
      return true;
    });
    a.verify();
    a.release();
    assert.equal(existsSync(file), false);
    const b = await acquireLock(file, { what: 'directory X', command: 'y' });
    b.release();
  } finally {
    cleanup();
  }
});

test('liveness: a dead pid, a reused pid (other start time) and a zombie-free check; another host counts by heartbeat age', async () => {
  const dead = await deadPid();
  assert.equal(holderAlive(holder({ pid: dead }), Date.now()), false);
  assert.equal(holderAlive(holder({}), Date.now()), true);
  if (existsSync('/proc/self/stat')) assert.equal(holderAlive(holder({ startTicks: 1 }), Date.now()), false, 'pid reused by another process');
  const now = Date.now();
  assert.equal(holderAlive(holder({ host: 'elsewhere', pid: 1 }), now - STALE_MS + 5_000, now), true);
  assert.equal(holderAlive(holder({ host: 'elsewhere', pid: 1 }), now - STALE_MS - 1, now), false);
});

test('a dead holder\'s lock, a stale lock of another host and a garbage lock are taken over; a fresh one of another host is not', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const file = join(dir, 'x.lock');
    writeFileSync(file, JSON.stringify(holder({ pid: await deadPid(), token: 'old' })));
    const a = await acquireLock(file, { what: 'X', command: 'y' });
    assert.notEqual(readLockHolder(file)!.holder.token, 'old');
    a.release();

    writeFileSync(file, JSON.stringify(holder({ host: 'node7', pid: 1, token: 'far' })));
    await assert.rejects(acquireLock(file, { what: 'X', command: 'y' }), /X is in use by pid 1 on host node7 since/);
    const old = new Date(Date.now() - STALE_MS - 10_000);
    utimesSync(file, old, old);
    const b = await acquireLock(file, { what: 'X', command: 'y' });
    b.release();

    writeFileSync(file, '{"host":');
    const t = new Date(Date.now() - 10_000);
    utimesSync(file, t, t);
    const c = await acquireLock(file, { what: 'X', command: 'y' });
    c.release();
  } finally {
    cleanup();
  }
});

test('a holder whose lock was taken over notices before it writes (verify throws)', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const file = join(dir, 'x.lock');
    const a = await acquireLock(file, { what: 'run R', command: 'y' });
    writeFileSync(file, JSON.stringify(holder({ pid: 4242, token: 'other' })));
    assert.throws(() => a.verify(), /run R: this process \(pid \d+\) lost its lock .*held by pid 4242/);
    a.release(); // not ours any more: left in place
    assert.equal(readLockHolder(file)!.holder.token, 'other');
  } finally {
    cleanup();
  }
});

test('six processes race for a dead holder\'s lock: exactly one gets it, the others are refused naming it', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const file = join(dir, 'race.lock');
    writeFileSync(file, JSON.stringify(holder({ pid: await deadPid(), token: 'dead' })));
    // The winner holds the lock until every other process has finished.
    const release = join(dir, 'release');
    const runs = Array.from({ length: 6 }, () => runLocker(file, release));
    let finished = 0;
    for (const r of runs) void r.then(() => ++finished === 5 && writeFileSync(release, ''));
    const outs = await Promise.all(runs);
    assert.equal(outs.filter((o) => o === 'got').length, 1, outs.join('\n'));
    for (const o of outs.filter((o) => o !== 'got')) assert.match(o, /^busy the test lock is in use by pid \d+ on host/);
    assert.equal(existsSync(file), false);
  } finally {
    cleanup();
  }
});
