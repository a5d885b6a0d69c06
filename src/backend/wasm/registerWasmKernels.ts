/**
 * Registers falcun-lab's wasm kernels (the stock backend lacks Conv2DBackpropFilter, and multiplies
 * transposed operands 12–38× slower than plain ones: docs/measurements.md), so conv nets train, and
 * fast. An explicit call, not an import side effect, made by `initBackend` before `setBackend('wasm')`.
 * Idempotent: a kernel already registered by us is left alone; a kernel tfjs already provides is left
 * alone unless the entry wraps it on purpose (BatchMatMul).
 */
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { batchMatMulConfig } from './kernels/BatchMatMul.ts';
import { conv2DBackpropFilterConfig } from './kernels/Conv2DBackpropFilter.ts';
import { conv2DBackpropInputConfig } from './kernels/Conv2DBackpropInput.ts';
import { identityConfig } from './kernels/Identity.ts';
import { maxPoolGradConfig } from './kernels/MaxPoolGrad.ts';

interface WasmKernelEntry {
  readonly kernelName: string;
  /** Builds the config; `upstream` is the kernel tfjs registered under the same name, if any. */
  readonly build: (upstream: KernelConfig | undefined) => KernelConfig | undefined;
}

/** Our kernel configs, so that a second call recognises them. */
const ours = new WeakSet<KernelConfig>();

const ENTRIES: readonly WasmKernelEntry[] = [
  // Missing upstream: add it (never replace one tfjs may add in a later version).
  { kernelName: 'Conv2DBackpropFilter', build: (up) => (up === undefined ? conv2DBackpropFilterConfig : undefined) },
  // Present upstream but slow for transposed operands: wrap it.
  { kernelName: 'BatchMatMul', build: (up) => (up === undefined ? undefined : batchMatMulConfig(up)) },
  // Present upstream but a direct loop: NHWC through a matrix product + column sum, or the forward conv.
  { kernelName: 'Conv2DBackpropInput', build: (up) => (up === undefined ? undefined : conv2DBackpropInputConfig(up)) },
  // Present upstream but slow: replace (a plain loop over the heap; no upstream set-up needed).
  { kernelName: 'MaxPoolGrad', build: () => maxPoolGradConfig },
  // Present upstream but copies: share the buffer (the engine clones every tensor it saves for backprop).
  { kernelName: 'Identity', build: () => identityConfig },
];

/** Registers the kernels; returns the names registered by this call (empty on a repeated call). */
export function registerWasmKernels(): string[] {
  const done: string[] = [];
  for (const entry of ENTRIES) {
    const upstream = getKernel(entry.kernelName, 'wasm');
    if (upstream !== undefined && ours.has(upstream)) continue;
    const config = entry.build(upstream);
    if (config === undefined) continue;
    ours.add(config);
    if (upstream !== undefined) unregisterKernel(entry.kernelName, 'wasm');
    registerKernel(config);
    done.push(entry.kernelName);
  }
  return done;
}

/** Names of the wasm kernels this module provides (for BackendInfo and tests). */
export const WASM_KERNEL_NAMES: readonly string[] = ENTRIES.map((e) => e.kernelName);
