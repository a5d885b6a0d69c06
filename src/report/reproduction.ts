/**
 * REPRODUCTION.md: the committed reproduction runs (presets `repro-curves`, `repro-ablation` and the side
 * studies) and the scalability study set against the paper's numbers and statements. A pure function of
 * the committed folders (no clock, no machine probing), so `npm run reproduce:doc` rewrites the same file
 * from the same results and a test can tell when the committed file is stale.
 *
 *   results/repro-ablation ──┐                      ┌─ progress by part, Table 3 (paper | ours, every cell)
 *   results/repro-curves  ───┼─ complete runs only ─┼─ learning curves, FALCUN − Random, paired t-tests,
 *   results/repro-letter-…, ─┤                      │  dueling matrix, query-time ratios, training stops,
 *   …-paper-variant          │                      │  raw vs standardised Letter, Eq. (4) vs the authors' d / u
 *   results/repro-scalability ──────────────────────┼─ Table 2 as ratios, growth in N / Q / D vs Table 1
 *   paperValues.ts, registry ───────────────────────┘  (names, complexities), the full-pool extrapolation
 *
 * Only complete runs (every round of the plan on disk) count; partial ones are listed as running.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { learningCurves, type LearningCurvePoint } from '../analysis/learningCurves.ts';
import { duelingMatrix } from '../analysis/duelingMatrix.ts';
import { pairedTTest } from '../analysis/pairedTTest.ts';
import { normalizedAreaUnderCurve } from '../analysis/areaUnderCurve.ts';
import { readManifest, type Manifest } from '../experiment/manifest.ts';
import { experimentStatus } from '../experiment/status.ts';
import type { PlannedDataset } from '../experiment/config.ts';
import { loadExperimentRecords } from '../results/loadRecords.ts';
import { REPRODUCTION_PARTS, reproductionPart, SCALABILITY_STUDY_DIR, type ReproductionPart } from '../results/reproductionDirs.ts';
import { gridCells } from '../experiment/grid.ts';
import type { RoundRecord } from '../results/roundRecord.ts';
import { denseSpeedup, trainSecondsNow } from '../results/denseSpeedup.ts';
import type { ModelName } from '../models/classifierNetwork.ts';
import { resolveTrainingOptions } from '../training/trainingDefaults.ts';
import { listStrategies } from '../acquisition/registry.ts';
import { TIME_COMPLEXITY } from '../analysis/timeComplexity.ts';
import { formatDuration } from '../figures/inputs.ts';
import { strategyLabel } from '../figures/palette.ts';
import { complexityExponents, extrapolatedTime, measuredExponent, SCALING_PARAMS } from '../analysis/scalingExponents.ts';
import type { ScalabilityGrid, ScalabilityRow, ScalabilityStudy } from '../results/scalabilityStudy.ts';
import { PAPER_CURVE_CLAIMS, PAPER_TABLE2_SECONDS, PAPER_TABLE3, PAPER_TABLE3_COLUMNS, PAPER_TABLE3_OFFLINE_ABSENT } from './paperValues.ts';

/** One experiment directory with what the report reads from it. */
export interface ReproductionExperiment {
  readonly dir: string;
  readonly manifest: Manifest;
  /** Records of complete runs only. */
  readonly records: readonly RoundRecord[];
  /** Run ids with some but not all rounds on disk. */
  readonly partial: readonly string[];
  /** Number of grid cells, and how many are complete. */
  readonly cells: number;
  readonly complete: number;
  /** Bytes on disk: the manifest and every run file (absent where not read from a folder). */
  readonly bytes?: number;
}

/** Reads an experiment directory for the report: manifest, and the records of its complete runs. */
export function readReproductionExperiment(dir: string): ReproductionExperiment {
  const manifest = readManifest(dir);
  const status = experimentStatus(dir);
  const done = new Set(status.cells.filter((c) => c.state === 'done').map((c) => c.runId));
  const partial = status.cells.filter((c) => c.state === 'partial').map((c) => c.runId);
  const all = existsSync(`${dir}/runs`) ? loadExperimentRecords(dir) : [];
  const records = all.filter((r) => done.has(`${r.dataset}__${r.strategy}__s${r.seed}`));
  return { dir, manifest, records, partial, cells: status.cells.length, complete: done.size, bytes: folderBytes(dir) };
}

