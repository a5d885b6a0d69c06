/**
 * Backend selection: picks the fastest TensorFlow.js backend that loads here, or the one forced by
 * `--backend` / the `FALCUN_BACKEND` environment variable, and reports it as a `BackendInfo`.
 *
 *   tensorflow-gpu  @tensorflow/tfjs-node-gpu (libtensorflow with CUDA)   optional, installed by hand
 *   tensorflow      @tensorflow/tfjs-node (libtensorflow, CPU)             optional, installed by hand
 *   wasm            @tensorflow/tfjs-backend-wasm (XNNPACK, SIMD) + falcun-lab's training kernels
 *   cpu             tfjs's plain JavaScript backend (100× slower on convolutions: only as a last resort)
 *
 * The native packages are not dependencies (their install downloads libtensorflow, see environment.md),
 * and `node_modules/@tensorflow/tfjs-node` may be an npm alias of plain tfjs (for danfojs-node): so a
 * successful import proves nothing. A native choice counts only when a backend named 'tensorflow' got
 * registered in *our* tfjs engine and initialises.
 *
 * Throws Error when a forced backend cannot load (naming it, the reason and what to do), and RangeError
 * for an unknown backend name.
 */
import * as tf from '@tensorflow/tfjs';
import { availableParallelism } from 'node:os';
import { BACKEND_ORDER, backendRequestOf, formatBackendInfo, type BackendChoice, type BackendInfo, type BackendRequest } from './backendInfo.ts';
import { registerWasmKernels, WASM_KERNEL_NAMES } from './wasm/registerWasmKernels.ts';
import type { EnvironmentVariableName } from '../environmentVariables.ts';

/** The environment variable that forces a backend. */
export const BACKEND_ENV_VAR = 'FALCUN_BACKEND' satisfies EnvironmentVariableName;

export interface InitBackendOptions {
  /** A CLI flag's value; wins over the environment variable. Undefined / 'auto' = automatic. */
  readonly backend?: string;
  /** Environment to read `FALCUN_BACKEND` from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the start line goes (default: stderr). Pass `() => {}` to stay quiet. */
  readonly log?: (line: string) => void;
}

/**
 * Parses a backend name ('auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'; case-insensitive,
 * 'gpu' and 'node-gpu' mean 'tensorflow-gpu', 'node' means 'tensorflow').
 * Throws RangeError for anything else.
 */
export function parseBackendRequest(value: string, source = 'backend'): BackendRequest {
  const r = value.trim() === '' ? 'auto' : backendRequestOf(value);
  if (r !== undefined) return r;
  throw new RangeError(`${source}: unknown backend '${value}'; use one of auto, ${BACKEND_ORDER.join(', ')}`);
}

/** The request in force: the flag if given, else FALCUN_BACKEND, else 'auto'. */
export function resolveBackendRequest(options: Pick<InitBackendOptions, 'backend' | 'env'> = {}): { request: BackendRequest; forced: boolean } {
  if (options.backend !== undefined && options.backend.trim() !== '') {
    const request = parseBackendRequest(options.backend, '--backend');
    return { request, forced: request !== 'auto' };
  }
  const env = options.env ?? process.env;
  const fromEnv = env[BACKEND_ENV_VAR];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const request = parseBackendRequest(fromEnv, BACKEND_ENV_VAR);
    return { request, forced: request !== 'auto' };
  }
  return { request: 'auto', forced: false };
}

interface Loaded {
  readonly package: string;
  readonly version: string;
  readonly threads: number;
  readonly simd: boolean | null;
  readonly customKernels: readonly string[];
}

/** Dynamic import that TypeScript does not try to resolve (the native packages are usually absent). */
const importOptional = (name: string): Promise<unknown> => import(name);

function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.split('\n')[0]!.slice(0, 300);
}

async function activate(name: string): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend('${name}') returned false (the backend failed to initialise)`);
  await tf.ready();
}

async function loadNative(pkg: '@tensorflow/tfjs-node-gpu' | '@tensorflow/tfjs-node'): Promise<Loaded> {
  await importOptional(pkg);
  if (tf.findBackendFactory('tensorflow') === null) {
    throw new Error(
      `${pkg} imported but registered no 'tensorflow' backend in this tfjs (not installed, an alias of plain tfjs, or a second copy of tfjs-core)`,
    );
  }
  await activate('tensorflow');
  let version = 'unknown';
  try {
    const mod = (await importOptional(pkg)) as { version?: Record<string, string> };
    version = mod.version?.['tfjs-node'] ?? mod.version?.['tfjs-core'] ?? version;
  } catch {
    /* version is informative only */
  }
  return { package: pkg, version, threads: availableParallelism(), simd: null, customKernels: [] };
}

async function loadWasm(): Promise<Loaded> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // Register before setBackend: kernel set-up functions run when the backend initialises.
  registerWasmKernels();
  await activate('wasm');
  return {
    package: '@tensorflow/tfjs-backend-wasm',
    version: wasm.version_wasm,
    threads: wasm.getThreadsCount(),
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT') as boolean,
    customKernels: WASM_KERNEL_NAMES,
  };
}

async function loadCpu(): Promise<Loaded> {
  await activate('cpu');
  return { package: '@tensorflow/tfjs-backend-cpu', version: tf.version_core, threads: 1, simd: null, customKernels: [] };
}

const LOADERS: Record<BackendChoice, () => Promise<Loaded>> = {
  'tensorflow-gpu': () => loadNative('@tensorflow/tfjs-node-gpu'),
  tensorflow: () => loadNative('@tensorflow/tfjs-node'),
  wasm: loadWasm,
  cpu: loadCpu,
};

const HINTS: Record<BackendChoice, string> = {
  'tensorflow-gpu': 'install it on a CUDA machine with `npm install --no-save @tensorflow/tfjs-node-gpu@4.22.0` (environment.md, "Backends / GPU")',
  tensorflow: 'install it with `npm install --no-save @tensorflow/tfjs-node@4.22.0` on a machine that can download libtensorflow',
  wasm: 'check that @tensorflow/tfjs-backend-wasm is installed (npm ci)',
  cpu: 'check that @tensorflow/tfjs is installed (npm ci)',
};

let current: BackendInfo | undefined;

/**
 * Selects and activates the backend; returns what was chosen and prints one line about it.
 * A second call with the same request returns the recorded info; a different forced request switches.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  const { request, forced } = resolveBackendRequest(options);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (current !== undefined && (request === 'auto' || request === current.choice) && tf.getBackend() === current.name) {
    return current;
  }
  const candidates: readonly BackendChoice[] = request === 'auto' ? BACKEND_ORDER : [request];
  const skipped: Array<{ choice: BackendChoice; reason: string }> = [];
  for (const choice of candidates) {
    try {
      const loaded = await LOADERS[choice]();
      current = { name: tf.getBackend(), choice, ...loaded, forced, skipped };
      log(formatBackendInfo(current));
      return current;
    } catch (e) {
      skipped.push({ choice, reason: errorText(e) });
    }
  }
  if (forced) {
    const s = skipped[0]!;
    const source = options.backend !== undefined && options.backend.trim() !== '' ? '--backend' : BACKEND_ENV_VAR;
    throw new Error(`initBackend: the backend '${s.choice}' forced by ${source} cannot load: ${s.reason}; ${HINTS[s.choice]}, or choose another (${BACKEND_ORDER.join(', ')})`);
  }
  throw new Error(`initBackend: no tfjs backend loads: ${skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')}`);
}

/** The info of the backend chosen by the last successful `initBackend`, or undefined before it. */
export function currentBackendInfo(): BackendInfo | undefined {
  return current;
}
