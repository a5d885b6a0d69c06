/**
 * A small background thread that keeps this process honest while its main thread is busy. A fit, an
 * inference pass or a strategy's k-means hold the event loop for seconds, so neither timers nor signal
 * handlers nor IPC 'disconnect' run on the main thread meanwhile; this thread does three things that
 * must not wait for it:
 *
 * - `watchParent(pid)`: ends this process (SIGKILL to itself) within ~0.1 s of its parent's death, which
 *   Linux shows by reparenting (`process.ppid` changes). A worker of the local pool thus never outlives
 *   its run, whatever it is doing (kill -9 of the run's process group, a closed terminal, the OOM killer).
 * - `heartbeat(file)`: refreshes the mtime of a lock file this process holds every HEARTBEAT_MS, so another
 *   host (which cannot check our pid) sees the holder alive (writerLock.ts).
 * - `killAt(time)`: a hard deadline after which this process is SIGKILLed (run-cell after SIGTERM, when
 *   the current round does not end in time).
 *
 * One thread per process, started on first use and unref'd (it never keeps a process alive). Its code is
 * plain JavaScript evaluated in the thread, so it needs no TypeScript loader.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** How often lock files are touched. */
export const HEARTBEAT_MS = 5_000;
/** How often the thread checks its parent and the deadline. */
const POLL_MS = 100;

const THREAD = `
const { parentPort } = require('node:worker_threads');
const { utimesSync } = require('node:fs');
let parent = 0, deadline = Infinity;
const files = new Set();
let lastBeat = 0;
function tick() {
  const now = Date.now();
  if (parent !== 0 && process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  if (now >= deadline) process.kill(process.pid, 'SIGKILL');
  if (now - lastBeat >= ${HEARTBEAT_MS}) {
    lastBeat = now;
    const t = new Date(now);
    for (const f of files) { try { utimesSync(f, t, t); } catch {} }
  }
}
parentPort.on('message', (m) => {
  if (m.type === 'parent') parent = m.pid;
  else if (m.type === 'deadline') deadline = m.at;
  else if (m.type === 'add') files.add(m.file);
  else if (m.type === 'remove') files.delete(m.file);
  tick();
  parentPort.postMessage({ type: 'ack', id: m.id });
});
setInterval(tick, ${POLL_MS});
`;

interface Lifeline {
  readonly worker: Worker;
  nextId: number;
  /** Messages awaiting their 'ack' (the thread is ref'd meanwhile, so the process waits for it). */
  pending: number;
}

let started: Promise<Lifeline> | undefined;

function start(): Promise<Lifeline> {
  started ??= (async () => {
    const worker = new Worker(THREAD, { eval: true });
    // The thread must be running before the main thread blocks in synchronous work.
    await once(worker, 'online');
    worker.unref();
    return { worker, nextId: 0, pending: 0 };
  })();
  return started;
}

async function tell(message: Record<string, unknown>): Promise<void> {
  const l = await start();
  const id = l.nextId++;
  if (l.pending++ === 0) l.worker.ref();
  const acked = new Promise<void>((resolve) => {
    const on = (m: { type: string; id: number }) => {
      if (m.type === 'ack' && m.id === id) {
        l.worker.off('message', on);
        if (--l.pending === 0) l.worker.unref();
        resolve();
      }
    };
    l.worker.on('message', on);
  });
  l.worker.postMessage({ ...message, id });
  await acked;
}

/** From now on, this process ends within ~0.1 s once `parentPid` is no longer its parent. */
export function watchParent(parentPid: number): Promise<void> {
  return tell({ type: 'parent', pid: parentPid });
}

/** Refreshes `file`'s mtime every HEARTBEAT_MS until `stopHeartbeat(file)`. */
export function heartbeat(file: string): Promise<void> {
  return tell({ type: 'add', file });
}

export function stopHeartbeat(file: string): void {
  if (started === undefined) return;
  void started.then((l) => l.worker.postMessage({ type: 'remove', file, id: -1 }));
}

/** SIGKILLs this process at `epochMs` (Date.now() time) even if its main thread never yields again. */
export function killAt(epochMs: number): Promise<void> {
  return tell({ type: 'deadline', at: epochMs });
}