/** The manifest's and the run files' bytes in an experiment folder. */
function folderBytes(dir: string): number {
  const runs = join(dir, 'runs');
  const files = existsSync(runs) ? readdirSync(runs).filter((f) => f.endsWith('.jsonl')).map((f) => join(runs, f)) : [];
  return [join(dir, 'manifest.json'), ...files].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

/** What the committed results may take in git (the issue's aim). */
export const RESULTS_SIZE_AIM_BYTES = 50 * 1024 * 1024;

/** Strategies in the registry's order (FALCUN first, then its competitors); names and complexities from their specs. */
const STRATEGY_ORDER: readonly string[] = listStrategies().map((s) => s.name);
const COMPLEXITY = new Map(TIME_COMPLEXITY.map((r) => [r.strategy, r.complexity] as const));
const DATASET_NAMES: Readonly<Record<string, string>> = {
  mnist: 'MNIST', 'fashion-mnist': 'Fashion-MNIST', 'repeated-mnist': 'RepeatedMNIST 10 %', 'repeated-mnist-20': 'RepeatedMNIST 20 %',
  'repeated-mnist-5': 'RepeatedMNIST 5 %', letter: 'OpenML-6 (Letter)', 'letter-standardized': 'OpenML-6 (Letter), standardised', randomrbf: 'OpenML-156 (RandomRBF)', pokerhand: 'OpenML-155 (Pokerhand)',
};
const name = strategyLabel;
const dsName = (d: string) => DATASET_NAMES[d] ?? d;
const pct = (x: number, digits = 2) => (100 * x).toFixed(digits);
const pm = (p: LearningCurvePoint | undefined) =>
  p === undefined ? '–' : p.n === 1 ? `${pct(p.mean)} (n=1)` : `${pct(p.mean)} ± ${pct(p.std)}${p.n < 5 ? ` (n=${p.n})` : ''}`;
const hours = (s: number) => (s / 3600).toFixed(2);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function curveIndex(records: readonly RoundRecord[]): Map<string, LearningCurvePoint> {
  const m = new Map<string, LearningCurvePoint>();
  for (const p of learningCurves(records)) m.set(`${p.dataset}|${p.strategy}|${p.numLabeled}`, p);
  return m;
}

/** The model a dataset's runs used: the plan's, or the one the records name (the plan leaves the default open). */
function modelOf(e: ReproductionExperiment, d: PlannedDataset): string | undefined {
  return d.model ?? e.records.find((r) => r.dataset === d.label)?.model;
}

function protocolSection(exps: readonly ReproductionExperiment[]): string {
  const rows: string[][] = [];
  const seen = new Set<string>();
  for (const e of exps) {
    for (const d of e.manifest.plan.datasets) {
      if (seen.has(d.label)) continue;
      seen.add(d.label);
      const model = modelOf(e, d);
      let training = 'not run yet (model chosen at run time)';
      if (model !== undefined) {
        const t = resolveTrainingOptions(model as ModelName, d.training);
        const stop = t.earlyStopAccuracy === undefined ? `${t.epochs} epochs` : `≤ ${t.epochs} epochs, stop at train acc ≥ ${t.earlyStopAccuracy} from epoch ${t.minEpochs ?? 0}`;
        training = `${model}, Adam ${t.learningRate}, batch ${t.batchSize}, ${stop}`;
      }
      const pool = d.trainSubset === null ? 'full training split' : `random subset of ${d.trainSubset.toLocaleString('en')} (test ${d.testSubset?.toLocaleString('en') ?? 'full'})`;
      const opts = Object.keys(d.options).length === 0 ? '' : ` ${JSON.stringify(d.options)}`;
      rows.push([dsName(d.label), `${d.name}${opts}`, `${d.setting} (Q ${d.querySize}, initial ${d.initialSize}, budget ${d.budget})`, training, pool]);
    }
  }
  return table(['dataset', 'loader and options', 'setting', 'model and training', 'pool'], rows);
}

/** What the results take on disk now, and what the whole planned grid would take at the same bytes per run. */
function sizeSection(exps: readonly ReproductionExperiment[]): string {
  const sized = exps.filter((e) => e.bytes !== undefined);
  if (sized.length === 0) return '';
  const mb = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MB`;
  const bytes = sized.reduce((a, e) => a + e.bytes!, 0);
  const runs = sized.reduce((a, e) => a + e.complete, 0);
  const planned = sized.reduce((a, e) => a + e.cells, 0);
  const projected = sized.reduce((a, e) => a + (e.complete > 0 ? (e.bytes! / e.complete) * e.cells : 0), 0);
  return (
    `Size: ${mb(bytes)} for ${runs} runs (${sized.map((e) => `${e.dir.split('/').slice(-2).join('/')} ${mb(e.bytes!)}`).join(', ')}; JSON lines, one file a run, and the manifests). ` +
    `At the same size per run, the ${planned} planned runs would take about ${mb(projected)}` +
    ` (the aim: under ${mb(RESULTS_SIZE_AIM_BYTES)} in git; \`npm test\` fails above it).`
  );
}

/** Complete runs per part of the issue's priority order (reproductionDirs.ts), over every reproduction experiment. */
function partsSection(exps: readonly ReproductionExperiment[]): string {
  const count = new Map<ReproductionPart, { done: number; planned: number }>([1, 2, 3].map((k) => [k as ReproductionPart, { done: 0, planned: 0 }]));
  for (const e of exps) {
    const done = new Set(e.records.map((r) => `${r.dataset}__${r.strategy}__s${r.seed}`));
    for (const c of gridCells(e.manifest.plan)) {
      const n = count.get(reproductionPart(e.manifest.plan.name, c.dataset.label, c.strategy.label))!;
      n.planned++;
      if (done.has(c.runId)) n.done++;
    }
  }
  return table(['part (the grid runs them in this order)', 'runs complete'], [...count].map(([k, n]) => [`(${k}) ${REPRODUCTION_PARTS[k]}`, `${n.done} of ${n.planned}`]));
}

function coverageSection(exps: readonly ReproductionExperiment[]): string {
  const out: string[] = [];
  for (const e of exps) {
    const seeds = new Map<string, Set<number>>();
    for (const r of e.records) {
      const k = `${r.dataset}|${r.strategy}`;
      if (!seeds.has(k)) seeds.set(k, new Set());
      seeds.get(k)!.add(r.seed);
    }
    const strategies = e.manifest.plan.strategies.map((s) => s.label);
    const rows = e.manifest.plan.datasets.map((d) => [dsName(d.label), ...strategies.map((s) => String(seeds.get(`${d.label}|${s}`)?.size ?? 0))]);
    out.push(`**${e.manifest.plan.name}** (${e.dir.split('/').slice(-2).join('/')}): ${e.complete} of ${e.cells} runs complete` +
      (e.partial.length > 0 ? `; in progress: ${e.partial.join(', ')}` : '') + '. Complete seeds (of 5) per dataset and strategy:\n');
    out.push(table(['dataset', ...strategies.map(name)], rows));
    out.push('');
  }
  return out.join('\n');
}

/**
 * Compute per experiment and dataset: measured core-hours of the complete runs, and the hours still to go at
 * the measured mean per run. A dataset with no run yet is estimated from the measured runs of its setting
 * (s, m, l: same model, query size and budget), marked "est."; the last row sums the whole grid.
 */
function computeSection(exps: readonly ReproductionExperiment[]): string {
  const rows: string[][] = [];
  const perRunBySetting = new Map<string, { seconds: number; runs: number }>();
  // Runs still to do train the MLP on the dense step: its tape rounds count at the measured dense speed-up.
  const speedup = denseSpeedup(exps.flatMap((e) => e.records));
  const nowSeconds = (r: RoundRecord) => trainSecondsNow(r, speedup);
  const measured = exps.map((e) => {
    const byDs = new Map<string, { train: number; inf: number; acq: number; now: number; runs: Set<string> }>();
    for (const r of e.records) {
      const s = byDs.get(r.dataset) ?? { train: 0, inf: 0, acq: 0, now: 0, runs: new Set<string>() };
      s.train += r.trainSeconds;
      s.inf += r.inferenceSeconds;
      s.acq += r.acquisitionSeconds;
      s.now += nowSeconds(r) + r.inferenceSeconds + r.acquisitionSeconds;
      s.runs.add(`${r.strategy}|${r.seed}`);
      byDs.set(r.dataset, s);
      const t = perRunBySetting.get(r.setting) ?? { seconds: 0, runs: 0 };
      t.seconds += nowSeconds(r) + r.inferenceSeconds + r.acquisitionSeconds;
      perRunBySetting.set(r.setting, t);
    }
    return byDs;
  });
  // Runs per setting, counted once per (experiment, dataset, strategy, seed).
  for (const [i, e] of exps.entries()) {
    for (const d of e.manifest.plan.datasets) {
      const s = measured[i]!.get(d.label);
      const t = perRunBySetting.get(d.setting);
      if (s !== undefined && t !== undefined) t.runs += s.runs.size;
    }
  }
  let doneSeconds = 0;
  let leftSeconds = 0;
  let estimated = false;
  for (const [i, e] of exps.entries()) {
    const planned = e.manifest.plan.strategies.length * e.manifest.plan.seeds.length;
    for (const d of e.manifest.plan.datasets) {
      const s = measured[i]!.get(d.label);
      if (s !== undefined) {
        const total = s.train + s.inf + s.acq;
        const perRun = s.now / s.runs.size;
        doneSeconds += total;
        leftSeconds += (planned - s.runs.size) * perRun;
        rows.push([
          e.manifest.plan.name, dsName(d.label), `${s.runs.size} of ${planned}`, hours(s.train), hours(s.inf), hours(s.acq), hours(total),
          (perRun / 60).toFixed(1), hours((planned - s.runs.size) * perRun),
        ]);
        continue;
      }
      const like = perRunBySetting.get(d.setting);
      const perRun = like !== undefined && like.runs > 0 ? like.seconds / like.runs : undefined;
      if (perRun !== undefined) {
        leftSeconds += planned * perRun;
        estimated = true;
      }
      rows.push([
        e.manifest.plan.name, dsName(d.label), `0 of ${planned}`, '–', '–', '–', '–',
        perRun === undefined ? '–' : `${(perRun / 60).toFixed(1)} est.`, perRun === undefined ? '–' : `${hours(planned * perRun)} est.`,
      ]);
    }
  }
  rows.push(['**whole grid**', '', '', '', '', '', `**${hours(doneSeconds)}**`, '', `**${hours(leftSeconds)}**${estimated ? ' (part est.)' : ''}`]);
  const m = exps[0]?.manifest.machine ?? {};
  return (
    table(['experiment', 'dataset', 'runs', 'training h', 'inference h', 'acquisition h', 'total h', 'min per run', 'h left at this rate'], rows) +
    `\n\nTimes are the records' own (training, forward pass over the pool, acquisition), summed: the compute a run takes, one run per process ` +
    `on one core of the machine the manifest names (${String(m.cpuModel ?? m.cpus ?? 'see manifest.json')}). Wall time with \`--workers w\` is about this divided by w on a quiet machine ` +
    `(the whole grid's ${hours(leftSeconds)} h left: about ${(leftSeconds / 3600 / 2).toFixed(0)} h of wall time with 2 workers). ` +
    'The last two columns are the mean per run so far and the runs still to do times it (strategies differ: KCenterGreedy and CLUE take longer than Random)' +
    (speedup === undefined
      ? '; '
      : `, with the MLP's tape-trained rounds counted at the dense step's speed (${speedup.toFixed(1)}× faster per epoch and labeled row in these records), since runs still to do train on it; `) +
    'a dataset with no run yet ("est.") is estimated at the mean per run of the measured runs of its setting (same model, query size and budget), ' +
    "which ignores differences in pool size and in how long the 99 % rule takes to stop training."
  );
}

function table3Section(ablation: ReproductionExperiment | undefined): string {
  if (ablation === undefined || ablation.records.length === 0) return '_No complete ablation runs yet._';
  const curve = curveIndex(ablation.records);
  const header = ['γ, terms'];
  for (const c of PAPER_TABLE3_COLUMNS) for (const k of c.checkpoints) header.push(`${dsName(c.dataset)} ${k}: paper`, 'ours');
  // Best / worst of ours per column, among rows with 5 seeds; the shared γ = 0 row is not a "best" when tied.
  const marks = new Map<string, string>();
  for (const c of PAPER_TABLE3_COLUMNS) {
    for (const k of c.checkpoints) {
      const vals = PAPER_TABLE3.map((row) => ({ label: row.label, p: curve.get(`${c.dataset}|${row.label}|${k}`) })).filter((v) => v.p !== undefined && v.p.n === 5);
      if (vals.length < 2) continue;
      const best = Math.max(...vals.map((v) => v.p!.mean));
      const worst = Math.min(...vals.map((v) => v.p!.mean));
      for (const v of vals) {
        if (v.p!.mean === best) marks.set(`${c.dataset}|${v.label}|${k}`, 'best');
        else if (v.p!.mean === worst) marks.set(`${c.dataset}|${v.label}|${k}`, 'worst');
      }
    }
  }
  const rows = PAPER_TABLE3.map((row) => {
    const cells = [ablationRowName(row.label)];
    for (const c of PAPER_TABLE3_COLUMNS) {
      c.checkpoints.forEach((k, i) => {
        cells.push(row.values[c.dataset]![i]!.toFixed(2));
        const p = curve.get(`${c.dataset}|${row.label}|${k}`);
        const mark = marks.get(`${c.dataset}|${row.label}|${k}`);
        const text = pm(p);
        cells.push(mark === 'best' ? `**${text}**` : mark === 'worst' ? `<ins>${text}</ins>` : text);
      });
    }
    return cells;
  });
  return (
    table(header, rows) +
    '\n\nPaper: mean test accuracy (%) over 5 runs as printed in its Table 3. Ours: mean ± sample std over the complete seeds ' +
    '(n shown when fewer than 5); **bold** = best and <ins>underlined</ins> = worst of our rows with 5 seeds in that column. ' +
    "d-only and u-only rows use the authors' definitions (FALCUN `variant: 'authors'`). Not reproduced here: " +
    PAPER_TABLE3_OFFLINE_ABSENT.join('; ') + '.' +
    '\n\n' + table3Departures(curve)
  );
}

/** Our Table 3 cells (5 seeds) that lie more than DEPARTURE_STDS sample stds of our seeds from the paper's value, worst first. */
const DEPARTURE_STDS = 2;
function table3Departures(curve: Map<string, LearningCurvePoint>): string {
  const out: { text: string; z: number }[] = [];
  let compared = 0;
  for (const row of PAPER_TABLE3) {
    for (const c of PAPER_TABLE3_COLUMNS) {
      c.checkpoints.forEach((k, i) => {
        const p = curve.get(`${c.dataset}|${row.label}|${k}`);
        if (p === undefined || p.n < 5) return;
        compared++;
        const diff = 100 * p.mean - row.values[c.dataset]![i]!;
        const z = Math.abs(diff) / Math.max(100 * p.std, 1e-9);
        if (z > DEPARTURE_STDS) out.push({ z, text: `${dsName(c.dataset)} ${k}, ${ablationRowName(row.label)}: ${pct(p.mean)} vs ${row.values[c.dataset]![i]!.toFixed(2)} (${diff > 0 ? '+' : '−'}${Math.abs(diff).toFixed(2)} points, ${z.toFixed(1)} std)` });
      });
    }
  }
  if (compared === 0) return '';
  if (out.length === 0) return `Every one of our ${compared} cells with 5 seeds lies within ${DEPARTURE_STDS} standard deviations (of our seeds) of the paper's value.`;
  return (
    `Of our ${compared} cells with 5 seeds, ${out.length} lie more than ${DEPARTURE_STDS} standard deviations (of our seeds) from the paper's value ` +
    `(the paper prints no spread, so this is a rough yardstick): ${out.sort((a, b) => b.z - a.z).map((o) => o.text).join('; ')}. ` +
    'See "Differences from the paper" below.'
  );
}

function ablationRowName(label: string): string {
  const m = /^falcun-(?:g(\d+)|(det))(?:-(u|d|ud))?$/.exec(label);
  if (m === null) return label;
  if (m[1] === '0') return 'γ = 0 (random)';
  return `${m[2] === 'det' ? 'det.' : `γ = ${m[1]}`}, ${m[3] === 'ud' ? 'u + d' : `${m[3]} only`}`;
}

/** FALCUN − Random in points per checkpoint from the ablation (γ = 10 u + d vs γ = 0), ours and the paper's. */
function ablationGapSection(ablation: ReproductionExperiment | undefined): string {
  if (ablation === undefined) return '';
  const curve = curveIndex(ablation.records);
  const paper = new Map(PAPER_TABLE3.map((r) => [r.label, r.values]));
  const rows: string[][] = [];
  for (const c of PAPER_TABLE3_COLUMNS) {
    c.checkpoints.forEach((k, i) => {
      const f = curve.get(`${c.dataset}|falcun-g10-ud|${k}`);
      const r = curve.get(`${c.dataset}|falcun-g0|${k}`);
      const pg = paper.get('falcun-g10-ud')![c.dataset]![i]! - paper.get('falcun-g0')![c.dataset]![i]!;
      rows.push([dsName(c.dataset), String(k), pg.toFixed(2), f && r ? (100 * (f.mean - r.mean)).toFixed(2) : '–', f && r ? `${Math.min(f.n, r.n)}` : '0']);
    });
  }
  return table(['dataset', 'labels', 'paper: FALCUN − Random (points)', 'ours', 'seeds'], rows);
}

function curvesSection(curves: ReproductionExperiment | undefined): string {
  if (curves === undefined || curves.records.length === 0) return '_No complete learning-curve runs yet._';
  const idx = curveIndex(curves.records);
  const out: string[] = [];
  for (const d of curves.manifest.plan.datasets) {
    const own = curves.records.filter((r) => r.dataset === d.label);
    if (own.length === 0) {
      out.push(`### ${dsName(d.label)}\n\nNot run yet. Paper: ${PAPER_CURVE_CLAIMS[d.label] ?? '–'}\n`);
      continue;
    }
    const labels = [...new Set(own.map((r) => r.numLabeled))].sort((a, b) => a - b);
    const shown = [labels[0]!, labels[Math.floor((labels.length - 1) / 2)]!, labels[labels.length - 1]!];
    const strategies = STRATEGY_ORDER.filter((s) => own.some((r) => r.strategy === s));
    const rows = strategies.map((s) => [name(s), ...shown.map((k) => pm(idx.get(`${d.label}|${s}|${k}`))), areaText(own, s)]);
    out.push(`### ${dsName(d.label)} (setting ${d.setting}, ${d.model ?? own[0]!.model})\n`);
    out.push(table(['strategy', ...shown.map((k) => `${k} labels`), 'mean accuracy over the budget'], rows));
    out.push(`\nPaper: ${PAPER_CURVE_CLAIMS[d.label] ?? '–'}\n`);
    const gap = gapText(idx, d.label, labels);
    if (gap !== '') out.push(`Ours, FALCUN − Random (points) at ${labels.join(' / ')} labels: ${gap}.\n`);
    out.push(tTestTable(own, strategies));
    out.push('');
  }
  return out.join('\n');
}

/** Per seed: the normalised area under the learning curve (mean accuracy over the budget). */
function areasBySeed(records: readonly RoundRecord[], strategy: string): Map<number, number> {
  const bySeed = new Map<number, RoundRecord[]>();
  for (const r of records) if (r.strategy === strategy) (bySeed.get(r.seed) ?? bySeed.set(r.seed, []).get(r.seed)!).push(r);
  const out = new Map<number, number>();
  for (const [seed, rs] of bySeed) {
    rs.sort((a, b) => a.numLabeled - b.numLabeled);
    out.set(seed, rs.length === 1 ? rs[0]!.testAccuracy : normalizedAreaUnderCurve(rs.map((r) => r.numLabeled), rs.map((r) => r.testAccuracy)));
  }
  return out;
}

function areaText(records: readonly RoundRecord[], strategy: string): string {
  const a = [...areasBySeed(records, strategy).values()];
  const mean = a.reduce((x, y) => x + y, 0) / a.length;
  if (a.length === 1) return `${pct(mean)} (n=1)`;
  const std = Math.sqrt(a.reduce((x, y) => x + (y - mean) ** 2, 0) / (a.length - 1)); // sample std, as the checkpoints
  return `${pct(mean)} ± ${pct(std)}${a.length < 5 ? ` (n=${a.length})` : ''}`;
}

function gapText(idx: Map<string, LearningCurvePoint>, dataset: string, labels: readonly number[]): string {
  const gaps = labels.map((k) => {
    const f = idx.get(`${dataset}|falcun|${k}`);
    const r = idx.get(`${dataset}|random|${k}`);
    return f && r ? (100 * (f.mean - r.mean)).toFixed(2) : '–';
  });
  return gaps.every((g) => g === '–') ? '' : gaps.join(' / ');
}

/** Paired t-tests over seeds of the per-seed curve areas, FALCUN vs each competitor, plus per-checkpoint wins. */
function tTestTable(records: readonly RoundRecord[], strategies: readonly string[]): string {
  if (!strategies.includes('falcun')) return '';
  const f = areasBySeed(records, 'falcun');
  const rows: string[][] = [];
  for (const s of strategies) {
    if (s === 'falcun') continue;
    const o = areasBySeed(records, s);
    const seeds = [...f.keys()].filter((k) => o.has(k)).sort((a, b) => a - b);
    const diff = seeds.map((k) => f.get(k)! - o.get(k)!);
    const meanDiff = diff.reduce((a, b) => a + b, 0) / Math.max(1, diff.length);
    let test = '–';
    if (seeds.length >= 2) {
      const t = pairedTTest(seeds.map((k) => f.get(k)!), seeds.map((k) => o.get(k)!));
      test = Number.isNaN(t.p) ? 'identical' : `t = ${t.t.toFixed(2)}, p = ${t.p.toFixed(3)}`;
    }
    const [w, l, n] = checkpointDuel(records, 'falcun', s);
    rows.push([name(s), String(seeds.length), (100 * meanDiff).toFixed(2), test, `${w} / ${l} of ${n}`]);
  }
  if (rows.length === 0) return '_No competitor has run yet: the t-tests need FALCUN and another strategy on the same seeds._';
  return table(['FALCUN vs', 'seeds', 'Δ mean accuracy (points)', 'paired t-test (two-sided)', 'checkpoints won / lost (p < 0.05)'], rows);
}

function checkpointDuel(records: readonly RoundRecord[], a: string, b: string): [number, number, number] {
  let wins = 0;
  let losses = 0;
  let n = 0;
  const labels = [...new Set(records.map((r) => r.numLabeled))];
  for (const k of labels) {
    const at = (s: string) => new Map(records.filter((r) => r.strategy === s && r.numLabeled === k).map((r) => [r.seed, r.testAccuracy] as const));
    const x = at(a);
    const y = at(b);
    const seeds = [...x.keys()].filter((s) => y.has(s)).sort((p, q) => p - q);
    if (seeds.length < 2) continue;
    n++;
    const t = pairedTTest(seeds.map((s) => x.get(s)!), seeds.map((s) => y.get(s)!));
    if (t.p < 0.05) {
      if (t.meanDifference > 0) wins++;
      else losses++;
    }
  }
  return [wins, losses, n];
}

function duelingSection(curves: ReproductionExperiment | undefined): string {
  if (curves === undefined || curves.records.length === 0) return '_No complete learning-curve runs yet._';
  const present = new Set(curves.records.map((r) => r.strategy));
  const order = STRATEGY_ORDER.filter((s) => present.has(s));
  const m = duelingMatrix(curves.records, { strategies: order });
  const S = order.length;
  const cell = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(0));
  const rows = order.map((s, i) => [name(s), ...order.map((_, j) => cell(m.percent[i * S + j]!)), cell(m.rowWinPercent[i]!)]);
  rows.push(['% losses', ...order.map((_, j) => cell(m.columnLossPercent[j]!)), '']);
  const settings = new Set(curves.records.map((r) => r.dataset)).size;
  return (
    table(['wins ↓ / losses →', ...order.map(name), '% wins'], rows) +
    `\n\nOver ${settings} dataset setting(s) and every checkpoint: cell (row, column) = % of comparisons the row strategy won ` +
    '(two-sided paired t-test over matched seeds, p < 0.05). The paper (Fig. 4, 10 datasets incl. colour images) has FALCUN with the most wins and the fewest losses, ' +
    'and only FALCUN and BADGE never worse than Random.'
  );
}

