/**
 * The experiments behind the record-based figures and tables, per scale. Several notebooks share one
 * experiment directory, so each experiment runs once per scale and later notebooks only load it:
 *
 *   'learning-curves' ──► Fig. 2, 13–17 (curves), Fig. 4 (dueling matrix), Fig. 5 (gain over random), Table 2
 *   'redundancy'      ──► Fig. 3 (RepeatedMNIST with 20 %, 10 %, 5 % unique images)
 *   'ablation'        ──► Table 3 (FALCUN's γ, u / d, deterministic picks)
 *
 * smoke: tiny pools and few epochs, seconds per experiment (CI checks plumbing, not science);
 * quick: minutes on a laptop; paper: the paper's protocol (a GPU or a cluster).
 * The directory is `<results>/<name>` for the default config, `<results>/<name>-<plan hash>` for a config
 * changed in a notebook's parameter cell, so a changed parameter never mixes with old results.
 */
import { join } from 'node:path';
import { loadExperimentRecords } from '../results/loadRecords.ts';
import { planHash, resolveExperiment, type ExperimentConfig } from '../experiment/config.ts';
import { gridCells } from '../experiment/grid.ts';
import { openExperimentDir } from '../experiment/manifest.ts';
import { readRunRecords, runFile } from '../results/resultStore.ts';
import { presetConfig } from '../experiment/presets.ts';
import { createProgressReporter } from '../experiment/progress.ts';
import type { RoundRecord } from '../results/roundRecord.ts';
import { runExperiment, type RunExperimentSummary } from '../experiment/workerPool.ts';
import { assertFreshBuild } from './buildStamp.ts';
import { runningModulePath } from '../sourcePath.ts';
import { ablationStrategies } from '../experiment/ablationStrategies.ts';
import type { NotebookScale } from './parameters.ts';

export const FIGURE_EXPERIMENTS = ['learning-curves', 'redundancy', 'ablation'] as const;
export type FigureExperimentName = (typeof FIGURE_EXPERIMENTS)[number];

/** RepeatedMNIST variants of Fig. 3: dataset label → % unique images. */
export const REDUNDANCY_VARIANTS: Readonly<Record<string, number>> = Object.freeze({ 'repeated-mnist-20': 20, 'repeated-mnist-10': 10, 'repeated-mnist-5': 5 });

const TINY_MNIST = { querySize: 10, initialSize: 10, budget: 30, trainSubset: 300, testSubset: 200, training: { epochs: 3 } };

function redundancyDatasets(common: Record<string, unknown>): ExperimentConfig['datasets'] {
  return Object.entries(REDUNDANCY_VARIANTS).map(([label, pct]) => ({ name: 'repeated-mnist', label, options: { fraction: pct / 100 }, ...common }));
}

/**
 * The default config of one figure experiment at one scale (a fresh copy each call; edit it freely).
 * @throws RangeError naming the experiment or scale when unknown.
 */
export function figureExperimentConfig(name: FigureExperimentName, scale: NotebookScale): ExperimentConfig {
  const fn = 'figureExperimentConfig';
  if (!['smoke', 'quick', 'paper'].includes(scale)) throw new RangeError(`${fn}: scale must be smoke, quick or paper, got '${String(scale)}'`);
  switch (name) {
    case 'learning-curves':
      if (scale === 'smoke') {
        return {
          name: 'learning-curves-smoke',
          description: 'Fig. 2/4/5, Table 2 at smoke scale: MNIST (LeNet, 3 epochs) and RandomRBF (MLP), tiny pools, 2 seeds',
          datasets: [
            { name: 'mnist', ...TINY_MNIST },
            { name: 'randomrbf', options: { rows: 2000 }, querySize: 20, initialSize: 20, budget: 60, trainSubset: 500, testSubset: 300, training: { epochs: 10 } },
          ],
          strategies: ['falcun', 'random', 'entropy'],
          seeds: [0, 1],
          backend: 'wasm',
        };
      }
      return { ...presetConfig(scale), name: `learning-curves-${scale}` };
    case 'redundancy':
      if (scale === 'smoke') {
        return { name: 'redundancy-smoke', datasets: redundancyDatasets(TINY_MNIST), strategies: ['falcun', 'random'], seeds: [0], backend: 'wasm' };
      }
      if (scale === 'quick') {
        return {
          name: 'redundancy-quick',
          // The paper's 20 epochs: with 50 labels a batch of 64 is one step per epoch, so fewer epochs leave
          // the first rounds' models near chance.
          datasets: redundancyDatasets({ querySize: 50, initialSize: 50, budget: 300, trainSubset: 5000, testSubset: 1000 }),
          strategies: ['falcun', 'random', 'entropy'],
          seeds: [0],
          backend: 'wasm',
        };
      }
      return { name: 'redundancy-paper', datasets: redundancyDatasets({ setting: 'm' }), strategies: [...presetConfig('paper').strategies], seeds: [0, 1, 2, 3, 4], backend: 'auto' };
    case 'ablation':
      if (scale === 'smoke') {
        return {
          name: 'ablation-smoke',
          datasets: [{ name: 'mnist', ...TINY_MNIST }],
          strategies: ablationStrategies([0, 10, 'det'], ['u', 'ud']),
          seeds: [0],
          backend: 'wasm',
        };
      }
      if (scale === 'quick') {
        return {
          name: 'ablation-quick',
          // Q = 100 and the paper's 20 epochs: at Q = 50 with 10 epochs the initial model (10 Adam steps) was
          // at chance and the table compared noise.
          datasets: [{ name: 'mnist', querySize: 100, initialSize: 100, budget: 500, trainSubset: 5000, testSubset: 1000 }],
          strategies: ablationStrategies([0, 1, 10, 'det']),
          seeds: [0],
          backend: 'wasm',
        };
      }
      // The paper: RepeatedMNIST m, EMNIST s, OpenML l, BloodMNIST m_no (EMNIST/BloodMNIST need their files).
      return {
        name: 'ablation-paper',
        datasets: [
          { name: 'repeated-mnist', setting: 'm' },
          { name: 'randomrbf', setting: 'l' },
        ],
        strategies: ablationStrategies(),
        seeds: [0, 1, 2, 3, 4],
        backend: 'auto',
      };
    default:
      throw new RangeError(`${fn}: unknown experiment '${String(name)}'; use one of ${FIGURE_EXPERIMENTS.join(', ')}`);
  }
}

