/**
 * Dot product Σ_j a[aOff+j]·b[bOff+j] over `len` entries, in float64 with four interleaved partial sums
 * added as (s0 + s1) + (s2 + s3) (four independent add chains: ~3× faster in V8 than one for long rows;
 * the last bits may differ from a left-to-right sum). Used by BADGE's factorised distances.
 * Cost O(len), no allocation.
 * @example dotProduct([1, 2, 3], 0, [4, 5, 6], 0, 3) // 32
 */
export function dotProduct(a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (const end = len - 3; j < end; j += 4) {
    s0 += a[aOff + j]! * b[bOff + j]!;
    s1 += a[aOff + j + 1]! * b[bOff + j + 1]!;
    s2 += a[aOff + j + 2]! * b[bOff + j + 2]!;
    s3 += a[aOff + j + 3]! * b[bOff + j + 3]!;
  }
  for (; j < len; j++) s0 += a[aOff + j]! * b[bOff + j]!;
  return s0 + s1 + (s2 + s3);
}
