/**
 * What the runner records about the tfjs backend with every result (manifest), and prints at start.
 */

/** Backend names falcun-lab can select, fastest first ('auto' = the first of these that loads). */
export const BACKEND_ORDER = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_ORDER)[number];
/** A request: one backend, or 'auto'. */
export type BackendRequest = BackendChoice | 'auto';

/**
 * Every request a config's `backend`, `--backend` or FALCUN_BACKEND may name, in the order messages list
 * them: 'wasm' (the default: deterministic, works everywhere) first, 'auto' last.
 */
export const BACKEND_REQUESTS = ['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu', 'auto'] as const satisfies readonly BackendRequest[];

/** Other spellings accepted for a request (case-insensitive). */
const BACKEND_ALIASES: Readonly<Record<string, BackendRequest>> = { gpu: 'tensorflow-gpu', 'node-gpu': 'tensorflow-gpu', node: 'tensorflow' };

/**
 * The request a name stands for ('auto', a backend, or an alias: 'gpu' and 'node-gpu' = 'tensorflow-gpu',
 * 'node' = 'tensorflow'; case and surrounding blanks ignored), or undefined for anything else.
 */
export function backendRequestOf(value: string): BackendRequest | undefined {
  const v = value.trim().toLowerCase();
  const r = BACKEND_ALIASES[v] ?? v;
  return (BACKEND_REQUESTS as readonly string[]).includes(r) ? (r as BackendRequest) : undefined;
}

export interface BackendInfo {
  /** tfjs's name of the active backend: 'tensorflow' (native, CPU or CUDA), 'wasm' or 'cpu'. */
  readonly name: string;
  /** Which choice loaded: 'tensorflow-gpu' (tfjs-node-gpu), 'tensorflow' (tfjs-node), 'wasm', 'cpu'. */
  readonly choice: BackendChoice;
  /** The npm package that provides it, with its version. */
  readonly package: string;
  readonly version: string;
  /** Threads the backend computes with (wasm under Node: 1; native: the CPU count TensorFlow uses). */
  readonly threads: number;
  /** wasm only: SIMD in use. */
  readonly simd: boolean | null;
  /** True when an env var / flag forced the choice, false when picked automatically. */
  readonly forced: boolean;
  /** Faster choices that did not load, with the reason (so a missing GPU is visible in results). */
  readonly skipped: ReadonlyArray<{ readonly choice: BackendChoice; readonly reason: string }>;
  /** Kernels falcun-lab registered on this backend (wasm: Conv2DBackpropFilter, BatchMatMul). */
  readonly customKernels: readonly string[];
}

/** One line for logs: `tfjs backend: wasm (@tensorflow/tfjs-backend-wasm 4.22.0), 1 thread, SIMD on, auto`. */
export function formatBackendInfo(info: BackendInfo): string {
  const parts = [
    `tfjs backend: ${info.choice} (${info.package} ${info.version})`,
    `${info.threads} thread${info.threads === 1 ? '' : 's'}`,
  ];
  if (info.simd !== null) parts.push(`SIMD ${info.simd ? 'on' : 'off'}`);
  parts.push(info.forced ? 'forced' : 'auto');
  if (info.skipped.length > 0) parts.push(`skipped ${info.skipped.map((s) => s.choice).join(', ')}`);
  return parts.join(', ');
}
