import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JavaRandom } from '../../../src/data/generators/javaRandom.ts';

function hasJava(): boolean {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Raw IEEE-754 bits of a double as 16 hex digits (what Java's Long.toHexString(doubleToRawLongBits) prints, zero-padded). */
function doubleBits(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, '0');
}

// Fixed reference values, printed by OpenJDK 17 (java.util.Random) on this machine.
test('JavaRandom matches known java.util.Random outputs', () => {
  assert.equal(new JavaRandom(42).nextInt(), -1170105035);
  const r0 = new JavaRandom(0);
  assert.deepEqual([r0.nextInt(), r0.nextInt(), r0.nextInt()], [-1155484576, -723955400, 1033096058]);
  assert.equal(new JavaRandom(42).nextIntBounded(10), 0);
  assert.equal(new JavaRandom(42).nextDouble(), 0.7275636800328681);
  assert.equal(new JavaRandom(42).nextGaussian(), 1.1419053154730547);
  assert.equal(new JavaRandom(42).nextLong(), -5025562857975149833n);
});

const SEEDS = [0, 1, 42, -1, 123456789, -987654321, 2 ** 40 + 7, -(2 ** 50) - 3, Number.MAX_SAFE_INTEGER];
const BOUNDS = [1, 2, 3, 5, 7, 10, 16, 26, 100, 1000, 1 << 30, 1_000_000_007, 0x7fffffff, (1 << 30) + 1, 1_500_000_000];
const N = 2000;

/** Calls every method N times per seed in a fixed order and prints one token per result. */
function jsTokens(): string[] {
  const out: string[] = [];
  for (const seed of SEEDS) {
    const r = new JavaRandom(seed);
    for (let i = 0; i < N; i++) {
      out.push(String(r.nextInt()));
      out.push(String(r.nextIntBounded(BOUNDS[i % BOUNDS.length]!)));
      out.push(doubleBits(r.nextDouble()));
      out.push(doubleBits(r.nextGaussian()));
      out.push(String(r.nextLong()));
      out.push(r.nextBoolean() ? 'true' : 'false');
      out.push(doubleBits(r.nextFloat()));
      out.push(String(r.next(1 + (i % 32))));
      if (i % 97 === 0) r.setSeed(BigInt(seed) + BigInt(i));
    }
  }
  return out;
}

const JAVA_SOURCE = `
import java.util.Random;
public class Ref {
  static String bits(double d) { String s = Long.toHexString(Double.doubleToRawLongBits(d)); while (s.length() < 16) s = "0" + s; return s; }
  static class R extends Random { R(long s) { super(s); } int nx(int b) { return next(b); } }
  public static void main(String[] a) {
    long[] seeds = {${SEEDS.map((s) => `${s}L`).join(', ')}};
    int[] bounds = {${BOUNDS.join(', ')}};
    StringBuilder sb = new StringBuilder();
    for (long seed : seeds) {
      R r = new R(seed);
      for (int i = 0; i < ${N}; i++) {
        sb.append(r.nextInt()).append('\\n');
        sb.append(r.nextInt(bounds[i % bounds.length])).append('\\n');
        sb.append(bits(r.nextDouble())).append('\\n');
        sb.append(bits(r.nextGaussian())).append('\\n');
        sb.append(r.nextLong()).append('\\n');
        sb.append(r.nextBoolean()).append('\\n');
        sb.append(bits((double) r.nextFloat())).append('\\n');
        sb.append(r.nx(1 + (i % 32))).append('\\n');
        if (i % 97 == 0) r.setSeed(seed + i);
      }
    }
    System.out.print(sb);
  }
}
`;

test('JavaRandom equals OpenJDK java.util.Random on every method (thousands of values, run live)', { skip: !hasJava() && 'java/javac not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'javarandom-'));
  try {
    writeFileSync(join(dir, 'Ref.java'), JAVA_SOURCE);
    execFileSync('javac', ['Ref.java'], { cwd: dir, stdio: 'pipe' });
    const javaOut = execFileSync('java', ['-cp', dir, 'Ref'], { encoding: 'utf8', maxBuffer: 64 << 20 }).trimEnd().split('\n');
    const ours = jsTokens();
    assert.equal(javaOut.length, ours.length);
    for (let i = 0; i < ours.length; i++) {
      if (ours[i] !== javaOut[i]) assert.fail(`token ${i} (method ${i % 8}): ours ${ours[i]} vs Java ${javaOut[i]}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JavaRandom: bigint seeds take the low 48 bits as Java longs do', () => {
  const a = new JavaRandom(-1);
  const b = new JavaRandom(-1n);
  const c = new JavaRandom(0xffffffffffffffffn); // the same 64-bit pattern as -1
  for (let i = 0; i < 10; i++) {
    const v = a.nextInt();
    assert.equal(b.nextInt(), v);
    assert.equal(c.nextInt(), v);
  }
});

test('JavaRandom rejects bad seeds, bits and bounds with clear errors', () => {
  assert.throws(() => new JavaRandom(1.5), /JavaRandom\.setSeed: seed must be a safe integer.*got 1\.5/);
  assert.throws(() => new JavaRandom(2 ** 60), TypeError);
  assert.throws(() => new JavaRandom(NaN), TypeError);
  const r = new JavaRandom(1);
  assert.throws(() => r.next(0), /JavaRandom\.next: bits must be an integer in \[1, 32\], got 0/);
  assert.throws(() => r.next(33), RangeError);
  assert.throws(() => r.nextIntBounded(0), /nextIntBounded: bound must be an integer in \[1, 2\^31 - 1\], got 0/);
  assert.throws(() => r.nextIntBounded(2 ** 31), RangeError);
  assert.throws(() => r.nextIntBounded(2.5), RangeError);
});
