/** `falcun-lab status <dir>`: done / partial / missing per run, and the Slurm queue's view. */
import { resolve } from 'node:path';
import { experimentStatus, formatStatus, unfinishedCells } from '../experiment/status.ts';
import type { CommandContext } from './context.ts';
import { slurmStatusSection } from './slurmCommand.ts';

export function addStatusCommand(ctx: CommandContext): void {
  ctx.program
    .command('status')
    .description('show what is done and what remains in an experiment directory')
    .argument('<dir>', 'experiment directory')
    .option('--json', 'machine-readable output')
    .option('--resubmit', 'Slurm: submit the missing and failed cells again (with the options saved by `slurm`)')
    .action((dir: string, opts: { json?: boolean; resubmit?: boolean }) => {
      const s = experimentStatus(resolve(dir));
      if (opts.json) {
        ctx.io.out(`${JSON.stringify({ dir: s.dir, planHash: s.manifest.planHash, done: s.done, partial: s.partial, missing: s.missing, unfinished: unfinishedCells(s), cells: s.cells }, null, 2)}\n`);
        return;
      }
      ctx.io.out(formatStatus(s));
      // Grids set up with `falcun-lab slurm` also get the queue's view (running / pending / failed).
      slurmStatusSection(resolve(dir), Boolean(opts.resubmit), ctx.io);
    });
}
