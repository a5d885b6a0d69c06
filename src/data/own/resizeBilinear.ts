/**
 * Bilinear resize of an interleaved 8-bit image (h × w × channels) to outH × outW, with half-pixel centres
 * (source coordinate (o + 0.5)·scale − 0.5, clamped to the edges: the convention of OpenCV's INTER_LINEAR and
 * PIL without antialiasing). Output float64 on the 0..255 scale. Cost O(outH · outW · channels).
 */
export function resizeBilinear(src: ArrayLike<number>, h: number, w: number, channels: number, stride: number, outH: number, outW: number): Float64Array {
  const out = new Float64Array(outH * outW * channels);
  const sy = h / outH;
  const sx = w / outW;
  for (let oy = 0; oy < outH; oy++) {
    const fy = Math.min(Math.max((oy + 0.5) * sy - 0.5, 0), h - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, h - 1);
    const ty = fy - y0;
    for (let ox = 0; ox < outW; ox++) {
      const fx = Math.min(Math.max((ox + 0.5) * sx - 0.5, 0), w - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, w - 1);
      const tx = fx - x0;
      for (let c = 0; c < channels; c++) {
        const a = src[(y0 * w + x0) * stride + c]!;
        const b = src[(y0 * w + x1) * stride + c]!;
        const d = src[(y1 * w + x0) * stride + c]!;
        const e = src[(y1 * w + x1) * stride + c]!;
        out[(oy * outW + ox) * channels + c] = (a * (1 - tx) + b * tx) * (1 - ty) + (d * (1 - tx) + e * tx) * ty;
      }
    }
  }
  return out;
}
