import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveExperiment } from '../../src/experiment/config.ts';
import { gridCells } from '../../src/experiment/grid.ts';
import { readManifest, type Manifest } from '../../src/experiment/manifest.ts';
import { readReproductionExperiment, reproductionMarkdown, RESULTS_SIZE_AIM_BYTES, type ReproductionExperiment } from '../../src/report/reproduction.ts';
import { REPRODUCTION_DIRS, reproductionDocument } from '../../src/report/reproductionDocument.ts';
import { loadExperimentRecords } from '../../src/results/loadRecords.ts';
import { syntheticRecords } from '../analysis/syntheticRecords.ts';
import { denseSpeedup } from '../../src/results/denseSpeedup.ts';

const ROOT = join(import.meta.dirname, '..', '..');

for (const [kind, rel] of Object.entries(REPRODUCTION_DIRS)) {
  const dir = join(ROOT, rel);
  test(`committed reproduction results (${rel}): schema, seeds, rounds, complete runs, no duplicates`, { skip: !existsSync(join(dir, 'manifest.json')) && `${rel} not committed yet` }, () => {
    const manifest = readManifest(dir);
    assert.equal(manifest.plan.name, rel.replace('results/', ''), `${kind}: the preset's directory`);
    const cells = new Map(gridCells(manifest.plan).map((c) => [c.runId, c] as const));
    const files = existsSync(join(dir, 'runs')) ? readdirSync(join(dir, 'runs')).filter((f) => f.endsWith('.jsonl')) : [];
    const records = files.length === 0 ? [] : loadExperimentRecords(dir); // validates every record, naming file and line
    const byRun = new Map<string, typeof records>();
    for (const r of records) {
      const id = `${r.dataset}__${r.strategy}__s${r.seed}`;
      (byRun.get(id) ?? byRun.set(id, []).get(id)!).push(r);
    }
    assert.deepEqual([...byRun.keys()].sort(), files.map((f) => f.replace(/\.jsonl$/, '')).sort(), 'one run per file, named after it');
    for (const [id, rs] of byRun) {
      const cell = cells.get(id);
      assert.ok(cell !== undefined, `${id} is a cell of the plan`);
      const d = cell.dataset;
      assert.ok(manifest.plan.seeds.includes(rs[0]!.seed), `${id}: seed in the plan`);
      assert.deepEqual(rs.map((r) => r.round), Array.from({ length: d.rounds }, (_, i) => i), `${id}: rounds 0..${d.rounds - 1}, once each, complete`);
      rs.forEach((r, i) => {
        assert.equal(r.numLabeled, Math.min(d.initialSize + i * d.querySize, d.budget), `${id} round ${i}: labels`);
        assert.equal(r.chosen.length, i === d.rounds - 1 ? 0 : Math.min(d.querySize, d.budget - r.numLabeled), `${id} round ${i}: picks`);
        assert.ok(typeof r.epochsTrained === 'number' && typeof r.trainAccuracy === 'number', `${id} round ${i}: training stop recorded`);
      });
      const picked = rs.flatMap((r) => [...(r.initialIndices ?? []), ...r.chosen]);
      assert.equal(new Set(picked).size, picked.length, `${id}: no training index labelled twice`);
      assert.equal(picked.length, d.budget, `${id}: labels add up to the budget`);
    }
  });
}

test('the committed reproduction results stay under the 50 MB aim, and REPRODUCTION.md states their size', () => {
  const dirs = Object.values(REPRODUCTION_DIRS).map((rel) => join(ROOT, rel)).filter((d) => existsSync(join(d, 'manifest.json')));
  const bytes = dirs.reduce((sum, d) => sum + readReproductionExperiment(d).bytes!, 0);
  assert.ok(bytes < RESULTS_SIZE_AIM_BYTES, `results/repro-* take ${bytes} bytes, more than ${RESULTS_SIZE_AIM_BYTES}: compress the run files or drop fields`);
  if (dirs.length > 0) assert.match(readFileSync(join(ROOT, 'REPRODUCTION.md'), 'utf8'), new RegExp(`^Size: ${(bytes / 1048576).toFixed(1).replace('.', '\\.')} MB for \\d+ runs`, 'm'));
});

