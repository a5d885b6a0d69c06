import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DenseKernels, GEMM_ACCUMULATE, GEMM_RELU, GEMM_RELU_MASK } from '../../src/backend/wasm/dense/denseKernels.ts';
import { Random } from '../../src/random.ts';

/** Slow obvious product in float64: A(i, p) = a[i·aRow + p·aCol], B row-major k × n. */
function gemmReference(a: Float32Array, aRow: number, aCol: number, b: Float32Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += a[i * aRow + p * aCol]! * b[p * n + j]!;
    c[i * n + j] = s;
  }
  return c;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

test('gemm equals the slow product for row-major and transposed A, odd m and k, bias, accumulate, ReLU and mask', async () => {
  const kern = await DenseKernels.create();
  const rng = new Random('gemm');
  // [m, k, n, transposed A]
  for (const [m, k, n, transposed] of [[1, 1, 8, false], [7, 5, 16, false], [6, 9, 8, true], [64, 16, 1024, false], [13, 64, 32, true], [3, 26, 40, false]] as const) {
    const aRow = transposed ? 1 : k;
    const aCol = transposed ? m : 1;
    const a = Float32Array.from({ length: m * k }, () => rng.normal());
    const b = Float32Array.from({ length: k * n }, () => rng.normal());
    const bias = Float32Array.from({ length: n }, () => rng.normal());
    const old = Float32Array.from({ length: m * n }, () => rng.normal());
    const mask = Float32Array.from({ length: m * n }, () => rng.normal());
    const A = kern.alloc(m * k), B = kern.alloc(k * n), Bias = kern.alloc(n), Cc = kern.alloc(m * n), Mask = kern.alloc(m * n);
    kern.f32.set(a, A);
    kern.f32.set(b, B);
    kern.f32.set(bias, Bias);
    kern.f32.set(mask, Mask);
    const ref = gemmReference(a, aRow, aCol, b, m, k, n);
    const tol = 1e-5 * Math.sqrt(k) * 4;
    const out = () => kern.f32.subarray(Cc, Cc + m * n);

    kern.gemm(A, aRow, aCol, B, Cc, 0, 0, m, k, n, 0);
    assert.ok(maxAbsDiff(out(), ref) < tol, `plain ${m}×${k}×${n}`);

    kern.f32.set(old, Cc);
    kern.gemm(A, aRow, aCol, B, Cc, Bias, 0, m, k, n, GEMM_ACCUMULATE);
    assert.ok(maxAbsDiff(out(), ref.map((v, i) => v + bias[i % n]! + old[i]!)) < tol, `bias + accumulate ${m}×${k}×${n}`);

    kern.gemm(A, aRow, aCol, B, Cc, Bias, 0, m, k, n, GEMM_RELU);
    assert.ok(maxAbsDiff(out(), ref.map((v, i) => Math.max(0, v + bias[i % n]!))) < tol, `ReLU ${m}×${k}×${n}`);

    kern.gemm(A, aRow, aCol, B, Cc, 0, Mask, m, k, n, GEMM_RELU_MASK);
    assert.ok(maxAbsDiff(out(), ref.map((v, i) => (mask[i]! > 0 ? v : 0))) < tol, `mask ${m}×${k}×${n}`);
  }
  assert.throws(() => kern.gemm(4, 1, 1, 4, 4, 0, 0, 1, 1, 12, 0), /n must be a multiple of 8, got 12/);
});

test('colSums, transpose and adam equal their slow versions', async () => {
  const kern = await DenseKernels.create();
  const rng = new Random('small kernels');
  const [m, n] = [5, 12];
  const src = Float32Array.from({ length: m * n }, () => rng.normal());
  const S = kern.alloc(m * n), D = kern.alloc(n), T = kern.alloc(m * n);
  kern.f32.set(src, S);
  kern.colSums(S, m, n, D);
  const sums = Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => src[i * n + j]!).reduce((a, b) => a + b, 0));
  assert.ok(maxAbsDiff(kern.f32.subarray(D, D + n), sums) < 1e-5);
  kern.transpose(S, m, n, T);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) assert.equal(kern.f32[T + j * m + i], src[i * n + j]);

  // Adam over 3 steps against PyTorch's formula in float64.
  const len = 8;
  const theta = Float32Array.from({ length: len }, () => rng.normal());
  const ref = Array.from(theta);
  const mRef = new Array(len).fill(0), vRef = new Array(len).fill(0);
  const P = kern.alloc(len), G = kern.alloc(len), M = kern.alloc(len), V = kern.alloc(len);
  kern.f32.set(theta, P);
  const lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
  for (let t = 1; t <= 3; t++) {
    const g = Float32Array.from({ length: len }, () => rng.normal() * 0.1);
    kern.f32.set(g, G);
    kern.adam(P, G, M, V, len, { beta1: b1, beta2: b2, epsilon: eps, stepSize: lr / (1 - b1 ** t), invC2: 1 / (1 - b2 ** t) });
    for (let i = 0; i < len; i++) {
      mRef[i] = b1 * mRef[i] + (1 - b1) * g[i]!;
      vRef[i] = b2 * vRef[i] + (1 - b2) * g[i]! ** 2;
      ref[i] = ref[i]! - (lr * mRef[i] / (1 - b1 ** t)) / (Math.sqrt(vRef[i] / (1 - b2 ** t)) + eps);
    }
  }
  assert.ok(maxAbsDiff(kern.f32.subarray(P, P + len), ref) < 1e-6);
});

test('each DenseKernels instance has its own memory', async () => {
  const [a, b] = await Promise.all([DenseKernels.create(), DenseKernels.create()]);
  const pa = a.alloc(4);
  const pb = b.alloc(4);
  a.f32[pa] = 1;
  b.f32[pb] = 2;
  assert.equal(a.f32[pa], 1);
});
