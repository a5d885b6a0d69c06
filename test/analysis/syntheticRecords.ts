// Synthetic RoundRecords for analysis and figure tests (the runner is written in parallel).
import type { RoundRecord } from '../../src/results/roundRecord.ts';
import { Random } from '../../src/random.ts';

export interface SyntheticSpec {
  readonly dataset?: string;
  readonly setting?: string;
  readonly model?: string;
  readonly strategies: readonly string[];
  readonly seeds?: readonly number[];
  readonly rounds?: number;
  readonly querySize?: number;
  readonly classes?: number;
  /** accuracy(strategy, seed, round) */
  readonly accuracy?: (strategy: string, seed: number, round: number) => number;
  /** acquisition seconds(strategy, seed, round) for rounds before the last */
  readonly acquisitionSeconds?: (strategy: string, seed: number, round: number) => number;
  readonly inferenceSeconds?: number;
}

export function syntheticRecords(spec: SyntheticSpec): RoundRecord[] {
  const {
    dataset = 'mnist', setting = 's', model = 'lenet', seeds = [0, 1, 2, 3, 4], rounds = 4, querySize = 10, classes = 3,
  } = spec;
  const out: RoundRecord[] = [];
  for (const strategy of spec.strategies) {
    for (const seed of seeds) {
      const rng = new Random(`${dataset}|${strategy}|${seed}`);
      for (let round = 0; round < rounds; round++) {
        const last = round === rounds - 1;
        const acc = spec.accuracy ? spec.accuracy(strategy, seed, round) : Math.min(0.99, 0.5 + 0.1 * round + 0.02 * rng.normal());
        const chosen = last ? [] : Array.from({ length: querySize }, (_, i) => 1000 * round + i);
        out.push({
          dataset, strategy, seed, setting, model, querySize, round, numLabeled: querySize * (round + 1),
          testAccuracy: acc,
          perClassAccuracy: Array.from({ length: classes }, (_, c) => Math.max(0, Math.min(1, acc + 0.05 * (c - 1)))),
          trainSeconds: 1,
          inferenceSeconds: last ? 0 : (spec.inferenceSeconds ?? 0),
          acquisitionSeconds: last ? 0 : spec.acquisitionSeconds ? spec.acquisitionSeconds(strategy, seed, round) : 0.5,
          chosen, chosenClasses: chosen.map((i) => i % classes),
          ...(round === 0 ? { initialIndices: Array.from({ length: querySize }, (_, i) => 50000 + i) } : {}),
        });
      }
    }
  }
  return out;
}
