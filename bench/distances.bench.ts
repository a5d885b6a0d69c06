/**
 * Distance-kernel benchmark: the competitors' embedding-space acquisitions before and after the blocked
 * kernels, on Letter-like shapes (N = 15,000, D = 1,024, C = 26, Q = 1,000, N_l = 5,000; `--scale s`
 * multiplies N, N_l and Q), plus the kernels' GFLOP/s against a plain pass over the same memory.
 *
 * "Before" is the code as it was before the kernels landed: `git archive` of BEFORE_COMMIT's
 * src/acquisition (self-contained) into a temporary folder, imported as it was. "After" runs the current
 * strategies with the pure-TS kernel (crossDot) and with the injected wasm XNNPACK product
 * (src/training/tfCrossProduct.ts). Every strategy must pick the same indices in all three: printed.
 *
 * Times are CPU seconds of this process (process.cpuUsage; the wasm product is single-threaded and runs
 * in this process), robust to other processes on a shared machine. At scale 1 the "before" CLUE alone
 * takes ~10 min of CPU here. Usage: `npm run bench:distances [-- --scale 0.25]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initBackend } from '../src/backend/initBackend.ts';
import { createStrategy } from '../src/acquisition/registry.ts';
import { crossDot } from '../src/acquisition/kernels/crossDot.ts';
import { nearestCentres } from '../src/acquisition/kernels/nearestCentres.ts';
import { squaredDistance } from '../src/acquisition/kernels/squaredDistances.ts';
import type { PoolView, Strategy } from '../src/acquisition/types.ts';
import { tfCrossProduct } from '../src/training/tfCrossProduct.ts';
import { Random } from '../src/random.ts';

/** The last commit with the scalar distance loops (parent of "Blocked distance kernels: …"). */
const BEFORE_COMMIT = process.env['BEFORE_COMMIT'] ?? 'f123080~1';
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const scale = arg('--scale', 1);
if (!(scale > 0 && scale <= 1)) throw new RangeError(`--scale must be in (0, 1], got ${scale}`);

function cpu(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}
/** Best of `reps` CPU times of f. */
const best = (f: () => void, reps = 3) => Math.min(...Array.from({ length: reps }, () => cpu(f)));
const fmt = (s: number) => (s < 0.01 ? `${(s * 1000).toFixed(2)} ms` : s < 10 ? `${s.toFixed(3)} s` : `${s.toFixed(1)} s`);
let sink = 0;

/** Letter-like pool: 26 class centres in D dims, Gaussian spread, ReLU (embeddings of an MLP), softmax of a random head. */
function letterPool(n: number, numLabeled: number, d: number, c: number, seed: number): PoolView {
  const rng = new Random(seed);
  const centres = Float64Array.from({ length: c * d }, () => rng.normal(0, 1));
  const draw = (rows: number, labels: Int32Array) => {
    const x = new Float32Array(rows * d);
    for (let i = 0; i < rows; i++) {
      const y = rng.int(c);
      labels[i] = y;
      for (let t = 0; t < d; t++) x[i * d + t] = Math.max(0, centres[y * d + t]! + rng.normal(0, 0.8));
    }
    return x;
  };
  const yPool = new Int32Array(n);
  const embeddings = draw(n, yPool);
  const labeledY = new Int32Array(numLabeled);
  const labeledEmbeddings = draw(numLabeled, labeledY);
  const weights = Float32Array.from({ length: d * c }, () => rng.normal(0, 1 / Math.sqrt(d)));
  const bias = new Float32Array(c);
  const probs = new Float32Array(n * c);
  const z = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let k = 0; k < c; k++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += embeddings[i * d + t]! * weights[t * c + k]!;
      z[k] = 2 * s;
      m = Math.max(m, z[k]!);
    }
    let tot = 0;
    for (let k = 0; k < c; k++) tot += z[k] = Math.exp(z[k]! - m);
    for (let k = 0; k < c; k++) probs[i * c + k] = z[k]! / tot;
  }
  return {
    probs, numUnlabeled: n, numClasses: c, embeddings, embeddingDim: d, labeledEmbeddings, labeledY, numLabeled,
    head: { weights, bias, inputDim: d, numClasses: c },
  };
}

await initBackend({ backend: 'wasm', log: () => {} });
const wasm = tfCrossProduct();
console.log(`distance benchmark, scale ${scale}, Node ${process.version}, ${new Date().toISOString()}, before = ${BEFORE_COMMIT}`);

