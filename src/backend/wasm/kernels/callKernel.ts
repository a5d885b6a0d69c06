/**
 * Calls another kernel already registered for the wasm backend from inside a kernel (composition),
 * the way tfjs's own kernels call `transpose(...)` directly, without going through the engine
 * (no tape, no extra bookkeeping). The result is a TensorInfo the caller owns: dispose it with
 * `backend.disposeData(result.dataId)` unless it is returned as the kernel's output.
 */
import { getKernel } from '@tensorflow/tfjs';
import type { DataId, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';

/** The part of the wasm backend that composed kernels use. */
export interface WasmBackendLike {
  disposeData(dataId: DataId, force?: boolean): boolean;
}

/** Runs kernel `name` of the wasm backend. Throws Error when it is not registered. */
export function callKernel(name: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap, backend: WasmBackendLike): TensorInfo {
  const k = getKernel(name, 'wasm');
  if (k === undefined) throw new Error(`callKernel: kernel '${name}' is not registered for backend 'wasm'`);
  const out = k.kernelFunc({ inputs, attrs, backend: backend as never });
  if (Array.isArray(out)) throw new Error(`callKernel: kernel '${name}' returned ${out.length} outputs, expected one`);
  return out;
}
