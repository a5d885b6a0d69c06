/**
 * `falcun-lab select` end to end on 1,000,000 × 10 probabilities in a float32 `.npy` (and a float64 one):
 * the CLI as a user runs it (a child process: Node + tsx start-up, read, row checks, FALCUN with Q = 100
 * and Q = 1000, CSV out), plus an in-process breakdown (read, checks, selection) in CPU seconds.
 * Wall times depend on what else runs on the machine; the CPU seconds less so.
 * Usage: `npm run bench:select [-- --rows 1000000 --classes 10]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkProbabilityRows } from '../src/select/checkMatrix.ts';
import { readMatrix } from '../src/select/readMatrix.ts';
import { selectBatch } from '../src/select/selectBatch.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const N = arg('--rows', 1_000_000);
const C = arg('--classes', 10);
const BIN = resolve(import.meta.dirname, '../bin/falcun-lab.js');

/** Softmax rows of xorshift logits in [0, 6): a realistic spread of confidences, deterministic. */
function probabilities(n: number, c: number): Float32Array {
  const out = new Float32Array(n * c);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < c; k++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const e = Math.exp(((x >>> 0) / 4294967296) * 6);
      out[i * c + k] = e;
      s += e;
    }
    for (let k = 0; k < c; k++) out[i * c + k]! /= s;
  }
  return out;
}

function npy(descr: string, shape: readonly number[], data: ArrayBufferView): Buffer {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}), }`;
  header = header.padEnd(Math.ceil((10 + header.length + 1) / 64) * 64 - 11, ' ') + '\n';
  const pre = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0, 0]);
  pre.writeUInt16LE(header.length, 8);
  return Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

const cpu = (t0: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
};

const dir = mkdtempSync(join(tmpdir(), 'falcun-select-bench-'));
try {
  const p = probabilities(N, C);
  const f32 = join(dir, 'probs.npy');
  const f64 = join(dir, 'probs64.npy');
  writeFileSync(f32, npy('<f4', [N, C], p));
  writeFileSync(f64, npy('<f8', [N, C], Float64Array.from(p)));
  console.log(`select on ${N.toLocaleString('en')} × ${C} probabilities (${(4 * N * C / 1e6).toFixed(0)} MB float32 .npy)`);

  console.log('\nend to end (child process: start-up + read + checks + FALCUN + CSV out), seconds (wall, and the child\'s CPU user + system):');
  /** Runs the CLI under bash's `time`; returns [wall, cpu] seconds. */
  const timed = (args: readonly string[]): [number, number] => {
    const cmd = ['TIMEFORMAT="%R %U %S"; time', JSON.stringify(process.execPath), ...args.map((a) => JSON.stringify(a)), '>/dev/null'].join(' ');
    const res = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`select failed: ${res.stderr}`);
    const [wall, user, sys] = res.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
    return [wall, user + sys];
  };
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [file, q] of [[f32, 100], [f32, 1000], [f64, 100]] as const) {
    const runs = [0, 1, 2].map(() => timed([BIN, 'select', file, '--batch-size', String(q), '--out', join(dir, 'batch.csv')]));
    console.log(
      `  ${file === f32 ? 'float32' : 'float64'} Q = ${String(q).padEnd(4)}  median wall ${median(runs.map((r) => r[0])).toFixed(2)} s, CPU ${median(runs.map((r) => r[1])).toFixed(2)} s  (wall ${runs.map((r) => r[0].toFixed(2)).join(', ')})`,
    );
  }
  const help = [0, 1, 2].map(() => timed([BIN, '--help']));
  console.log(`  start-up alone (falcun-lab --help): median wall ${median(help.map((r) => r[0])).toFixed(2)} s, CPU ${median(help.map((r) => r[1])).toFixed(2)} s`);

  console.log('\nin process, CPU seconds:');
  for (const file of [f32, f64]) {
    let t0 = process.cpuUsage();
    const m = await readMatrix(file);
    const read = cpu(t0);
    t0 = process.cpuUsage();
    checkProbabilityRows(m);
    const check = cpu(t0);
    const sel: string[] = [];
    for (const q of [100, 1000]) {
      t0 = process.cpuUsage();
      selectBatch({ probabilities: m, batchSize: q, seed: 0 });
      sel.push(`select Q=${q} ${cpu(t0).toFixed(2)} s (includes its own checks)`);
    }
    console.log(`  ${file === f32 ? 'float32' : 'float64'}: read ${read.toFixed(3)} s, row checks ${check.toFixed(3)} s, ${sel.join(', ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
