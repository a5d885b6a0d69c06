/**
 * The scalability study (paper Fig. 18, Appendix D) on synthetic pools: the cumulated acquisition time of
 * each strategy — the summed time of its queries over a whole active-learning run of `rounds` rounds of Q
 * picks, as the paper reports ("average cumulated acquisition times", Table 2: "after the whole querying
 * budget is exhausted") — while the pool size N, the query size Q or the embedding size D varies and the
 * other two stay at a baseline. Between rounds the picks leave the unlabeled pool and join the labeled set,
 * as in a real run (so N_u shrinks and N_l grows by Q each round). Pools are synthetic (softmax of Gaussian
 * logits, Gaussian embeddings, a random linear head) because acquisition time depends on the shapes, not on
 * what the numbers mean; the paper measured on OpenML-156 with an MLP, here the forward pass and the
 * retraining are left out (the same for every strategy), so the probabilities stay those of the start.
 */
import type { CrossProductKernel } from '../acquisition/kernels/crossProductKernel.ts';
import type { PoolView } from '../acquisition/types.ts';
import { createStrategy } from '../acquisition/registry.ts';
import type { ScalabilityGrid, ScalabilityRow } from '../results/scalabilityStudy.ts';
import { Random } from '../random.ts';

/** The paper's number of acquisition rounds, the default of `ScalabilityGrid.rounds`. */
export const PAPER_ROUNDS = 10;

/** Grids per scale: smoke and quick sum fewer rounds than the paper to stay short (smoke: seconds, quick: minutes). */
export const SCALABILITY_GRIDS: Readonly<Record<'smoke' | 'quick' | 'paper', ScalabilityGrid>> = Object.freeze({
  smoke: { N: [500, 1000, 2000], Q: [10, 20, 40], D: [16, 32, 64], baseline: { N: 1000, Q: 20, D: 32 }, rounds: 3, strategies: ['falcun', 'random', 'entropy', 'cdal', 'kcenter', 'badge'] },
  quick: {
    N: [2000, 5000, 10000, 20000],
    Q: [50, 100, 200],
    D: [64, 256, 1024],
    baseline: { N: 5000, Q: 100, D: 256 },
    rounds: 3,
    strategies: ['falcun', 'random', 'entropy', 'cdal', 'kcenter', 'badge', 'clue', 'alfamix'],
  },
  paper: {
    N: [20000, 50000, 100000, 200000],
    Q: [100, 500, 1000, 2000],
    D: [256, 1024, 2048, 4096],
    baseline: { N: 50000, Q: 1000, D: 1024 },
    rounds: PAPER_ROUNDS,
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
 * each round moved from the unlabeled pool into the labeled set before the next (only `select` is timed).
 * Returns one ScalabilityRow each, `seconds` = the cumulated query time of the run, `rounds` = its
 * number of rounds, `roundSeconds` = each query's time (Fig. 18 plots their running sum against the labels); `onRow` sees each row as soon as it is measured. Every strategy starts from the same
 * pool (same seed), after one untimed warm-up query per strategy. A run whose cumulated time passes
 * `grid.cellLimitSeconds` stops after that round (`timedOut`, its `seconds` a lower bound). `options.crossProduct` is the matrix product the strategies' distance searches use,
 * as in a real run (`fastCrossProduct()` on the wasm backend): without it KCenterGreedy, BADGE and CLUE
 * fall back to the pure-TS product, ~5× slower, and the comparison with FALCUN is not fair.
 * Cost: the strategies' own, plus O(rounds · N · (D + C)) per run to move the picks.
 * @throws RangeError for rounds · Q larger than N, or non-positive sizes or rounds; errors of `createStrategy` for unknown names.
 */
export function measureScalability(
  grid: ScalabilityGrid,
  seed = 0,
  onRow?: (row: ScalabilityRow) => void,
  options: { readonly crossProduct?: CrossProductKernel } = {},
): ScalabilityRow[] {
  const fn = 'measureScalability';
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
  const selectOptions = (name: string, round: number) => ({ random: new Random(seed).fork('query', name, round), ...(options.crossProduct ? { crossProduct: options.crossProduct } : {}) });
  // One untimed query per strategy on the smallest setting first: JIT compilation and first-use costs
  // would otherwise land on the first timed cells and flatten the measured growth in N, Q and D.
  const smallest = settings.reduce((a, b) => (b.N * b.D < a.N * a.D ? b : a));
  const warm = syntheticPoolView(smallest.N, smallest.D, c, numLabeled, new Random(seed).fork('warm-up'));
  for (const name of grid.strategies) createStrategy(name).select(warm, smallest.Q, selectOptions(name, -1));
  const rows: ScalabilityRow[] = [];
  for (const s of settings) {
    const start = syntheticPoolView(s.N, s.D, c, numLabeled, new Random(seed).fork('scalability', s.N, s.D));
    for (const name of grid.strategies) {
      const strategy = createStrategy(name);
      const run = new ActiveRun(start, rounds * s.Q);
      let seconds = 0;
      const roundSeconds: number[] = [];
      let timedOut = false;
      for (let round = 0; round < rounds && !timedOut; round++) {
        const view = run.view();
        const t0 = performance.now();
        const { indices } = strategy.select(view, s.Q, selectOptions(name, round));
        const t = (performance.now() - t0) / 1000;
        roundSeconds.push(t);
        seconds += t;
        run.label(indices, s.Q);
        timedOut = limit !== undefined && seconds > limit && round < rounds - 1;
      }
      const row: ScalabilityRow = { strategy: name, ...s, seconds, rounds, roundSeconds, initialLabeled: numLabeled, ...(timedOut ? { timedOut } : {}) };
      rows.push(row);
      onRow?.(row);
    }
  }
  return rows;
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
    const picked = new Uint8Array(n);
    for (const i of indices) {
      if (!Number.isInteger(i) || i < 0 || i >= n || picked[i]) throw new RangeError(`measureScalability: a strategy returned index ${i}, not a new point of the pool of ${n}`);
      picked[i] = 1;
    }
    if (indices.length !== q) throw new RangeError(`measureScalability: a strategy returned ${indices.length} indices for a query of ${q}`);
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
