/**
 * Cross products of row sets: out[i, j] = a_i · b_j for m rows of A and n rows of B (both row-major,
 * d columns), the matrix product A·Bᵀ that every "many points × many centres" distance needs
 * (‖a‖² + ‖b‖² − 2a·b, see kernels/nearestCentres.ts).
 *
 * How it is fast in plain JavaScript (measured ~2–3 GFLOP/s here against ~1.2 for one dot product at a
 * time, see `npm run bench:kernels`):
 * - Both operands are packed into float64 panels of 4 rows, interleaved per column (panel p holds
 *   rows 4p..4p+3 as r0[t], r1[t], r2[t], r3[t] for t = 0..d−1) and zero-padded to a multiple of 4, so
 *   the 4 × 4 register block reads two sequential streams and odd m, n need no edge code. Packing also
 *   makes the kernel monomorphic (Float32Array embeddings and Float64Array centroids alike).
 * - A 4 × 4 register block: 16 products per 8 loads instead of 1 per 2.
 * - The column range is cut into chunks of KC so one A panel chunk stays in L1 while B panels stream.
 *
 * Accumulation is float64: V8 computes in double anyway (float32 would need Math.fround on every
 * operation, slower and ~1e-4 relative error at d = 1024 instead of ~1e-13), float32 inputs convert
 * exactly, and the error bound of nearestCentres' exact re-check stays tight.
 */

/** Rows per panel (the register block is PANEL × PANEL). */
export const PANEL = 4;
/** Columns per cache chunk: a 4-row panel chunk is 4·256·8 B = 8 KiB. */
const KC = 256;

/** Length of a packed buffer for `rows` rows of d columns (rows rounded up to a multiple of 4). */
export function packedLength(rows: number, d: number): number {
  return Math.ceil(rows / PANEL) * PANEL * d;
}

/**
 * Packs rows row0..row0+rows−1 of `src` (row-major, d columns) into `into` (length >= packedLength)
 * as 4-row interleaved panels, padding the last panel with zero rows. Cost O(rows·d).
 */
export function packRows(src: ArrayLike<number>, row0: number, rows: number, d: number, into: Float64Array): Float64Array {
  const len = packedLength(rows, d);
  if (into.length < len) throw new RangeError(`packRows: buffer has length ${into.length}, needs ${len} for ${rows} rows × ${d}`);
  if ((row0 + rows) * d > src.length) throw new RangeError(`packRows: rows ${row0}..${row0 + rows - 1} exceed the source (${src.length / d} rows of ${d})`);
  for (let p = 0; p * PANEL < rows; p++) {
    const base = p * PANEL * d;
    for (let r = 0; r < PANEL; r++) {
      const i = p * PANEL + r;
      if (i < rows) {
        const so = (row0 + i) * d;
        for (let t = 0, o = base + r; t < d; t++, o += PANEL) into[o] = src[so + t]!;
      } else {
        for (let t = 0, o = base + r; t < d; t++, o += PANEL) into[o] = 0;
      }
    }
  }
  return into;
}

/**
 * out[outOff + i·outStride + j] = a_i · b_j for i < m, j < n, from packed operands (packRows).
 * Float64 accumulation; the sum over t runs in chunks of KC columns (the last bits can differ from a
 * left-to-right dot product). Cost O(m·n·d), no allocation.
 */
export function crossDotPacked(
  ap: Float64Array,
  m: number,
  bp: Float64Array,
  n: number,
  d: number,
  out: Float64Array,
  outOff = 0,
  outStride = n,
): void {
  if (ap.length < packedLength(m, d) || bp.length < packedLength(n, d)) throw new RangeError('crossDotPacked: packed operands are shorter than m × d / n × d');
  if (m > 0 && n > 0 && out.length < outOff + (m - 1) * outStride + n) throw new RangeError(`crossDotPacked: out has length ${out.length}, too short for ${m} × ${n} at stride ${outStride}`);
  const mp = Math.ceil(m / PANEL);
  const np = Math.ceil(n / PANEL);
  const panelStride = PANEL * d;
  for (let t0 = 0; t0 < d; t0 += KC) {
    const t1 = Math.min(d, t0 + KC);
    const first = t0 === 0;
    for (let ip = 0; ip < mp; ip++) {
      const aStart = ip * panelStride + t0 * PANEL;
      const aEnd = ip * panelStride + t1 * PANEL;
      const rows = Math.min(PANEL, m - ip * PANEL);
      for (let jp = 0; jp < np; jp++) {
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let pa = aStart, pb = jp * panelStride + t0 * PANEL; pa < aEnd; pa += PANEL, pb += PANEL) {
          const y0 = bp[pb]!, y1 = bp[pb + 1]!, y2 = bp[pb + 2]!, y3 = bp[pb + 3]!;
          const x0 = ap[pa]!;
          c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
          const x1 = ap[pa + 1]!;
          c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
          const x2 = ap[pa + 2]!;
          c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
          const x3 = ap[pa + 3]!;
          c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
        }
        const cols = Math.min(PANEL, n - jp * PANEL);
        const o = outOff + ip * PANEL * outStride + jp * PANEL;
        if (rows === PANEL && cols === PANEL) {
          if (first) {
            store4(out, o, c00, c01, c02, c03);
            store4(out, o + outStride, c10, c11, c12, c13);
            store4(out, o + 2 * outStride, c20, c21, c22, c23);
            store4(out, o + 3 * outStride, c30, c31, c32, c33);
          } else {
            add4(out, o, c00, c01, c02, c03);
            add4(out, o + outStride, c10, c11, c12, c13);
            add4(out, o + 2 * outStride, c20, c21, c22, c23);
            add4(out, o + 3 * outStride, c30, c31, c32, c33);
          }
        } else {
          // Edge block: write only the rows and columns that exist (the padding rows are zero).
          const block = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
          for (let r = 0; r < rows; r++) {
            for (let c = 0; c < cols; c++) {
              const k = o + r * outStride + c;
              out[k] = (first ? 0 : out[k]!) + block[r * PANEL + c]!;
            }
          }
        }
      }
    }
  }
}

function store4(out: Float64Array, o: number, v0: number, v1: number, v2: number, v3: number): void {
  out[o] = v0;
  out[o + 1] = v1;
  out[o + 2] = v2;
  out[o + 3] = v3;
}

/** out[o..o+4) += v: the caller's tile keeps o + 3 inside `out`. */
function add4(out: Float64Array, o: number, v0: number, v1: number, v2: number, v3: number): void {
  out[o] = out[o]! + v0;
  out[o + 1] = out[o + 1]! + v1;
  out[o + 2] = out[o + 2]! + v2;
  out[o + 3] = out[o + 3]! + v3;
}

/**
 * out[i·n + j] = a_i · b_j for rows a0..a0+m−1 of `a` and b0..b0+n−1 of `b` (row-major, d columns):
 * packs both (O((m + n)·d) extra memory) and runs crossDotPacked. Cost O(m·n·d).
 * @example crossDot([1, 2, 3, 4], 0, 2, [1, 0], 0, 1, 2, out) // out = [1, 3]
 */
export function crossDot(
  a: ArrayLike<number>,
  a0: number,
  m: number,
  b: ArrayLike<number>,
  b0: number,
  n: number,
  d: number,
  out: Float64Array,
): Float64Array {
  const ap = packRows(a, a0, m, d, new Float64Array(packedLength(m, d)));
  const bp = packRows(b, b0, n, d, new Float64Array(packedLength(n, d)));
  crossDotPacked(ap, m, bp, n, d, out, 0, n);
  return out;
}
