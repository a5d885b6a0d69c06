/**
 * The scalability study (paper Fig. 18, Appendix D): the cumulated acquisition time of each strategy — the
 * summed time of its queries over a whole active-learning run of `rounds` rounds of Q picks, as the paper
 * reports ("average cumulated acquisition times", Table 2: "after the whole querying budget is exhausted")
 * — while the pool size N, the query size Q or the embedding size D varies and the other two stay at a
 * baseline. Between rounds the picks leave the unlabeled pool and join the labeled set, as in a real run
 * (so N_u shrinks and N_l grows by Q each round). Two kinds of pool: 'openml-156', the paper's (RandomRBF
 * rows through an MLP with D hidden units; each round's forward pass is timed apart: scalabilityModelPool.ts),
 * and 'synthetic' (softmax of Gaussian logits, Gaussian embeddings, a random linear head: no model, for
 * seconds-long smoke runs). The retraining is left out in both (the same for every strategy), so the
 * probabilities stay those of the start.
 */
import type { CrossProductKernel } from '../acquisition/kernels/crossProductKernel.ts';
import type { PoolView } from '../acquisition/types.ts';
import { createStrategy } from '../acquisition/registry.ts';
import { SCALABILITY_POOLS, type ScalabilityGrid, type ScalabilityRow } from '../results/scalabilityStudy.ts';
import { checkPicks, openmlSettingPools, type SettingPool } from './scalabilityModelPool.ts';
import { Random } from '../random.ts';

/** The paper's number of acquisition rounds, the default of `ScalabilityGrid.rounds`. */
export const PAPER_ROUNDS = 10;

/** Grids per scale: smoke and quick sum fewer rounds than the paper to stay short (smoke: seconds on synthetic pools, quick: minutes on OpenML-156). */
export const SCALABILITY_GRIDS: Readonly<Record<'smoke' | 'quick' | 'paper', ScalabilityGrid>> = Object.freeze({
  smoke: { N: [500, 1000, 2000], Q: [10, 20, 40], D: [16, 32, 64], baseline: { N: 1000, Q: 20, D: 32 }, rounds: 3, strategies: ['falcun', 'random', 'entropy', 'cdal', 'kcenter', 'badge'] },
  quick: {
    N: [2000, 5000, 10000, 20000],
    Q: [50, 100, 200],
    D: [64, 256, 1024],
    baseline: { N: 5000, Q: 100, D: 256 },
    rounds: 3,
    pool: 'openml-156',
    strategies: ['falcun', 'random', 'entropy', 'cdal', 'kcenter', 'badge', 'clue', 'alfamix'],
  },
  paper: {
    N: [20000, 50000, 100000, 200000],
    Q: [100, 500, 1000, 2000],
    D: [256, 1024, 2048, 4096],
    baseline: { N: 50000, Q: 1000, D: 1024 },
    rounds: PAPER_ROUNDS,
    pool: 'openml-156',
    strategies: ['falcun', 'random', 'entropy', 'cdal', 'kcenter', 'badge', 'clue', 'alfamix'],
  },
});

function checkPositiveInt(fn: string, field: string, v: unknown): number {
  if (!Number.isInteger(v) || (v as number) < 1) throw new RangeError(`${fn}: ${field} must be an integer >= 1, got ${String(v)}`);
  return v as number;
}

/**
 * A synthetic pool view with every field a strategy may need. Deterministic for a generator state.
 * Cost: O((N + L) · (D + C) + D · C).
 * @throws RangeError for a size that is not a positive integer or fewer than 2 classes.
 */
export function syntheticPoolView(n: number, d: number, c: number, numLabeled: number, random: Random): PoolView {
  const fn = 'syntheticPoolView';
  checkPositiveInt(fn, 'n', n);
  checkPositiveInt(fn, 'd', d);
  checkPositiveInt(fn, 'numLabeled', numLabeled);
  if (!Number.isInteger(c) || c < 2) throw new RangeError(`${fn}: c (classes) must be an integer >= 2, got ${String(c)}`);
  const probs = new Float32Array(n * c);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < c; k++) s += probs[i * c + k] = Math.exp(2 * random.normal());
    for (let k = 0; k < c; k++) probs[i * c + k]! /= s;
  }
  const gauss = (len: number) => Float32Array.from({ length: len }, () => random.normal());
  const labeledY = Int32Array.from({ length: numLabeled }, (_, i) => i % c);
  return {
    probs,
    numUnlabeled: n,
    numClasses: c,
    embeddings: gauss(n * d),
    embeddingDim: d,
    labeledEmbeddings: gauss(numLabeled * d),
    labeledY,
    numLabeled,
    head: { weights: Float32Array.from(gauss(d * c), (v) => v / Math.sqrt(d)), bias: new Float32Array(c), inputDim: d, numClasses: c },
  };
}

