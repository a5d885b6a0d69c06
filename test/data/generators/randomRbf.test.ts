import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRandomRbf, loadRandomRbf } from '../../../src/data/generators/randomRbf.ts';

// OpenML-156 (RandomRBF_0_0): class counts of its 1,000,000 rows, from the dataset's OpenML page / issue.
const OPENML_156_COUNTS = [261174, 166315, 179702, 92713, 300096];

test('generateRandomRbf reproduces OpenML-156 class counts exactly for the first 1,000,000 rows', () => {
  const d = generateRandomRbf({ rows: 1_000_000 });
  const counts = [0, 0, 0, 0, 0];
  for (let i = 0; i < d.y.length; i++) counts[d.y[i]!]!++;
  assert.deepEqual(counts, OPENML_156_COUNTS);
  assert.equal(d.x.length, 10_000_000);
  assert.equal(d.rows, 1_000_000);
  for (let i = 0; i < d.x.length; i += 997) assert.ok(Number.isFinite(d.x[i]!));
});

function hasJava(): boolean {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// MOA's algorithm written out plainly in Java (the slow, obvious reference), run on the real
// java.util.Random; we compare every attribute value (rounded to float32) and label.
const JAVA_REF = (rows: number, classes: number, atts: number, centroids: number, ms: number, is: number) => `
import java.util.Random;
public class Rbf {
  public static void main(String[] a) {
    Random model = new Random(${ms});
    double[][] centre = new double[${centroids}][${atts}];
    int[] cls = new int[${centroids}]; double[] std = new double[${centroids}]; double[] w = new double[${centroids}];
    for (int i = 0; i < ${centroids}; i++) {
      for (int j = 0; j < ${atts}; j++) centre[i][j] = model.nextDouble();
      cls[i] = model.nextInt(${classes}); std[i] = model.nextDouble(); w[i] = model.nextDouble();
    }
    Random r = new Random(${is});
    StringBuilder sb = new StringBuilder();
    for (int n = 0; n < ${rows}; n++) {
      double total = 0; for (double x : w) total += x;
      double val = r.nextDouble() * total; int index = 0; double sum = 0;
      while (sum <= val && index < w.length) sum += w[index++];
      int c = index - 1;
      double[] v = new double[${atts}];
      for (int j = 0; j < ${atts}; j++) v[j] = r.nextDouble() * 2.0 - 1.0;
      double mag = 0; for (int j = 0; j < ${atts}; j++) mag += v[j] * v[j];
      mag = Math.sqrt(mag);
      double desired = r.nextGaussian() * std[c];
      double scale = desired / mag;
      sb.append(cls[c]);
      for (int j = 0; j < ${atts}; j++) sb.append(' ').append(Float.floatToRawIntBits((float) (centre[c][j] + v[j] * scale)));
      sb.append('\\n');
    }
    System.out.print(sb);
  }
}
`;

test('generateRandomRbf equals a plain Java version of MOA\'s algorithm value for value', { skip: !hasJava() && 'javac not installed' }, () => {
  const cases = [
    { rows: 20000, numClasses: 5, numAttributes: 10, numCentroids: 50, modelSeed: 1, instanceSeed: 1 },
    { rows: 3000, numClasses: 3, numAttributes: 4, numCentroids: 7, modelSeed: 12345, instanceSeed: -9 },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'rbf-'));
  try {
    for (const c of cases) {
      writeFileSync(join(dir, 'Rbf.java'), JAVA_REF(c.rows, c.numClasses, c.numAttributes, c.numCentroids, c.modelSeed, c.instanceSeed));
      execFileSync('javac', ['Rbf.java'], { cwd: dir, stdio: 'pipe' });
      const lines = execFileSync('java', ['-cp', dir, 'Rbf'], { encoding: 'utf8', maxBuffer: 64 << 20 }).trimEnd().split('\n');
      const d = generateRandomRbf(c);
      const bits = new Int32Array(d.x.buffer);
      assert.equal(lines.length, c.rows);
      for (let r = 0; r < c.rows; r++) {
        const t = lines[r]!.split(' ').map(Number);
        assert.equal(d.y[r], t[0], `label of row ${r}`);
        for (let j = 0; j < c.numAttributes; j++) {
          if (bits[r * c.numAttributes + j] !== t[j + 1]) {
            assert.fail(`row ${r} attribute ${j}: ours ${d.x[r * c.numAttributes + j]} differs from Java's float bits ${t[j + 1]}`);
          }
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('generateRandomRbf: same options give the same rows; other seeds give other rows; labels in range', () => {
  const a = generateRandomRbf({ rows: 500 });
  const b = generateRandomRbf({ rows: 500 });
  assert.deepEqual(a.x, b.x);
  assert.deepEqual(a.y, b.y);
  const c = generateRandomRbf({ rows: 500, instanceSeed: 2 });
  assert.notDeepEqual(a.x, c.x);
  const prefix = generateRandomRbf({ rows: 100 });
  assert.deepEqual(prefix.x, a.x.subarray(0, 1000), 'a shorter stream is a prefix of a longer one');
  const e = generateRandomRbf({ rows: 1000, numClasses: 3, numAttributes: 2, numCentroids: 4 });
  assert.equal(e.x.length, 2000);
  for (const y of e.y) assert.ok(y >= 0 && y < 3);
  assert.equal(generateRandomRbf({ rows: 0 }).x.length, 0);
});

test('generateRandomRbf rejects bad options, naming the option, value and bound', () => {
  assert.throws(() => generateRandomRbf({ rows: -1 }), /generateRandomRbf: rows must be in \[0, 50000000\], got -1/);
  assert.throws(() => generateRandomRbf({ rows: 1.5 }), /generateRandomRbf: rows must be an integer, got 1\.5/);
  assert.throws(() => generateRandomRbf({ rows: 10, numClasses: 0 }), /numClasses must be in \[1, /);
  assert.throws(() => generateRandomRbf({ rows: 10, numCentroids: 0 }), RangeError);
  assert.throws(() => generateRandomRbf({ rows: 10, numAttributes: 0 }), RangeError);
  assert.throws(() => generateRandomRbf({ rows: 10, modelSeed: 0.5 }), TypeError);
  assert.throws(() => generateRandomRbf(null as never), /options must be an object/);
});

test('loadRandomRbf splits 80/20 with seed 0, keeping every generated row once', async () => {
  const ds = await loadRandomRbf({ rows: 1000 });
  assert.equal(ds.kind, 'table');
  assert.deepEqual(ds.shape, [10]);
  assert.equal(ds.numClasses, 5);
  assert.equal(ds.classNames.length, 5);
  assert.equal(ds.train.n, 800);
  assert.equal(ds.test.n, 200);
  assert.equal(ds.train.x.length, 8000);
  const all = generateRandomRbf({ rows: 1000 });
  const key = (x: Float32Array, r: number) => Array.from(x.subarray(r * 10, r * 10 + 10)).join(',');
  const rows = new Map<string, number>();
  for (let r = 0; r < 1000; r++) rows.set(key(all.x, r), all.y[r]!);
  const seen = new Set<string>();
  for (const part of [ds.train, ds.test]) {
    for (let r = 0; r < part.n; r++) {
      const k = key(part.x, r);
      assert.equal(rows.get(k), part.y[r]);
      assert.ok(!seen.has(k));
      seen.add(k);
    }
  }
  assert.equal(seen.size, 1000);
  const again = await loadRandomRbf({ rows: 1000 });
  assert.deepEqual(again.test.y, ds.test.y);
  await assert.rejects(loadRandomRbf({ rows: 1 }), /loadRandomRbf: rows must be an integer in \[2, 50000000\], got 1/);
});