// ---- Kernels -------------------------------------------------------------------------------------
{
  const m = 256;
  const n = 1000;
  const d = 1024;
  const rng = new Random(1);
  const a = Float32Array.from({ length: m * d }, () => rng.normal());
  const b = Float32Array.from({ length: n * d }, () => rng.normal());
  const out = new Float64Array(m * n);
  const flop = 2 * m * n * d;
  const scan = () => {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] = squaredDistance(a, i * d, b, j * d, d);
  };
  const blocked = () => crossDot(a, 0, m, b, 0, n, d, out);
  const op = wasm.rightOperand(b, n, d);
  const viaWasm = () => {
    sink += op.product(a, m)[0]!;
  };
  const pass = () => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]!;
    for (let i = 0; i < b.length; i++) s += b[i]!;
    sink += s;
  };
  scan(); blocked(); viaWasm(); pass();
  const tPass = best(() => { for (let r = 0; r < 20; r++) pass(); }) / 20;
  console.log(`\n== Kernels: A (${m} × ${d}) · Bᵀ (${n} × ${d}), float32 inputs; GFLOP/s = 2·m·n·d / CPU time ==`);
  console.log(`plain pass over A and B (Σ, float64): ${fmt(tPass)} (${(((m + n) * d * 4) / tPass / 1e9).toFixed(1)} GB/s)`);
  for (const [name, f] of [['scan: squaredDistance per pair (before)', scan], ['crossDot: pure TS, 4×4 blocked, float64 acc.', blocked], ['wasm XNNPACK product (tfCrossProduct)', viaWasm]] as const) {
    const t = best(f);
    console.log(`${name.padEnd(48)} ${fmt(t).padStart(9)}  ${(flop / t / 1e9).toFixed(2).padStart(6)} GFLOP/s  ${(t / tPass).toFixed(0).padStart(6)}× the pass`);
  }
  op.dispose();
  const rows = 2048;
  const pts = Float32Array.from({ length: rows * d }, () => rng.normal());
  const tScan = cpu(() => { for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) sink += squaredDistance(pts, i * d, b, j * d, d); });
  const tPure = cpu(() => nearestCentres(pts, rows, b, n, d));
  const tFast = cpu(() => nearestCentres(pts, rows, b, n, d, { product: wasm }));
  console.log(`nearestCentres ${rows} points × ${n} centres: scan ${fmt(tScan)}, blocked ${fmt(tPure)} (${(tScan / tPure).toFixed(1)}×), wasm ${fmt(tFast)} (${(tScan / tFast).toFixed(1)}×)`);
}

// ---- Strategies ----------------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'falcun-before-'));
try {
  execFileSync('bash', ['-c', `git archive ${BEFORE_COMMIT} src/acquisition src/random.ts src/linearHead.ts | tar -x -C '${dir}'`]);
  const old = (await import(pathToFileURL(join(dir, 'src/acquisition/registry.ts')).href)) as { createStrategy: (name: string) => Strategy };
  const n = Math.round(15_000 * scale);
  const numLabeled = Math.round(5_000 * scale);
  const q = Math.round(1_000 * scale);
  const d = 1024;
  const c = 26;
  console.log(`\n== Strategies on a Letter-like pool: N = ${n}, N_l = ${numLabeled}, Q = ${q}, D = ${d}, C = ${c} (CPU s per acquisition) ==`);
  const pool = letterPool(n, numLabeled, d, c, 7);
  // JIT warm-up on a small pool, old and new.
  const warm = letterPool(600, 200, 64, 5, 8);
  for (const name of ['kcenter', 'clue', 'alfamix', 'badge', 'cdal', 'falcun']) {
    old.createStrategy(name).select(warm, 40, { random: new Random(1) });
    createStrategy(name).select(warm, 40, { random: new Random(1) });
  }
  console.log('strategy   before     after (TS)  after (wasm)  before/TS  before/wasm  same picks');
  for (const name of ['kcenter', 'clue', 'alfamix', 'badge', 'cdal', 'falcun']) {
    const run = (s: Strategy, crossProduct?: typeof wasm) => {
      let idx: Int32Array = new Int32Array(0);
      const t = cpu(() => {
        idx = s.select(pool, q, { random: new Random(3), ...(crossProduct ? { crossProduct } : {}) }).indices;
      });
      return { t, idx };
    };
    const after = run(createStrategy(name));
    const fast = run(createStrategy(name), wasm);
    const before = run(old.createStrategy(name));
    const same = [after.idx, fast.idx].every((x) => x.length === q && x.every((v, i) => v === before.idx[i]));
    console.log(
      `${name.padEnd(10)} ${fmt(before.t).padStart(9)} ${fmt(after.t).padStart(11)} ${fmt(fast.t).padStart(12)}  ${(before.t / after.t).toFixed(2).padStart(8)}×  ${(before.t / fast.t).toFixed(2).padStart(10)}×  ${same ? 'yes' : 'NO'}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\n(sink ${sink === 0 ? '0' : 'ok'})`);
