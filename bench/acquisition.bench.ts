/**
 * Acquisition benchmark: the time of one acquisition per strategy over N ∈ {20k, 100k, 800k},
 * C ∈ {5, 10, 47}, Q ∈ {100, 1000} and D ∈ {84, 512, 1024} where a strategy reads embeddings, and in the
 * same run the time of one plain pass that reads the N × C probability array (Σ p, float64 accumulator).
 *
 * Reported ratios:
 * - FALCUN time per pick ÷ plain-pass time at the same (N, C) (goal < 3), for the full N × C × Q grid;
 * - FALCUN with embeddings of D = 84 / 512 / 1024 attached to the pool (its time must not grow with D);
 * - BADGE factorised ÷ BADGE with explicit C × D gradient embeddings (goal ≥ 10× at C = 10, D = 512).
 *
 * Bounded for a shared 2-core machine (~5 min): FALCUN and the O(N·C) strategies run the full grid; the
 * O(Q·N·D) and k-means competitors run the subset printed in their rows (N = 20k unless stated).
 * Times are CPU seconds of this process (process.cpuUsage), robust to other processes on a shared machine.
 * `--quick` runs a small subset (for a smoke check). Usage: `npm run bench:acquisition [-- --quick]`.
 */
import { createStrategy } from '../src/acquisition/registry.ts';
import { kmeansPlusPlusSeeding } from '../src/acquisition/kernels/kmeansPlusPlus.ts';
import { argmaxRows } from '../src/acquisition/kernels/argmaxRows.ts';
import { squaredDistance } from '../src/acquisition/kernels/squaredDistances.ts';
import type { PoolView } from '../src/acquisition/types.ts';
import { Random } from '../src/random.ts';

const quick = process.argv.includes('--quick');
const NS = quick ? [20_000] : [20_000, 100_000, 800_000];
const CS = [5, 10, 47];
const QS = quick ? [100] : [100, 1000];

/** Fast deterministic fill (xorshift32), so that building 100M-float pools takes a second, not a minute. */
function fill(out: Float32Array, seed: number, lo: number, hi: number): Float32Array {
  let x = seed | 1;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = lo + ((x >>> 0) / 4294967296) * (hi - lo);
  }
  return out;
}

/** Softmax of uniform logits in [0, 4): realistic spread of confidences. */
function makeProbs(n: number, c: number, seed: number): Float32Array {
  const p = fill(new Float32Array(n * c), seed, 0, 4);
  for (let i = 0, off = 0; i < n; i++, off += c) {
    let s = 0;
    for (let k = 0; k < c; k++) {
      const v = Math.exp(p[off + k]!);
      p[off + k] = v;
      s += v;
    }
    for (let k = 0; k < c; k++) p[off + k] = p[off + k]! / s;
  }
  return p;
}

let sink = 0;
function plainPass(p: Float32Array): void {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i]!;
  sink += s;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * CPU seconds of f (user + system of this process, `process.cpuUsage`), not wall-clock: the machine is
 * shared, and CPU time does not count the time other processes hold the cores. Single-threaded code only.
 */
function timeIt(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

/** One plain pass over p: the median over 7 samples, each repeating the pass until >= 20 ms of CPU. */
function passTime(p: Float32Array, samples = 7): number {
  let reps = 1;
  while (timeIt(() => { for (let r = 0; r < reps; r++) plainPass(p); }) < 0.02) reps *= 2;
  return median(Array.from({ length: samples }, () => timeIt(() => { for (let r = 0; r < reps; r++) plainPass(p); }) / reps));
}

const fmt = (s: number) => (s < 0.01 ? `${(s * 1000).toFixed(2)} ms` : s < 10 ? `${s.toFixed(3)} s` : `${s.toFixed(1)} s`);
const rows: string[] = [];
function report(line: string): void {
  rows.push(line);
  console.log(line);
}

function select(name: string, pool: PoolView, q: number, options: Record<string, unknown> = {}): number {
  const s = createStrategy(name, options);
  return timeIt(() => s.select(pool, q, { random: new Random(1) }));
}

function withEmbeddings(base: PoolView, d: number, numLabeled: number, seed: number): PoolView {
  const n = base.numUnlabeled;
  const c = base.numClasses;
  const labeledY = new Int32Array(numLabeled);
  for (let i = 0; i < numLabeled; i++) labeledY[i] = i % c;
  return {
    ...base,
    embeddings: fill(new Float32Array(n * d), seed, -1, 1),
    embeddingDim: d,
    labeledEmbeddings: fill(new Float32Array(numLabeled * d), seed + 1, -1, 1),
    labeledY,
    numLabeled,
    head: { weights: fill(new Float32Array(d * c), seed + 2, -0.1, 0.1), bias: new Float32Array(c), inputDim: d, numClasses: c },
  };
}

/** BADGE with the explicit N × (C·D) gradient embeddings, same k-means++ loop: the baseline for the factorisation. */
function explicitBadge(pool: PoolView, q: number, random: Random): Int32Array {
  const n = pool.numUnlabeled;
  const c = pool.numClasses;
  const d = pool.embeddingDim!;
  const cd = c * d;
  const probs = pool.probs;
  const h = pool.embeddings!;
  const yHat = argmaxRows(probs, n, c);
  const g = new Float32Array(n * cd);
  let first = 0;
  let bestNorm = -1;
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < c; k++) {
      const a = (k === yHat[i] ? 1 : 0) - probs[i * c + k]!;
      for (let j = 0; j < d; j++) {
        const v = a * h[i * d + j]!;
        g[i * cd + k * d + j] = v;
        norm += v * v;
      }
    }
    if (norm > bestNorm) {
      bestNorm = norm;
      first = i;
    }
  }
  return kmeansPlusPlusSeeding(
    n,
    q,
    (center, out) => {
      // The same 4-partial-sum inner loop as the factorised version's dot products (a fair baseline).
      for (let i = 0, off = 0; i < n; i++, off += cd) out[i] = squaredDistance(g, off, g, center * cd, cd);
    },
    random,
    { first },
  );
}

