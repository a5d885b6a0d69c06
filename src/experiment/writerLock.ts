/**
 * One writer per experiment directory and per run file: an exclusive lock file that names its holder.
 *
 *   <dir>/run.lock              held by `falcun-lab run` (and runExperiment) for the whole grid
 *   <dir>/runs/<runId>.lock     held by the process that appends to runs/<runId>.jsonl (a pool worker,
 *                               or `run-cell`), from before it reads the records until after its last write
 *
 * A lock file is created with O_CREAT | O_EXCL and holds one JSON line: host, pid, since (ISO time), the
 * command, a random token and, on Linux, the process's start time (so a reused pid is not mistaken for the
 * holder). The holder's lifeline thread refreshes the file's mtime every 5 s, also while the main thread is
 * busy training.
 *
 * Is the holder alive? On the same host: its pid exists, is not a zombie, and started when the lock says.
 * On another host (a cluster's shared folder) the pid cannot be checked: the holder counts as alive while
 * its heartbeat is younger than STALE_MS (60 s). A lock of a dead holder is taken over: renamed aside
 * (atomic), checked to be the very lock judged dead (else put back), removed, and created anew with
 * O_EXCL, so two processes taking over at once end with one holder.
 *
 * What this guarantees on NFS-like shared folders: exclusive create is atomic on NFSv3 and later (Linux
 * client), as is rename, so two live processes never both create the lock. A holder on another host is
 * declared dead only after 60 s without a heartbeat (clocks must agree within a few seconds; NTP does);
 * a holder that was suspended longer than that and lost its lock notices before its next write, since
 * every record append first checks that the lock file still carries its token (`verify`), and stops
 * instead of writing. Not guaranteed: NFSv2 (no atomic exclusive create).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileError } from '../atomicFile.ts';
import { processAlive, processStat } from '../processStat.ts';
import { heartbeat, stopHeartbeat } from './lifeline.ts';

/** A holder on another host counts as gone this long after its last heartbeat. */
export const STALE_MS = 60_000;

export interface LockHolder {
  readonly host: string;
  readonly pid: number;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** What holds it, e.g. 'falcun-lab run' or 'run-cell 3'. */
  readonly command: string;
  readonly token: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat field 22). */
  readonly startTicks?: number;
}

/** The lock is held by a live process. */
export class LockBusyError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
    what: string,
  ) {
    super(
      `${what} is in use by ${describeHolder(holder)}; wait for it to finish or stop it ` +
        `(a lock left by a process that has died is taken over automatically; lock file ${file})`,
    );
    this.name = 'LockBusyError';
  }
}

/** "pid 123 on host node7 since 2026-12-02T00:40:00.000Z (falcun-lab run)" */
export function describeHolder(h: LockHolder): string {
  return `pid ${h.pid} on host ${h.host} since ${h.since} (${h.command})`;
}

export interface HeldLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** @throws Error when the lock file no longer carries this holder's token (it was taken over). */
  verify(): void;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

export function directoryLockFile(dir: string): string {
  return join(dir, 'run.lock');
}

export function cellLockFile(dir: string, runId: string): string {
  return join(dir, 'runs', `${runId}.lock`);
}

/** Whether the process that wrote `h` still runs (see the module comment); `mtimeMs`: the lock's heartbeat. */
export function holderAlive(h: LockHolder, mtimeMs: number, now = Date.now()): boolean {
  if (h.host !== hostname()) return now - mtimeMs < STALE_MS;
  const st = processStat(h.pid);
  if (st && h.startTicks !== undefined && st.startTicks !== h.startTicks) return false; // the pid now names another process
  return processAlive(h.pid);
}

interface Seen {
  readonly raw: string;
  readonly holder: LockHolder | undefined;
  readonly mtimeMs: number;
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof h.host === 'string' && typeof h.pid === 'number' && typeof h.token === 'string') return h as LockHolder;
  } catch {
    // a lock being written right now, or garbage
  }
  return undefined;
}

function look(file: string): Seen | undefined {
  try {
    const raw = readFileSync(file, 'utf8');
    return { raw, holder: parseHolder(raw), mtimeMs: statSync(file).mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The current holder of a lock file, if any (live or not). */
export function readLockHolder(file: string): { holder: LockHolder; alive: boolean } | undefined {
  const s = look(file);
  if (s?.holder === undefined) return undefined;
  return { holder: s.holder, alive: holderAlive(s.holder, s.mtimeMs) };
}

/** Moves a dead holder's lock out of the way, unless it changed since it was judged dead. */
function takeOver(file: string, judged: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  let raw = '';
  try {
    raw = readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as changed
  }
  if (raw !== judged) {
    // Someone else took it over in between and this is their fresh lock: put it back (fails if yet
    // another lock appeared; that holder wins and the displaced one notices at its next `verify`).
    try {
      linkSync(aside, file);
    } catch {
      // see above
    }
  }
  unlinkSync(aside);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AcquireOptions {
  /** What is being locked, in the user's words, for the busy message ("experiment directory /x"). */
  readonly what: string;
  /** The holder's command for others to read ("falcun-lab run"). */
  readonly command: string;
  /** Wait this long for a live holder to go away before giving up (default 0: refuse at once). */
  readonly waitMs?: number;
}

/**
 * Takes the lock `file` for this process (its folder must exist).
 * @throws LockBusyError naming the live holder (host, pid, since) after `waitMs`.
 */
export async function acquireLock(file: string, options: AcquireOptions): Promise<HeldLock> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  const self = processStat(process.pid);
  const holder: LockHolder = {
    host: hostname(),
    pid: process.pid,
    since: new Date().toISOString(),
    command: options.command,
    token: randomBytes(12).toString('hex'),
    ...(self ? { startTicks: self.startTicks } : {}),
  };
  const line = `${JSON.stringify(holder)}\n`;
  for (;;) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError('create the lock', file, e);
      const seen = look(file);
      if (seen === undefined) continue;
      if (seen.holder === undefined) {
        // Created but not yet written by its holder (a few microseconds), or garbage from a crash.
        if (Date.now() - seen.mtimeMs < 2_000) {
          await sleep(20);
          continue;
        }
      } else if (holderAlive(seen.holder, seen.mtimeMs)) {
        if (Date.now() < deadline) {
          await sleep(100);
          continue;
        }
        throw new LockBusyError(file, seen.holder, options.what);
      }
      takeOver(file, seen.raw);
      continue;
    }
    try {
      writeSync(fd, line);
      fsyncSync(fd);
    } catch (e) {
      rmSync(file, { force: true }); // an empty lock would make others wait for nothing
      throw fileError('write the lock', file, e);
    } finally {
      closeSync(fd);
    }
    break;
  }
  await heartbeat(file);
  let released = false;
  const verify = () => {
    const now = look(file);
    if (now?.holder?.token !== holder.token) {
      const by = now?.holder ? `; it is now held by ${describeHolder(now.holder)}` : '';
      throw new Error(`${options.what}: this process (pid ${process.pid}) lost its lock ${file}${by}; stopping without writing`);
    }
  };
  const release = () => {
    if (released) return;
    released = true;
    stopHeartbeat(file);
    process.off('exit', release);
    try {
      if (look(file)?.holder?.token === holder.token) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  // A process that exits (process.exit, end of main) drops its locks; one that is killed leaves them for
  // the next holder to take over.
  process.on('exit', release);
  return { file, holder, verify, release };
}
