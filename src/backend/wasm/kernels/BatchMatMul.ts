/**
 * BatchMatMul for the wasm backend, fast for transposed operands.
 *
 * Why: the stock wasm kernel multiplies transposed operands (`transposeA` / `transposeB`, which every
 * backward pass of a dense or conv layer uses) with a strided loop at 0.5–1.6 GFLOP/s, against
 * ~19 GFLOP/s for the plain product (measured: docs/measurements.md). Transposing the operand explicitly (one
 * O(n) copy) and then calling the upstream kernel with plain operands is 10× faster on training work.
 *
 * The upstream kernel is passed in (it is what this config replaces in the registry), so the plain
 * product keeps using tfjs's own XNNPACK path. Cost: O(batch·m·k) extra copies per transposed operand.
 */
import { BatchMatMul } from '@tensorflow/tfjs';
import type { BatchMatMulAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { callKernel, type WasmBackendLike } from './callKernel.ts';

/** Swaps the last two axes of `t` with the wasm Transpose kernel; the caller disposes the result. */
function transposeLastTwo(t: TensorInfo, backend: WasmBackendLike): TensorInfo {
  const rank = t.shape.length;
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return callKernel('Transpose', { x: t }, { perm }, backend);
}

/**
 * Builds the replacement BatchMatMul config around `upstream` (the wasm backend's own kernel).
 * Throws (when the kernel runs) only what the upstream kernel throws (e.g. mismatched inner shapes).
 */
export function batchMatMulConfig(upstream: KernelConfig): KernelConfig {
  const upstreamFunc = upstream.kernelFunc;
  const kernelFunc: KernelFunc = (args) => {
    const { inputs, attrs, backend } = args;
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    if (!transposeA && !transposeB) return upstreamFunc(args);
    const wasm = backend as unknown as WasmBackendLike;
    const a = inputs['a'] as TensorInfo;
    const b = inputs['b'] as TensorInfo;
    const at = transposeA ? transposeLastTwo(a, wasm) : a;
    const bt = transposeB ? transposeLastTwo(b, wasm) : b;
    try {
      return upstreamFunc({ inputs: { a: at, b: bt }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      if (at !== a) wasm.disposeData(at.dataId);
      if (bt !== b) wasm.disposeData(bt.dataId);
    }
  };
  // Keep the upstream set-up (it binds the wasm function the plain product calls) and tear-down.
  const config: KernelConfig = { kernelName: BatchMatMul, backendName: 'wasm', kernelFunc };
  if (upstream.setupFunc !== undefined) config.setupFunc = upstream.setupFunc;
  if (upstream.disposeFunc !== undefined) config.disposeFunc = upstream.disposeFunc;
  return config;
}