/** The experiment directory of a config: `<results>/<name>` for the default config, else `<results>/<name>-<hash>`. */
export function figureExperimentDir(resultsDir: string, name: FigureExperimentName, scale: NotebookScale, config: ExperimentConfig = figureExperimentConfig(name, scale)): string {
  const plan = resolveExperiment(config, `notebook:${name}`);
  const def = planHash(resolveExperiment(figureExperimentConfig(name, scale), `notebook:${name}`));
  const hash = planHash(plan);
  return join(resultsDir, hash === def ? name : `${name}-${hash.slice(0, 10)}`);
}

export interface EnsureExperimentOptions {
  readonly config?: ExperimentConfig;
  /** Worker processes (default: one per core). */
  readonly workers?: number;
  /** Progress lines (default: stdout). */
  readonly log?: (line: string) => void;
}

export interface EnsuredExperiment {
  readonly dir: string;
  readonly records: RoundRecord[];
  readonly summary: RunExperimentSummary;
  readonly seconds: number;
}

/**
 * Runs the experiment if any of its runs is unfinished (resuming where it stopped), then loads its records.
 * Runs happen in worker processes forked on the tree that runs this module (dist/ from a notebook).
 * @throws Error when a run fails or workers cannot start (the message lists the failed runs).
 */
export async function ensureFigureExperiment(resultsDir: string, name: FigureExperimentName, scale: NotebookScale, options: EnsureExperimentOptions = {}): Promise<EnsuredExperiment> {
  const config = options.config ?? figureExperimentConfig(name, scale);
  return runInto(figureExperimentDir(resultsDir, name, scale, config), config, `notebook:${name}`, `ensureFigureExperiment('${name}', ${scale})`, options);
}

/**
 * Runs (or resumes) any experiment config from a notebook into `<resultsDir>/<config.name>-<plan hash>`
 * (a changed config never mixes with old results), then loads its records. The walkthrough uses it.
 * @throws Error when a run fails or workers cannot start; the config validator's errors naming the field.
 */
export async function ensureExperiment(resultsDir: string, config: ExperimentConfig, options: Omit<EnsureExperimentOptions, 'config'> = {}): Promise<EnsuredExperiment> {
  const plan = resolveExperiment(config, `notebook:${config.name}`);
  return runInto(join(resultsDir, `${plan.name}-${planHash(plan).slice(0, 10)}`), config, `notebook:${config.name}`, `ensureExperiment('${plan.name}')`, options);
}

async function runInto(dir: string, config: ExperimentConfig, source: string, what: string, options: Omit<EnsureExperimentOptions, 'config'>): Promise<EnsuredExperiment> {
  // Workers fork on the tree this module runs from: refuse a dist/ that differs from what this kernel loaded.
  assertFreshBuild();
  const plan = resolveExperiment(config, source);
  openExperimentDir(dir, plan, source, { requested: plan.backend });
  // console.log reaches a tslab notebook's output; process.stdout would go to the kernel's own log.
  const log = options.log ?? ((text: string) => console.log(text.replace(/\n$/, '')));
  const cells = gridCells(plan);
  const done = cells.filter((c) => readRunRecords(runFile(dir, c.runId)).length >= c.dataset.rounds).length;
  const t0 = performance.now();
  const summary = await runExperiment({
    dir,
    dependenciesModule: runningModulePath('experiment/defaultDependencies'),
    handleSignals: false,
    reporter: createProgressReporter(cells.length, done, false, log),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  if (summary.failed.length > 0 || summary.notStarted > 0) {
    const lines = summary.failed.map((f) => `${f.runId}: ${f.message}`).concat(summary.workerErrors.slice(0, 1));
    throw new Error(`${what}: ${summary.failed.length} runs failed, ${summary.notStarted} not started in ${dir}:\n  ${lines.join('\n  ')}`);
  }
  return { dir, records: loadExperimentRecords(dir), summary, seconds };
}
