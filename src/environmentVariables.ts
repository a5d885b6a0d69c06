/**
 * Every FALCUN_* environment variable, with what it means and its default: the one list. README's
 * "Environment variables" table is generated from it (`environmentVariablesTable()`; a test compares), and
 * a test fails on a FALCUN_* name used in src/, scripts/, bench/ or a notebook that is not listed here.
 * Code reads a variable through `envValue(name)`, so a misspelt name does not compile.
 */

export interface EnvironmentVariable {
  /** What it does, in one sentence. */
  readonly meaning: string;
  /** What happens when it is unset. */
  readonly default: string;
  /** Who reads it. */
  readonly readBy: string;
}

export const ENVIRONMENT_VARIABLES = {
  FALCUN_BACKEND: {
    meaning: "tfjs backend for an experiment whose backend is 'auto' (and for initBackend outside experiments): tensorflow-gpu, tensorflow, wasm, cpu or auto; --backend and a config's fixed backend win (experiment/backendRule.ts)",
    default: 'auto: the fastest that loads',
    readBy: 'backend/initBackend.ts, experiment/backendRule.ts',
  },
  FALCUN_DATA_DIR: {
    meaning: 'dataset cache folder',
    default: '<repo>/data',
    readBy: 'data/cache.ts',
  },
  FALCUN_CHROMIUM: {
    meaning: 'Chromium executable for PNG/SVG/PDF export and the browser tests',
    default: '/usr/bin/chromium',
    readBy: 'figures/export.ts, report/report.ts',
  },
  FALCUN_NOTEBOOK_PARAMS: {
    meaning: "a notebook's parameters for a headless run, as a JSON object (e.g. {\"scale\":\"smoke\",\"gamma\":5}); each value must have the type of the parameter cell's default; set by npm run notebooks (--scale, --results, --param key=value)",
    default: "the parameter cell's defaults",
    readBy: 'notebook/parameters.ts, scripts/notebooks/run.ts',
  },
  FALCUN_EXPERIMENT_DIR: {
    meaning: 'internal: the experiment directory a worker process runs cells of',
    default: 'set by experiment/workerPool.ts',
    readBy: 'experiment/cellWorker.ts',
  },
  FALCUN_DEPENDENCIES: {
    meaning: "internal: the module exporting a worker's runner dependencies",
    default: 'set by experiment/workerPool.ts',
    readBy: 'experiment/cellWorker.ts',
  },
  FALCUN_CELL_BACKEND: {
    meaning: "internal: the --backend of `falcun-lab run` for the workers of an 'auto' directory",
    default: 'set by experiment/workerPool.ts (empty: none)',
    readBy: 'experiment/cellWorker.ts',
  },
  FALCUN_PARENT_PID: {
    meaning: 'internal: the pid of the worker pool that started a worker process (the worker ends when it dies)',
    default: 'set by experiment/workerPool.ts',
    readBy: 'experiment/cellWorker.ts',
  },
  FALCUN_SHARED_DIRECTORY: {
    meaning: "internal: '1' when a worker runs for `run-cell` (the directory is shared, only its cell is locked)",
    default: 'set by experiment/workerPool.ts',
    readBy: 'experiment/cellWorker.ts',
  },
  FALCUN_STOP_GRACE_S: {
    meaning: 'seconds the rounds in progress may take to finish after SIGTERM (`run`, `run-cell`) before they are stopped at once',
    default: '20',
    readBy: 'cli/runCellCommand.ts, cli/runCommand.ts',
  },
  FALCUN_BENCH_BACKENDS: {
    meaning: 'comma-separated backends `npm run bench:training` measures',
    default: 'tensorflow-gpu,tensorflow,wasm,cpu',
    readBy: 'bench/training.bench.ts',
  },
  FALCUN_BENCH_TORCH: {
    meaning: '0 skips the PyTorch comparison of `npm run bench:training`',
    default: 'compare with PyTorch when python3 has torch',
    readBy: 'bench/training.bench.ts',
  },
  FALCUN_SYSTEM_PACKAGES: {
    meaning: 'extra apt packages for scripts/setup-system.sh',
    default: 'none',
    readBy: 'scripts/setup-system.sh',
  },
} as const satisfies Readonly<Record<string, EnvironmentVariable>>;

export type EnvironmentVariableName = keyof typeof ENVIRONMENT_VARIABLES;

/** The value of a listed variable in `env` (default `process.env`), undefined when unset. */
export function envValue(name: EnvironmentVariableName, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  return env[name];
}

/** README's table of the variables (Markdown), in the order listed. */
export function environmentVariablesTable(): string {
  const rows = Object.entries(ENVIRONMENT_VARIABLES).map(([name, v]) => `| \`${name}\` | ${v.meaning} | ${v.default} | ${v.readBy} |`);
  return ['| Variable | Meaning | Unset | Read by |', '| --- | --- | --- | --- |', ...rows].join('\n').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
