/**
 * The parameter cell of a notebook: its defaults are written in the cell, and a headless run changes them
 * through ONE environment variable, FALCUN_NOTEBOOK_PARAMS, a JSON object (what `npm run notebooks --
 * --param gamma=5` and `npm run reproduce` set; papermill-style injection without papermill):
 *
 *   const p = notebookParameters({
 *     results: 'committed',   // what to show: 'committed' | 'run' | a results directory
 *     scale: 'quick',         // what to run at: smoke | quick | paper
 *     preset: 'screen', dpi: 150,
 *     gamma: 10, strategies: ['falcun', 'random'],
 *   });
 *   FALCUN_NOTEBOOK_PARAMS='{"gamma":5,"scale":"smoke"}' jupyter nbconvert --execute …   // gamma 5, smoke
 *
 * Every injected value must have the type of the cell's default (a number for a number, a list of strings
 * for a list of strings, …); a key the notebook does not have is an error, except the runner's keys
 * (RUNNER_KEYS: results, scale, preset, dpi, exportDir, runDir), which a runner sends to every notebook:
 * every notebook has them (COMMON_DEFAULTS fills in what its cell leaves out), except that `results` only
 * changes a notebook whose cell declares it. The common keys are checked here (scale, preset, dpi in range).
 * Cost: O(number of parameters). Pure apart from reading `env`.
 */
import { basename, isAbsolute, join, resolve } from 'node:path';
import { envValue } from '../environmentVariables.ts';
import { REPO_ROOT } from '../sourcePath.ts';
import { assertFreshBuild } from './buildStamp.ts';

/** The one variable through which headless runs set notebook parameters (a JSON object). */
export const NOTEBOOK_PARAMS_ENV = 'FALCUN_NOTEBOOK_PARAMS' as const;

/** The scale presets a notebook can run its experiment at (see src/notebook/figureExperiments.ts). */
export const NOTEBOOK_SCALES = ['smoke', 'quick', 'paper'] as const;
export type NotebookScale = (typeof NOTEBOOK_SCALES)[number];

/** Export presets (src/figures/presets.ts): screen keeps the figure's own size; column 3.25 in, full 6.75 in. */
export const EXPORT_PRESETS = ['screen', 'column', 'full'] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];

/** Keys a runner may send to every notebook; a notebook that lacks one ignores it. */
export const RUNNER_KEYS: readonly string[] = Object.freeze(['results', 'scale', 'preset', 'dpi', 'exportDir', 'runDir']);

export type ParamValue = string | number | boolean | readonly string[] | readonly number[];
export type ParamDefaults = Readonly<Record<string, ParamValue>>;

/** What every notebook gets besides its own parameters (also settable through FALCUN_NOTEBOOK_PARAMS). */
export interface CommonParameters {
  /**
   * 'committed' (the reproduction results under results/repro-*), 'run' (compute at `scale`), or a results
   * directory. Record-based notebooks declare it (default 'committed'); for the others it is 'run'.
   */
  readonly results: string;
  readonly scale: NotebookScale;
  readonly preset: ExportPreset;
  readonly dpi: number;
  /** Where exports go; '' = `exports/<label>/` (git-ignored; label: the scale, 'committed' or the directory's name). */
  readonly exportDir: string;
  /** Where `results: 'run'` keeps its experiments; '' = `results/notebooks-<scale>/`. */
  readonly runDir: string;
}

export const COMMON_DEFAULTS: CommonParameters = Object.freeze({
  results: 'run',
  scale: 'quick',
  preset: 'screen',
  dpi: 150,
  exportDir: '',
  runDir: '',
});

/** The common keys keep their checked types (scale is a NotebookScale even though the cell writes a string). */
export type NotebookParameters<T extends ParamDefaults> = Readonly<CommonParameters & Omit<T, keyof CommonParameters>>;

function kindOf(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return 'list';
    return v.every((x) => typeof x === 'number') ? 'list of numbers' : v.every((x) => typeof x === 'string') ? 'list of strings' : 'mixed list';
  }
  return typeof v;
}

/** Whether `value` may replace `def` (same kind; an empty default list takes strings or numbers). */
function sameKind(def: ParamValue, value: unknown): boolean {
  if (Array.isArray(def)) {
    if (!Array.isArray(value)) return false;
    const k = kindOf(value);
    return value.length === 0 || k === kindOf(def) || (def.length === 0 && k !== 'mixed list');
  }
  return typeof value === typeof def && (typeof value !== 'number' || Number.isFinite(value));
}

/**
 * The parameters of a notebook: the cell's defaults (plus COMMON_DEFAULTS for the common keys it leaves
 * out), overridden by FALCUN_NOTEBOOK_PARAMS. Also checks that dist/ is fresh (see buildStamp.ts) when it
 * runs compiled, so a stale build fails in the parameter cell instead of mixing code versions.
 * @throws SyntaxError naming FALCUN_NOTEBOOK_PARAMS when it is not a JSON object; TypeError naming the
 *   parameter for a value of the wrong kind; RangeError for an unknown key or a common value out of range.
 * @example notebookParameters({ gamma: 10 }, { FALCUN_NOTEBOOK_PARAMS: '{"gamma":5}' }).gamma // 5
 */