const t0 = performance.now();
console.log(`acquisition benchmark (${quick ? 'quick' : 'full'}), Node ${process.version}, ${new Date().toISOString()}`);

// Warm up the JIT on a small pool for every strategy.
{
  const warm = withEmbeddings({ probs: makeProbs(3000, 10, 99), numUnlabeled: 3000, numClasses: 10 }, 16, 50, 5);
  for (const name of ['falcun', 'random', 'entropy', 'margin', 'least-confidence', 'cdal', 'kcenter', 'badge', 'clue', 'alfamix']) select(name, warm, 50);
  explicitBadge(warm, 20, new Random(1));
}

report('\n== FALCUN and the O(N·C) strategies: full grid; ratio = FALCUN time per pick ÷ plain pass ==');
report('N        C   Q     pass       falcun      per-pick    ratio | random     entropy    margin     least-conf');
const ratios: number[] = [];
for (const n of NS) {
  for (const c of CS) {
    const probs = makeProbs(n, c, n + c);
    const pool: PoolView = { probs, numUnlabeled: n, numClasses: c };
    for (const q of QS) {
      const before = passTime(probs);
      const tf = select('falcun', pool, q);
      const pass = (before + passTime(probs)) / 2;
      const perPick = tf / q;
      ratios.push(perPick / pass);
      const others = ['random', 'entropy', 'margin', 'least-confidence'].map((s) => fmt(select(s, pool, q)).padEnd(10));
      report(`${String(n).padEnd(8)} ${String(c).padEnd(3)} ${String(q).padEnd(5)} ${fmt(pass).padEnd(10)} ${fmt(tf).padEnd(11)} ${fmt(perPick).padEnd(11)} ${(perPick / pass).toFixed(2).padStart(5)} | ${others.join(' ')}`);
    }
  }
}
report(`FALCUN per-pick ÷ pass: median ${median(ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`);

report('\n== FALCUN does not read embeddings: pool with D attached (N = 100k, C = 10, Q = 100) ==');
{
  const n = quick ? 20_000 : 100_000;
  const base: PoolView = { probs: makeProbs(n, 10, 7), numUnlabeled: n, numClasses: 10 };
  const pass = passTime(base.probs);
  for (const d of [84, 512, 1024]) {
    const pool = withEmbeddings(base, d, 0, d);
    const tf = select('falcun', pool, 100);
    report(`N=${n} C=10 Q=100 D=${String(d).padEnd(5)} falcun ${fmt(tf).padEnd(10)} per-pick ÷ pass ${(tf / 100 / pass).toFixed(2)}`);
  }
}

report('\n== CDAL (farthest-first on probabilities), subset ==');
for (const [n, c, q] of quick ? [[20_000, 10, 100]] : [[20_000, 5, 100], [20_000, 10, 100], [20_000, 47, 100], [20_000, 10, 1000], [100_000, 10, 100], [800_000, 10, 100]]) {
  const pool: PoolView = { probs: makeProbs(n!, c!, 11), numUnlabeled: n!, numClasses: c! };
  report(`cdal N=${n} C=${c} Q=${q}: ${fmt(select('cdal', pool, q!))}   (falcun same pool: ${fmt(select('falcun', pool, q!))})`);
}

report('\n== Embedding strategies, N = 20k, Q = 100 (labeled set L = 100 where used) ==');
{
  const n = 20_000;
  const q = 100;
  for (const c of quick ? [10] : CS) {
    const base: PoolView = { probs: makeProbs(n, c, 13 + c), numUnlabeled: n, numClasses: c };
    for (const d of quick ? [84] : [84, 512, 1024]) {
      const pool = withEmbeddings(base, d, 100, 17 + d);
      const cells = [`badge ${fmt(select('badge', pool, q))}`];
      if (c === 10) {
        cells.push(`kcenter ${fmt(select('kcenter', pool, q))}`);
        cells.push(`alfamix ${fmt(select('alfamix', pool, q))}`);
        if (d === 84 && c === 10) cells.push(`clue ${fmt(select('clue', pool, q))}`);
      }
      cells.push(`falcun ${fmt(select('falcun', pool, q))}`);
      report(`C=${String(c).padEnd(3)} D=${String(d).padEnd(5)} ${cells.join('  ')}`);
    }
  }
}

report('\n== BADGE factorised vs explicit C×D gradient embeddings (C = 10, D = 512, Q = 100) ==');
{
  const n = quick ? 2000 : 10_000;
  const pool = withEmbeddings({ probs: makeProbs(n, 10, 21), numUnlabeled: n, numClasses: 10 }, 512, 0, 23);
  const fast = median([0, 1, 2].map(() => select('badge', pool, 100)));
  let explicitIdx: Int32Array = new Int32Array(0);
  const slow = timeIt(() => {
    explicitIdx = explicitBadge(pool, 100, new Random(1));
  });
  const same = createStrategy('badge').select(pool, 100, { random: new Random(1) }).indices.every((v, i) => v === explicitIdx[i]);
  report(`N=${n}: factorised ${fmt(fast)}, explicit ${fmt(slow)}, speed-up ${(slow / fast).toFixed(1)}×, same picks: ${same}`);
}

report(`\ntotal ${((performance.now() - t0) / 1000).toFixed(0)} s (sink ${sink > 0 ? 'ok' : '0'})`);
