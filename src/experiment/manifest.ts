/**
 * `manifest.json`: the identity of an experiment directory. Written once when the directory is created
 * (temp file + rename); on every later run the plan's hash is compared and a different config is refused,
 * so results of two configs are never mixed in one directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { arch, cpus, hostname, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planHash, type ExperimentPlan } from './config.ts';
import { writeJsonAtomic } from '../atomicFile.ts';

export const MANIFEST_FORMAT = 'falcun-lab/experiment@1';

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** The resolved plan (every default filled in): what the runs follow. */
  readonly plan: ExperimentPlan;
  /** SHA-256 of the plan's canonical JSON. */
  readonly planHash: string;
  /** Where the config came from (file path or preset name). */
  readonly source: string;
  readonly packageVersion: string;
  /** `git rev-parse HEAD` of the code that created the directory, null outside a git checkout. */
  readonly gitCommit: string | null;
  /** Whether the checkout had uncommitted changes to tracked files. */
  readonly gitDirty: boolean | null;
  /** What the backend reported (name, threads, SIMD, …), as given by the runner's dependencies. */
  readonly backend: Readonly<Record<string, unknown>>;
  readonly versions: Readonly<Record<string, string>>;
  readonly machine: Readonly<Record<string, string | number>>;
  readonly createdAt: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function packageVersion(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** `git rev-parse HEAD` of this checkout, null outside git. */
export function currentGitCommit(): string | null {
  return git(['rev-parse', 'HEAD']);
}

/** Versions of Node and of the packages that change results. */
export function collectVersions(): Record<string, string> {
  const out: Record<string, string> = { node: process.versions.node };
  for (const p of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'zod']) {
    const v = packageVersion(join(ROOT, 'node_modules', p));
    if (v !== undefined) out[p] = v;
  }
  return out;
}

/** Host, OS, CPU model and count, memory. */
export function collectMachine(): Record<string, string | number> {
  const c = cpus();
  return {
    hostname: hostname(),
    platform: platform(),
    release: release(),
    arch: arch(),
    cpuModel: c[0]?.model ?? 'unknown',
    cpuCount: c.length,
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
}

export function manifestPath(dir: string): string {
  return join(dir, 'manifest.json');
}

/**
 * Reads a directory's manifest.
 * @throws Error naming the directory when there is none or it is not a falcun-lab manifest.
 */
export function readManifest(dir: string): Manifest {
  const file = manifestPath(dir);
  if (!existsSync(file)) throw new Error(`${dir} holds no manifest.json; it is not an experiment directory (create one with 'falcun-lab run')`);
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new Error(`${file} is damaged (${(e as Error).message}); it cannot be read back. Restore it from a backup or a copy of the experiment, or run the config into a new directory`);
  }
  if (m === null || typeof m !== 'object' || m.format !== MANIFEST_FORMAT) throw new Error(`${file} has format '${String(m?.format)}', expected '${MANIFEST_FORMAT}'`);
  return m;
}

/** Whether any run file of the directory holds at least one byte (a record or part of one). */
function holdsRecords(dir: string): boolean {
  const runs = join(dir, 'runs');
  if (!existsSync(runs)) return false;
  return readdirSync(runs).some((f) => f.endsWith('.jsonl') && statSync(join(runs, f)).size > 0);
}

/**
 * Creates the experiment directory with its manifest, or opens an existing one with the same plan.
 * @throws Error when the directory already holds a different experiment (the message says how they differ
 *   and what to do: a new --out directory, or the original config).
 */
export function openExperimentDir(dir: string, plan: ExperimentPlan, source: string, backend: Readonly<Record<string, unknown>> = {}): Manifest {
  const hash = planHash(plan);
  if (existsSync(manifestPath(dir))) {
    const m = readManifest(dir);
    // A directory whose plan never wrote a record (e.g. created by an older version from a config that then
    // failed) holds nothing to mix: the new plan replaces it.
    if (m.planHash !== hash && holdsRecords(dir)) {
      throw new Error(
        `${dir} already holds experiment '${m.plan.name}' (plan ${m.planHash.slice(0, 12)}, from ${m.source}) ` +
          `and the config given (${source}) resolves to a different plan (${hash.slice(0, 12)}); ` +
          `refusing to mix results: use another --out directory, or re-run the original config to resume`,
      );
    }
    if (m.planHash === hash) return m;
  }
  const commit = git(['rev-parse', 'HEAD']);
  const status = commit === null ? null : git(['status', '--porcelain', '--untracked-files=no']);
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    plan,
    planHash: hash,
    source,
    packageVersion: packageVersion(ROOT) ?? 'unknown',
    gitCommit: commit,
    gitDirty: status === null ? null : status.length > 0,
    backend,
    versions: collectVersions(),
    machine: collectMachine(),
    createdAt: new Date().toISOString(),
  };
  writeJsonAtomic(manifestPath(dir), manifest);
  return manifest;
}
