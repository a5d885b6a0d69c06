/**
 * CLI glue for Slurm: `falcun-lab slurm <config> --out <dir> [--submit]`, and the Slurm part of
 * `falcun-lab status <dir> [--resubmit]`. The options given to `slurm` are saved in
 * `<dir>/slurm/options.json` so that a resubmission uses the same resources.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_DEPENDENCIES, dependenciesModule, type CliIo, type CommandContext } from './context.ts';
import { loadConfig } from './loadConfig.ts';
import { collect, parseEnv, positiveInt } from './parsers.ts';
import { openExperimentDir } from '../experiment/manifest.ts';
import { experimentStatus, unfinishedCells } from '../experiment/status.ts';
import { checkSlurmOptions, formatSlurmStatus, slurmStatus, submitSlurmScripts, writeSlurmScripts, type SlurmOptions } from '../slurm/slurmGrid.ts';

function optionsFile(dir: string): string {
  return join(dir, 'slurm', 'options.json');
}

/** Adds the `slurm` command to the CLI program. */
export function addSlurmCommand(ctx: CommandContext): void {
  const io = ctx.io;
  ctx.program
    .command('slurm')
    .description('write (and with --submit, submit) sbatch scripts that run the grid as a Slurm job array')
    .argument('<config>', 'a preset (smoke, quick, paper) or a config file')
    .requiredOption('-o, --out <dir>', 'experiment directory on a filesystem shared with the compute nodes')
    .option('--submit', 'submit with sbatch and print the job ids (default: only write the scripts for review)')
    .option('--parallel <k>', 'at most k array tasks at once (--array=...%k)', positiveInt('--parallel'))
    .option('--time <t>', 'wall time per task (e.g. 04:00:00)')
    .option('--mem <m>', 'memory per task (e.g. 16G)')
    .option('--cpus-per-task <n>', 'CPUs per task', positiveInt('--cpus-per-task'))
    .option('--gpus <g>', 'GPUs per task (--gpus-per-task), e.g. 1 or a100:1')
    .option('--partition <p>', 'partition')
    .option('--account <a>', 'account')
    .option('--qos <q>', 'quality of service')
    .option('--sbatch <option>', 'any further sbatch option, verbatim (repeatable), e.g. --sbatch=--constraint=v100', collect, [])
    .option('--env <NAME=VALUE>', 'environment variable for the tasks (repeatable), e.g. FALCUN_BACKEND=tensorflow', collect, [])
    .option('--max-array-size <n>', "the cluster's MaxArraySize (scontrol show config)", positiveInt('--max-array-size'), 1001)
    .option('--job-name <name>', 'job name', 'falcun')
    .option('--report', 'add a report job (afterany) that writes the CSV and figures once every task ended')
    .option('--node <path>', 'node binary on the compute nodes (default: this one)')
    .addHelpText(
      'after',
      '\nEach array task runs `falcun-lab run-cell <dir> --index i`, which resumes from its last completed round.\n' +
        'Track progress with `falcun-lab status <dir>`; `--resubmit` submits the missing and failed cells again.',
    )
    .action(async (configArg: string, o: Record<string, unknown>) => {
      const { plan, source } = await loadConfig(configArg);
      const dir = resolve(o.out as string);
      const options: SlurmOptions = {
        jobName: o.jobName as string,
        maxArraySize: o.maxArraySize as number,
        report: Boolean(o.report),
        ...(o.parallel ? { parallel: o.parallel as number } : {}),
        ...(o.time ? { time: o.time as string } : {}),
        ...(o.mem ? { mem: o.mem as string } : {}),
        ...(o.cpusPerTask ? { cpusPerTask: o.cpusPerTask as number } : {}),
        ...(o.gpus ? { gpus: o.gpus as string } : {}),
        ...(o.partition ? { partition: o.partition as string } : {}),
        ...(o.account ? { account: o.account as string } : {}),
        ...(o.qos ? { qos: o.qos as string } : {}),
        ...(o.node ? { node: o.node as string } : {}),
        extra: o.sbatch as string[],
        env: parseEnv(o.env as string[]),
      };
      // Tasks use the same runner dependencies as this command (tests pass fakes with --dependencies).
      const deps = dependenciesModule(ctx);
      if (deps && resolve(deps) !== DEFAULT_DEPENDENCIES) Object.assign(options, { cliArgs: ['--dependencies', resolve(deps)] });
      // Every value bound for an #SBATCH line is checked before the directory is created.
      try {
        checkSlurmOptions(dir, options);
      } catch (e) {
        ctx.program.error(`error: ${(e as Error).message}`, { exitCode: 2 });
      }
      openExperimentDir(dir, plan, source, { requested: plan.backend, via: 'slurm' });
      mkdirSync(join(dir, 'slurm'), { recursive: true });
      writeFileSync(optionsFile(dir), JSON.stringify(options, null, 2) + '\n');
      const todo = unfinishedCells(experimentStatus(dir));
      if (todo.length === 0) {
        io.out(`every cell of '${plan.name}' in ${dir} is done; nothing to submit\n`);
        return;
      }
      const scripts = writeSlurmScripts(dir, todo, options);
      for (const a of scripts.arrays) io.out(`wrote ${a.file} (${a.chunk.count} tasks, cells ${a.chunk.offset}+[${a.chunk.spec}])\n`);
      if (scripts.report) io.out(`wrote ${scripts.report}\n`);
      if (o.submit) {
        const jobs = submitSlurmScripts(dir, scripts);
        io.out(`submitted array job(s) ${jobs.arrayJobIds.join(', ')}${jobs.reportJobId ? `; report job ${jobs.reportJobId}` : ''}\n`);
      } else {
        io.out(`review the scripts, then submit with --submit (or: sbatch ${scripts.arrays.map((a) => JSON.stringify(a.file)).join(' && sbatch ')})\n`);
      }
    });
}

/**
 * The Slurm part of `status`: printed when the directory was set up by `slurm` (or `--resubmit` asks).
 * With `resubmit`, submits the missing and failed cells with the saved options.
 */
export function slurmStatusSection(dir: string, resubmit: boolean, io: CliIo): void {
  if (!existsSync(join(dir, 'slurm')) && !resubmit) return;
  const s = slurmStatus(dir);
  io.out(formatSlurmStatus(s));
  if (!resubmit) return;
  const cells = s.cells.filter((c) => c.slurmState === 'failed' || c.slurmState === 'missing').map((c) => c.index);
  if (cells.length === 0) {
    io.out('nothing to resubmit\n');
    return;
  }
  if (!existsSync(optionsFile(dir))) {
    throw new Error(`status --resubmit: ${optionsFile(dir)} is missing; set the grid up with 'falcun-lab slurm <config> --out ${dir}' first`);
  }
  const options = JSON.parse(readFileSync(optionsFile(dir), 'utf8')) as SlurmOptions;
  const tag = `resubmit-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const scripts = writeSlurmScripts(dir, cells, { ...options, report: false }, tag);
  const jobs = submitSlurmScripts(dir, scripts);
  io.out(`resubmitted ${cells.length} cell(s) as job(s) ${jobs.arrayJobIds.join(', ')}\n`);
}
