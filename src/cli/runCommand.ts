/** `falcun-lab run <config|preset>`: run or resume a grid in worker processes, then the report. The backend rule: experiment/backendRule.ts. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackendRequest } from '../backend/backendInfo.ts';
import { backendRecord, decideRunBackend, formatBackendLine, ignoredEnvBackendNote, mixedAutoBackendWarning } from '../experiment/backendRule.ts';
import { checkPlan } from '../experiment/checkPlan.ts';
import { ConfigError } from '../experiment/config.ts';
import { currentGitCommit, openExperimentDir } from '../experiment/manifest.ts';
import { dependenciesModule, errorText, EXIT, isVerbose, loadDependencies, stopGraceMs, type CommandContext } from './context.ts';
import { loadConfig } from './loadConfig.ts';
import { BACKEND_FLAG_HELP, parseBackendFlag, positiveInt } from './parsers.ts';

export function addRunCommand(ctx: CommandContext): void {
  ctx.program
    .command('run')
    .description('run (or resume) an experiment: every dataset × strategy × seed, in parallel worker processes')
    .argument('<config>', 'a preset (smoke, quick, paper) or a config file (.json, .ts, .js)')
    .option('-o, --out <dir>', 'experiment directory (default: results/<experiment name>)')
    .option('-w, --workers <n>', 'worker processes (default: one per core)', positiveInt('--workers'))
    .option('--no-report', 'skip the CSV export and learning-curve figure at the end')
    .option('--no-png', 'write the figure as HTML only (no headless Chromium)')
    .option('--backend <backend>', BACKEND_FLAG_HELP, parseBackendFlag)
    .addHelpText(
      'after',
      '\nRe-running the same command resumes every run from its last completed round.\nA different config under an existing --out directory is refused.\n' +
        '--backend: a new directory records the backend in its plan (manifest.json). An existing directory keeps\n' +
        "its own: another --backend is refused (two backends' results would mix), unless its plan says 'auto';\n" +
        'without --backend, a directory created with one resumes on that backend.',
    )
    .action(async (configArg: string, opts: { out?: string; workers?: number; report: boolean; png: boolean; backend?: BackendRequest }) => {
      const loaded = await loadConfig(configArg);
      const dir = resolve(opts.out ?? `results/${loaded.plan.name}`);
      const decision = decideRunBackend(dir, loaded.plan, opts.backend);
      const plan = decision.plan;
      const requested = decision.cellBackend ?? plan.backend;
      const depsModule = dependenciesModule(ctx);
      // The user's own data files are loaded and checked before the directory is created (checkOwnData.ts).
      const { checkOwnData } = await import('./checkOwnData.ts');
      const dataIssues = await checkOwnData(plan);
      if (dataIssues.length > 0) throw new ConfigError(loaded.source, dataIssues);
      const deps = await loadDependencies(ctx);
      // Everything the config names (strategies, datasets and their options, sizes against the real data)
      // is checked before anything is written: an invalid config leaves no directory behind.
      await checkPlan(loaded.plan, deps, loaded.source);
      const info = deps.describeBackend ? await deps.describeBackend(requested) : {};
      // The runner and the report (plotly, the Chromium driver) load only when used, so other commands start quickly.
      const { lockExperimentDir, runExperiment, STOP_GRACE_MS } = await import('../experiment/workerPool.ts');
      mkdirSync(dir, { recursive: true });
      // One `run` per directory: the lock is taken before the manifest is written.
      const directoryLock = await lockExperimentDir(dir);
      try {
        const manifest = openExperimentDir(dir, plan, loaded.source, backendRecord(info, decision));
        ctx.io.out(`experiment '${plan.name}' → ${dir} (backend ${String(info.choice ?? info.name ?? requested)})\n`);
        ctx.io.out(`${formatBackendLine(info, requested, decision.source)}\n`);
        for (const n of decision.notes) ctx.io.out(`${n}\n`);
        const envNote = ignoredEnvBackendNote(plan.backend, decision.cellBackend, decision.source);
        if (envNote) ctx.io.out(`${envNote}\n`);
        const mixed = mixedAutoBackendWarning(dir, manifest, info, 'this invocation', 'runs resumed now');
        if (mixed) ctx.io.out(`${mixed}\n`);
        const commit = currentGitCommit();
        if (manifest.gitCommit !== null && commit !== null && manifest.gitCommit !== commit) {
          ctx.io.out(`note: ${dir} was created at commit ${manifest.gitCommit.slice(0, 10)}, the code is now at ${commit.slice(0, 10)}; resumed runs mix both if the change alters results\n`);
        }
        const t0 = performance.now();
        // The runner and the report (plotly, the Chromium driver) load only when used, so other commands start quickly.
        const summary = await runExperiment({
          dir,
          directoryLock,
          dependenciesModule: depsModule,
          ...(opts.workers ? { workers: opts.workers } : {}),
          ...(decision.cellBackend !== undefined ? { backend: decision.cellBackend } : {}),
          stopGraceMs: stopGraceMs(STOP_GRACE_MS),
        });
        const seconds = (performance.now() - t0) / 1000;
        ctx.io.out(
          `${summary.completed} runs completed, ${summary.skipped} already done, ${summary.failed.length} failed, ${summary.stopped} interrupted, of ${summary.total} (${seconds.toFixed(1)} s)\n`,
        );
        for (const f of summary.failed) ctx.io.err(`FAILED ${f.runId}: ${errorText(f.message, isVerbose(ctx))}\n`);
        if (summary.notStarted > 0) {
          ctx.io.err(`${summary.notStarted} runs were not started: the worker processes could not start\n${errorText(summary.workerErrors.slice(0, 1).join(''), isVerbose(ctx))}\n`);
        }
        if (summary.failed.length > 0 || summary.notStarted > 0) ctx.result.code = EXIT.failed;
        else if (summary.stopped > 0 || summary.interrupted) {
          ctx.io.out(`stopped; re-run 'falcun-lab run ${configArg}${opts.out ? ` --out ${opts.out}` : ''}${opts.backend ? ` --backend ${opts.backend}` : ''}' to resume\n`);
          ctx.result.code = summary.terminated ? EXIT.terminated : EXIT.interrupted;
        } else if (opts.report) {
          const { writeReport } = await import('../report/report.ts');
          const r = await writeReport(dir, { png: opts.png });
          for (const line of r.lines) ctx.io.out(`${line}\n`);
        }
      } finally {
        directoryLock.release();
      }
    });
}