/** The (N, Q, D) settings of a grid: each parameter's values with the other two at the baseline, no repeats. */
export function scalabilitySettings(grid: ScalabilityGrid): Array<{ N: number; Q: number; D: number }> {
  const out = new Map<string, { N: number; Q: number; D: number }>();
  const add = (s: { N: number; Q: number; D: number }) => out.set(`${s.N}|${s.Q}|${s.D}`, s);
  for (const N of grid.N) add({ ...grid.baseline, N });
  for (const Q of grid.Q) add({ ...grid.baseline, Q });
  for (const D of grid.D) add({ ...grid.baseline, D });
  return [...out.values()];
}

/**
 * Times a whole acquisition run per strategy and setting: `grid.rounds` queries of Q points, the picks of
 * each round moved from the unlabeled pool into the labeled set before the next (only `select` is timed as
 * acquisition). Returns one ScalabilityRow each, `seconds` = the cumulated query time of the run, `rounds` =
 * its number of rounds, `roundSeconds` = each query's time (Fig. 18 plots their running sum against the
 * labels); `onRow` sees each row as soon as it is measured. Every strategy starts from the same pool (same
 * seed), after one untimed warm-up query per strategy. A run whose cumulated time passes
 * `grid.cellLimitSeconds` stops after that round (`timedOut`, its `seconds` a lower bound).
 * Pools (`grid.pool`): 'synthetic' (default; random probabilities and embeddings, no model), or
 * 'openml-156': RandomRBF rows through a trained MLP with D hidden units, each round's forward pass timed
 * apart (`forwardSeconds`; scalabilityModelPool.ts). `options.crossProduct` is the matrix product the
 * strategies' distance searches use, as in a real run (`fastCrossProduct()` on the wasm backend): without it
 * KCenterGreedy, BADGE and CLUE fall back to the pure-TS product, ~5× slower, and the comparison with
 * FALCUN is not fair. An 'openml-156' pool needs an initialised tfjs backend.
 * Cost: the strategies' own, plus O(rounds · N · (D + C)) per run to move the picks (and the forward passes).
 * @throws RangeError for rounds · Q larger than N, or non-positive sizes or rounds; errors of `createStrategy` for unknown names.
 */
export async function measureScalability(
  grid: ScalabilityGrid,
  seed = 0,
  onRow?: (row: ScalabilityRow) => void,
  options: { readonly crossProduct?: CrossProductKernel } = {},
): Promise<ScalabilityRow[]> {
  const fn = 'measureScalability';
  const pool = grid.pool ?? 'synthetic';
  if (!SCALABILITY_POOLS.includes(pool)) throw new RangeError(`${fn}: pool must be one of ${SCALABILITY_POOLS.join(', ')}, got ${String(pool)}`);
  const c = grid.numClasses ?? 5;
  const rounds = checkPositiveInt(fn, 'rounds', grid.rounds ?? PAPER_ROUNDS);
  const numLabeled = checkPositiveInt(fn, 'numLabeled', grid.numLabeled ?? grid.baseline.Q);
  const limit = grid.cellLimitSeconds;
  if (limit !== undefined && !(limit > 0 && Number.isFinite(limit))) throw new RangeError(`${fn}: cellLimitSeconds must be a positive number of seconds, got ${limit}`);
  const settings = scalabilitySettings(grid);
  // Check every setting before timing any, so a bad grid fails at once rather than after hours.
  for (const s of settings) {
    for (const k of ['N', 'Q', 'D'] as const) checkPositiveInt(fn, k, s[k]);
    if (rounds * s.Q > s.N) throw new RangeError(`${fn}: rounds · Q must be at most N (each round picks Q new points), got ${rounds} · ${s.Q} = ${rounds * s.Q} with N = ${s.N}`);
  }
  const settingPool =
    pool === 'openml-156'
      ? await openmlSettingPools(Math.max(...settings.map((s) => s.N)), numLabeled, seed)
      : async (s: { N: number; D: number }): Promise<SettingPool> => syntheticSetting(syntheticPoolView(s.N, s.D, c, numLabeled, new Random(seed).fork('scalability', s.N, s.D)));
  const selectOptions = (name: string, round: number) => ({ random: new Random(seed).fork('query', name, round), ...(options.crossProduct ? { crossProduct: options.crossProduct } : {}) });
  // One untimed query per strategy on the smallest setting first: JIT compilation and first-use costs
  // would otherwise land on the first timed cells and flatten the measured growth in N, Q and D.
  const smallest = settings.reduce((a, b) => (b.N * b.D < a.N * a.D ? b : a));
  const warm = syntheticPoolView(smallest.N, smallest.D, c, numLabeled, new Random(seed).fork('warm-up'));
  for (const name of grid.strategies) createStrategy(name).select(warm, smallest.Q, selectOptions(name, -1));
  const rows: ScalabilityRow[] = [];
  for (const s of settings) {
    const start = await settingPool(s);
    try {
      for (const name of grid.strategies) {
        const strategy = createStrategy(name);
        const run = start.run(strategy, rounds * s.Q);
        let seconds = 0;
        let forwardSeconds: number | undefined;
        const roundSeconds: number[] = [];
        let timedOut = false;
        for (let round = 0; round < rounds && !timedOut; round++) {
          const got = await run.view();
          if (got.forwardSeconds !== undefined) forwardSeconds = (forwardSeconds ?? 0) + got.forwardSeconds;
          const t0 = performance.now();
          const { indices } = strategy.select(got.view, s.Q, selectOptions(name, round));
          const t = (performance.now() - t0) / 1000;
          roundSeconds.push(t);
          seconds += t;
          run.label(indices, s.Q);
          timedOut = limit !== undefined && seconds > limit && round < rounds - 1;
        }
        const row: ScalabilityRow = {
          strategy: name,
          ...s,
          seconds,
          rounds,
          roundSeconds,
          initialLabeled: numLabeled,
          ...(timedOut ? { timedOut } : {}),
          ...(forwardSeconds !== undefined ? { forwardSeconds } : {}),
        };
        rows.push(row);
        onRow?.(row);
      }
    } finally {
      start.dispose();
    }
  }
  return rows;
}

