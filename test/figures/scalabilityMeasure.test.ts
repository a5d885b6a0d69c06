// measureScalability (src/notebook/scalability.ts), the data source of Fig. 18: it must record the
// *cumulated* acquisition time of a run of `rounds` queries, the quantity the figure's y-axis names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActiveRun, PAPER_ROUNDS, SCALABILITY_GRIDS, measureScalability, syntheticPoolView } from '../../src/notebook/scalability.ts';
import type { ScalabilityGrid } from '../../src/results/scalabilityStudy.ts';
import type { CrossProductKernel } from '../../src/acquisition/kernels/crossProductKernel.ts';
import { Random } from '../../src/random.ts';
import { scalabilityFigure, scalabilityTimeTable } from '../../src/figures/scalability.ts';

const tiny: ScalabilityGrid = { N: [60, 90], Q: [5, 10], D: [4, 8], baseline: { N: 60, Q: 5, D: 4 }, numClasses: 3, rounds: 4, strategies: ['falcun', 'random', 'kcenter', 'badge', 'cdal'] };

/** Replaces performance.now by a clock that advances 1 ms per call while `body` runs. */
async function withFakeClock<R>(body: () => Promise<R>): Promise<R> {
  const real = performance.now;
  let t = 0;
  performance.now = () => (t += 1);
  try {
    return await body();
  } finally {
    performance.now = real;
  }
}

test('measureScalability: one row per setting and strategy, seconds summed over every round of the run', async () => {
  const seen: unknown[] = [];
  // With the fake clock every timed select lasts exactly 1 ms, so a run's cumulated time is rounds ms.
  const rows = await withFakeClock(() => measureScalability(tiny, 0, (r) => seen.push(r)));
  assert.equal(rows.length, 4 * 5); // settings: the baseline, N = 90, Q = 10, D = 8; times 5 strategies
  assert.deepEqual(seen, rows);
  for (const r of rows) {
    assert.equal(r.rounds, 4);
    assert.ok(Math.abs(r.seconds - 4 / 1000) < 1e-12, `${r.strategy} N=${r.N} Q=${r.Q} D=${r.D}: ${r.seconds} s`);
  }
  const one = await withFakeClock(() => measureScalability({ ...tiny, rounds: 1, strategies: ['falcun'] }));
  assert.ok(one.every((r) => r.rounds === 1 && Math.abs(r.seconds - 1 / 1000) < 1e-12));
  // The whole budget may use up the pool: rounds · Q = N.
  const full = await measureScalability({ N: [20], Q: [5], D: [4], baseline: { N: 20, Q: 5, D: 4 }, numClasses: 3, rounds: 4, strategies: ['falcun', 'kcenter', 'badge'] });
  assert.ok(full.every((r) => r.rounds === 4 && r.seconds >= 0 && Number.isFinite(r.seconds)));
  // Real timings feed the figure: each round's time, so every line runs over the labels of its rounds.
  const timed = await withFakeClock(() => measureScalability({ ...tiny, rounds: 2, strategies: ['falcun', 'random'] }));
  assert.ok(timed.every((r) => r.roundSeconds!.length === 2 && r.initialLabeled === tiny.baseline.Q));
  const fig = scalabilityFigure(timed, { baseline: tiny.baseline });
  const line = fig.data[0] as unknown as { x: number[]; y: number[] };
  assert.deepEqual(line.x, [2 * tiny.baseline.Q, 3 * tiny.baseline.Q]);
  assert.ok(Math.abs(line.y[1]! - 2 / 1000) < 1e-12);
  assert.equal((fig.layout.yaxis as { title: { text: string } }).title.text, 'Cum. acquisition time (s)');
});

test('measureScalability: rounds default to the paper\'s 10; every grid fits its budget; bad rounds are refused', async () => {
  assert.equal(PAPER_ROUNDS, 10);
  assert.equal(SCALABILITY_GRIDS.paper.rounds, PAPER_ROUNDS);
  for (const [name, g] of Object.entries(SCALABILITY_GRIDS)) {
    const r = g.rounds ?? PAPER_ROUNDS;
    for (const N of g.N) assert.ok(r * g.baseline.Q <= N, `${name}: ${r} rounds of Q = ${g.baseline.Q} fit N = ${N}`);
    for (const Q of g.Q) assert.ok(r * Q <= g.baseline.N, `${name}: ${r} rounds of Q = ${Q} fit N = ${g.baseline.N}`);
  }
  const { rounds: _r, ...noRounds } = tiny;
  await assert.rejects(() => measureScalability(noRounds), /measureScalability: rounds · Q must be at most N \(each round picks Q new points\), got 10 · 10 = 100 with N = 60/);
  await assert.rejects(() => measureScalability({ ...tiny, rounds: 0 }), /measureScalability: rounds must be an integer >= 1, got 0/);
  await assert.rejects(() => measureScalability({ ...tiny, rounds: 2.5 }), /rounds must be an integer >= 1, got 2.5/);
});