function queryTimeSection(curves: ReproductionExperiment | undefined): string {
  if (curves === undefined || curves.records.length === 0) return '_No complete learning-curve runs yet._';
  const out: string[] = [];
  const datasets = [...new Set(curves.records.map((r) => r.dataset))];
  const order = STRATEGY_ORDER;
  const rows: string[][] = [];
  for (const d of datasets) {
    const own = curves.records.filter((r) => r.dataset === d);
    const cum = new Map<string, number>();
    for (const s of order) {
      const runs = new Map<number, number>();
      for (const r of own) if (r.strategy === s) runs.set(r.seed, (runs.get(r.seed) ?? 0) + r.acquisitionSeconds);
      if (runs.size > 0) cum.set(s, [...runs.values()].reduce((a, b) => a + b, 0) / runs.size);
    }
    const base = cum.get('falcun');
    for (const [s, t] of cum) rows.push([dsName(d), name(s), t.toFixed(1), base ? (t / base).toFixed(1) : '–', COMPLEXITY.get(s) ?? 'O(N_u)']);
  }
  out.push(table(['dataset', 'strategy', 'cumulated acquisition s (mean over seeds)', '× FALCUN', 'Table 1 complexity'], rows));
  const paperRows = Object.entries(PAPER_TABLE2_SECONDS).map(([s, v]) => [name(s), (v.min / PAPER_TABLE2_SECONDS.falcun!.min).toFixed(1), v.max === null ? '> 140 (stopped at 10 days)' : (v.max / PAPER_TABLE2_SECONDS.falcun!.max!).toFixed(1)]);
  out.push('\nThe paper\'s Table 2 as ratios to FALCUN (its min and max over the scalability cells on OpenML-156, GPU):\n');
  out.push(table(['strategy', 'min ÷ FALCUN min', 'max ÷ FALCUN max'], paperRows));
  return out.join('\n');
}

