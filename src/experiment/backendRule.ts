/**
 * The backend rule of an experiment directory, in one place (the CLI only parses the flag and prints):
 *
 * 1. Which backend a run asks for: `--backend` > the config's `backend` > FALCUN_BACKEND > automatic
 *    (the fastest that loads: backend/initBackend.ts). FALCUN_BACKEND only steers a plan that says 'auto'
 *    and no flag decides; a plan with a fixed backend (the presets' deterministic 'wasm') ignores it, with
 *    a note.
 * 2. What the manifest records: a new directory takes the backend in force into its plan (so the plan
 *    hash, the workers and later `run-cell`s all follow it), plus what the backend reported (name,
 *    package, threads, SIMD), `requested` and `requestedBy` ('--backend' or 'config').
 * 3. What a resumed directory keeps: its own backend. A flag equal to it, or none, resumes (without the
 *    flag, a directory created by --backend resumes on that backend); on an 'auto' directory a flag
 *    decides the automatic choice for this invocation; any other flag is refused, since wasm/cpu and the
 *    native kernels do not give the same numbers and one directory would mix them.
 */
import { BACKEND_REQUESTS, type BackendRequest } from '../backend/backendInfo.ts';
import { existsSync } from 'node:fs';
import { planHash, type ExperimentPlan } from './config.ts';
import { manifestPath, readManifest, type Manifest } from './manifest.ts';
import { envValue } from '../environmentVariables.ts';

type Backend = ExperimentPlan['backend'];

/** Where the backend of a `run` comes from, and the plan it runs under. */
export interface RunBackendDecision {
  /** The plan with the backend in force (what the manifest records for a new directory). */
  readonly plan: ExperimentPlan;
  /** A --backend that steers an existing 'auto' directory's cells (not part of its plan). */
  readonly cellBackend?: Backend;
  /** Where the request came from, for the start line: '--backend', 'the config', or the directory. */
  readonly source: string;
  readonly notes: readonly string[];
}

/**
 * The backend of `run <config> [--backend flag]` into `dir` (rules 1–3 above). A config differing in more
 * than the backend is left to openExperimentDir, which refuses it.
 * @throws Error for a flag the directory's fixed backend refuses (cellBackend).
 */
export function decideRunBackend(dir: string, plan: ExperimentPlan, flag: Backend | undefined): RunBackendDecision {
  const fresh: RunBackendDecision = flag === undefined ? { plan, source: 'the config', notes: [] } : { plan: { ...plan, backend: flag }, source: '--backend', notes: [] };
  if (!existsSync(manifestPath(dir))) return fresh;
  const m: Manifest = readManifest(dir);
  const own = m.plan.backend;
  if (planHash({ ...plan, backend: own }) !== m.planHash) return fresh;
  const resumed = { ...plan, backend: own };
  if (flag === undefined) {
    if (plan.backend === own) return { plan: resumed, source: 'the config', notes: [] };
    if (m.backend.requestedBy === '--backend') {
      return { plan: resumed, source: `${dir} (set by --backend when it was created)`, notes: [`note: resuming on backend '${own}', the backend ${dir} was created with (--backend ${own})`] };
    }
    return fresh; // the config's backend key changed: openExperimentDir refuses the different plan
  }
  if (flag === own) return { plan: resumed, source: '--backend', notes: [] };
  // Refuses a flag other than a fixed backend of the directory.
  return { plan: resumed, cellBackend: cellBackend(dir, own, flag), source: '--backend', notes: [`note: ${dir} picks its backend automatically ('auto'); --backend ${flag} decides it for this invocation`] };
}

/**
 * The backend a cell of an experiment runs on, given a `--backend` request (undefined: none): rule 3.
 * @throws RangeError for an unknown backend name; Error naming both backends and what to do for a
 *   request the plan does not allow.
 */
export function cellBackend(dir: string, planBackend: Backend, requested: string | undefined): Backend {
  if (requested === undefined) return planBackend;
  if (!(BACKEND_REQUESTS as readonly string[]).includes(requested)) {
    throw new RangeError(`--backend: unknown backend '${requested}'; use one of ${BACKEND_REQUESTS.join(', ')}`);
  }
  const r = requested as BackendRequest;
  if (r === planBackend || planBackend === 'auto') return r;
  throw new Error(
    `${dir} runs on backend '${planBackend}' (its manifest's plan); --backend ${r} would mix results computed on two backends ` +
      `in one experiment: drop --backend (or pass --backend ${planBackend}), or run the config into a new directory with --backend ${r}`,
  );
}

/** What the manifest of a new directory records about the backend (rule 2). */
export function backendRecord(info: Readonly<Record<string, unknown>>, decision: RunBackendDecision): Record<string, unknown> {
  return { ...info, requested: decision.plan.backend, requestedBy: decision.source === '--backend' ? '--backend' : 'config' };
}

/**
 * FALCUN_BACKEND steers only an automatic choice (plan 'auto' without a deciding --backend); a plan with a
 * fixed backend ignores it (rule 1). Says so rather than ignoring it silently; undefined when it applies.
 */
export function ignoredEnvBackendNote(planBackend: Backend, flagForAuto: Backend | undefined, source: string, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const value = envValue('FALCUN_BACKEND', env);
  if (value === undefined || value.trim() === '') return undefined;
  if (planBackend === 'auto' && flagForAuto === undefined) return undefined;
  return `note: FALCUN_BACKEND=${value} is ignored: this run's backend is '${flagForAuto ?? planBackend}' (from ${source}); FALCUN_BACKEND steers only 'auto'`;
}

/**
 * An 'auto' directory may load another backend elsewhere (a GPU node, a machine without tfjs-node): the
 * warning when this invocation's choice differs from the one the directory was created on, else undefined.
 * `what` names what mixes ('runs resumed now', 'its results').
 */
export function mixedAutoBackendWarning(dir: string, manifest: Manifest, info: Readonly<Record<string, unknown>>, invocation: string, what: string): string | undefined {
  const before = typeof manifest.backend.choice === 'string' ? manifest.backend.choice : undefined;
  const now = info.choice;
  if (manifest.plan.backend !== 'auto' || before === undefined || typeof now !== 'string' || now === before) return undefined;
  return `warning: ${dir} started on backend '${before}' (auto) and ${invocation} runs on '${now}': ${what} mix both; pass --backend ${before} to stay on it`;
}

/**
 * One line about the backend in force: name, package, threads, SIMD, where the request came from and
 * (auto) the faster backends that did not load. Tolerates partial facts (test fakes, Slurm manifests).
 */
export function formatBackendLine(info: Readonly<Record<string, unknown>>, requested: string, source: string): string {
  const name = String(info.choice ?? info.name ?? requested);
  const pkg = typeof info.package === 'string' ? ` (${info.package}${typeof info.version === 'string' ? ` ${info.version}` : ''})` : '';
  const threads = typeof info.threads === 'number' ? `${info.threads} thread${info.threads === 1 ? '' : 's'}` : 'threads unknown';
  const simd = info.simd === true ? 'SIMD on' : info.simd === false ? 'SIMD off' : 'SIMD n/a';
  const skipped = Array.isArray(info.skipped) && info.skipped.length > 0 ? `; skipped ${info.skipped.map((s: { choice?: unknown }) => String(s.choice)).join(', ')}` : '';
  return `tfjs backend: ${name}${pkg}, ${threads}, ${simd}; requested '${requested}' by ${source}${skipped}`;
}
