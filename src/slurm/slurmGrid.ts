/**
 * Running an experiment grid as Slurm job arrays.
 *
 *   falcun-lab slurm <config> --out <shared dir>   → manifest.json + slurm/array-<k>.sbatch (+ report.sbatch)
 *        │ --submit: sbatch each array chunk, then the report job with afterany on all of them
 *        ▼
 *   array task i ──► falcun-lab run-cell <dir> --index i ──► runs/<runId>.jsonl   (same format as the local pool)
 *        │                      writes slurm/cells/i.running, and i.failed on a non-zero exit
 *        ▼
 *   falcun-lab status <dir> ──► done / running / failed / missing per cell, missing ones as an array spec
 *        └─ --resubmit: a new array job (same scripts, only those cells)
 *
 * Results live only in the run files, written by run-cell with append + fsync of complete lines, so a
 * requeued or repeated task resumes and never duplicates or loses a record.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { experimentStatus, type CellStatus } from '../experiment/status.ts';
import { formatArraySpec, planArrayChunks, type ArrayChunk } from './arraySpec.ts';
import { arrayJobScript, CELL_MARKERS_DIR, reportJobScript, type SbatchContext, type SlurmResources } from './sbatchScript.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface SlurmOptions extends SlurmResources {
  readonly jobName?: string;
  /** The cluster's MaxArraySize (task ids must stay below it). Default 1001, Slurm's default. */
  readonly maxArraySize?: number;
  /** Also write (and submit) a report job that runs after every array task ended. */
  readonly report?: boolean;
  /** Node binary and CLI path as seen from the compute nodes (default: this process's). */
  readonly node?: string;
  readonly cli?: string;
  /** Environment for the tasks (e.g. FALCUN_BACKEND). */
  readonly env?: Readonly<Record<string, string>>;
  /** CLI options placed before `run-cell` / `report` (e.g. `--dependencies <module>`). */
  readonly cliArgs?: readonly string[];
}

export interface WrittenScripts {
  readonly arrays: ReadonlyArray<{ file: string; chunk: ArrayChunk }>;
  readonly report?: string;
}

export interface SubmittedJobs {
  readonly arrayJobIds: readonly string[];
  readonly reportJobId?: string;
}

function context(dir: string, o: SlurmOptions): SbatchContext {
  return {
    experimentDir: dir,
    node: o.node ?? process.execPath,
    cli: o.cli ?? join(ROOT, 'bin', 'falcun-lab.js'),
    logDir: join(dir, 'slurm', 'logs'),
    jobName: o.jobName ?? 'falcun',
    ...(o.env ? { env: o.env } : {}),
    ...(o.cliArgs ? { cliArgs: o.cliArgs } : {}),
  };
}

/**
 * Checks that `options` make valid sbatch scripts for an experiment in `dir` (every value that goes into an
 * `#SBATCH` line, the throttle, CPU count and environment names), without writing anything: the CLI calls
 * it before it creates the experiment directory.
 * @throws RangeError naming the option.
 */
export function checkSlurmOptions(dir: string, options: SlurmOptions = {}): void {
  const ctx = context(dir, options);
  arrayJobScript(ctx, { offset: 0, spec: '0', count: 1 }, options);
  if (options.report) reportJobScript(ctx, options);
}

/**
 * Writes sbatch scripts for `cells` (indices into the grid) of the experiment in `dir` (which must already
 * hold its manifest). `tag` names this batch of scripts ('grid', or 'resubmit-<time>').
 * Creates the log folder, since Slurm fails a task whose --output folder is missing.
 */
export function writeSlurmScripts(dir: string, cells: readonly number[], options: SlurmOptions = {}, tag = 'grid'): WrittenScripts {
  if (cells.length === 0) throw new RangeError('writeSlurmScripts: no cells to run');
  const ctx = context(dir, options);
  mkdirSync(ctx.logDir, { recursive: true });
  mkdirSync(join(dir, CELL_MARKERS_DIR), { recursive: true });
  const chunks = planArrayChunks(cells, options.maxArraySize ?? 1001);
  const arrays = chunks.map((chunk, k) => {
    const file = join(dir, 'slurm', `${tag}-array-${k}.sbatch`);
    writeFileSync(file, arrayJobScript(ctx, chunk, options), { mode: 0o755 });
    return { file, chunk };
  });
  let report: string | undefined;
  if (options.report) {
    report = join(dir, 'slurm', `${tag}-report.sbatch`);
    writeFileSync(report, reportJobScript(ctx, options), { mode: 0o755 });
  }
  return { arrays, ...(report ? { report } : {}) };
}

function sbatch(args: string[], env: NodeJS.ProcessEnv): string {
  try {
    // --parsable prints "jobid" or "jobid;cluster".
    return execFileSync('sbatch', ['--parsable', ...args], { env, encoding: 'utf8' }).trim().split(';')[0]!;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`sbatch ${args.join(' ')} failed: ${(err.stderr || err.message).trim()}`);
  }
}

