/**
 * Stopping a child and everything it started, for `npm run notebooks`: nbconvert starts each tslab kernel
 * in a session of its own (jupyter_client does, so that interrupts reach the kernel's group), so killing
 * nbconvert's process group leaves the kernel running. The tree is found through the parent links in
 * /proc instead, before anything is signalled (a child whose parent died is re-parented and lost).
 */
import { readdirSync } from 'node:fs';
import { processAlive, processStat } from '../../src/processStat.ts';

/**
 * Remembers the descendants of a running child (poll it every second or so), so that they can be stopped
 * even when the child dies first: a group-wide SIGTERM (Ctrl-C, `timeout`) kills nbconvert at once, and
 * its kernel, re-parented, can no longer be found from it. A pid is kept with its start time, so a pid
 * that the system has since given to another process is never signalled.
 */
export class TreeWatch {
  private readonly known = new Map<number, number>();
  constructor(readonly root: number) {}

  poll(): void {
    for (const pid of descendantPids(this.root)) {
      const start = processStat(pid)?.startTicks;
      if (start !== undefined) this.known.set(pid, start);
    }
  }

  /** The remembered descendants that are still the same processes. */
  live(): number[] {
    return [...this.known].filter(([pid, start]) => processStat(pid)?.startTicks === start).map(([pid]) => pid);
  }
}

/** Every descendant of `root` (children, their children, …), whatever session or group they are in. Linux only; [] elsewhere. */
export function descendantPids(root: number): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number);
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const ppid = processStat(pid)?.ppid;
    if (ppid !== undefined) (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(pid);
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    for (const c of children.get(todo.pop()!) ?? []) {
      out.push(c);
      todo.push(c);
    }
  }
  return out;
}

/**
 * Stops `pid` and its whole tree: `signal` to `pid` first (SIGINT lets nbconvert shut its kernel down),
 * then, after at most `graceMs`, SIGKILL to whatever of the tree (as found before and after, and as
 * `watch` remembers it) still lives.
 * Resolves once none of them is alive (or after another second).
 */
export async function stopTree(pid: number, signal: NodeJS.Signals = 'SIGINT', graceMs = 5000, watch?: TreeWatch): Promise<void> {
  const tree = new Set([...descendantPids(pid), ...(watch?.live() ?? [])]);
  try {
    process.kill(pid, signal);
  } catch {
    // already gone: its descendants still get the SIGKILL below
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  for (const end = Date.now() + graceMs; Date.now() < end && processAlive(pid); ) await sleep(50);
  for (const p of descendantPids(pid)) tree.add(p);
  for (const p of [pid, ...tree]) {
    if (!processAlive(p)) continue;
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
  for (const end = Date.now() + 1000; Date.now() < end && [pid, ...tree].some(processAlive); ) await sleep(20);
}
