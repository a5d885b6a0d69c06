/**
 * The records a record-based notebook draws (Fig. 2–5, 13–17, Tables 2–3), from what its parameter cell's
 * `results` names:
 *
 *   'committed'  the reproduction results committed under results/repro-* (COMMITTED_RESULTS): seconds,
 *                nothing trained. Where they are absent, the notebook says so and runs `scale` instead.
 *   'run'        runs (or resumes) the figure's experiment at `scale` under results/notebooks-<scale>/.
 *   a directory  any results directory (CLI, Slurm, someone else's), relative to the repository root or
 *                absolute: `loadResults(dir)` is the same thing as one line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ExperimentConfig } from '../experiment/config.ts';
import { loadExperimentRecords } from '../results/loadRecords.ts';
import { loadResults, resolveResultsDir } from '../results/loadResults.ts';
import { REPRODUCTION_DIRS, SCALABILITY_STUDY_DIR } from '../results/reproductionDirs.ts';
import type { RoundRecord } from '../results/roundRecord.ts';
import { REPO_ROOT } from '../sourcePath.ts';
import { uniquePercentOf } from '../figures/paperFigures.ts';
import { ensureFigureExperiment, figureExperimentConfig, type FigureExperimentName } from './figureExperiments.ts';
import { runDirOf, type CommonParameters } from './parameters.ts';
import { COMMITTED_CLASS_ACCURACY_FILE } from './classAccuracyPool.ts';
import { COMMITTED_POOL_FILE } from './poolSnapshot.ts';

/** Which committed results directory holds each figure experiment, and which of its datasets belong to it. */
export const COMMITTED_RESULTS: Readonly<Record<FigureExperimentName, { readonly dir: string; readonly datasets?: (dataset: string) => boolean }>> = Object.freeze({
  'learning-curves': { dir: REPRODUCTION_DIRS.curves },
  redundancy: { dir: REPRODUCTION_DIRS.curves, datasets: (d: string) => uniquePercentOf(d) !== undefined },
  ablation: { dir: REPRODUCTION_DIRS.ablation },
});

/**
 * Fig. 3's redundancy levels of the RepeatedMNIST datasets in `records` (label → % unique images), whatever
 * their labels: the reproduction's 'repeated-mnist' (10 %), '-20', '-5', or the notebook's own '-10'.
 */
export function redundancyLevels(records: readonly RoundRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) {
    const pct = uniquePercentOf(r.dataset);
    if (pct !== undefined) out[r.dataset] = pct;
  }
  return out;
}

/** Any results directory in one line (results/loadResults.ts), re-exported for the notebooks. */
export { loadResults, resolveResultsDir };

export interface FigureRecords {
  readonly records: RoundRecord[];
  /** Where they came from (a path relative to the repository root when inside it). */
  readonly dir: string;
  /** 'committed', 'run' or 'directory'. */
  readonly source: 'committed' | 'run' | 'directory';
  /** One line for the notebook to print: source, runs, records, time. */
  readonly summary: string;
}

export interface FigureRecordsOptions {
  /** The experiment config when `results` is 'run' (default: the figure's config at `scale`). */
  readonly config?: ExperimentConfig;
  /** Prints notes (default console.log, which tslab shows as plain output). */
  readonly log?: (line: string) => void;
  /** Worker processes for 'run' (default: one per core). */
  readonly workers?: number;
}

function shortPath(dir: string): string {
  const r = relative(REPO_ROOT, dir);
  return r.startsWith('..') || isAbsolute(r) ? dir : r;
}

function hasRuns(dir: string): boolean {
  return existsSync(resolve(dir, 'runs')) && readdirSync(resolve(dir, 'runs')).some((f) => f.endsWith('.jsonl'));
}

/**
 * The records of one figure experiment from the notebook's `results` parameter (see the file comment).
 * @throws Error from loading or running (naming the directory); RangeError for an unknown experiment.
 */