test('ActiveRun: picks leave the unlabeled pool (order kept) and join the labeled set in pick order', () => {
  const start = syntheticPoolView(10, 2, 3, 2, new Random('run'));
  const before = [start.probs.slice(), start.embeddings!.slice(), start.labeledEmbeddings!.slice(), start.labeledY!.slice()];
  const run = new ActiveRun(start, 6);
  run.label(Int32Array.from([0, 9, 4]), 3);
  const v = run.view();
  const keep = [1, 2, 3, 5, 6, 7, 8];
  const rows = (a: Float32Array, w: number, idx: number[]) => idx.flatMap((i) => Array.from(a.subarray(i * w, (i + 1) * w)));
  assert.deepEqual([v.numUnlabeled, v.numLabeled], [7, 5]);
  assert.deepEqual(Array.from(v.probs), rows(start.probs, 3, keep));
  assert.deepEqual(Array.from(v.embeddings!), rows(start.embeddings!, 2, keep));
  assert.deepEqual(Array.from(v.labeledEmbeddings!), [...Array.from(start.labeledEmbeddings!), ...rows(start.embeddings!, 2, [0, 9, 4])]);
  const argmax = (i: number) => [0, 1, 2].reduce((b, k) => (start.probs[i * 3 + k]! > start.probs[i * 3 + b]! ? k : b), 0);
  assert.deepEqual(Array.from(v.labeledY!), [...Array.from(start.labeledY!), argmax(0), argmax(9), argmax(4)]);
  assert.deepEqual([start.probs, start.embeddings, start.labeledEmbeddings, start.labeledY], before); // start untouched
  run.label(Int32Array.from([6, 0]), 2); // indices into the current pool: points 8 and 1 of the start
  assert.deepEqual(Array.from(run.view().probs), rows(start.probs, 3, [2, 3, 5, 6, 7]));
  assert.throws(() => run.label(Int32Array.from([1, 1]), 2), /a strategy returned index 1, not a new point of the pool of 5/);
  assert.throws(() => run.label(Int32Array.from([5]), 1), /a strategy returned index 5, not a new point of the pool of 5/);
  assert.throws(() => run.label(Int32Array.from([0]), 2), /a strategy returned 1 indices for a query of 2/);
});

test('measureScalability: the injected matrix product reaches the distance searches (as in a real run)', async () => {
  let calls = 0;
  // A plain product A·Bᵀ that counts its calls: the stand-in for tfjs' wasm matMul.
  const crossProduct: CrossProductKernel = {
    rightOperand(b, n, d) {
      return {
        product(a, m) {
          calls++;
          const out = new Float32Array(m * n);
          for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < d; k++) s += a[i * d + k]! * b[j * d + k]!;
            out[i * n + j] = s;
          }
          return out;
        },
        dispose() {},
      };
    },
  };
  const grid: ScalabilityGrid = { N: [80], Q: [5], D: [8], baseline: { N: 80, Q: 5, D: 8 }, numClasses: 3, rounds: 2, strategies: ['falcun'] };
  await measureScalability(grid, 0, undefined, { crossProduct });
  assert.equal(calls, 0, 'FALCUN reads probabilities only');
  await measureScalability({ ...grid, strategies: ['kcenter'] }, 0, undefined, { crossProduct });
  assert.ok(calls > 0, 'KCenterGreedy computes its labeled-to-pool distances on the given product');
});

test('measureScalability: a run stops after the round that passes the time limit per cell (timedOut, a lower bound)', async () => {
  const grid: ScalabilityGrid = { N: [60], Q: [5], D: [4], baseline: { N: 60, Q: 5, D: 4 }, numClasses: 3, rounds: 4, strategies: ['falcun', 'random'] };
  // Fake clock: every select lasts 1 ms. 2.5 ms is passed in the third round: 3 rounds done, stopped.
  const [stopped] = await withFakeClock(() => measureScalability({ ...grid, cellLimitSeconds: 0.0025 }));
  assert.equal(stopped!.timedOut, true);
  assert.equal(stopped!.roundSeconds!.length, 3);
  assert.ok(Math.abs(stopped!.seconds - 0.003) < 1e-12);
  // Passing the limit in the last round is no stop: the run is complete.
  const [complete] = await withFakeClock(() => measureScalability({ ...grid, cellLimitSeconds: 0.0035 }));
  assert.equal(complete!.timedOut, undefined);
  assert.equal(complete!.roundSeconds!.length, 4);
  // Table 2 shows a stopped strategy's max as a lower bound; the note says why.
  const rows = await withFakeClock(() => measureScalability({ ...grid, cellLimitSeconds: 0.0015 }));
  const table = scalabilityTimeTable(rows);
  assert.ok(table.rows.every((r) => String(r[2]).startsWith('> ')), JSON.stringify(table.rows));
  assert.match(table.note!, /"> t": some run stopped at the time limit per cell/);
  await assert.rejects(() => measureScalability({ ...grid, cellLimitSeconds: 0 }), /measureScalability: cellLimitSeconds must be a positive number of seconds, got 0/);
});
