/**
 * An injected fast matrix product A·Bᵀ (float32 in and out), for the distance searches of
 * kernels/nearestCentres.ts and kernels/nearestPointPerCentroid.ts. The acquisition layer never
 * imports tfjs: a layer above supplies one (src/training/tfCrossProduct.ts wraps tfjs' wasm XNNPACK
 * product, ~13 GFLOP/s against ~2.5 for the pure-TS crossDot here) through `SelectOptions.crossProduct`.
 * Its float32 rounding only widens the screening tolerance: results stay bit for bit those of a scan.
 */
export interface CrossProductKernel {
  /**
   * Holds B (n rows of d values, row-major) for several products. `product(a, m)` returns A·Bᵀ for
   * A = m rows of d values: a fresh row-major m × n array. `dispose()` frees what the operand holds.
   */
  rightOperand(b: Float32Array, n: number, d: number): CrossProductOperand;
}

export interface CrossProductOperand {
  product(a: Float32Array, m: number): Float32Array;
  dispose(): void;
}

/** `{ product }` when the select options carry a cross-product kernel, else `{}` (spread into kernel options). */
export function product(options: { readonly crossProduct?: CrossProductKernel }): { product?: CrossProductKernel } {
  return options.crossProduct === undefined ? {} : { product: options.crossProduct };
}

/** The screening tolerance factor for a float32 product of rows of d values (see nearestCentres.ts). */
export function float32ScreeningEps(d: number): number {
  return (4 * d + 32) * 2 ** -24;
}

/** Mean of n rows (float64). O(n·d). */
export function rowMean(rows: ArrayLike<number>, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0, o = 0; i < n; i++, o += d) for (let t = 0; t < d; t++) mean[t] = mean[t]! + rows[o + t]!;
  if (n > 0) for (let t = 0; t < d; t++) mean[t] = mean[t]! / n;
  return mean;
}

/**
 * Rows row0..row0+rows−1 of `src` minus `mean`, rounded to float32, into `into`; their squared norms
 * (of the rounded values, in float64) into `norms[0..rows)`. Centring keeps the float32 rounding
 * relative to the spread of the data instead of its distance from the origin. O(rows·d).
 */
export function centredFloat32Rows(
  src: ArrayLike<number>,
  row0: number,
  rows: number,
  d: number,
  mean: Float64Array,
  into: Float32Array,
  norms: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const so = (row0 + r) * d;
    const o = r * d;
    let s = 0;
    for (let t = 0; t < d; t++) {
      const v = Math.fround(src[so + t]! - mean[t]!);
      into[o + t] = v;
      s += v * v;
    }
    norms[r] = s;
  }
}