/**
 * The Q exponent a cost of Q · N_u per round has over a run in which N_u shrinks by Q each round: the log-log
 * slope of Σ_r Q · (N − r·Q) between the grid's smallest and largest Q at the baseline N.
 */
function shrinkingPoolExponent(grid: ScalabilityGrid, rounds: number): number {
  const total = (q: number) => Array.from({ length: rounds }, (_, r) => q * (grid.baseline.N - r * q)).reduce((a, b) => a + b, 0);
  const q0 = Math.min(...grid.Q);
  const q1 = Math.max(...grid.Q);
  return q1 === q0 ? 1 : Math.log(total(q1) / total(q0)) / Math.log(q1 / q0);
}

/**
 * The forward pass, timed apart from the acquisition on a model pool: per strategy, its summed seconds at the
 * baseline and at the largest N and D, next to the acquisition at the baseline. [] for a synthetic study.
 */
function forwardPassSection(rows: readonly ScalabilityRow[], grid: ScalabilityGrid): string[] {
  if (!rows.some((r) => r.forwardSeconds !== undefined)) return [];
  const b = grid.baseline;
  const nMax = Math.max(...grid.N);
  const dMax = Math.max(...grid.D);
  const at = (s: string, N: number, D: number) => rows.find((r) => r.strategy === s && r.N === N && r.Q === b.Q && r.D === D);
  const sec = (x: number | undefined) => (x === undefined ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(0));
  const order = STRATEGY_ORDER.filter((s) => rows.some((r) => r.strategy === s));
  return [
    `The forward pass, timed apart (summed over the run's rounds; what the experiments record as inference): the model's probabilities for every strategy, ` +
      'and the pool\'s and labeled set\'s embeddings (and the classifier head) only for the strategies that need them (Table 1\'s D). ' +
      `Baseline N = ${b.N}, Q = ${b.Q}, D = ${b.D}.`,
    '',
    table(
      ['strategy', 'forward s, baseline', `N = ${nMax}`, `D = ${dMax}`, 'acquisition s, baseline', 'forward ÷ acquisition, baseline'],
      order.map((s) => {
        const base = at(s, b.N, b.D);
        const r = base?.forwardSeconds !== undefined && base.seconds > 0 ? base.forwardSeconds / base.seconds : undefined;
        const ratio = r === undefined ? '–' : r.toFixed(r < 1 ? 2 : 1);
        return [name(s), sec(base?.forwardSeconds), sec(at(s, nMax, b.D)?.forwardSeconds), sec(at(s, b.N, dMax)?.forwardSeconds), sec(base?.seconds), ratio];
      }),
    ),
    '',
  ];
}

