/**
 * Conv2DBackpropFilter for the wasm backend (the stock backend has none, so no conv net can train on it).
 *
 * The filter gradient of y = conv2d(x, W, stride s, padding p) is
 *   dW[i, j, ci, co] = Σ_{b, oh, ow} xpad[b, oh·s_h + i, ow·s_w + j, ci] · dy[b, oh, ow, co],
 * which is itself a forward convolution once the batch and channel axes are swapped:
 * input  x' = transpose(x, [3, 1, 2, 0])   (ci × H × W × B, "batch" = input channels),
 * filter f' = transpose(dy, [1, 2, 0, 3])  (oh × ow × B × co),
 * stride 1, dilation s (the forward stride), the forward pad on top/left and whatever pad (or crop)
 * on bottom/right makes the output exactly fh × fw; then transpose(out, [1, 2, 0, 3]).
 * So the whole gradient runs in the backend's fast (XNNPACK) Conv2D. Cost: one conv of
 * B·oh·ow·fh·fw·ci·co multiply-adds plus three transposes of x, dy and the result.
 *
 * Supports NHWC ('NHWC' / 'channelsLast') and dilation 1 (tfjs's conv2d gradient requires it too).
 * Throws Error for NCHW input.
 */
import { Conv2DBackpropFilter, backend_util } from '@tensorflow/tfjs';
import type { Conv2DBackpropFilterAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { callKernel, type WasmBackendLike } from './callKernel.ts';

interface HeapBackend extends WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

/**
 * dy [B, oh, ow, co] → [oh, ow, B, co]. For co = 6 (LeNet's conv1) a TypeScript loop moving each pixel's
 * 6 floats as 3 float64s, in output order: 0.15 ms against 0.37 ms for the Transpose kernel on
 * 64 × 24×24×6 (the wasm kernel moves one float at a time). Bit-identical. Otherwise the Transpose kernel
 * (already a block copy for 16 channels: 0.04 ms on 64 × 8×8×16).
 */
function transposeDy(dy: TensorInfo, wasm: WasmBackendLike): TensorInfo {
  const [b, oh, ow, co] = dy.shape as [number, number, number, number];
  const heap = wasm as Partial<HeapBackend>;
  if (co === 6 && dy.dtype === 'float32' && typeof heap.makeOutput === 'function' && typeof heap.typedArrayFromHeap === 'function') {
    const out = heap.makeOutput([oh, ow, b, co], 'float32');
    const src = heap.typedArrayFromHeap(dy);
    const dst = heap.typedArrayFromHeap(out);
    if (src.byteOffset % 8 === 0 && dst.byteOffset % 8 === 0) {
      const s = new Float64Array(src.buffer, src.byteOffset, src.length >> 1);
      const d = new Float64Array(dst.buffer, dst.byteOffset, dst.length >> 1);
      const pixels = oh * ow;
      const stride = 3 * pixels;
      let o = 0;
      for (let p = 0; p < pixels; p++) {
        let i = 3 * p;
        for (let n = 0; n < b; n++, i += stride, o += 3) {
          d[o] = s[i]!;
          d[o + 1] = s[i + 1]!;
          d[o + 2] = s[i + 2]!;
        }
      }
      return out;
    }
    wasm.disposeData(out.dataId);
  }
  return callKernel('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }, wasm);
}

const conv2DBackpropFilter: KernelFunc = ({ inputs, attrs, backend }) => {
  const wasm = backend as unknown as WasmBackendLike;
  const x = inputs['x'] as TensorInfo;
  const dy = inputs['dy'] as TensorInfo;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
  const format = backend_util.convertConv2DDataFormat(dataFormat);
  if (format !== 'channelsLast') {
    throw new Error(`Conv2DBackpropFilter (wasm): dataFormat '${dataFormat}' is not supported; use 'NHWC'`);
  }
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    format,
  );
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow } = info;
  const [, inH, inW] = x.shape as [number, number, number, number];
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  // Pad (or, when negative, crop) on the bottom/right so that the output has exactly fh × fw positions.
  const bottom = fh + (oh - 1) * sh - inH - top;
  const right = fw + (ow - 1) * sw - inW - left;
  const temps: TensorInfo[] = [];
  try {
    let xt = callKernel('Transpose', { x }, { perm: [3, 1, 2, 0] }, wasm);
    temps.push(xt);
    if (bottom < 0 || right < 0) {
      const s = xt.shape;
      xt = callKernel(
        'Slice',
        { x: xt },
        { begin: [0, 0, 0, 0], size: [s[0]!, s[1]! + Math.min(bottom, 0), s[2]! + Math.min(right, 0), s[3]!] },
        wasm,
      );
      temps.push(xt);
    }
    const dyt = transposeDy(dy, wasm);
    temps.push(dyt);
    const explicitPad: backend_util.ExplicitPadding = [
      [0, 0],
      [top, Math.max(bottom, 0)],
      [left, Math.max(right, 0)],
      [0, 0],
    ];
    const conv = callKernel(
      'Conv2D',
      { x: xt, filter: dyt },
      { strides: [1, 1], pad: explicitPad as never, dataFormat: 'NHWC', dilations: [sh, sw], dimRoundingMode: undefined as never },
      wasm,
    );
    temps.push(conv);
    return callKernel('Transpose', { x: conv }, { perm: [1, 2, 0, 3] }, wasm);
  } finally {
    for (const t of temps) wasm.disposeData(t.dataId);
  }
};

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter,
};
