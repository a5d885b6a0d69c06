import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../src/random.ts';
import { tsne } from '../../src/embedding/tsne.ts';
import { tsneExact, TSNE_EXACT_MAX_N } from '../../src/embedding/tsneExact.ts';
import { bruteKnn, bruteNeighbourPreservation, gaussianClusters, silhouette } from './helpers.ts';

// Quality thresholds on 300 points, 5 Gaussian clusters in 10-D (centres N(0, 5²), spread 1).
// Measured for seeds 1–3: Barnes-Hut silhouette 0.918–0.924, 10-NN preservation 0.524–0.544; exact t-SNE 0.930,
// 0.526–0.537; a random linear projection to 2-D scores silhouette 0.33–0.54 and 10-NN preservation 0.21–0.32.
const MIN_SILHOUETTE = 0.8;
const MIN_NN10 = 0.45;
const N = 300, D = 10, CLUSTERS = 5;

/** Fraction of points whose nearest other point in y has the same label (1-NN accuracy; separation). */
function nearestSameLabel(y: Float64Array, n: number, labels: Int32Array): number {
  const nn = bruteKnn(y, n, 2, 1);
  let ok = 0;
  for (let i = 0; i < n; i++) if (labels[nn[i]![0]!] === labels[i]) ok++;
  return ok / n;
}

