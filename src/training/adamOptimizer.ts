/**
 * Adam (Kingma & Ba, 2015) with PyTorch's defaults (β1 = 0.9, β2 = 0.999, ε = 1e-8, no weight decay),
 * as the paper's code uses it:
 *   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,  θ ← θ − lr · (m / (1−β1^t)) / (√(v / (1−β2^t)) + ε).
 *
 * Why not tf.train.adam: it costs ~13 tfjs ops per variable per step, and with small models the per-op
 * overhead dominates a training step (MLP: ~55 of the ~145 kernels per batch). On the wasm backend this
 * class reads each variable and its gradient from wasm memory, runs one fused loop (moments kept in
 * Float32Arrays outside tfjs, so they are never tensors and cannot leak) and assigns the result as a new
 * buffer (see below). On every other backend it runs the same formula with tf ops.
 * Cost: O(parameters) per step either way.
 */
import * as tf from '@tensorflow/tfjs';

interface HeapBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}

/** PyTorch's Adam defaults, the paper's (every Adam in falcun-lab uses them: this class and denseMlpStep.ts). */
export const ADAM_DEFAULTS = Object.freeze({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });

export interface AdamSettings {
  readonly learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

export class AdamOptimizer {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private step = 0;
  private readonly m = new Map<number, Float32Array>();
  private readonly v = new Map<number, Float32Array>();
  private readonly next = new Map<number, Float32Array>();
  private readonly mT = new Map<number, tf.Variable>();
  private readonly vT = new Map<number, tf.Variable>();

  /** Throws RangeError for a learning rate outside (0, 1) or betas outside [0, 1). */
  constructor(settings: AdamSettings) {
    this.learningRate = settings.learningRate;
    this.beta1 = settings.beta1 ?? ADAM_DEFAULTS.beta1;
    this.beta2 = settings.beta2 ?? ADAM_DEFAULTS.beta2;
    this.epsilon = settings.epsilon ?? ADAM_DEFAULTS.epsilon;
    if (!(this.learningRate > 0 && this.learningRate < 1)) throw new RangeError(`AdamOptimizer: learningRate must be in (0, 1), got ${this.learningRate}`);
    for (const [k, b] of [['beta1', this.beta1], ['beta2', this.beta2]] as const) {
      if (!(b >= 0 && b < 1)) throw new RangeError(`AdamOptimizer: ${k} must be in [0, 1), got ${b}`);
    }
  }

  /** Applies one step with `grads[i]` the gradient of `vars[i]`. Does not dispose the gradients. */
  apply(vars: readonly tf.Variable[], grads: readonly tf.Tensor[]): void {
    if (vars.length !== grads.length) throw new RangeError(`AdamOptimizer.apply: ${vars.length} variables but ${grads.length} gradients`);
    this.step++;
    const c1 = 1 - Math.pow(this.beta1, this.step);
    const c2 = 1 - Math.pow(this.beta2, this.step);
    if (tf.getBackend() === 'wasm') this.applyOnHeap(vars, grads, c1, c2);
    else this.applyWithOps(vars, grads, c1, c2);
  }

  private applyOnHeap(vars: readonly tf.Variable[], grads: readonly tf.Tensor[], c1: number, c2: number): void {
    const heap = tf.backend() as unknown as HeapBackend;
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    const stepSize = this.learningRate / c1;
    const invC2 = 1 / c2;
    for (let k = 0; k < vars.length; k++) {
      const variable = vars[k]!;
      let m = this.m.get(variable.id);
      let v = this.v.get(variable.id);
      if (m === undefined || v === undefined) {
        m = new Float32Array(variable.size);
        v = new Float32Array(variable.size);
        this.m.set(variable.id, m);
        this.v.set(variable.id, v);
      }
      let next = this.next.get(variable.id);
      if (next === undefined) {
        next = new Float32Array(variable.size);
        this.next.set(variable.id, next);
      }
      {
        // No tfjs allocation inside this block: the heap views stay valid.
        const theta = heap.typedArrayFromHeap(variable);
        const g = heap.typedArrayFromHeap(grads[k]!);
        for (let i = 0; i < theta.length; i++) {
          const gi = g[i]!;
          const mi = b1 * m[i]! + (1 - b1) * gi;
          const vi = b2 * v[i]! + (1 - b2) * gi * gi;
          m[i] = mi;
          v[i] = vi;
          next[i] = theta[i]! - (stepSize * mi) / (Math.sqrt(vi * invC2) + eps);
        }
      }
      // A new buffer, not an in-place write: the wasm backend caches XNNPACK operators (packed weights)
      // per tensor buffer, so a weight changed in place would keep being used with its old values.
      const updated = tf.tensor(next, variable.shape, 'float32');
      variable.assign(updated);
      updated.dispose();
    }
  }

  private applyWithOps(vars: readonly tf.Variable[], grads: readonly tf.Tensor[], c1: number, c2: number): void {
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    tf.tidy(() => {
      for (let k = 0; k < vars.length; k++) {
        const variable = vars[k]!;
        const g = grads[k]!;
        let m = this.mT.get(variable.id);
        let v = this.vT.get(variable.id);
        if (m === undefined || v === undefined) {
          m = tf.variable(tf.zerosLike(variable), false);
          v = tf.variable(tf.zerosLike(variable), false);
          this.mT.set(variable.id, m);
          this.vT.set(variable.id, v);
        }
        const mNew = m.mul(b1).add(g.mul(1 - b1));
        const vNew = v.mul(b2).add(g.square().mul(1 - b2));
        m.assign(mNew);
        v.assign(vNew);
        variable.assign(variable.sub(mNew.mul(this.learningRate / c1).div(vNew.div(c2).sqrt().add(eps))));
      }
    });
  }

  /** Frees the moment variables (non-wasm backends). */
  dispose(): void {
    for (const t of [...this.mT.values(), ...this.vT.values()]) t.dispose();
    this.mT.clear();
    this.vT.clear();
    this.m.clear();
    this.v.clear();
    this.next.clear();
  }
}