/** Submits written scripts (arrays first, then the report with afterany on all arrays) and logs the ids. */
export function submitSlurmScripts(dir: string, scripts: WrittenScripts, env: NodeJS.ProcessEnv = process.env): SubmittedJobs {
  const arrayJobIds = scripts.arrays.map((a) => sbatch([a.file], env));
  let reportJobId: string | undefined;
  if (scripts.report) reportJobId = sbatch([`--dependency=afterany:${arrayJobIds.join(':')}`, scripts.report], env);
  appendFileSync(
    join(dir, 'slurm', 'jobs.jsonl'),
    JSON.stringify({ submittedAt: new Date().toISOString(), arrayJobIds, reportJobId: reportJobId ?? null, scripts: scripts.arrays.map((a) => a.file) }) + '\n',
  );
  return { arrayJobIds, ...(reportJobId ? { reportJobId } : {}) };
}

export type SlurmCellState = 'done' | 'running' | 'pending' | 'failed' | 'missing';

export interface SlurmCellStatus extends CellStatus {
  readonly slurmState: SlurmCellState;
  /** The marker's text (job id, host, restart count) or the failure line. */
  readonly marker?: string;
}

export interface SlurmStatus {
  readonly cells: readonly SlurmCellStatus[];
  readonly counts: Readonly<Record<SlurmCellState, number>>;
  /** Cells neither done nor running/pending, as an array spec ("" when none). */
  readonly missingSpec: string;
  /** Whether squeue answered (without it, a .running marker is trusted). */
  readonly queueKnown: boolean;
}

/** Job ids (plain and array-task form) that squeue lists as running, and as pending. */
function queue(env: NodeJS.ProcessEnv): { running: Set<string>; pending: Set<string> } | null {
  const r = spawnSync('squeue', ['-h', '-r', '-o', '%i %A %t'], { env, encoding: 'utf8' });
  if (r.status !== 0 || r.error) return null;
  const running = new Set<string>();
  const pending = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    const [arrayId, jobId, st] = line.trim().split(/\s+/);
    if (!arrayId || !st) continue;
    const set = st === 'PD' || st === 'RQ' || st === 'RH' ? pending : running;
    set.add(arrayId);
    if (jobId) set.add(jobId);
  }
  return { running, pending };
}

/**
 * Per-cell state across the array: done (every round on disk), running (a live task holds it),
 * pending (queued again, e.g. after a requeue), failed (its last task exited non-zero), missing (the rest).
 */
export function slurmStatus(dir: string, env: NodeJS.ProcessEnv = process.env): SlurmStatus {
  const base = experimentStatus(dir);
  const marks = join(dir, CELL_MARKERS_DIR);
  const files = existsSync(marks) ? new Set(readdirSync(marks)) : new Set<string>();
  const q = queue(env);
  const cells = base.cells.map((c): SlurmCellStatus => {
    if (c.state === 'done') return { ...c, slurmState: 'done' };
    if (files.has(`${c.index}.running`)) {
      const marker = readFileSync(join(marks, `${c.index}.running`), 'utf8').trim();
      const [jobId, arrayTask] = marker.split(/\s+/);
      if (q === null) return { ...c, slurmState: 'running', marker };
      if ((jobId && q.running.has(jobId)) || (arrayTask && q.running.has(arrayTask))) return { ...c, slurmState: 'running', marker };
      if ((jobId && q.pending.has(jobId)) || (arrayTask && q.pending.has(arrayTask))) return { ...c, slurmState: 'pending', marker };
    }
    if (files.has(`${c.index}.failed`)) {
      return { ...c, slurmState: 'failed', marker: readFileSync(join(marks, `${c.index}.failed`), 'utf8').trim() };
    }
    return { ...c, slurmState: 'missing' };
  });
  const counts = { done: 0, running: 0, pending: 0, failed: 0, missing: 0 };
  for (const c of cells) counts[c.slurmState]++;
  return {
    cells,
    counts,
    missingSpec: formatArraySpec(cells.filter((c) => c.slurmState === 'failed' || c.slurmState === 'missing').map((c) => c.index)),
    queueKnown: q !== null,
  };
}

/** One line per cell that is not done, then the totals and the array spec of what is left. */
export function formatSlurmStatus(s: SlurmStatus): string {
  const lines: string[] = [];
  for (const c of s.cells) {
    if (c.slurmState === 'done') continue;
    lines.push(`${String(c.index).padStart(4)}  ${c.runId}  ${c.slurmState}  ${c.roundsDone}/${c.rounds} rounds${c.marker ? `  (${c.marker})` : ''}`);
  }
  const k = s.counts;
  lines.push(`slurm: ${k.done} done, ${k.running} running, ${k.pending} pending, ${k.failed} failed, ${k.missing} missing, of ${s.cells.length} cells${s.queueKnown ? '' : ' (squeue unavailable: running markers trusted)'}`);
  if (s.missingSpec) lines.push(`missing or failed cells: --array=${s.missingSpec}`);
  return lines.join('\n') + '\n';
}
