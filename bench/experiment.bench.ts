/**
 * Costs the runner adds to every round, next to training (seconds) and inference:
 *   - appending one RoundRecord with fsync (the atomicity guarantee) vs. a plain append without fsync;
 *   - reading a run file back (what resume and status do);
 *   - gathering the unlabeled pool's rows (60,000 × 784 floats, MNIST-sized) before inference.
 * Bounded: ~5-10 s. Run: npx tsx bench/experiment.bench.ts
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatherRows } from '../src/experiment/pool.ts';
import type { RoundRecord } from '../src/results/roundRecord.ts';
import { appendRecord, readRunRecords } from '../src/results/resultStore.ts';
import { Random } from '../src/random.ts';

const rnd = new Random(1);
function record(round: number, q: number): RoundRecord {
  const chosen = Array.from(rnd.sampleWithoutReplacement(60000, q));
  return {
    dataset: 'mnist', strategy: 'falcun', seed: 0, setting: 's', model: 'lenet', querySize: q, round, numLabeled: q * (round + 1),
    testAccuracy: rnd.uniform(), perClassAccuracy: Array.from({ length: 10 }, () => rnd.uniform()),
    trainSeconds: rnd.uniform(), inferenceSeconds: rnd.uniform(), acquisitionSeconds: rnd.uniform(),
    chosen, chosenClasses: chosen.map((c) => c % 10),
  };
}

function time(label: string, reps: number, f: (i: number) => void): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f(i);
  const ms = (performance.now() - t0) / reps;
  console.log(`${label.padEnd(58)} ${ms.toFixed(3)} ms`);
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'falcun-bench-'));
try {
  const Q = 200; // setting s
  const recs = Array.from({ length: 200 }, (_, r) => record(r, Q));
  const fsynced = time(`appendRecord (one line + fsync), Q=${Q}, per record`, recs.length, (i) => appendRecord(join(dir, 'a.jsonl'), recs[i]!));
  const plain = time(`appendFileSync without fsync, Q=${Q}, per record`, recs.length, (i) => appendFileSync(join(dir, 'b.jsonl'), `${JSON.stringify(recs[i])}\n`));
  console.log(`  ratio fsync / plain: ${(fsynced / plain).toFixed(1)}×`);
  time(`readRunRecords, ${recs.length} records of Q=${Q}`, 20, () => readRunRecords(join(dir, 'a.jsonl')));
  const rowSize = 784;
  const x = new Float32Array(60000 * rowSize);
  for (let i = 0; i < x.length; i += 97) x[i] = i;
  const rows = Int32Array.from({ length: 58000 }, (_, i) => i + (i >= 1000 ? 2000 : 0));
  time('gatherRows: 58,000 unlabeled rows × 784 (MNIST pool)', 5, () => gatherRows(x, rowSize, rows));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
