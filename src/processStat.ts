/**
 * What Linux says about a process in /proc/<pid>/stat, for the code that must tell a live process from a
 * zombie, and a pid from a later process that reuses it: the results-directory lock (experiment/writerLock.ts),
 * `npm run notebooks` stopping its kernels (scripts/notebooks/processTree.ts) and the process tests.
 */
import { readFileSync } from 'node:fs';

export interface ProcessStat {
  /** R, S, D, Z (zombie), X (dead), … */
  readonly state: string;
  readonly ppid: number;
  /** Start time in clock ticks since boot: with the pid, it names one process for good. */
  readonly startTicks: number;
}

/** The process's stat; null when no process has that pid; undefined where there is no /proc (not Linux). */
export function processStat(pid: number): ProcessStat | null | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    try {
      readFileSync('/proc/self/stat');
      return null;
    } catch {
      return undefined;
    }
  }
  // The fields after the command name, which may itself hold spaces and parentheses: state is field 3 of
  // the file, ppid field 4, starttime field 22.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: f[0] ?? '?', ppid: Number(f[1]), startTicks: Number(f[19]) };
}

/** Whether `pid` runs: signal 0 reaches it (EPERM: it runs as another user) and, where /proc says, it is not a zombie. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const st = processStat(pid);
  if (st === undefined) return true;
  return st !== null && st.state !== 'Z' && st.state !== 'X';
}
