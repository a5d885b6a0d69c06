// The dueling matrix computed the slow, obvious way (filtering all records for every pair and cell):
// the reference for test/analysis/duelingMatrix.test.ts and bench/analysis.bench.ts.
import { pairedTTest } from '../../src/analysis/pairedTTest.ts';
import type { RoundRecord } from '../../src/results/roundRecord.ts';

export function slowDueling(records: readonly RoundRecord[], strategies: readonly string[], alpha: number) {
  const S = strategies.length;
  const wins = new Array(S * S).fill(0);
  const comps = new Array(S * S).fill(0);
  const cells = [...new Set(records.map((r) => JSON.stringify([r.dataset, r.setting, r.model, r.numLabeled])))];
  for (const cell of cells) {
    const [d, s, mo, n] = JSON.parse(cell);
    for (let i = 0; i < S; i++) {
      for (let j = 0; j < S; j++) {
        if (i === j) continue;
        const ri = records.filter((r) => r.dataset === d && r.setting === s && r.model === mo && r.numLabeled === n && r.strategy === strategies[i]);
        const a: number[] = [];
        const b: number[] = [];
        for (const r of ri) {
          const o = records.find((q) => q.dataset === d && q.setting === s && q.model === mo && q.numLabeled === n && q.strategy === strategies[j] && q.seed === r.seed);
          if (o) { a.push(r.testAccuracy); b.push(o.testAccuracy); }
        }
        if (a.length < 2) continue;
        comps[i * S + j]++;
        const t = pairedTTest(a, b);
        if (t.p < alpha && t.meanDifference > 0) wins[i * S + j]++;
      }
    }
  }
  return { wins, comps };
}

