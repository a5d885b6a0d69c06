/**
 * Conv2DBackpropInput for the wasm backend, through the fast (XNNPACK) forward Conv2D.
 *
 * Why: the stock kernel is a direct loop, ~9 ms per LeNet batch (64 × 12×12×6 ← 8×8×16), a third of a
 * LeNet training epoch. The input gradient of y = conv2d(x, W, stride s, pads top/left) is
 *   dx[b, i, j, ci] = Σ_{fi, fj, co} dy[b, oh, ow, co] · W[fi, fj, ci, co]   where i = oh·s + fi − top,
 * i.e. a stride-1 forward convolution of dy — dilated by s (s − 1 zeros between rows and columns) and
 * padded by fh − 1 − top on top / fw − 1 − left on the left — with W flipped in both spatial axes and
 * its channel axes swapped ([fh, fw, co, ci]). Bottom/right padding (or cropping) makes the output
 * exactly H × W. Cost: one conv of B·H·W·fh·fw·ci·co multiply-adds (the zeros of the dilation
 * included), plus a flip/transpose of W and, for s > 1, a zero-interleaved copy of dy.
 *
 * NHWC only; other layouts go to the upstream kernel, which this config wraps.
 */
import { Conv2DBackpropInput, backend_util } from '@tensorflow/tfjs';
import type { Conv2DBackpropInputAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { callKernel, type WasmBackendLike } from './callKernel.ts';

/** Builds the Conv2DBackpropInput config around `upstream` (used for NCHW). */
export function conv2DBackpropInputConfig(upstream: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { inputs, attrs, backend } = args;
    const wasm = backend as unknown as WasmBackendLike;
    const dy = inputs['dy'] as TensorInfo;
    const filter = inputs['filter'] as TensorInfo;
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as Conv2DBackpropInputAttrs;
    const format = backend_util.convertConv2DDataFormat(dataFormat);
    if (format !== 'channelsLast') return upstream.kernelFunc(args);
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      format,
    );
    const { batchSize: b, filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
    const { inHeight: inH, inWidth: inW, outHeight: oh, outWidth: ow, outChannels: co } = info;
    const temps: TensorInfo[] = [];
    try {
      let g = dy;
      if (sh > 1 || sw > 1) {
        // Interleave zeros: [b, oh, 1, ow, 1, co] padded to [b, oh, sh, ow, sw, co], then cut the trailing zeros.
        const r6 = callKernel('Reshape', { x: dy }, { shape: [b, oh, 1, ow, 1, co] }, wasm);
        temps.push(r6);
        const padded = callKernel('PadV2', { x: r6 }, { paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]], constantValue: 0 }, wasm);
        temps.push(padded);
        const r4 = callKernel('Reshape', { x: padded }, { shape: [b, oh * sh, ow * sw, co] }, wasm);
        temps.push(r4);
        g = callKernel('Slice', { x: r4 }, { begin: [0, 0, 0, 0], size: [b, (oh - 1) * sh + 1, (ow - 1) * sw + 1, co] }, wasm);
        temps.push(g);
      }
      const gh = g.shape[1]!;
      const gw = g.shape[2]!;
      const top = fh - 1 - info.padInfo.top;
      const left = fw - 1 - info.padInfo.left;
      let bottom = inH + fh - 1 - gh - top;
      let right = inW + fw - 1 - gw - left;
      if (bottom < 0 || right < 0) {
        g = callKernel('Slice', { x: g }, { begin: [0, 0, 0, 0], size: [b, gh + Math.min(bottom, 0), gw + Math.min(right, 0), co] }, wasm);
        temps.push(g);
        bottom = Math.max(bottom, 0);
        right = Math.max(right, 0);
      }
      const flipped = callKernel('Reverse', { x: filter }, { dims: [0, 1] }, wasm);
      temps.push(flipped);
      const w = callKernel('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] }, wasm);
      temps.push(w);
      const explicitPad: backend_util.ExplicitPadding = [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ];
      return callKernel(
        'Conv2D',
        { x: g, filter: w },
        { strides: [1, 1], pad: explicitPad as never, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined as never },
        wasm,
      );
    } finally {
      for (const t of temps) wasm.disposeData(t.dataId);
    }
  };
  const config: KernelConfig = { kernelName: Conv2DBackpropInput, backendName: 'wasm', kernelFunc };
  if (upstream.setupFunc !== undefined) config.setupFunc = upstream.setupFunc;
  if (upstream.disposeFunc !== undefined) config.disposeFunc = upstream.disposeFunc;
  return config;
}