test('REPRODUCTION.md shows the exported figures inline where figures:repro drew them, and every image it links exists', () => {
  const md = reproductionMarkdown({}, { differences: '', figures: '' }, { dir: 'x/screen', available: new Set(['fig04-dueling-matrix', 'fig17-tabular']) });
  assert.match(md, /^!\[Fig\. 4: dueling matrix\]\(x\/screen\/fig04-dueling-matrix\.png\)$/m);
  assert.match(md, /### Every curve as the paper draws it \(Figs\. 13, 16, 17\)\n\n!\[Fig\. 17: tabular learning curves\]\(x\/screen\/fig17-tabular\.png\)/);
  assert.doesNotMatch(md, /fig02-learning-curves|fig13-grayscale/, 'not drawn, not linked');
  assert.doesNotMatch(reproductionMarkdown({}, { differences: '', figures: '' }), /!\[|Every curve as the paper draws it/);
  const doc = readFileSync(join(ROOT, 'REPRODUCTION.md'), 'utf8');
  for (const m of doc.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) assert.ok(existsSync(join(ROOT, m[1]!)), `REPRODUCTION.md links ${m[1]}, which does not exist`);
});

test('REPRODUCTION.md is what the committed results give (run `npm run reproduce:doc` when this fails)', { skip: !existsSync(join(ROOT, REPRODUCTION_DIRS.ablation, 'manifest.json')) && 'no committed reproduction yet' }, () => {
  assert.equal(readFileSync(join(ROOT, 'REPRODUCTION.md'), 'utf8'), reproductionDocument(ROOT));
});

test('reproductionMarkdown: Table 3 cells, FALCUN − Random gap, best / worst marks from the records', () => {
  const plan = resolveExperiment({
    name: 'repro-ablation',
    datasets: [{ name: 'repeated-mnist', setting: 'm' }],
    strategies: [{ name: 'falcun', label: 'falcun-g0', options: { gamma: 0 } }, { name: 'falcun', label: 'falcun-g10-ud' }],
    seeds: [0, 1, 2, 3, 4],
  });
  // Accuracy = base + seed / 1000 per strategy; at 1000 labels (round 1) γ = 10 is 3 points above γ = 0.
  const records = syntheticRecords({
    dataset: 'repeated-mnist', setting: 'm', strategies: ['falcun-g0', 'falcun-g10-ud'], rounds: 10, querySize: 500,
    accuracy: (s, seed, round) => 0.9 + 0.005 * round + (s === 'falcun-g10-ud' ? 0.03 : 0) + seed / 1000,
  }).map((r) => ({ ...r, numLabeled: 500 * (r.round + 1), epochsTrained: 20, trainAccuracy: 0.99 }));
  const manifest = { plan, gitCommit: '0123456789abcdef', machine: { cpuModel: 'test CPU' } } as unknown as Manifest;
  const ablation: ReproductionExperiment = { dir: 'results/repro-ablation', manifest, records, partial: [], cells: 10, complete: 10 };
  const md = reproductionMarkdown({ ablation }, { differences: 'DIFFERENCES', figures: 'FIGURES' });
  // Mean over seeds 0..4 of 0.9 + 0.005 + 0.03 + seed/1000 = 0.937; std of seed/1000 = 0.158 %.
  assert.match(md, /\| γ = 10, u \+ d \| 95\.00 \| \*\*93\.70 ± 0\.16\*\* \|/);
  assert.match(md, /\| γ = 0 \(random\) \| 92\.71 \| <ins>90\.70 ± 0\.16<\/ins> \|/);
  assert.match(md, /\| RepeatedMNIST 10 % \| 1000 \| 2\.29 \| 3\.00 \| 5 \|/);
  // Cells far from the paper's value (in stds of our seeds) are named, the farthest first.
  // (γ = 10 at 5000 labels, 97.70 against 97.65, is within.)
  assert.match(md, /Of our 6 cells with 5 seeds, 5 lie more than 2 standard deviations \(of our seeds\) from the paper's value/);
  assert.match(md, /RepeatedMNIST 10 % 1000, γ = 10, u \+ d: 93\.70 vs 95\.00 \(−1\.30 points, 8\.2 std\)/);
  assert.match(md, /repro-ablation created at 0123456789/);
  // Both rows are part (1) of the order; the plan has no part (2) or (3) cells.
  assert.match(md, /\| \(1\) Table 3's γ = 0 and γ = 10 u \+ d rows \(RepeatedMNIST, Letter\) \| 10 of 10 \|/);
  assert.match(md, /\| \(2\) learning curves [^|]* \| 0 of 0 \|/);
  assert.ok(md.includes('DIFFERENCES') && md.includes('FIGURES'));
  assert.match(md, /\| repro-ablation \| RepeatedMNIST 10 % \| 10 of 10 \|.*\| 0\.00 \|$/m); // every planned run done: 0 h left
});

test('reproductionMarkdown: Table 2 from the scalability study as ratios to FALCUN, and growth against Table 1', () => {
  const grid = { N: [1000, 4000], Q: [50, 100], D: [64, 256], baseline: { N: 1000, Q: 50, D: 64 }, strategies: ['falcun', 'kcenter'], rounds: 6 };
  const cells = [{ N: 1000, Q: 50, D: 64 }, { N: 4000, Q: 50, D: 64 }, { N: 1000, Q: 100, D: 64 }, { N: 1000, Q: 50, D: 256 }];
  // FALCUN: 1e-5 · N · Q (as Table 1 says); KCenterGreedy: 1e-8 · N² · Q · D, i.e. quadratic in N where Table 1 says linear.
  const rows = cells.flatMap((c) => [
    { strategy: 'falcun', ...c, seconds: 1e-5 * c.N * c.Q },
    { strategy: 'kcenter', ...c, seconds: 1e-8 * c.N ** 2 * c.Q * c.D },
  ]);
  const study = { grid, seed: 0, rows, createdAt: '2026-01-01T00:00:00Z', product: 'test product' };
  const md = reproductionMarkdown({ scalability: { study, dir: 'results/x' } }, { differences: '', figures: '' });
  // FALCUN 0.5 … 2 s; KCenterGreedy 32 … 512 s: 64× and 256× FALCUN; the paper's 7.9 and 15.5.
  assert.match(md, /\| FALCUN \| 0\.50 \| 2\.00 \| 1\.0 \| 1\.0 \| 1\.0 \| 1\.0 \|/);
  assert.match(md, /\| KCenterGreedy \| 32 \| 512 \| 64\.0 \| 256\.0 \| 7\.9 \| 15\.5 \|/);
  assert.match(md, /distance products on test product/);
  assert.match(md, /\| FALCUN \| O\(Q · N_u · C\) \| 1\.00 \(1\) \| 1\.00 \(1\) \| 0\.00 \(0\) \|/);
  assert.match(md, /KCenterGreedy grows faster in N than Table 1 says \(2\.00 vs 1, N 1000→4000\)/);
  assert.doesNotMatch(md, /FALCUN grows/);
  // Extrapolated to the full tabular pool (N = 800k, Q = 1000, D = 1024) from the baseline cell with the fitted exponents:
  // FALCUN 0.5 s × 800 × 20 × 1 = 8000 s = 2.2 h; KCenterGreedy 32 s × 800² × 20 × 16 = 6.55e9 s = 75,852 days.
  assert.match(md, /\| FALCUN \| 2\.2 h \| 1\.00 \/ 1\.00 \/ 0\.00 \|/);
  assert.match(md, /\| KCenterGreedy \| 75851\.9 days \| 2\.00 \/ 1\.00 \/ 1\.00 \|/);
  assert.match(md, /Time limit per cell: none needed \(the slowest run took 512 s; the paper stopped at 10 days\)/);
  // With a limit, stopped runs are counted and their strategy's max is a lower bound.
  const limited = {
    ...study,
    grid: { ...grid, cellLimitSeconds: 600 },
    rows: rows.map((r) => (r.strategy === 'kcenter' && r.seconds > 500 ? { ...r, seconds: 700, timedOut: true } : r)),
  };
  const md2 = reproductionMarkdown({ scalability: { study: limited, dir: 'results/x' } }, { differences: '', figures: '' });
  assert.match(md2, /Time limit per cell: 600 s \(a run stops after the round that passes it; 1 of 8 runs stopped, shown as "> t"/);
  assert.match(md2, /\| KCenterGreedy \| 32 \| > 700 \| 64\.0 \| > 350\.0 \|/);
  // A synthetic study says so (and how to rerun it); it has no forward pass to show.
  assert.match(md, /`npm run scalability -- --scale quick --pool synthetic --rounds 6 --out results\/x`/);
  assert.match(md, /on synthetic pools with C = 5 classes/);
  assert.doesNotMatch(md, /The forward pass, timed apart/);
  // On OpenML-156 the forward pass is timed apart: its own table, per strategy, next to the acquisition.
  const onModel = {
    ...study,
    grid: { ...grid, pool: 'openml-156' as const },
    rows: rows.map((r) => ({ ...r, initialLabeled: 50, forwardSeconds: (r.strategy === 'falcun' ? 0.1 : 0.3) * (r.N / 1000) * (r.D / 64) })),
  };
  const md3 = reproductionMarkdown({ scalability: { study: onModel, dir: 'results/x' } }, { differences: '', figures: '' });
  assert.match(md3, /`npm run scalability -- --scale quick --rounds 6 --out results\/x`/);
  assert.match(md3, /on OpenML-156 \(RandomRBF, C = 5\): a fixed random subset of N training rows plus 50 labeled ones, through an MLP with D hidden units/);
  assert.match(md3, /\| strategy \| forward s, baseline \| N = 4000 \| D = 256 \| acquisition s, baseline \| forward ÷ acquisition, baseline \|/);
  assert.match(md3, /\| FALCUN \| 0\.10 \| 0\.40 \| 0\.40 \| 0\.50 \| 0\.20 \|/);
  assert.match(md3, /\| KCenterGreedy \| 0\.30 \| 1\.20 \| 1\.20 \| 32 \| 0\.01 \|/);
  // 6 rounds at N = 1000: Σ_r 100·(1000 − 100 r) / Σ_r 50·(1000 − 50 r) = 450000 / 262500, over log 2: 0.78.
  assert.match(md, /by 0\.78 in this grid/);
  // Without a study: one line saying how to make one.
  assert.match(reproductionMarkdown({}, { differences: '', figures: '' }), /_No scalability study committed \(results\/repro-scalability\/scalability\.json; `npm run scalability`\)\._/);
});

test('reproductionMarkdown: learning-curve rows give the mean accuracy over the budget with its std and n', () => {
  const plan = resolveExperiment({ name: 'repro-curves', datasets: [{ name: 'mnist', setting: 's' }], strategies: ['falcun', 'random'], seeds: [0, 1] });
  // Flat curves: the mean accuracy over the budget is the curve's level, 90 % + one point per seed for FALCUN.
  const records = syntheticRecords({
    dataset: 'mnist', setting: 's', strategies: ['falcun', 'random'], seeds: [0, 1], rounds: 10, querySize: 200,
    accuracy: (s, seed) => (s === 'falcun' ? 0.9 + seed / 100 : 0.85),
  }).map((r) => ({ ...r, numLabeled: 200 * (r.round + 1), epochsTrained: 20, trainAccuracy: 0.99 }));
  const manifest = { plan, gitCommit: '0123456789abcdef', machine: {} } as unknown as Manifest;
  const curves: ReproductionExperiment = { dir: 'results/repro-curves', manifest, records, partial: [], cells: 4, complete: 4 };
  const md = reproductionMarkdown({ curves }, { differences: '', figures: '' });
  // Seeds 0 and 1 at 90 % and 91 %: mean 90.50, sample std 0.71, at every checkpoint and over the budget.
  assert.match(md, /^\| FALCUN \| 90\.50 ± 0\.71 \(n=2\) \| 90\.50 ± 0\.71 \(n=2\) \| 90\.50 ± 0\.71 \(n=2\) \| 90\.50 ± 0\.71 \(n=2\) \|$/m);
  assert.match(md, /\| Random \| .*\| 85\.00 ± 0\.00 \(n=2\) \|/);
});

test('reproductionMarkdown: compute left per dataset, estimated from the same setting where a dataset has no run yet', () => {
  const plan = resolveExperiment({
    name: 'repro-curves',
    datasets: [{ name: 'mnist', setting: 's' }, { name: 'fashion-mnist', setting: 's' }, { name: 'letter', setting: 'l' }],
    strategies: ['falcun', 'random'],
    seeds: [0, 1],
  });
  // MNIST only, one of two seeds: 10 rounds of 1 s training + 9 acquisitions of 0.5 s = 14.5 s a run.
  const records = syntheticRecords({ dataset: 'mnist', setting: 's', strategies: ['falcun', 'random'], seeds: [0], rounds: 10, querySize: 200, accuracy: () => 0.9 })
    .map((r) => ({ ...r, numLabeled: 200 * (r.round + 1), epochsTrained: 20, trainAccuracy: 0.99 }));
  const manifest = { plan, gitCommit: '0123456789abcdef', machine: {} } as unknown as Manifest;
  const curves: ReproductionExperiment = { dir: 'results/repro-curves', manifest, records, partial: [], cells: 12, complete: 2 };
  const md = reproductionMarkdown({ curves }, { differences: '', figures: '' });
  const h = (s: number) => (s / 3600).toFixed(2);
  assert.match(md, new RegExp(`^\\| repro-curves \\| MNIST \\| 2 of 4 \\| .* \\| ${h(29)} \\| 0\\.2 \\| ${h(29)} \\|$`, 'm'));
  // Fashion-MNIST shares MNIST's setting: 4 runs at MNIST's 14.5 s, marked as an estimate.
  assert.match(md, new RegExp(`^\\| repro-curves \\| Fashion-MNIST \\| 0 of 4 \\| – \\| – \\| – \\| – \\| 0\\.2 est\\. \\| ${h(58)} est\\. \\|$`, 'm'));
  // Letter (setting l) has nothing measured to go by.
  assert.match(md, /^\| repro-curves \| OpenML-6 \(Letter\) \| 0 of 4 \| – \| – \| – \| – \| – \| – \|$/m);
  assert.match(md, new RegExp(`^\\| \\*\\*whole grid\\*\\* \\|.*\\| \\*\\*${h(29)}\\*\\* \\|  \\| \\*\\*${h(87)}\\*\\* \\(part est\\.\\) \\|$`, 'm'));
});

test('denseSpeedup: the MLP tape rounds\' seconds per epoch and labeled row over the dense rounds\'; undefined without both', () => {
  const base = syntheticRecords({ dataset: 'letter', setting: 'l', strategies: ['falcun'], rounds: 2, querySize: 1000, accuracy: () => 0.9 })[0]!;
  const round = (trainingStep: 'tape' | 'dense' | undefined, trainSeconds: number, epochsTrained: number, numLabeled: number, model = 'mlp') =>
    ({ ...base, model, trainSeconds, epochsTrained, numLabeled, ...(trainingStep === undefined ? {} : { trainingStep }) });
  // Tape: 4e-4 s per epoch-row (a record without the field is tape); dense: 1e-4 → 4×. LeNet rounds do not count.
  const records = [round(undefined, 80, 200, 1000), round('tape', 160, 200, 2000), round('dense', 20, 200, 1000), round('dense', 10, 50, 2000), round('tape', 1, 200, 1000, 'lenet')];
  assert.ok(Math.abs(denseSpeedup(records)! - 4) < 1e-12);
  assert.equal(denseSpeedup(records.filter((r) => r.trainingStep !== 'dense')), undefined);
});

test('reproductionMarkdown: γ = 10 d only / u only with the paper\'s printed value, the authors\' definition and Eq. (4)', () => {
  const plan = (name: string, labels: string[]) => resolveExperiment({
    name, datasets: [{ name: 'repeated-mnist', setting: 'm' }], seeds: [0, 1],
    strategies: labels.map((label) => ({ name: 'falcun', label, options: { terms: label.includes('-d') ? 'd' : 'u', ...(label.endsWith('-paper') ? { variant: 'paper' } : {}) } })),
  });
  const recs = (labels: string[], acc: (s: string) => number) => syntheticRecords({
    dataset: 'repeated-mnist', setting: 'm', strategies: labels, seeds: [0, 1], rounds: 10, querySize: 500, accuracy: (s, seed) => acc(s) + seed / 100,
  }).map((r) => ({ ...r, numLabeled: 500 * (r.round + 1) }));
  const authors = ['falcun-g10-d', 'falcun-g10-u'];
  const paper = ['falcun-g10-d-paper', 'falcun-g10-u-paper'];
  const m = (p: ReturnType<typeof plan>) => ({ plan: p, gitCommit: '0123456789abcdef', machine: {} } as unknown as Manifest);
  const ablation: ReproductionExperiment = { dir: 'results/repro-ablation', manifest: m(plan('repro-ablation', authors)), records: recs(authors, (s) => (s.includes('-d') ? 0.95 : 0.93)), partial: [], cells: 4, complete: 4 };
  const paperVariant: ReproductionExperiment = { dir: 'results/repro-ablation-paper-variant', manifest: m(plan('repro-ablation-paper-variant', paper)), records: recs(paper, (s) => (s.includes('-d') ? 0.94 : 0.92)), partial: [], cells: 4, complete: 4 };
  const md = reproductionMarkdown({ ablation, paperVariant }, { differences: '', figures: '' });
  // Seeds 0 and 1: +0 and +1 point → mean + 0.5, std 0.71. Printed d only at 1000 labels: 95.35; u only: 93.60.
  assert.match(md, /^\| RepeatedMNIST 10 % \| γ = 10, d only \| 95\.35 \| 95\.50 ± 0\.71 \(n=2\) \| 94\.50 ± 0\.71 \(n=2\) \| 97\.45 \|/m);
  assert.match(md, /^\| RepeatedMNIST 10 % \| γ = 10, u only \| 93\.60 \| 93\.50 ± 0\.71 \(n=2\) \| 92\.50 ± 0\.71 \(n=2\) \| 96\.10 \|/m);
  // Letter has no runs here: its printed values stand next to dashes.
  assert.match(md, /^\| OpenML-6 \(Letter\) \| γ = 10, d only \| 85\.40 \| – \| – \|/m);
});

test('reproductionMarkdown: Letter raw vs standardised, with the paper\'s Table 3 values and the share of rounds at the epoch cap', () => {
  const mk = (name: string, dataset: string, options: Record<string, unknown>, acc: number, capped: boolean): ReproductionExperiment => {
    const plan = resolveExperiment({ name, datasets: [{ name: 'letter', label: dataset, setting: 'l', options }], strategies: ['falcun', 'random'], seeds: [0, 1] });
    const records = syntheticRecords({ dataset, setting: 'l', model: 'mlp', strategies: ['falcun', 'random'], seeds: [0, 1], rounds: 10, querySize: 1000, accuracy: (s) => acc + (s === 'falcun' ? 0.02 : 0) })
      .map((r) => ({ ...r, numLabeled: 1000 * (r.round + 1), epochsTrained: capped ? 200 : 40, trainAccuracy: capped ? 0.93 : 0.99 }));
    return { dir: `results/${name}`, manifest: { plan, gitCommit: '0123456789abcdef', machine: {} } as unknown as Manifest, records, partial: [], cells: 4, complete: 4 };
  };
  const md = reproductionMarkdown(
    { curves: mk('repro-curves', 'letter', { preprocessing: 'raw' }, 0.9, true), standardized: mk('repro-letter-standardized', 'letter-standardized', { preprocessing: 'standardize' }, 0.92, false) },
    { differences: '', figures: '' },
  );
  assert.match(md, /^\| FALCUN \| paper \(Table 3, raw\) \| 85\.40 \| 93\.90 \| 95\.20 \| – \|$/m);
  assert.match(md, /^\| FALCUN \| raw \(authors\) \| 92\.00 ± 0\.00 \(n=2\) \| 92\.00 ± 0\.00 \(n=2\) \| 92\.00 ± 0\.00 \(n=2\) \| 100 % \|$/m);
  assert.match(md, /^\| Random \| paper \(Table 3, raw\) \| 82\.60 \| 89\.16 \| 93\.03 \| – \|$/m);
  assert.match(md, /^\| Random \| standardised \| 92\.00 ± 0\.00 \(n=2\) \| .* \| 0 % \|$/m);
});