for (const [name, embed] of [['tsne (Barnes-Hut)', tsne], ['tsneExact', tsneExact]] as const) {
  for (const seed of [1, 2]) {
    test(`${name} separates Gaussian clusters and keeps 10-NN (seed ${seed})`, () => {
      const { x, labels } = gaussianClusters(N, D, CLUSTERS, 5, 1, seed);
      const input = Float32Array.from(x);
      const frozen = input.slice();
      const y = embed(input, N, D, { random: new Random(seed) });
      assert.deepEqual(input, frozen, 'input unchanged');
      assert.ok(y instanceof Float64Array && y.length === 2 * N);
      for (const v of y) assert.ok(Number.isFinite(v));
      const sil = silhouette(y, N, 2, labels);
      const nn10 = bruteNeighbourPreservation(x, D, y, 2, N, 10);
      assert.ok(sil > MIN_SILHOUETTE, `silhouette ${sil}`);
      assert.ok(nn10 > MIN_NN10, `10-NN preservation ${nn10}`);
      assert.equal(nearestSameLabel(y, N, labels), 1, 'every point’s 2-D nearest neighbour is in its cluster');
      let mx = 0, my = 0;
      for (let i = 0; i < N; i++) {
        mx += y[2 * i]!;
        my += y[2 * i + 1]!;
      }
      assert.ok(Math.abs(mx / N) < 1e-9 && Math.abs(my / N) < 1e-9, 'centred');
    });
  }

  test(`${name}: the same seed gives the same output, another seed another`, () => {
    const { x } = gaussianClusters(120, 6, 3, 5, 1, 4);
    const opts = { perplexity: 10, iterations: 300 };
    const a = embed(x, 120, 6, { ...opts, random: new Random(11) });
    const b = embed(x, 120, 6, { ...opts, random: new Random(11) });
    const c = embed(x, 120, 6, { ...opts, random: new Random(12) });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    // the generator passed in is not advanced: reusing one instance gives the same layout again
    const shared = new Random(11);
    assert.deepEqual(embed(x, 120, 6, { ...opts, random: shared }), a);
    assert.deepEqual(embed(x, 120, 6, { ...opts, random: shared }), a);
  });

  test(`${name}: progress every progressEvery iterations and at the end, with finite falling KL`, () => {
    const { x } = gaussianClusters(150, 8, 3, 5, 1, 6);
    const calls: Array<[number, number | undefined]> = [];
    embed(x, 150, 8, { perplexity: 15, iterations: 420, progressEvery: 100, random: new Random(1), onProgress: (it, kl) => calls.push([it, kl]) });
    assert.deepEqual(calls.map((c) => c[0]), [100, 200, 300, 400, 420]);
    for (const [, kl] of calls) assert.ok(kl !== undefined && Number.isFinite(kl) && kl > 0, `KL ${kl}`);
    assert.ok(calls[4]![1]! < calls[2]![1]!, 'KL falls after early exaggeration');
  });

  test(`${name}: Float32 and Float64 inputs with the same values give the same layout`, () => {
    const { x } = gaussianClusters(80, 4, 2, 5, 1, 8);
    const x32 = Float32Array.from(x);
    const a = embed(x32, 80, 4, { perplexity: 10, iterations: 100, random: new Random(0) });
    const b = embed(Float64Array.from(x32), 80, 4, { perplexity: 10, iterations: 100, random: new Random(0) });
    assert.deepEqual(a, b);
  });

  test(`${name}: bad input throws clear errors`, () => {
    const x = new Float64Array(20 * 3);
    for (let e = 0; e < x.length; e++) x[e] = e % 7;
    const random = new Random(0);
    const fn = name.startsWith('tsneExact') ? 'tsneExact' : 'tsne';
    assert.throws(() => embed(x, 20, 4, { random }), { name: 'RangeError', message: `${fn}: x.length must equal n·d = 20·4 = 80, got 60` });
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 20 }), { name: 'RangeError', message: /options\.perplexity must be < n = 20, got 20/ });
    assert.throws(() => embed(x, 20, 3, { random }), /options\.perplexity must be < n = 20, got 30; use a smaller perplexity \(e\.g\. perplexityFor\(n\) = 6\)/);
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 0.5 }), /options\.perplexity must be a finite number >= 1, got 0.5/);
    const bad = x.slice();
    bad[3 * 4 + 2] = NaN;
    assert.throws(() => embed(bad, 20, 3, { random, perplexity: 5 }), { name: 'RangeError', message: /x\[14\] \(row 4, column 2\) is NaN/ });
    bad[14] = Infinity;
    assert.throws(() => embed(bad, 20, 3, { random, perplexity: 5 }), /is Infinity/);
    assert.throws(() => embed([1, 2] as unknown as Float64Array, 1, 2, { random }), { name: 'TypeError', message: /x must be a Float32Array or Float64Array .*got Array/ });
    assert.throws(() => embed(new Float64Array(2), 1, 2, { random }), /n must be >= 2 points to embed, got 1/);
    assert.throws(() => embed(x, 20.5, 3, { random }), /n must be an integer >= 1, got 20.5/);
    assert.throws(() => embed(x, 20, 3, {} as never), { name: 'TypeError', message: /options\.random must be a Random/ });
    assert.throws(() => embed(x, 20, 3, undefined as never), { name: 'TypeError', message: /options must be an object/ });
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 5, theta: -0.1 }), /options\.theta must be a finite number >= 0, got -0.1/);
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 5, iterations: 0 }), /options\.iterations must be an integer >= 1, got 0/);
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 5, earlyExaggeration: 0.5 }), /options\.earlyExaggeration must be a finite number >= 1/);
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 5, exaggerationIterations: -1 }), /exaggerationIterations must be an integer >= 0/);
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 5, learningRate: 0 }), /options\.learningRate must be 'auto' or a finite number > 0, got 0/);
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 5, learningRate: 'fast' as never }), { name: 'TypeError' });
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 5, onProgress: 3 as never }), { name: 'TypeError', message: /onProgress must be a function/ });
    assert.throws(() => embed(x, 20, 3, { random, perplexity: 5, progressEvery: 0 }), /progressEvery must be an integer >= 1, got 0/);
  });
}

test('tsne handles duplicated rows and tiny n', () => {
  const x = new Float64Array([0, 0, 0, 0, 1, 1, 1, 1, 5, 5]);
  const y = tsne(x, 5, 2, { perplexity: 1.5, iterations: 200, random: new Random(0) });
  for (const v of y) assert.ok(Number.isFinite(v));
  const two = tsne(new Float32Array([0, 1]), 2, 1, { perplexity: 1, iterations: 50, random: new Random(0) });
  assert.equal(two.length, 4);
  for (const v of two) assert.ok(Number.isFinite(v));
});

