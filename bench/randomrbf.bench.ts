/**
 * Time to generate OpenML-156 (RandomRBF_0_0): 1,000,000 rows of MOA's RandomRBFGenerator.
 * Target: under 2 s on the 2-core dev machine. Run: `npx tsx bench/randomrbf.bench.ts [rows] [repeats]`.
 * Prints the best and median of a few runs (the first run includes JIT warm-up).
 */
import { generateRandomRbf } from '../src/data/generators/randomRbf.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const repeats = Math.min(10, Math.max(1, Number(process.argv[3] ?? 3)));
const times: number[] = [];
let check = 0;
for (let i = 0; i < repeats; i++) {
  const t0 = performance.now();
  const d = generateRandomRbf({ rows });
  times.push((performance.now() - t0) / 1000);
  check += d.y[rows - 1]!;
}
const sorted = times.slice().sort((a, b) => a - b);
console.log(
  `randomrbf: ${rows.toLocaleString('en-US')} rows × 10 attributes, ${repeats} runs: ` +
    `best ${sorted[0]!.toFixed(3)} s, median ${sorted[Math.floor(repeats / 2)]!.toFixed(3)} s, ` +
    `first ${times[0]!.toFixed(3)} s (target < 2 s) [check ${check}]`,
);
