// Analysis on a paper-sized result set: 12 settings × 8 strategies × 5 seeds × 11 rounds = 5,280 records.
// Compares duelingMatrix with the slow obvious version of the tests, and learningCurves with danfo's groupby.
// Run: npx tsx bench/analysis.bench.ts   (or npm run bench:analysis)
import { duelingMatrix } from '../src/analysis/duelingMatrix.ts';
import { learningCurves } from '../src/analysis/learningCurves.ts';
import { learningCurveFrame } from '../src/analysis/learningCurveFrame.ts';
import { Random } from '../src/random.ts';
import { syntheticRecords } from '../test/analysis/syntheticRecords.ts';
import { slowDueling } from '../test/analysis/slowDueling.ts';

const strategies = ['random', 'entropy', 'kcentergreedy', 'cdal', 'badge', 'clue', 'alfamix', 'falcun'];
const rng = new Random('bench');
const records = Array.from({ length: 12 }, (_, d) =>
  syntheticRecords({ dataset: `d${d}`, strategies, rounds: 11, accuracy: (s, _seed, r) => 0.4 + 0.05 * r + 0.002 * strategies.indexOf(s) * r + 0.01 * rng.normal() }),
).flat();

function time<T>(f: () => T, reps: number): { s: number; v: T } {
  let v = f(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) v = f();
  return { s: (performance.now() - t0) / 1000 / reps, v };
}
const fast = time(() => duelingMatrix(records, { strategies }), 5);
const slow = time(() => slowDueling(records, strategies, 0.05), 1);
if (JSON.stringify(Array.from(fast.v.wins)) !== JSON.stringify(slow.v.wins)) throw new Error('bench: fast and slow dueling matrices differ');
const lc = time(() => learningCurves(records), 5);
const df = time(() => learningCurveFrame(records), 2);
console.log(`analysis (${records.length} records, 12 settings × 8 strategies × 5 seeds × 11 rounds):`);
console.log(`  duelingMatrix ${(fast.s * 1000).toFixed(1)} ms, slow obvious version ${(slow.s * 1000).toFixed(0)} ms: ${(slow.s / fast.s).toFixed(0)}× faster (same wins)`);
console.log(`  learningCurves ${(lc.s * 1000).toFixed(1)} ms, danfo groupby frame ${(df.s * 1000).toFixed(0)} ms: ${(df.s / lc.s).toFixed(1)}× faster`);
