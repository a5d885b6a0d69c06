/**
 * MaxPoolGrad for the wasm backend as a TypeScript loop over the wasm heap.
 *
 * Why: the stock kernel takes ~2.7 ms per LeNet batch (64 × 24×24×6), a quarter of a LeNet training
 * epoch, more than the convolutions around it. Each output position routes its gradient dy to the first
 * maximum of its window in x (row-major order within the window, TensorFlow's convention; positions in
 * the padding never win). Cost: O(B·oh·ow·C·fh·fw) comparisons, one pass, no temporaries.
 *
 * Memory rule: the output is allocated first; the heap views are taken after it and used with no
 * allocation in between (wasm memory can grow and move on allocation).
 */
import { MaxPoolGrad, backend_util } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, MaxPoolGradAttrs, TensorInfo } from '@tensorflow/tfjs';

interface HeapBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

const maxPoolGrad: KernelFunc = ({ inputs, attrs, backend }) => {
  const heap = backend as unknown as HeapBackend;
  const dy = inputs['dy'] as TensorInfo;
  const input = inputs['input'] as TensorInfo;
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const info = backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { strideHeight: sh, strideWidth: sw, effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const { top, left } = info.padInfo;
  const dx = heap.makeOutput(input.shape.slice(), 'float32');
  const out = heap.typedArrayFromHeap(dx);
  const x = heap.typedArrayFromHeap(input);
  const g = heap.typedArrayFromHeap(dy);
  out.fill(0);
  const rowX = W * C;
  const imgX = H * rowX;
  for (let b = 0; b < B; b++) {
    const xb = b * imgX;
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - top;
      const hStart = Math.max(h0, 0);
      const hEnd = Math.min(h0 + fh, H);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - left;
        const wStart = Math.max(w0, 0);
        const wEnd = Math.min(w0 + fw, W);
        const gBase = ((b * OH + oh) * OW + ow) * C;
        for (let c = 0; c < C; c++) {
          let best = -Infinity;
          let at = -1;
          for (let h = hStart; h < hEnd; h++) {
            const rowBase = xb + h * rowX + c;
            for (let w = wStart; w < wEnd; w++) {
              const v = x[rowBase + w * C]!;
              if (v > best || at < 0) {
                best = v;
                at = rowBase + w * C;
              }
            }
          }
          if (at >= 0) out[at]! += g[gBase + c]!;
        }
      }
    }
  }
  return dx;
};

export const maxPoolGradConfig: KernelConfig = { kernelName: MaxPoolGrad, backendName: 'wasm', kernelFunc: maxPoolGrad };