/** The paper's tabular setting on the full OpenML-156 pool: 800,000 training rows, Q = 1,000, the MLP's 1,024 hidden units. */
const FULL_TABULAR_POOL = { N: 800_000, Q: 1000, D: 1024 } as const;

/** Below this many seconds a series of timings is mostly warm-up and timer noise: no exponent is fitted. */
const MIN_SECONDS_FOR_EXPONENT = 0.1;
/** A measured exponent within this of Table 1's is reported as matching it. */
const EXPONENT_TOLERANCE = 0.35;

/**
 * Table 2 from the committed scalability study (ratios to FALCUN next to the paper's), and how each
 * strategy's time grows with N, Q and D against what its Table 1 complexity predicts.
 */
function scalabilitySection(study: ScalabilityStudy | undefined, dir: string): string {
  if (study === undefined || study.rows.length === 0) return `_No scalability study committed (${dir}/scalability.json; \`npm run scalability\`)._`;
  const { grid, rows } = study;
  const cells = new Map<string, number[]>();
  for (const r of rows) (cells.get(r.strategy) ?? cells.set(r.strategy, []).get(r.strategy)!).push(r.seconds);
  const range = new Map([...cells].map(([s, v]) => [s, [Math.min(...v), Math.max(...v)] as const]));
  const falcun = range.get('falcun');
  const order = STRATEGY_ORDER.filter((s) => range.has(s)).sort((a, b) => range.get(a)![0] - range.get(b)![0]);
  const secs = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  const ratio = (x: number, base: number | undefined) => (base === undefined ? '–' : (x / base).toFixed(1));
  const paper = (s: string, k: 'min' | 'max') => {
    const v = PAPER_TABLE2_SECONDS[s];
    const f = PAPER_TABLE2_SECONDS.falcun!;
    if (v === undefined) return '–';
    return k === 'min' ? (v.min / f.min).toFixed(1) : v.max === null ? '> 140' : (v.max / f.max!).toFixed(1);
  };
  const rounds = grid.rounds ?? 10;
  const onModel = (grid.pool ?? 'synthetic') === 'openml-156';
  const out: string[] = [
    `Ours, from the scalability study in ${dir} (\`npm run scalability -- --scale quick${onModel ? '' : ' --pool synthetic'} --rounds ${rounds} --out ${dir}\`): the acquisition alone (the forward pass is timed apart, below) ` +
      `summed over ${rounds} rounds, on ${onModel ? `OpenML-156 (RandomRBF, C = 5): a fixed random subset of N training rows plus ${rows[0]?.initialLabeled ?? grid.baseline.Q} labeled ones, through an MLP with D hidden units trained on the labeled rows (not retrained between rounds)` : `synthetic pools with C = ${grid.numClasses ?? 5} classes`}, N ∈ {${grid.N.join(', ')}}, Q ∈ {${grid.Q.join(', ')}}, ` +
      `D ∈ {${grid.D.join(', ')}}, one varied at a time around N = ${grid.baseline.N}, Q = ${grid.baseline.Q}, D = ${grid.baseline.D}; one CPU core, seed ${study.seed}` +
      `${study.product === undefined ? '' : `, distance products on ${study.product} (as in the experiments)`}. ` +
      `The paper's grid is larger (pools from 20,000 rows of OpenML-156 up, D up to 4,096, on a GPU), so compare the ratios, not the seconds. ` +
      (grid.cellLimitSeconds === undefined
        ? `Time limit per cell: none needed (the slowest run took ${secs(Math.max(...rows.map((r) => r.seconds)))} s; the paper stopped at 10 days).`
        : `Time limit per cell: ${grid.cellLimitSeconds} s (a run stops after the round that passes it; ${rows.filter((r) => r.timedOut).length} of ${rows.length} runs stopped, shown as "> t"; the paper stopped at 10 days).`),
    '',
    table(
      ['strategy', 'ours: min s', 'max s', 'min ÷ FALCUN min', 'max ÷ FALCUN max', 'paper: min ÷ FALCUN min', 'max ÷ FALCUN max'],
      order.map((s) => {
        const [lo, hi] = range.get(s)!;
        const stopped = rows.some((r) => r.strategy === s && r.timedOut) ? '> ' : '';
        return [name(s), secs(lo), `${stopped}${secs(hi)}`, ratio(lo, falcun?.[0]), `${stopped}${ratio(hi, falcun?.[1])}`, paper(s, 'min'), paper(s, 'max')];
      }),
    ),
    '',
    ...forwardPassSection(rows, grid),
    'How the time grows: the exponent of N, Q and D, measured as the slope of log time over log value (the other two at the baseline) ' +
      'next to the exponent Table 1\'s complexity predicts for this study (N_u, N_cp ~ N; N_l ~ Q, since it grows by Q each round; C and i constant). ' +
      `"matches" = within ${EXPONENT_TOLERANCE}; series whose largest time is under ${MIN_SECONDS_FOR_EXPONENT} s are mostly warm-up and not fitted. ` +
      'CLUE and AlfaMix run k-means until no assignment changes (at most 20 Lloyd iterations), so their i is not a constant: it changes with N, Q and D. ' +
      `The pool also shrinks by Q each round, so a cost of Q · N_u grows with Q by less than Table 1's exponent 1: by ${shrinkingPoolExponent(grid, rounds).toFixed(2)} in this grid.`,
    '',
  ];
  const verdicts: string[] = [];
  const expRows = order.map((s) => {
    const complexity = COMPLEXITY.get(s);
    const want = complexity === undefined ? undefined : complexityExponents(complexity);
    const cellsOf = SCALING_PARAMS.map((p) => {
      const m = measuredExponent(rows, s, p, grid.baseline);
      if (m === undefined) return '–';
      if (m.maxSeconds < MIN_SECONDS_FOR_EXPONENT) return `(< ${MIN_SECONDS_FOR_EXPONENT} s)`;
      const expected = want?.[p];
      if (expected !== undefined && Math.abs(m.exponent - expected) > EXPONENT_TOLERANCE) {
        verdicts.push(`${name(s)} grows ${m.exponent > expected ? 'faster' : 'slower'} in ${p} than Table 1 says (${m.exponent.toFixed(2)} vs ${expected}, ${p} ${m.from}→${m.to})`);
      }
      return `${m.exponent.toFixed(2)}${expected === undefined ? '' : ` (${expected})`}`;
    });
    return [name(s), complexity ?? '–', ...cellsOf];
  });
  out.push(table(['strategy', 'Table 1', 'N: measured (Table 1)', 'Q: measured (Table 1)', 'D: measured (Table 1)'], expRows));
  out.push('');
  out.push(verdicts.length === 0 ? 'Every fitted exponent matches Table 1.' : `Where the measured growth departs from Table 1: ${verdicts.join('; ')}.`);
  out.push('');
  const full = FULL_TABULAR_POOL;
  out.push(
    `How long the full tabular pools would take (the reason OpenML-156 and -155 run on a 20,000-row subset): the acquisition time of a run of ${rounds} ` +
      `rounds at N = ${full.N.toLocaleString('en-US')} (OpenML-156's training rows), Q = ${full.Q.toLocaleString('en-US')}, D = ${full.D.toLocaleString('en-US')} (the MLP's hidden units), ` +
      'extrapolated from the baseline cell with the exponents above (Table 1\'s where no fit was usable). A rough estimate, 40× beyond the grid; ' +
      'training and the forward pass over the pool come on top.',
    '',
  );
  let fromTable1 = false;
  out.push(table(
    ['strategy', 'estimated acquisition time, one core', 'exponents N / Q / D'],
    order.flatMap((s) => {
      const e = extrapolatedTime(rows, s, grid.baseline, full, complexityExponents(COMPLEXITY.get(s) ?? 'O(N_u)'), MIN_SECONDS_FOR_EXPONENT);
      if (e === undefined) return [];
      const ex = SCALING_PARAMS.map((p) => {
        const guessed = e.exponents[p].from === 'Table 1';
        fromTable1 ||= guessed;
        return `${e.exponents[p].value.toFixed(2)}${guessed ? '*' : ''}`;
      }).join(' / ');
      return [[name(s), formatDuration(e.seconds), ex]];
    }),
  ));
  if (fromTable1) out.push('', '\\* from Table 1 (the study\'s times were too short to fit; Random as O(N_u)).');
  return out.join('\n');
}

