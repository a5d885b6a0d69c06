/**
 * The worker processes of one run: each takes the next cell index from a shared queue, runs it
 * (cellWorker.ts) and asks for the next; a worker that dies unexpectedly is replaced while cells remain
 * (at most 3 × the worker count times, so a worker that cannot even start does not loop forever).
 * Workers run in their own process group: a terminal's Ctrl-C reaches only the parent, which alone decides
 * (`requestStop`, `killAll`); a worker ends by itself within ~0.1 s when the parent dies (lifeline.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { runningModulePath } from '../sourcePath.ts';
import type { ParentMessage, WorkerMessage } from './workerProtocol.ts';

// The same tree as this module: dist/ from a notebook, src/ under tsx (one build: notebook/buildStamp.ts).
const WORKER = runningModulePath('experiment/cellWorker');

export interface CellWorkerPoolOptions {
  /** Environment of the workers (the parent's plus the run's FALCUN_* settings). */
  readonly env: NodeJS.ProcessEnv;
  /** How many workers the run asked for (bounds the replacements of dead workers). */
  readonly workers: number;
  /** Every message of a worker; returns true when that worker is free for the next cell. */
  readonly onMessage: (m: WorkerMessage) => boolean;
  /** A worker ended while it held cell `index`; `how` says how ('SIGKILL', 'code 1'). */
  readonly onLost: (index: number, how: string) => void;
  readonly log: (line: string) => void;
}

export class CellWorkerPool {
  private readonly workers = new Set<ChildProcess>();
  /** The cell each worker holds (undefined: none, e.g. still starting). */
  private readonly holding = new Map<ChildProcess, number | undefined>();
  private stopping = false;
  private restarts = 0;
  private resolveFinished!: () => void;
  /** Resolves once the last worker has exited. */
  readonly finished = new Promise<void>((r) => (this.resolveFinished = r));

  /** @param queue cell indices still to run, taken from the front (what is left is what never started). */
  constructor(private readonly queue: number[], private readonly options: CellWorkerPoolOptions) {}

  /** Starts `n` workers (never more than the cells queued). */
  start(n: number): void {
    for (let i = 0; i < Math.min(n, this.queue.length); i++) this.spawn();
  }

  /** Stop handing out cells and ask every worker to stop after its current round. */
  requestStop(): void {
    this.stopping = true;
    for (const w of this.workers) this.post(w, { type: 'stop' });
  }

  /** Kill every worker now (the rounds in progress are redone on resume). */
  killAll(): void {
    this.stopping = true;
    for (const w of this.workers) w.kill('SIGKILL');
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  private post(w: ChildProcess, m: ParentMessage): void {
    // A worker may die between the check and the write (EPIPE): its 'exit' handler accounts for it.
    if (w.connected) w.send(m, (err) => void err);
  }

  private giveNext(w: ChildProcess): void {
    const index = this.stopping ? undefined : this.queue.shift();
    this.holding.set(w, index);
    this.post(w, index === undefined ? { type: 'exit' } : { type: 'run', index });
  }

  private spawn(): void {
    const w = fork(WORKER, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      env: this.options.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Own process group: a terminal's Ctrl-C reaches only the parent, which stops the workers through
      // 'stop' messages (a worker still starting up would otherwise die of the SIGINT).
      detached: true,
    });
    this.workers.add(w);
    this.holding.set(w, undefined);
    w.on('error', (e) => this.options.log(`worker error: ${e.message}`));
    w.on('message', (m: WorkerMessage) => {
      if (this.options.onMessage(m)) this.giveNext(w);
    });
    w.on('exit', (code, signal) => this.onExit(w, code, signal));
  }

  private onExit(w: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    this.workers.delete(w);
    const index = this.holding.get(w);
    this.holding.delete(w);
    if (index !== undefined) this.options.onLost(index, signal ?? `code ${code}`);
    // A worker that died unexpectedly is replaced while work remains.
    if (!this.stopping && this.queue.length > 0 && (code !== 0 || index !== undefined)) {
      if (this.restarts++ < 3 * this.options.workers) this.spawn();
    }
    if (this.workers.size === 0) this.resolveFinished();
  }
}
