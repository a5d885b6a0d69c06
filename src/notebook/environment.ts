/**
 * Where a notebook is and what it should do, from the environment: the scale preset, the folder for
 * exported figures and the folder for experiment results. `npm run notebooks` / `npm run reproduce` set
 * FALCUN_SCALE, FALCUN_FIGURES_DIR and FALCUN_RESULTS_DIR; opened interactively in Jupyter none is set and
 * the defaults apply (scale 'smoke', figures → `<repo>/figures`, results → `<repo>/results/notebooks-<scale>`).
 * Cost: O(1). Pure: reads only the `env` object passed in.
 */
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../sourcePath.ts';
import { envValue } from '../environmentVariables.ts';

/** The scale presets a notebook can run at (see `src/experiment/presets.ts`). */
export const NOTEBOOK_SCALES = ['smoke', 'quick', 'paper'] as const;
export type NotebookScale = (typeof NOTEBOOK_SCALES)[number];

export interface NotebookEnvironment {
  readonly scale: NotebookScale;
  /** Exported figures go here (`<name>.html/.png/.svg/.pdf`). */
  readonly figuresDir: string;
  /** Experiment directories (one per shared experiment) live here. */
  readonly resultsDir: string;
  /** The repository root. */
  readonly root: string;
}

/**
 * Reads the notebook environment.
 * @throws RangeError naming FALCUN_SCALE and the value when it is not smoke, quick or paper.
 * @example notebookEnvironment({ FALCUN_SCALE: 'quick' }).resultsDir // '<repo>/results/notebooks-quick'
 */
export function notebookEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): NotebookEnvironment {
  const raw = envValue('FALCUN_SCALE', env) ?? 'smoke';
  if (!(NOTEBOOK_SCALES as readonly string[]).includes(raw)) {
    throw new RangeError(`notebookEnvironment: FALCUN_SCALE must be one of ${NOTEBOOK_SCALES.join(', ')}, got '${raw}'; unset it for the default 'smoke'`);
  }
  const scale = raw as NotebookScale;
  const nonEmpty = (v: string | undefined) => (v !== undefined && v !== '' ? v : undefined);
  return {
    scale,
    figuresDir: resolve(nonEmpty(envValue('FALCUN_FIGURES_DIR', env)) ?? join(REPO_ROOT, 'figures')),
    resultsDir: resolve(nonEmpty(envValue('FALCUN_RESULTS_DIR', env)) ?? join(REPO_ROOT, 'results', `notebooks-${scale}`)),
    root: REPO_ROOT,
  };
}

/**
 * A comma-separated list from the environment (e.g. FALCUN_STRATEGIES=falcun,random), or the fallback.
 * Blank entries are dropped; an unset or blank variable gives the fallback.
 */
export function envList(env: Readonly<Record<string, string | undefined>>, name: string, fallback: readonly string[]): string[] {
  const v = env[name];
  if (v === undefined || v.trim() === '') return [...fallback];
  return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * A number from the environment, or the fallback when unset/blank.
 * @throws RangeError naming the variable and the value when it is not a finite number.
 */
export function envNumber(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v.trim() === '') return fallback;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new RangeError(`envNumber: ${name} must be a finite number, got '${v}'`);
  return x;
}