function trainingStopSection(exps: readonly ReproductionExperiment[]): string {
  const rows: string[][] = [];
  for (const e of exps) {
    for (const d of e.manifest.plan.datasets) {
      const model = modelOf(e, d);
      if (model === undefined) continue;
      const t = resolveTrainingOptions(model as ModelName, d.training);
      if (t.earlyStopAccuracy === undefined) continue;
      const own = e.records.filter((r) => r.dataset === d.label && r.epochsTrained !== undefined);
      if (own.length === 0) continue;
      const capped = own.filter((r) => r.epochsTrained === t.epochs && (r.trainAccuracy ?? 0) < t.earlyStopAccuracy!);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      rows.push([
        e.manifest.plan.name, dsName(d.label), String(own.length), `${capped.length} (${((100 * capped.length) / own.length).toFixed(0)} %)`,
        mean(own.map((r) => r.epochsTrained!)).toFixed(0), capped.length > 0 ? pct(mean(capped.map((r) => r.trainAccuracy ?? 0)), 1) : '–',
        stepCounts(own),
      ]);
    }
  }
  if (rows.length === 0) return '_No early-stopping datasets run yet._';
  return (
    table(['experiment', 'dataset', 'rounds', 'stopped by the epoch cap', 'mean epochs', 'train acc. at the cap (%)', 'rounds trained by tape / dense steps'], rows) +
    "\n\nTraining steps: `tape` = tfjs's kernels and autodiff, `dense` = falcun-lab's own wasm kernels for the MLP (since " +
    '2026-12-02; 2–4× faster in `npm run bench:training`); the same gradients and Adam update in a different float32 summation order (records without the field are `tape`).'
  );
}

