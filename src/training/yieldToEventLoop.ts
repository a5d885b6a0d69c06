/**
 * Lets the event loop run during long computations that are synchronous inside async functions (a fit's
 * batches, an inference pass). Without it, a worker sees its parent's 'stop' message, a SIGINT/SIGTERM
 * handler or its IPC 'disconnect' only after the whole cell. Yielding changes no result: it only lets
 * other callbacks run between two batches.
 */
import { setImmediate as immediate } from 'node:timers/promises';

/** How long synchronous work may hold the event loop between two yields. */
export const YIELD_INTERVAL_MS = 50;

/**
 * A function to call between units of work (batches): it yields to the event loop when `intervalMs` has
 * passed since its last yield, and costs a clock read otherwise.
 */
export function createYielder(intervalMs = YIELD_INTERVAL_MS): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return undefined;
    return immediate().then(() => {
      last = performance.now();
    });
  };
}