/** A synthetic setting: every run starts from a copy of `start` (ActiveRun). */
function syntheticSetting(start: PoolView): SettingPool {
  return {
    run(_strategy, budget) {
      const run = new ActiveRun(start, budget);
      return { view: async () => ({ view: run.view() }), label: (indices, q) => run.label(indices, q) };
    },
    dispose() {},
  };
}

/**
 * The pool of one simulated run (used by measureScalability, exported for its tests): copies of a start
 * view's arrays (the start view is never changed), with room in the labeled arrays for `budget` more points.
 * `label` moves picked rows out of the unlabeled arrays (compacting them in place, order kept) and appends
 * them, in pick order, to the labeled ones; the label of a moved point is its most probable class.
 * `view()` is valid until the next `label`. The start view must carry embeddings and the labeled set.
 */
export class ActiveRun {
  private readonly c: number;
  private readonly d: number;
  private n: number;
  private l: number;
  private readonly probs: Float32Array;
  private readonly emb: Float32Array;
  private readonly labEmb: Float32Array;
  private readonly labY: Int32Array;
  private readonly head: PoolView['head'];

  constructor(start: PoolView, budget: number) {
    this.head = start.head;
    this.c = start.numClasses;
    this.d = start.embeddingDim!;
    this.n = start.numUnlabeled;
    this.l = start.numLabeled!;
    this.probs = start.probs.slice();
    this.emb = start.embeddings!.slice();
    this.labEmb = new Float32Array((this.l + budget) * this.d);
    this.labEmb.set(start.labeledEmbeddings!);
    this.labY = new Int32Array(this.l + budget);
    this.labY.set(start.labeledY!);
  }

  view(): PoolView {
    const { c, d, n, l } = this;
    return {
      probs: this.probs.subarray(0, n * c), numUnlabeled: n, numClasses: c,
      embeddings: this.emb.subarray(0, n * d), embeddingDim: d,
      labeledEmbeddings: this.labEmb.subarray(0, l * d), labeledY: this.labY.subarray(0, l), numLabeled: l,
      head: this.head,
    };
  }

  /** @throws RangeError when a strategy returned other than q distinct indices in [0, n). */
  label(indices: Int32Array, q: number): void {
    const { c, d, n } = this;
    const picked = checkPicks(indices, q, n);
    for (const i of indices) {
      this.labEmb.set(this.emb.subarray(i * d, (i + 1) * d), this.l * d);
      let best = 0;
      for (let k = 1; k < c; k++) if (this.probs[i * c + k]! > this.probs[i * c + best]!) best = k;
      this.labY[this.l++] = best;
    }
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (picked[i]) continue;
      if (w !== i) {
        this.probs.copyWithin(w * c, i * c, (i + 1) * c);
        this.emb.copyWithin(w * d, i * d, (i + 1) * d);
      }
      w++;
    }
    this.n = w;
  }
}