/** "tape / dense" round counts (records written before the field existed count as tape). */
function stepCounts(records: readonly RoundRecord[]): string {
  const dense = records.filter((r) => r.trainingStep === 'dense').length;
  return `${records.length - dense} / ${dense}`;
}

/** γ = 10 d-only / u-only: the paper's printed value, ours with the authors' definitions (repro-ablation) and with Eq. (4)'s (repro-ablation-paper-variant). */
function variantSection(ablation: ReproductionExperiment | undefined, paperVariant: ReproductionExperiment | undefined): string {
  if (ablation === undefined || paperVariant === undefined || paperVariant.records.length === 0) return '_Not run yet._';
  const idx = curveIndex([...ablation.records, ...paperVariant.records]);
  const rows: string[][] = [];
  for (const c of PAPER_TABLE3_COLUMNS) {
    for (const t of ['d', 'u'] as const) {
      const printed = PAPER_TABLE3.find((r) => r.label === `falcun-g10-${t}`)?.values[c.dataset];
      rows.push([
        dsName(c.dataset), `γ = 10, ${t} only`,
        ...c.checkpoints.flatMap((k, i) => [printed?.[i]?.toFixed(2) ?? '–', pm(idx.get(`${c.dataset}|falcun-g10-${t}|${k}`)), pm(idx.get(`${c.dataset}|falcun-g10-${t}-paper|${k}`))]),
      ]);
    }
  }
  const header = ['dataset', 'row', ...[0, 1, 2].flatMap((i) => [`checkpoint ${i + 1}: paper (printed)`, "ours, authors' definition", 'ours, Eq. (4)'])];
  return table(header, rows) + '\n\nCheckpoints as in Table 3 (RepeatedMNIST 1000 / 2500 / 5000, Letter 2000 / 5000 / 10000 labels).';
}

