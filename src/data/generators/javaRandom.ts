/**
 * An exact re-implementation of `java.util.Random` (the 48-bit linear congruential generator of
 * Knuth, TAOCP vol. 2 §3.2.1, as specified in the Java SE API docs), so that generators written
 * against it (MOA's RandomRBFGenerator for OpenML-156) can be reproduced bit for bit in JavaScript.
 *
 * The 48-bit state is kept as two 24-bit halves in plain numbers: every partial product of the
 * multiplication by 0x5DEECE66D stays below 2^53, so doubles hold it exactly and the hot path needs
 * no BigInt. `nextLong` is the one method that returns a `bigint`, because a Java long does not fit
 * a double. `nextGaussian` uses `Math.sqrt`/`Math.log` where Java uses `StrictMath`: `sqrt` is
 * correctly rounded in both; V8's `log` (an fdlibm port, like StrictMath.log) gave bit-identical Gaussians
 * on all 18,000 values compared against OpenJDK 17 in the tests, and in any case the
 * number of LCG steps a call consumes never depends on it.
 *
 * Not a general-purpose generator for this project: use `Random` from `src/random.ts` everywhere
 * except where Java's exact stream is the point.
 */

const TWO_24 = 16777216; // 2^24
const MASK_24 = 0xffffff;
/** 0x5DEECE66D split into 24-bit halves: high 0x5DE, low 0xECE66D. */
const MULT_HI = 0x5de;
const MULT_LO = 0xece66d;
const ADDEND = 0xb;
/** 2^-53, Java's DOUBLE_UNIT. */
const DOUBLE_UNIT = 1 / 9007199254740992;
/** 2^-24, Java's FLOAT_UNIT. */
const FLOAT_UNIT = 1 / TWO_24;

export class JavaRandom {
  /** High 24 bits of the 48-bit state. */
  private hi = 0;
  /** Low 24 bits of the 48-bit state. */
  private lo = 0;
  private haveNextNextGaussian = false;
  private nextNextGaussian = 0;

  /**
   * `new java.util.Random(seed)`. The seed is a Java long: any safe integer (|seed| < 2^53) or a
   * bigint (taken modulo 2^64, as Java would). Only its low 48 bits matter.
   * @throws TypeError when the seed is neither a safe integer nor a bigint.
   */
  constructor(seed: number | bigint) {
    this.setSeed(seed);
  }

  /** `Random.setSeed(seed)`: state = (seed XOR 0x5DEECE66D) mod 2^48; clears the cached Gaussian. */
  setSeed(seed: number | bigint): void {
    let low48: number;
    if (typeof seed === 'bigint') {
      low48 = Number(BigInt.asUintN(48, seed));
    } else if (typeof seed === 'number' && Number.isSafeInteger(seed)) {
      // Two's complement low 48 bits of a (possibly negative) safe integer.
      low48 = ((seed % 281474976710656) + 281474976710656) % 281474976710656;
    } else {
      throw new TypeError(
        `JavaRandom.setSeed: seed must be a safe integer (|seed| < 2^53) or a bigint, got ${String(seed)}; ` +
          'pass larger Java longs as bigint (e.g. 123n)',
      );
    }
    const hi = Math.floor(low48 / TWO_24);
    const lo = low48 - hi * TWO_24;
    this.hi = (hi ^ MULT_HI) & MASK_24;
    this.lo = (lo ^ MULT_LO) & MASK_24;
    this.haveNextNextGaussian = false;
  }

  /** Advances the LCG: state = (state · 0x5DEECE66D + 0xB) mod 2^48. */
  private step(): void {
    const lo = this.lo;
    const hi = this.hi;
    const p0 = lo * MULT_LO + ADDEND; // < 2^48
    const carry = Math.floor(p0 / TWO_24);
    const p1 = hi * MULT_LO + lo * MULT_HI + carry; // < 2^49
    this.lo = p0 - carry * TWO_24;
    this.hi = p1 - Math.floor(p1 / TWO_24) * TWO_24;
  }

  /**
   * `Random.next(bits)`: the top `bits` bits of the new state, as a signed 32-bit int.
   * @throws RangeError unless 1 <= bits <= 32.
   */
  next(bits: number): number {
    if (!Number.isInteger(bits) || bits < 1 || bits > 32) {
      throw new RangeError(`JavaRandom.next: bits must be an integer in [1, 32], got ${bits}`);
    }
    this.step();
    if (bits <= 24) return this.hi >>> (24 - bits);
    return (this.hi << (bits - 24)) | (this.lo >>> (48 - bits));
  }

  /** `Random.nextInt()`: uniform over all 2^32 int values (signed). */
  nextInt(): number {
    this.step();
    return (this.hi << 8) | (this.lo >>> 16);
  }

  /**
   * `Random.nextInt(bound)`: uniform in [0, bound), with Java's rejection rule (so the stream
   * consumption matches Java's exactly).
   * @throws RangeError unless bound is an integer in [1, 2^31 - 1].
   */
  nextIntBounded(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > 0x7fffffff) {
      throw new RangeError(`JavaRandom.nextIntBounded: bound must be an integer in [1, 2^31 - 1], got ${bound}`);
    }
    this.step();
    let r = (this.hi << 7) | (this.lo >>> 17); // next(31), non-negative
    const m = bound - 1;
    if ((bound & m) === 0) {
      // Power of two: the top bits, (int)((bound * (long) r) >> 31).
      return Math.floor((bound * r) / 2147483648);
    }
    // Java: for (int u = r; u - (r = u % bound) + m < 0; u = next(31)); the sum overflows int.
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; ) {
      this.step();
      u = (this.hi << 7) | (this.lo >>> 17);
    }
    return r;
  }

  /** `Random.nextLong()`: ((long) next(32) << 32) + next(32), as a bigint. */
  nextLong(): bigint {
    const a = this.nextInt();
    const b = this.nextInt();
    return BigInt.asIntN(64, (BigInt(a) << 32n) + BigInt(b));
  }

  /** `Random.nextBoolean()`: next(1) != 0. */
  nextBoolean(): boolean {
    this.step();
    return this.hi >>> 23 !== 0;
  }

  /** `Random.nextFloat()`: next(24) / 2^24 (exact in a double; rounding to float32 is lossless). */
  nextFloat(): number {
    this.step();
    return this.hi * FLOAT_UNIT;
  }

  /** `Random.nextDouble()`: ((long) next(26) << 27) + next(27), times 2^-53. */
  nextDouble(): number {
    this.step();
    const a = (this.hi << 2) | (this.lo >>> 22); // next(26)
    this.step();
    const b = (this.hi << 3) | (this.lo >>> 21); // next(27)
    return (a * 134217728 + b) * DOUBLE_UNIT;
  }

  /**
   * `Random.nextGaussian()`: Marsaglia's polar method; returns one deviate and caches the second
   * for the next call, exactly as Java does (so the LCG steps consumed match).
   */
  nextGaussian(): number {
    if (this.haveNextNextGaussian) {
      this.haveNextNextGaussian = false;
      return this.nextNextGaussian;
    }
    let v1: number, v2: number, s: number;
    do {
      v1 = 2 * this.nextDouble() - 1;
      v2 = 2 * this.nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
    this.nextNextGaussian = v2 * multiplier;
    this.haveNextNextGaussian = true;
    return v1 * multiplier;
  }
}
