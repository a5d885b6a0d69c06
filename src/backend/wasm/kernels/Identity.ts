/**
 * Identity for the wasm backend that shares the input's buffer (reference count + 1) instead of copying.
 *
 * Why: while recording gradients, tfjs's engine saves every tensor a gradient needs with
 * `clone()` = the Identity kernel, and the stock wasm Identity copies the whole buffer. A LeNet step
 * copies its activations that way (~20 Identity kernels per MLP step, several 221k-element buffers per
 * LeNet step). Tensors are immutable (a variable's `assign` swaps buffers, never writes in place), so
 * sharing is safe; it is what the wasm Reshape kernel and the cpu backend's Identity already do.
 * Cost: O(1).
 */
import { Identity } from '@tensorflow/tfjs';
import type { DataId, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

interface RefCountingBackend {
  incRef(dataId: DataId): void;
}

const identity: KernelFunc = ({ inputs, backend }) => {
  const x = inputs['x'] as TensorInfo;
  (backend as unknown as RefCountingBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
};

export const identityConfig: KernelConfig = { kernelName: Identity, backendName: 'wasm', kernelFunc: identity };
