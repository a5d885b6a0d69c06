/**
 * sbatch scripts for an experiment grid: one array task per grid cell, each running
 * `falcun-lab run-cell <dir> --index <offset + SLURM_ARRAY_TASK_ID>`, which is idempotent and resumes
 * from the cell's last completed round, so `--requeue` and repeated tasks never duplicate a record.
 * An optional report job (`--dependency=afterany:<array jobs>`) aggregates results and renders figures.
 */
import type { ArrayChunk } from './arraySpec.ts';

/** Resource and scheduling options passed through to `#SBATCH` lines. */
export interface SlurmResources {
  /** Wall time per task, Slurm syntax ("02:00:00"). */
  readonly time?: string;
  /** Memory per task ("8G"). */
  readonly mem?: string;
  readonly cpusPerTask?: number;
  /** GPUs per task, as `--gpus-per-task` ("1", "a100:1"). */
  readonly gpus?: string;
  readonly partition?: string;
  readonly account?: string;
  readonly qos?: string;
  /** At most this many tasks of an array run at once (`%K`). */
  readonly parallel?: number;
  /** Any further `#SBATCH` options, verbatim ("--constraint=v100"). */
  readonly extra?: readonly string[];
}

export interface SbatchContext {
  /** Absolute experiment directory on the shared filesystem. */
  readonly experimentDir: string;
  /** Absolute path of the node binary on the compute nodes. */
  readonly node: string;
  /** Absolute path of bin/falcun-lab.js on the shared filesystem. */
  readonly cli: string;
  /** Folder for per-task logs (created before submission: Slurm fails a task whose log folder is missing). */
  readonly logDir: string;
  readonly jobName: string;
  /** CLI options placed before the command (e.g. `--dependencies <module>` in tests). */
  readonly cliArgs?: readonly string[];
  /** Extra environment lines for the tasks, e.g. `FALCUN_BACKEND=tensorflow`. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Folder (inside the experiment directory) of the per-cell `<i>.running` / `<i>.failed` markers. */
export const CELL_MARKERS_DIR = 'slurm/cells';

function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function cli(ctx: SbatchContext): string {
  return [ctx.node, ctx.cli, ...(ctx.cliArgs ?? [])].map(q).join(' ');
}

function resourceLines(r: SlurmResources): string[] {
  const lines: string[] = [];
  if (r.time) lines.push(`#SBATCH --time=${r.time}`);
  if (r.mem) lines.push(`#SBATCH --mem=${r.mem}`);
  if (r.cpusPerTask !== undefined) {
    if (!Number.isInteger(r.cpusPerTask) || r.cpusPerTask < 1) {
      throw new RangeError(`slurm: cpusPerTask must be an integer >= 1, got ${r.cpusPerTask}`);
    }
    lines.push(`#SBATCH --cpus-per-task=${r.cpusPerTask}`);
  }
  if (r.gpus) lines.push(`#SBATCH --gpus-per-task=${r.gpus}`);
  if (r.partition) lines.push(`#SBATCH --partition=${r.partition}`);
  if (r.account) lines.push(`#SBATCH --account=${r.account}`);
  if (r.qos) lines.push(`#SBATCH --qos=${r.qos}`);
  for (const e of r.extra ?? []) {
    if (!e.startsWith('--')) throw new RangeError(`slurm: extra sbatch options must start with '--', got '${e}'`);
    lines.push(`#SBATCH ${e}`);
  }
  return lines;
}

function envLines(ctx: SbatchContext): string[] {
  return Object.entries(ctx.env ?? {}).map(([k, v]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new RangeError(`slurm: bad environment variable name '${k}'`);
    return `export ${k}=${q(v)}`;
  });
}

/** The sbatch script of one array chunk. */
export function arrayJobScript(ctx: SbatchContext, chunk: ArrayChunk, resources: SlurmResources = {}): string {
  if (resources.parallel !== undefined && (!Number.isInteger(resources.parallel) || resources.parallel < 1)) {
    throw new RangeError(`slurm: parallel must be an integer >= 1, got ${resources.parallel}`);
  }
  const throttle = resources.parallel ? `%${resources.parallel}` : '';
  return [
    '#!/bin/bash',
    `#SBATCH --job-name=${ctx.jobName}`,
    `#SBATCH --array=${chunk.spec}${throttle}`,
    '#SBATCH --requeue',
    `#SBATCH --output=${ctx.logDir}/%A_%a.out`,
    `#SBATCH --error=${ctx.logDir}/%A_%a.out`,
    ...resourceLines(resources),
    '',
    `# Cell index = ${chunk.offset} + array task id. run-cell resumes from the last completed round,`,
    '# so a requeued or repeated task continues where the previous attempt stopped.',
    `# Marker files in ${CELL_MARKERS_DIR}/ tell 'falcun-lab status' which cells run and which failed.`,
    'set -uo pipefail',
    ...envLines(ctx),
    `cell=$(( ${chunk.offset} + SLURM_ARRAY_TASK_ID ))`,
    `marks=${q(`${ctx.experimentDir}/${CELL_MARKERS_DIR}`)}`,
    'mkdir -p "$marks"',
    'echo "${SLURM_JOB_ID} ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} $(hostname) restart=${SLURM_RESTART_COUNT:-0}" > "$marks/$cell.running"',
    'rm -f "$marks/$cell.failed"',
    `${cli(ctx)} run-cell ${q(ctx.experimentDir)} --index "$cell"`,
    'rc=$?',
    'rm -f "$marks/$cell.running"',
    '[ "$rc" -eq 0 ] || echo "exit ${rc} job ${SLURM_JOB_ID} $(hostname) restart=${SLURM_RESTART_COUNT:-0}" > "$marks/$cell.failed"',
    'exit "$rc"',
    '',
  ].join('\n');
}

/** The report job: runs after every array job ends (afterany), aggregates and renders the figures. */
export function reportJobScript(ctx: SbatchContext, resources: SlurmResources = {}): string {
  const { gpus: _gpus, parallel: _parallel, ...rest } = resources;
  return [
    '#!/bin/bash',
    `#SBATCH --job-name=${ctx.jobName}-report`,
    `#SBATCH --output=${ctx.logDir}/report_%j.out`,
    ...resourceLines(rest),
    '',
    'set -euo pipefail',
    ...envLines(ctx),
    `exec ${cli(ctx)} report ${q(ctx.experimentDir)}`,
    '',
  ].join('\n');
}