export async function figureRecords(name: FigureExperimentName, p: Pick<CommonParameters, 'results' | 'scale' | 'runDir'>, options: FigureRecordsOptions = {}): Promise<FigureRecords> {
  const log = options.log ?? ((line: string) => console.log(line));
  const t0 = performance.now();
  const secs = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  const runs = (records: readonly RoundRecord[]) => new Set(records.map((r) => `${r.dataset}|${r.strategy}|${r.seed}`)).size;
  if (p.results === 'committed') {
    const c = COMMITTED_RESULTS[name];
    if (c === undefined) throw new RangeError(`figureRecords: unknown experiment '${String(name)}'`);
    const dir = resolve(REPO_ROOT, c.dir);
    const records = hasRuns(dir) ? loadExperimentRecords(dir).filter((r) => c.datasets?.(r.dataset) ?? true) : [];
    if (records.length > 0) {
      return { records, dir: c.dir, source: 'committed', summary: `committed reproduction results: ${runs(records)} runs, ${records.length} round records from ${c.dir} (${secs()})` };
    }
    log(
      `NOTE: the committed reproduction results for '${name}' are not in this checkout (${c.dir}${hasRuns(dir) ? ' holds none of its datasets' : ' is missing'}), ` +
        `so this notebook now RUNS the experiment at scale '${p.scale}' instead (set results in the parameter cell: 'run', or a results directory).`,
    );
  }
  if (p.results === 'committed' || p.results === 'run') {
    const config = options.config ?? figureExperimentConfig(name, p.scale);
    const e = await ensureFigureExperiment(runDirOf(p), name, p.scale, {
      config,
      log,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
    });
    return {
      records: e.records,
      dir: shortPath(e.dir),
      source: 'run',
      summary: `scale ${p.scale}: ${runs(e.records)} runs (${e.summary.completed} run now, ${e.summary.skipped} loaded), ${e.records.length} round records from ${shortPath(e.dir)} (${secs()})`,
    };
  }
  const dir = resolveResultsDir(p.results);
  const records = loadExperimentRecords(dir);
  return { records, dir: shortPath(dir), source: 'directory', summary: `${runs(records)} runs, ${records.length} round records from ${shortPath(dir)} (${secs()})` };
}

/**
 * The records of the chosen datasets and strategies (an empty list keeps all), for a parameter cell's
 * `datasets` / `strategies`. Cost: O(records).
 * @throws RangeError naming a dataset or strategy that is not in the records, and listing those that are.
 */
export function selectRecords(records: readonly RoundRecord[], choice: { readonly datasets?: readonly string[]; readonly strategies?: readonly string[] }): RoundRecord[] {
  const check = (field: 'dataset' | 'strategy', wanted: readonly string[] | undefined): Set<string> | undefined => {
    if (wanted === undefined || wanted.length === 0) return undefined;
    const have = new Set(records.map((r) => r[field]));
    for (const w of wanted) {
      if (!have.has(w)) throw new RangeError(`selectRecords: ${field} '${w}' is not in these results; they hold ${[...have].sort().join(', ')}`);
    }
    return new Set(wanted);
  };
  const d = check('dataset', choice.datasets);
  const s = check('strategy', choice.strategies);
  return records.filter((r) => (d === undefined || d.has(r.dataset)) && (s === undefined || s.has(r.strategy)));
}

/**
 * One Markdown line per committed result (experiment directories, the scalability study, the trained
 * 3-class pool): present (runs, datasets) or missing, for the index.
 * Cost: reads every record of the present directories.
 */
export function committedResultsMarkdown(): string {
  const dirs = [...new Set(Object.values(COMMITTED_RESULTS).map((c) => c.dir))];
  return dirs
    .map((d) => {
      const dir = resolve(REPO_ROOT, d);
      if (!hasRuns(dir)) return `* \`${d}/\`: **not in this checkout** (notebooks that draw it run their experiment at \`scale\` instead)`;
      const records = loadExperimentRecords(dir);
      const runs = new Set(records.map((r) => `${r.dataset}|${r.strategy}|${r.seed}`)).size;
      return `* \`${d}/\`: ${runs} runs, ${records.length} round records; datasets ${[...new Set(records.map((r) => r.dataset))].sort().join(', ')}`;
    })
    .concat([
      existsSync(resolve(REPO_ROOT, SCALABILITY_STUDY_DIR, 'scalability.json'))
        ? `* \`${SCALABILITY_STUDY_DIR}/scalability.json\`: the scalability study (Fig. 18)`
        : `* \`${SCALABILITY_STUDY_DIR}/\`: **not in this checkout** (Fig. 18 measures its grid at \`scale\` instead)`,
      existsSync(COMMITTED_POOL_FILE)
        ? `* \`${relative(REPO_ROOT, COMMITTED_POOL_FILE)}\`: the trained 3-class MNIST pool (Fig. 1, 6, 8, 9)`
        : `* \`${relative(REPO_ROOT, COMMITTED_POOL_FILE)}\`: **not in this checkout** (Fig. 1, 6, 8, 9 train LeNet instead; npm run explorer:data makes it)`,
      existsSync(COMMITTED_CLASS_ACCURACY_FILE)
        ? `* \`${relative(REPO_ROOT, COMMITTED_CLASS_ACCURACY_FILE)}\`: the trained RandomRBF pool and its t-SNE (Fig. 7)`
        : `* \`${relative(REPO_ROOT, COMMITTED_CLASS_ACCURACY_FILE)}\`: **not in this checkout** (Fig. 7 trains its MLP instead; npm run explorer:data makes it)`,
    ])
    .join('\n');
}
