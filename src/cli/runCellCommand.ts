/**
 * `falcun-lab run-cell <dir> --index i`: one cell of the grid (what a Slurm array task runs), in a worker
 * process like `run`'s. Exit 143 after SIGTERM (the scheduler requeues), 130 after Ctrl-C.
 */
import { resolve } from 'node:path';
import type { BackendRequest } from '../backend/backendInfo.ts';
import { cellBackend, formatBackendLine, mixedAutoBackendWarning } from '../experiment/backendRule.ts';
import { readManifest } from '../experiment/manifest.ts';
import { gridCell } from '../experiment/grid.ts';
import { createProgressReporter } from '../experiment/progress.ts';
import { dependenciesModule, errorText, EXIT, isVerbose, loadDependencies, stopGraceMs, type CommandContext } from './context.ts';
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
      // The cell runs in a worker process (as in `run`), so this process stays responsive to signals while
      // the worker trains. SIGINT once / SIGTERM: stop after the round in progress (SIGTERM: within the
      // grace period, then at once); SIGINT twice: at once. Records on disk are complete either way.
      const { runExperiment, STOP_GRACE_MS } = await import('../experiment/workerPool.ts');
      const summary = await runExperiment({
        dir,
        directoryLock: 'shared',
        dependenciesModule: dependenciesModule(ctx),
        cells: [opts.index],
        workers: 1,
        stopGraceMs: stopGraceMs(STOP_GRACE_MS),
        reporter: createProgressReporter(1, 0, false, ctx.io.out),
        ...(opts.backend !== undefined ? { backend: opts.backend } : {}),
      });
      const cell = gridCell(manifest.plan, opts.index);
      const c = summary.cells[0];
      if (c === undefined && summary.skipped === 1) ctx.io.out(`${cell.runId}: complete (resumed from round ${cell.dataset.rounds}, wrote 0)\n`);
      else if (c !== undefined && c.status !== 'failed') ctx.io.out(`${cell.runId}: ${c.status} (resumed from round ${c.resumedFrom}, wrote ${c.roundsWritten})\n`);
      for (const f of summary.failed) ctx.io.err(`FAILED ${f.runId}: ${errorText(f.message, isVerbose(ctx))}\n`);
      if (summary.notStarted > 0) ctx.io.err(`${cell.runId} was not started: the worker process could not start\n${errorText(summary.workerErrors.slice(0, 1).join(''), isVerbose(ctx))}\n`);
      if (summary.failed.length > 0 || summary.notStarted > 0) ctx.result.code = EXIT.failed;
      else if (summary.stopped > 0 || summary.interrupted) ctx.result.code = summary.terminated ? EXIT.terminated : EXIT.interrupted;
    });
}
