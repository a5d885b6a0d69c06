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

/**
 * One `#SBATCH --<option>=<value>` line. sbatch reads these lines itself (not the shell): a newline would
 * end the directive and turn the rest into a command of the job script, and whitespace would end the
 * value; sbatch accepts a value in double quotes. So control characters and double quotes are refused
 * (naming the option), and a value with spaces or '#' is quoted.
 * @throws RangeError naming the option and the value.
 */
export function sbatchDirective(option: string, value: string): string {
  if (value === '') throw new RangeError(`slurm: --${option} must not be empty`);
  if (/[\u0000-\u001f\u007f"]/.test(value)) {
    throw new RangeError(`slurm: --${option} ${JSON.stringify(value)} holds a newline, control character or double quote, which an #SBATCH line cannot carry`);
  }
  return `#SBATCH --${option}=${/[\s#']/.test(value) ? `"${value}"` : value}`;
}

/** A log file pattern inside `dir`: '%' in the folder's name is doubled so Slurm does not expand it. */
function logPattern(dir: string, file: string): string {
  return `${dir.replace(/%/g, '%%')}/${file}`;
}

function cli(ctx: SbatchContext): string {
  return [ctx.node, ctx.cli, ...(ctx.cliArgs ?? [])].map(q).join(' ');
}

function resourceLines(r: SlurmResources): string[] {
  const lines: string[] = [];
  if (r.time) lines.push(sbatchDirective('time', r.time));
  if (r.mem) lines.push(sbatchDirective('mem', r.mem));
  if (r.cpusPerTask !== undefined) {
    if (!Number.isInteger(r.cpusPerTask) || r.cpusPerTask < 1) {
      throw new RangeError(`slurm: cpusPerTask must be an integer >= 1, got ${r.cpusPerTask}`);
    }
    lines.push(`#SBATCH --cpus-per-task=${r.cpusPerTask}`);
  }
  if (r.gpus) lines.push(sbatchDirective('gpus-per-task', r.gpus));
  if (r.partition) lines.push(sbatchDirective('partition', r.partition));
  if (r.account) lines.push(sbatchDirective('account', r.account));
  if (r.qos) lines.push(sbatchDirective('qos', r.qos));
  for (const e of r.extra ?? []) {
    const m = /^--([A-Za-z][A-Za-z0-9-]*)(?:=(.*))?$/s.exec(e);
    if (m === null) throw new RangeError(`slurm: extra sbatch options look like '--name' or '--name=value', got ${JSON.stringify(e)}`);
    lines.push(m[2] === undefined ? `#SBATCH --${m[1]}` : sbatchDirective(m[1]!, m[2]));
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
    sbatchDirective('job-name', ctx.jobName),
    `#SBATCH --array=${chunk.spec}${throttle}`,
    '#SBATCH --requeue',
    sbatchDirective('output', logPattern(ctx.logDir, '%A_%a.out')),
    sbatchDirective('error', logPattern(ctx.logDir, '%A_%a.out')),
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
    sbatchDirective('job-name', `${ctx.jobName}-report`),
    sbatchDirective('output', logPattern(ctx.logDir, 'report_%j.out')),
    ...resourceLines(rest),
    '',
    'set -euo pipefail',
    ...envLines(ctx),
    `exec ${cli(ctx)} report ${q(ctx.experimentDir)}`,
    '',
  ].join('\n');
}
