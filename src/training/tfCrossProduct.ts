/**
 * The acquisition layer's injected matrix product (acquisition/kernels/crossProductKernel.ts) on the
 * active tfjs backend: tfjs' wasm XNNPACK product measured ~13 GFLOP/s per core here against ~2.5 for
 * the pure-TS crossDot (`npm run bench:acquisition`). The right operand is transposed once and kept as a
 * tensor, so each product is a plain (untransposed) matMul. Offered only on backends with a native or
 * XNNPACK product (not tfjs' JavaScript 'cpu' backend, which is no faster than crossDot).
 */
import * as tf from '@tensorflow/tfjs';
import type { CrossProductKernel } from '../acquisition/kernels/crossProductKernel.ts';

/** Backends whose matMul beats the pure-TS kernel. */
const FAST_BACKENDS = new Set(['wasm', 'tensorflow']);

/** The kernel on tfjs' current backend. Every tensor it makes is disposed (operands by `dispose()`). */
export function tfCrossProduct(): CrossProductKernel {
  return {
    rightOperand(b: Float32Array, n: number, d: number) {
      if (b.length !== n * d) throw new RangeError(`tfCrossProduct: right operand has length ${b.length}, expected n × d = ${n * d}`);
      const bt = tf.tidy(() => tf.transpose(tf.tensor2d(b, [n, d])));
      let live = true;
      return {
        product(a: Float32Array, m: number): Float32Array {
          if (!live) throw new Error('tfCrossProduct: product() after dispose()');
          if (a.length !== m * d) throw new RangeError(`tfCrossProduct: left operand has length ${a.length}, expected m × d = ${m * d}`);
          const out = tf.tidy(() => tf.matMul(tf.tensor2d(a, [m, d]), bt));
          try {
            return out.dataSync() as Float32Array;
          } finally {
            out.dispose();
          }
        },
        dispose(): void {
          if (live) bt.dispose();
          live = false;
        },
      };
    },
  };
}

/** tfCrossProduct() when the current backend has a fast product, else undefined (the pure-TS default). */
export function fastCrossProduct(): CrossProductKernel | undefined {
  return FAST_BACKENDS.has(tf.getBackend()) ? tfCrossProduct() : undefined;
}
