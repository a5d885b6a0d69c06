/**
 * Loads falcun-lab's dense-layer kernels (denseKernelsSource.ts): the text is assembled once per process
 * with wabt (WebAssembly's own toolkit) and compiled; every `createDenseKernels()` call gets its own
 * instance and memory, so two trainings in one process never share buffers.
 *
 * Why our own kernels: an MLP step at the paper's shapes (batch 64, 16 → 1,024 → 26) makes ~30 tfjs
 * kernel calls whose products have shapes XNNPACK handles poorly (K = 16, N = 26) plus per-op bookkeeping;
 * five products written for these shapes and one fused Adam do the same step several times faster
 * (`npm run bench:training`, docs/measurements.md).
 *
 * Offsets are in float32 elements (not bytes) and 16-byte aligned; views must be re-read after `alloc`
 * (growing the memory detaches old views).
 */
import wabtInit from 'wabt';
import { DENSE_KERNELS_WAT } from './denseKernelsSource.ts';

/** gemm flags (combine with |). */
export const GEMM_ACCUMULATE = 1;
export const GEMM_RELU = 2;
export const GEMM_RELU_MASK = 4;

interface DenseExports {
  readonly memory: WebAssembly.Memory;
  gemm(a: number, aRow: number, aCol: number, b: number, c: number, bias: number, mask: number, m: number, k: number, n: number, flags: number): void;
  colSums(src: number, m: number, n: number, dst: number): void;
  transpose(src: number, rows: number, cols: number, dst: number): void;
  adam(theta: number, g: number, m: number, v: number, len: number, b1: number, b2: number, eps: number, stepSize: number, invC2: number): void;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** Assembles and compiles the kernels once per process. */
function compileDenseKernels(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const wabt = await wabtInit();
    const parsed = wabt.parseWat('denseKernels.wat', DENSE_KERNELS_WAT, { simd: true });
    try {
      parsed.validate();
      return await WebAssembly.compile(new Uint8Array(parsed.toBinary({}).buffer));
    } finally {
      parsed.destroy();
    }
  })();
  return compiled;
}

/** One instance of the kernels with its own memory and a bump allocator over it. Offsets are float32 indices. */
export class DenseKernels {
  private top = 4; // offset 0 stays unused: 0 means "no bias / no mask" to gemm
  private view: Float32Array;

  private constructor(private readonly k: DenseExports) {
    this.view = new Float32Array(k.memory.buffer);
  }

  static async create(): Promise<DenseKernels> {
    const instance = await WebAssembly.instantiate(await compileDenseKernels());
    return new DenseKernels(instance.exports as unknown as DenseExports);
  }

  /** Reserves `n` zeroed floats (rounded up to a multiple of 4) and returns their offset. */
  alloc(n: number): number {
    const at = this.top;
    this.top += Math.ceil(n / 4) * 4;
    const bytes = this.top * 4;
    const have = this.k.memory.buffer.byteLength;
    if (bytes > have) this.k.memory.grow(Math.ceil((bytes - have) / 65536));
    this.view = new Float32Array(this.k.memory.buffer);
    return at;
  }

  /** The memory as floats (valid until the next `alloc`). */
  get f32(): Float32Array {
    return this.view;
  }

  /** C = A·B (+ bias) (+ C), flags GEMM_*; A(i, p) at a + i·aRow + p·aCol; B row-major k × n, n a multiple of 8. */
  gemm(a: number, aRow: number, aCol: number, b: number, c: number, bias: number, mask: number, m: number, k: number, n: number, flags: number): void {
    if (n % 8 !== 0) throw new RangeError(`DenseKernels.gemm: n must be a multiple of 8, got ${n}`);
    this.k.gemm(4 * a, aRow, aCol, 4 * b, 4 * c, 4 * bias, 4 * mask, m, k, n, flags);
  }

  /** dst[j] = Σ_i src[i·n + j], n a multiple of 4. */
  colSums(src: number, m: number, n: number, dst: number): void {
    if (n % 4 !== 0) throw new RangeError(`DenseKernels.colSums: n must be a multiple of 4, got ${n}`);
    this.k.colSums(4 * src, m, n, 4 * dst);
  }

  transpose(src: number, rows: number, cols: number, dst: number): void {
    this.k.transpose(4 * src, rows, cols, 4 * dst);
  }

  /** One Adam step over `len` values (a multiple of 4) of θ with gradient g and moments m, v. */
  adam(theta: number, g: number, m: number, v: number, len: number, s: { beta1: number; beta2: number; epsilon: number; stepSize: number; invC2: number }): void {
    if (len % 4 !== 0) throw new RangeError(`DenseKernels.adam: len must be a multiple of 4, got ${len}`);
    this.k.adam(4 * theta, 4 * g, 4 * m, 4 * v, len, s.beta1, s.beta2, s.epsilon, s.stepSize, s.invC2);
  }
}
