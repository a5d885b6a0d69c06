/** `falcun-lab run-cell <dir> --index i`: one cell of the grid (what a Slurm array task runs). */
import { resolve } from 'node:path';
import type { BackendRequest } from '../backend/backendInfo.ts';
import { cellBackend, formatBackendLine, mixedAutoBackendWarning } from '../experiment/backendRule.ts';
import { readManifest } from '../experiment/manifest.ts';
import { runCell } from '../experiment/runCell.ts';
import { EXIT, loadDependencies, type CommandContext } from './context.ts';
import { BACKEND_FLAG_HELP_CELL, nonNegativeInt, parseBackendFlag } from './parsers.ts';

export function addRunCellCommand(ctx: CommandContext): void {
  ctx.program
    .command('run-cell')
    .description('run one cell of the grid (idempotent: resumes from its last completed round); what a Slurm array task runs')
    .argument('<dir>', 'experiment directory (created by run, or by slurm)')
    .requiredOption('-i, --index <i>', 'cell index (see status)', nonNegativeInt)
    .option('--backend <backend>', BACKEND_FLAG_HELP_CELL, parseBackendFlag)
    .addHelpText(
      'after',
      "\n--backend must be the directory's backend (its manifest's plan), or any one when the plan says 'auto'\n(it then decides the automatic choice); another is refused: two backends' results would mix.",
    )
    .action(async (dirArg: string, opts: { index: number; backend?: BackendRequest }) => {
      const dir = resolve(dirArg);
      const manifest = readManifest(dir);
      const backend = cellBackend(dir, manifest.plan.backend, opts.backend);
      const deps = await loadDependencies(ctx);
      if (deps.describeBackend) {
        const info = await deps.describeBackend(backend);
        ctx.io.out(`${formatBackendLine(info, backend, opts.backend !== undefined ? '--backend' : `the plan of ${dir}`)}\n`);
        const mixed = mixedAutoBackendWarning(dir, manifest, info, 'this cell', 'its results');
        if (mixed) ctx.io.out(`${mixed}\n`);
      }
      let stop = false;
      const onSigterm = () => void (stop = true);
      process.on('SIGTERM', onSigterm);
      process.on('SIGINT', onSigterm);
      try {
        const r = await runCell(dir, opts.index, deps, {
          shouldStop: () => stop,
          ...(opts.backend !== undefined ? { backend: opts.backend } : {}),
          onEvent: (e) => {
            if (e.type === 'round-done') ctx.io.out(`round ${e.round + 1}/${e.rounds} labels ${e.record.numLabeled} acc ${e.record.testAccuracy.toFixed(4)}\n`);
          },
        });
        ctx.io.out(`${r.cell.runId}: ${r.status} (resumed from round ${r.resumedFrom}, wrote ${r.roundsWritten})\n`);
        if (r.status === 'stopped') ctx.result.code = EXIT.interrupted;
      } finally {
        process.off('SIGTERM', onSigterm);
        process.off('SIGINT', onSigterm);
      }
    });
}
