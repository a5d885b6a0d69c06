/** Runs `falcun-lab` (with the fake dependencies) as a child process leading its own process group, as a terminal would. */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { processAlive } from '../../src/processStat.ts';

export const FAKE = fileURLToPath(new URL('../experiment/fixtures/fakeDependencies.ts', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/falcun-lab.js', import.meta.url));

export interface CliChild {
  readonly child: ChildProcess;
  /** stdout + stderr so far. */
  text(): string;
  /** Resolves once `re` matches the output. */
  waitFor(re: RegExp): Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: readonly string[], env: Record<string, string> = {}): CliChild {
  const child = spawn(process.execPath, [BIN, '--dependencies', FAKE, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  const waiters: Array<{ re: RegExp; resolve: () => void }> = [];
  const onData = (d: Buffer) => {
    text += d.toString();
    for (const w of [...waiters]) {
      if (w.re.test(text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  return {
    child,
    text: () => text,
    waitFor: (re) =>
      new Promise<void>((resolve, reject) => {
        if (re.test(text)) return resolve();
        waiters.push({ re, resolve });
        void exited.then(() => setTimeout(() => reject(new Error(`exited before ${re}: ${text}`)), 50));
      }),
    exited,
  };
}

/** The worker processes of a `run` (direct children of `pid` running cellWorker.ts; not tsx's esbuild service). */
export function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('cellWorker'))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

/** Whether `pid` runs and is not a zombie (a zombie still answers kill 0). */
export const alive = processAlive;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `f()` holds or `ms` passed; returns whether it held. */
export async function eventually(f: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (f()) return true;
    await sleep(50);
  }
  return f();
}

/** Runs the CLI in this process with the fake runner dependencies; its exit code and what it printed. */
export async function cliInProcess(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'falcun-lab', '--dependencies', FAKE, ...args], { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}
