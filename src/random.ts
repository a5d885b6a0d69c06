/**
 * The one seedable random generator of falcun-lab. Nothing in `src/` calls `Math.random`:
 * every random choice (initial labeled sets, FALCUN's draws, k-means++ seeding, data generators,
 * weight initialisation seeds) takes a `Random` so that the same config and seed give the same result.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/) on four 32-bit words,
 * seeded through splitmix32 so that nearby seeds give unrelated streams. Doubles use 53 random bits.
 * Independent sub-streams come from `fork(...labels)`, which hashes the labels into a new seed
 * (e.g. `rng.fork('round', 3)`), so adding a draw in one place never shifts the draws of another.
 */

/** A seed: a non-negative integer or any string (hashed). */
export type Seed = number | string;

/** FNV-1a over UTF-16 code units, finished with a murmur3 mix. 32-bit unsigned. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function seedToUint32(seed: Seed): number {
  if (typeof seed === 'string') return hashString(seed);
  if (typeof seed !== 'number' || !Number.isFinite(seed) || !Number.isInteger(seed) || seed < 0) {
    throw new TypeError(`Random: seed must be a non-negative integer or a string, got ${String(seed)}`);
  }
  // Fold values above 2^32 so that every integer seed is usable.
  return (seed % 0x100000000 ^ Math.floor(seed / 0x100000000)) >>> 0;
}

/** Serializable generator state (for resuming a stream exactly). */
export interface RandomState {
  readonly s: readonly [number, number, number, number];
}

export class Random {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  /** The seed this generator was made from (after hashing). */
  readonly seed: number;

  constructor(seed: Seed = 0) {
    this.seed = seedToUint32(seed);
    // splitmix32 expands the 32-bit seed into the 128-bit state (never all zero).
    let x = this.seed;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A new, independent generator derived from this one's seed and the labels (does not advance this one). */
  fork(...labels: ReadonlyArray<string | number>): Random {
    let h = this.seed;
    for (const l of labels) h = fmix32(h ^ hashString(typeof l === 'number' ? `#${l}` : l));
    return new Random(h);
  }

  /** Next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in [lo, hi). */
  uniformIn(lo: number, hi: number): number {
    if (!(hi >= lo)) throw new RangeError(`Random.uniformIn: need lo <= hi, got [${lo}, ${hi})`);
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in [0, n), unbiased (rejection sampling). Throws for n < 1 or n > 2^32. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0x100000000) {
      throw new RangeError(`Random.int: n must be an integer in [1, 2^32], got ${n}`);
    }
    if (n === 0x100000000) return this.nextUint32();
    const limit = 0x100000000 - (0x100000000 % n);
    let x: number;
    do x = this.nextUint32();
    while (x >= limit);
    return x % n;
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  intIn(lo: number, hi: number): number {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
      throw new RangeError(`Random.intIn: need integers lo <= hi, got [${lo}, ${hi}]`);
    }
    return lo + this.int(hi - lo + 1);
  }

  /** Normal deviate N(mean, std²) by the Marsaglia polar method (both deviates of a pair are used). */
  normal(mean = 0, std = 1): number {
    if (this.spare !== undefined) {
      const v = this.spare;
      this.spare = undefined;
      return mean + std * v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return mean + std * u * f;
  }
  private spare: number | undefined = undefined;

  /**
   * Index i drawn with probability weights[i] / Σ weights (one pass, inverse CDF).
   * Throws when a weight is negative or NaN, or when all weights are zero.
   */
  weightedIndex(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0)) throw new RangeError(`Random.weightedIndex: weight ${i} is ${w}; weights must be finite and >= 0`);
      total += w;
    }
    if (!(total > 0) || !Number.isFinite(total)) {
      throw new RangeError(`Random.weightedIndex: weights must have a positive finite sum, got ${total}`);
    }
    const target = this.uniform() * total;
    let acc = 0;
    let last = -1;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (w > 0) {
        acc += w;
        last = i;
        if (target < acc) return i;
      }
    }
    return last; // rounding: the target fell past the last positive weight
  }

  /** One element drawn uniformly, or with the given weights. */
  choice<T>(items: ArrayLike<T>, weights?: ArrayLike<number>): T {
    if (items.length === 0) throw new RangeError('Random.choice: cannot choose from an empty list');
    if (weights === undefined) return items[this.int(items.length)]!;
    if (weights.length !== items.length) {
      throw new RangeError(`Random.choice: ${items.length} items but ${weights.length} weights`);
    }
    return items[this.weightedIndex(weights)]!;
  }

  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffleInPlace<A extends { length: number; [i: number]: any }>(a: A): A {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A shuffled copy (the input is not changed). */
  shuffle<T>(items: readonly T[]): T[] {
    return this.shuffleInPlace(items.slice());
  }

  /** A uniformly random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffleInPlace(p);
  }

  /**
   * k distinct integers drawn uniformly from [0, n), in draw order.
   * O(k) expected time and memory for k ≪ n (Floyd-style set), O(n) otherwise.
   */
  sampleWithoutReplacement(n: number, k: number): Int32Array {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Random.sampleWithoutReplacement: n must be an integer >= 0, got ${n}`);
    if (!Number.isInteger(k) || k < 0 || k > n) {
      throw new RangeError(`Random.sampleWithoutReplacement: k must be an integer in [0, ${n}], got ${k}`);
    }
    const out = new Int32Array(k);
    if (k * 4 > n) {
      const p = this.permutation(n);
      out.set(p.subarray(0, k));
      return out;
    }
    const seen = new Set<number>();
    for (let i = 0; i < k; i++) {
      let x: number;
      do x = this.int(n);
      while (seen.has(x));
      seen.add(x);
      out[i] = x;
    }
    return out;
  }

  /** Copy of the internal state, for checkpointing a stream. */
  getState(): RandomState {
    return { s: [this.s0, this.s1, this.s2, this.s3] };
  }

  /** Restores a state taken by getState(). */
  setState(state: RandomState): void {
    const [a, b, c, d] = state.s;
    if ([a, b, c, d].some((x) => !Number.isInteger(x))) throw new TypeError('Random.setState: state must hold 4 integers');
    this.s0 = a >>> 0;
    this.s1 = b >>> 0;
    this.s2 = c >>> 0;
    this.s3 = d >>> 0;
    this.spare = undefined;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
