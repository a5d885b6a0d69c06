/** Messages between the worker pool (parent) and its worker processes (cellWorker.ts), over Node's IPC channel. */
import type { EpochProgress } from './progress.ts';

export type ParentMessage =
  | { readonly type: 'run'; readonly index: number }
  | { readonly type: 'stop' }
  | { readonly type: 'exit' };

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'round-start'; readonly index: number; readonly round: number; readonly rounds: number }
  | {
      readonly type: 'round';
      readonly index: number;
      readonly round: number;
      readonly rounds: number;
      readonly numLabeled: number;
      readonly testAccuracy: number;
    }
  /** A training epoch of the running round (throttled by the worker; `replay`: a resumed run rebuilding kept weights). */
  | ({ readonly type: 'epoch'; readonly index: number } & EpochProgress)
  | { readonly type: 'cell-done'; readonly index: number; readonly status: 'complete' | 'stopped'; readonly resumedFrom: number; readonly roundsWritten: number; readonly rounds: number }
  | { readonly type: 'cell-error'; readonly index: number; readonly message: string }
  | { readonly type: 'fatal'; readonly message: string };