/** FALCUN and Random on Letter with raw (the authors') and standardised (our default) features. */
function preprocessingSection(curves: ReproductionExperiment | undefined, standardized: ReproductionExperiment | undefined): string {
  const raw = curves?.records.filter((r) => r.dataset === 'letter' && (r.strategy === 'falcun' || r.strategy === 'random')) ?? [];
  const std = standardized?.records ?? [];
  if (raw.length === 0 || std.length === 0) return '_Not run yet: needs Letter in results/repro-curves and results/repro-letter-standardized._';
  const idx = curveIndex([...raw, ...std]);
  const rows: string[][] = [];
  for (const s of ['falcun', 'random']) {
    // The paper's Letter values: Table 3's γ = 10 (u + d) row for FALCUN, its γ = 0 (random) row for Random.
    const printed = PAPER_TABLE3.find((r) => r.label === (s === 'falcun' ? 'falcun-g10-ud' : 'falcun-g0'))?.values['letter'];
    rows.push([name(s), 'paper (Table 3, raw)', ...(printed ?? [undefined, undefined, undefined]).map((v) => (v === undefined ? '–' : v.toFixed(2))), '–']);
    for (const [ds, what] of [['letter', 'raw (authors)'], ['letter-standardized', 'standardised']] as const) {
      const own = [...raw, ...std].filter((r) => r.dataset === ds && r.strategy === s);
      const capped = own.filter((r) => r.epochsTrained === 200 && (r.trainAccuracy ?? 0) < 0.99).length;
      rows.push([name(s), what, ...[2000, 5000, 10000].map((k) => pm(idx.get(`${ds}|${s}|${k}`))), own.length === 0 ? '–' : `${((100 * capped) / own.length).toFixed(0)} %`]);
    }
  }
  return (
    table(['strategy', 'features', '2000 labels', '5000 labels', '10000 labels', 'rounds at the 200-epoch cap'], rows) +
    '\n\nSame splits, model, training rule and seeds; only the features differ (results/repro-curves vs results/repro-letter-standardized).'
  );
}

/**
 * The whole REPRODUCTION.md text for the two experiments (either may be undefined when absent).
 * `prose` holds the hand-written sections (differences from the paper), inserted verbatim.
 */
/** The reproduction's experiments (any may be absent before its first runs are committed). */
export interface ReproductionExperiments {
  readonly curves?: ReproductionExperiment;
  readonly ablation?: ReproductionExperiment;
  readonly standardized?: ReproductionExperiment;
  readonly paperVariant?: ReproductionExperiment;
  /** The committed scalability study (Fig. 18, Table 2) and its folder. */
  readonly scalability?: { readonly study: ScalabilityStudy; readonly dir: string };
}

/** The exported figures REPRODUCTION.md shows inline: their folder (relative to the document) and the names there. */
export interface ReproductionFigures {
  readonly dir: string;
  readonly available: ReadonlySet<string>;
}

export function reproductionMarkdown(
  experiments: ReproductionExperiments,
  prose: { differences: string; figures: string },
  figures?: ReproductionFigures,
): string {
  // An exported figure inline, where `npm run figures:repro` has drawn it ('' otherwise).
  const show = (exhibit: string, alt: string) => (figures?.available.has(exhibit) ? `![${alt}](${figures.dir}/${exhibit}.png)\n\n` : '');
  const hasCurves = (label: string) => curves?.records.some((r) => r.dataset === label) ?? false;
  const { curves, ablation, standardized, paperVariant } = experiments;
  const exps = [ablation, curves, standardized, paperVariant].filter((e): e is ReproductionExperiment => e !== undefined);
  const commit = exps.map((e) => `${e.manifest.plan.name} created at ${e.manifest.gitCommit?.slice(0, 10) ?? 'unknown'}`).join(', ');
  return [
    '# Reproducing FALCUN at the paper\'s protocol on a CPU',
    '',
    '<!-- Generated by `npm run reproduce:doc` from the committed results/repro-* folders (src/report/reproduction.ts). ' +
      'Do not edit by hand: a test fails when this file differs from what the committed results give. -->',
    '',
    'The paper\'s experiments rerun with falcun-lab at the paper\'s own settings (taken from the authors\' public code where the paper ' +
      'is silent), on every dataset available offline, 5 seeds, on a 2-core CPU machine. Rerun or resume with',
    '',
    '```bash',
    'npm run reproduce:grid -- --workers 2      # resumable; cells in priority order (Table 3 rows, then curves)',
    'npm run reproduce:collect -- DIR           # after a grid run with --out DIR: its complete runs into results/ (or --land results)',
    'npm run reproduce:doc                      # rewrites this file from results/',
    '```',
    '',
    `(or \`npx falcun-lab run repro-ablation\` / \`npx falcun-lab run repro-curves\`, grid order). Directories: ${commit}.`,
    '',
    '## What ran',
    '',
    partsSection(exps),
    '',
    sizeSection(exps),
    '',
    protocolSection(exps),
    '',
    coverageSection(exps),
    '### Compute',
    '',
    computeSection(exps),
    '',
    '## Table 3: ablation of γ, u and d',
    '',
    table3Section(ablation),
    '',
    'FALCUN − Random from Table 3 (γ = 10, u + d minus γ = 0):',
    '',
    ablationGapSection(ablation),
    '',
    "The d-only and u-only rows at γ = 10 with both definitions (the authors' code, above, and the paper's Eq. (4), results/repro-ablation-paper-variant):",
    '',
    variantSection(ablation, paperVariant),
    '',
    '## Learning curves (Figs. 2, 3, 13, 16, 17)',
    '',
    'Mean ± std of the test accuracy (%) over seeds at the first, middle and last checkpoint; the last column is the mean accuracy over the ' +
      'labelling budget (normalised area under the curve), and the t-tests compare those per-seed areas.',
    '',
    show('fig02-learning-curves', 'Fig. 2: learning curves, mean ± std over seeds (colour-image panels are placeholders)') +
      (hasCurves('repeated-mnist-20') || hasCurves('repeated-mnist-5') ? show('fig03-redundancy', 'Fig. 3: final accuracy vs redundancy') : '') +
      curvesSection(curves),
    ((all) => (all === '' ? '' : `### Every curve as the paper draws it (Figs. 13, 16, 17)\n\n${all}`))(
      show('fig13-grayscale', 'Fig. 13: grayscale learning curves') +
        show('fig16-repeated-mnist', 'Fig. 16: RepeatedMNIST learning curves') +
        show('fig17-tabular', 'Fig. 17: tabular learning curves'),
    ),
    '## Dueling matrix (Fig. 4)',
    '',
    show('fig04-dueling-matrix', 'Fig. 4: dueling matrix') + duelingSection(curves),
    '',
    '## Query time (Tables 1 and 2, Fig. 5)',
    '',
    show('fig05-gain-over-random', 'Fig. 5: acquisition time and gain over Random per round') + queryTimeSection(curves),
    '',
    '### Table 2 and Fig. 18: the scalability study',
    '',
    show('fig18-scalability', 'Fig. 18: cumulated acquisition time over N, Q and D') +
      scalabilitySection(experiments.scalability?.study, experiments.scalability?.dir ?? SCALABILITY_STUDY_DIR),
    '',
    '## What stopped training (the 99 % rule or the epoch cap)',
    '',
    trainingStopSection(exps),
    '',
    '## Letter: raw vs standardised features',
    '',
    preprocessingSection(curves, standardized),
    '',
    '## The paper\'s figures and tables',
    '',
    prose.figures.trim(),
    '',
    '## Differences from the paper',
    '',
    prose.differences.trim(),
    '',
  ].join('\n');
}