export function notebookParameters<T extends ParamDefaults>(defaults: T, env: Readonly<Record<string, string | undefined>> = process.env): NotebookParameters<T> {
  const fn = 'notebookParameters';
  assertFreshBuild();
  const merged: Record<string, ParamValue> = { ...COMMON_DEFAULTS, ...defaults };
  const raw = envValue(NOTEBOOK_PARAMS_ENV, env);
  if (raw !== undefined && raw.trim() !== '') {
    let injected: unknown;
    try {
      injected = JSON.parse(raw);
    } catch (e) {
      throw new SyntaxError(`${fn}: ${NOTEBOOK_PARAMS_ENV} must be a JSON object such as '{"gamma":5}', got '${raw}' (${(e as Error).message})`);
    }
    if (typeof injected !== 'object' || injected === null || Array.isArray(injected)) {
      throw new SyntaxError(`${fn}: ${NOTEBOOK_PARAMS_ENV} must be a JSON object such as '{"gamma":5}', got '${raw}'`);
    }
    for (const [key, value] of Object.entries(injected)) {
      if (!(key in merged)) {
        throw new RangeError(`${fn}: ${NOTEBOOK_PARAMS_ENV} sets '${key}', which this notebook does not have; its parameters are ${Object.keys(merged).join(', ')}`);
      }
      const def = merged[key]!;
      // A runner sends `results` to every notebook; only one that draws results has it.
      if (key === 'results' && !('results' in defaults)) continue;
      if (!sameKind(def, value)) {
        throw new TypeError(`${fn}: parameter '${key}' must be a ${kindOf(def)} like its default ${JSON.stringify(def)}, got ${JSON.stringify(value)} from ${NOTEBOOK_PARAMS_ENV}`);
      }
      merged[key] = value as ParamValue;
    }
  }
  checkCommon(merged as unknown as CommonParameters);
  return Object.freeze(merged) as unknown as NotebookParameters<T>;
}

function checkCommon(p: CommonParameters): void {
  const fn = 'notebookParameters';
  if (!(NOTEBOOK_SCALES as readonly string[]).includes(p.scale)) throw new RangeError(`${fn}: scale must be one of ${NOTEBOOK_SCALES.join(', ')}, got '${p.scale}'`);
  if (!(EXPORT_PRESETS as readonly string[]).includes(p.preset)) throw new RangeError(`${fn}: preset must be one of ${EXPORT_PRESETS.join(', ')}, got '${p.preset}'`);
  if (!(p.dpi >= 30 && p.dpi <= 1200)) throw new RangeError(`${fn}: dpi must be a number in [30, 1200], got ${p.dpi}`);
  if (typeof p.results !== 'string' || p.results === '') throw new RangeError(`${fn}: results must be 'committed', 'run' or a results directory, got ${JSON.stringify(p.results)}`);
}

/** The name of what a notebook shows: 'committed', the scale for 'run', or the results directory's name. */
export function resultsLabel(p: Pick<CommonParameters, 'results' | 'scale'>): string {
  if (p.results === 'committed') return 'committed';
  if (p.results === 'run') return p.scale;
  return basename(resolve(REPO_ROOT, p.results)) || 'results';
}

/**
 * Where a notebook's exports go: `exportDir` when set (relative to the repository root), otherwise
 * `<repo>/exports/<label>/`, git-ignored, so that a notebook never changes a committed file (the committed
 * figures/repro/ is written by `npm run figures:repro` alone). Notebooks that show no results pass `{ results: 'run' }`, so
 * the folder is the scale's.
 */
export function exportDirOf(p: Pick<CommonParameters, 'results' | 'scale' | 'exportDir'>): string {
  if (p.exportDir !== '') return isAbsolute(p.exportDir) ? p.exportDir : resolve(REPO_ROOT, p.exportDir);
  return join(REPO_ROOT, 'exports', resultsLabel(p));
}

/** Where `results: 'run'` keeps its experiments: `runDir` or `<repo>/results/notebooks-<scale>/`. */
export function runDirOf(p: Pick<CommonParameters, 'scale' | 'runDir'>): string {
  if (p.runDir !== '') return isAbsolute(p.runDir) ? p.runDir : resolve(REPO_ROOT, p.runDir);
  return join(REPO_ROOT, 'results', `notebooks-${p.scale}`);
}

/**
 * Parses `key=value` pairs of a command line (`--param gamma=5 --param strategies=falcun,random`) into
 * the JSON FALCUN_NOTEBOOK_PARAMS carries: a value that parses as JSON is taken as such (numbers, true,
 * ["a","b"]); a value with commas becomes a list (of numbers when every item is one); else a string.
 * @throws RangeError naming the pair when it has no '='.
 */
export function parseParamPairs(pairs: readonly string[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new RangeError(`--param: expected key=value, got '${pair}'`);
    const key = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    let value: ParamValue;
    if (text.includes(',') && !text.trim().startsWith('[')) {
      const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
      value = items.every((s) => s !== '' && Number.isFinite(Number(s))) ? items.map(Number) : items;
    } else {
      try {
        value = JSON.parse(text) as ParamValue;
      } catch {
        value = text;
      }
    }
    out[key] = value;
  }
  return out;
}
