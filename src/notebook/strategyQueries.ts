/**
 * One query of several strategies on the same trained pool (paper Fig. 1), FALCUN's per-pick relevance
 * (Fig. 6, 9), and the figure inputs built from them. Each strategy draws from its own stream
 * `new Random(seed).fork('query', name)`, so adding a strategy never changes another's picks.
 */
import type { FalcunTrace } from '../acquisition/falcun.ts';
import { createStrategy } from '../acquisition/registry.ts';
import type { SimplexInput, SimplexPanel } from '../figures/simplex.ts';
import type { RelevanceStep } from '../figures/relevance.ts';
import { Random } from '../random.ts';
import { poolViewOf, type TrainedPool } from './trainedPool.ts';

export interface StrategyQuery {
  readonly strategy: string;
  /** Pool indices (0..N−1) in pick order. */
  readonly chosen: Int32Array;
  readonly acquisitionSeconds: number;
}

function checkQ(fn: string, q: number, n: number): void {
  if (!Number.isInteger(q) || q < 1 || q > n) throw new RangeError(`${fn}: querySize must be an integer in [1, ${n}] (the pool size), got ${String(q)}`);
}

/** Timed repeats of each query after one untimed warm-up call; the fastest counts (the first call pays JIT compilation). */
export const QUERY_TIMING_REPEATS = 3;

/**
 * Runs each strategy on the pool (Q picks), timing `select` alone: one untimed call, then the fastest of
 * QUERY_TIMING_REPEATS (every call draws from the same stream, so the picks are the same).
 * @throws RangeError for a query size outside [1, N]; errors of `createStrategy` for unknown names.
 */
export function queryStrategies(pool: TrainedPool, strategies: readonly string[], querySize: number, seed = 0, options: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {}): StrategyQuery[] {
  checkQ('queryStrategies', querySize, pool.n);
  const view = poolViewOf(pool);
  return strategies.map((name) => {
    const strategy = createStrategy(name, options[name] ?? {});
    const run = () => strategy.select(view, querySize, { random: new Random(seed).fork('query', name) });
    const sel = run();
    let best = Infinity;
    for (let k = 0; k < QUERY_TIMING_REPEATS; k++) {
      const t0 = performance.now();
      run();
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    return { strategy: name, chosen: Int32Array.from(sel.indices), acquisitionSeconds: best };
  });
}

/**
 * Simplex input (Fig. 1, 8) for a 3-class pool: the labeled set first (rows 0..L−1, black dots), then the
 * pool; each query becomes a panel with its picks shifted by L.
 * @throws RangeError when the pool does not have exactly 3 classes.
 */
export function simplexInputOf(pool: TrainedPool, queries: readonly StrategyQuery[], extra: Partial<Pick<SimplexInput, 'colorByUncertainty' | 'title'>> = {}): SimplexInput {
  if (pool.numClasses !== 3) throw new RangeError(`simplexInputOf: the simplex needs a 3-class pool, got ${pool.numClasses} classes`);
  const L = pool.numLabeled;
  const probabilities = new Float32Array((L + pool.n) * 3);
  probabilities.set(pool.labeledProbs, 0);
  probabilities.set(pool.probs, L * 3);
  const panels: SimplexPanel[] = queries.map((q) => ({ strategy: q.strategy, chosen: Int32Array.from(q.chosen, (i) => i + L), acquisitionSeconds: q.acquisitionSeconds }));
  return {
    probabilities,
    labeled: Int32Array.from({ length: L }, (_, i) => i),
    panels,
    classNames: [pool.classNames[0]!, pool.classNames[1]!, pool.classNames[2]!],
    ...extra,
  };
}

export interface FalcunCourse {
  readonly chosen: Int32Array;
  /** Per pick: relevance r(x) of every pool point before the pick (NaN for points already chosen). */
  readonly relevance: readonly Float32Array[];
  readonly acquisitionSeconds: number;
}

/**
 * One FALCUN query with its relevance trace (Eq. (5)): the course of r(x) over the picks.
 * Cost: O(Q · N · C) time, Q · N floats of trace.
 * @throws RangeError for a query size outside [1, N] or bad FALCUN options.
 */
export function falcunCourse(pool: TrainedPool, querySize: number, seed = 0, falcunOptions: Readonly<Record<string, unknown>> = {}): FalcunCourse {
  checkQ('falcunCourse', querySize, pool.n);
  const strategy = createStrategy('falcun', falcunOptions);
  const t0 = performance.now();
  const sel = strategy.select(poolViewOf(pool), querySize, { random: new Random(seed).fork('query', 'falcun'), trace: { relevance: true } });
  const seconds = (performance.now() - t0) / 1000;
  const trace = sel.trace as FalcunTrace | undefined;
  if (trace?.relevance === undefined) throw new Error('falcunCourse: FALCUN returned no relevance trace');
  return { chosen: Int32Array.from(sel.indices), relevance: trace.relevance, acquisitionSeconds: seconds };
}

/**
 * The relevance panels of Fig. 6: the state before the given picks (1-based, e.g. [1, 2, 5, Q]).
 * @throws RangeError for a pick number outside [1, Q].
 */
export function relevanceSteps(course: FalcunCourse, picks: readonly number[]): RelevanceStep[] {
  const q = course.chosen.length;
  return picks.map((k) => {
    if (!Number.isInteger(k) || k < 1 || k > q) throw new RangeError(`relevanceSteps: picks must be integers in [1, ${q}], got ${String(k)}`);
    return { relevance: course.relevance[k - 1]!, picked: course.chosen[k - 1]! };
  });
}
