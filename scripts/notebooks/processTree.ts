/**
 * Stopping a child and everything it started, for `npm run notebooks`: nbconvert starts each tslab kernel
 * in a session of its own (jupyter_client does, so that interrupts reach the kernel's group), so killing
 * nbconvert's process group leaves the kernel running. The tree is found through the parent links in
 * /proc instead, before anything is signalled (a child whose parent died is re-parented and lost).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Fields of /proc/<pid>/stat after the parenthesised name (state is [0], ppid [1], start time [19]), or undefined. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone, or no /proc
  }
}

function parentOf(pid: number): number | undefined {
  const f = statFields(pid);
  return f === undefined ? undefined : Number(f[1]);
}

/**
 * Remembers the descendants of a running child (poll it every second or so), so that they can be stopped
 * even when the child dies first: a group-wide SIGTERM (Ctrl-C, `timeout`) kills nbconvert at once, and
 * its kernel, re-parented, can no longer be found from it. A pid is kept with its start time, so a pid
 * that the system has since given to another process is never signalled.
 */
export class TreeWatch {
  private readonly known = new Map<number, string>();
  constructor(readonly root: number) {}

  poll(): void {
    for (const pid of descendantPids(this.root)) {
      const start = statFields(pid)?.[19];
      if (start !== undefined) this.known.set(pid, start);
    }
  }

  /** The remembered descendants that are still the same processes. */
  live(): number[] {
    return [...this.known].filter(([pid, start]) => statFields(pid)?.[19] === start).map(([pid]) => pid);
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
    const ppid = parentOf(pid);
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie is already dead
  } catch {
    return false;
  }
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
  for (const end = Date.now() + graceMs; Date.now() < end && isAlive(pid); ) await sleep(50);
  for (const p of descendantPids(pid)) tree.add(p);
  for (const p of [pid, ...tree]) {
    if (!isAlive(p)) continue;
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
  for (const end = Date.now() + 1000; Date.now() < end && [pid, ...tree].some(isAlive); ) await sleep(20);
}