test('tsneExact refuses n above its memory bound', () => {
  const n = TSNE_EXACT_MAX_N + 1;
  assert.throws(() => tsneExact(new Float64Array(n), n, 1, { random: new Random(0) }), /n must be <= 5000 .*got 5001; use tsne \(Barnes-Hut\)/);
});

test('tsne with θ = 0 reaches the same quality as exact t-SNE on the same data', () => {
  const { x, labels } = gaussianClusters(200, 10, 4, 5, 1, 3);
  const a = tsne(x, 200, 10, { perplexity: 20, theta: 0, random: new Random(5) });
  const b = tsneExact(x, 200, 10, { perplexity: 20, random: new Random(5) });
  const sa = silhouette(a, 200, 2, labels), sb = silhouette(b, 200, 2, labels);
  assert.ok(Math.abs(sa - sb) < 0.1, `silhouettes ${sa} vs ${sb}`);
});

test('tsne with θ = 0 and k = n − 1 neighbours follows exact t-SNE step for step (gradient and KL agree)', () => {
  // perplexity 20 on 60 points: k = min(n − 1, 3·20) = 59, so the sparse P equals the dense P and θ = 0 makes the
  // repulsion exact: both run the same gradient descent, up to the order of floating-point sums. Those rounding
  // differences grow about 10× per few iterations (measured: 5e-18 after 1, 4e-14 after 5, 4e-8 after 25), so
  // the comparison stops at 10 iterations.
  const n = 60, d = 5;
  const { x } = gaussianClusters(n, d, 3, 4, 1, 12);
  const klA: number[] = [], klB: number[] = [];
  const opts = { perplexity: 20, iterations: 10, exaggerationIterations: 5, progressEvery: 1 };
  const a = tsne(x, n, d, { ...opts, theta: 0, random: new Random(3), onProgress: (_, kl) => klA.push(kl!) });
  const b = tsneExact(x, n, d, { ...opts, random: new Random(3), onProgress: (_, kl) => klB.push(kl!) });
  assert.equal(klA.length, 10);
  for (let t = 0; t < 10; t++) assert.ok(Math.abs(klA[t]! - klB[t]!) < 1e-10 * Math.abs(klB[t]!), `KL ${klA[t]} vs ${klB[t]}`);
  let scale = 0;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  for (let e = 0; e < 2 * n; e++) assert.ok(Math.abs(a[e]! - b[e]!) < 1e-9 * scale, `coordinate ${e}: ${a[e]} vs ${b[e]}`);
  assert.ok(scale > 0.1, 'the layout has moved away from the 1e-4 start');
});

test('tsne on softmax outputs full of identical one-hot rows (Figure 8’s probability space) stays finite and separates classes', () => {
  const n = 300, c = 3;
  const r = new Random(2);
  const p = new Float32Array(n * c);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % c;
    labels[i] = k;
    const conf = i % 5 === 0 ? 0.6 + 0.4 * r.uniform() : 1; // 80% exact duplicates per class
    for (let j = 0; j < c; j++) p[i * c + j] = j === k ? conf : (1 - conf) / (c - 1);
  }
  const y = tsne(p, n, c, { random: new Random(0) });
  for (const v of y) assert.ok(Number.isFinite(v));
  assert.ok(silhouette(y, n, 2, labels) > 0.5, 'classes apart');
});

test('a learning rate far too large makes a clear error, not a NaN layout', () => {
  const { x } = gaussianClusters(60, 4, 2, 5, 1, 1);
  assert.throws(() => tsne(x, 60, 4, { perplexity: 10, learningRate: 1e300, random: new Random(0) }), {
    name: 'RangeError',
    message: /tsne: the layout diverged \(non-finite coordinates\) at iteration \d+ with learningRate 1e\+300; use a smaller options\.learningRate/,
  });
});
