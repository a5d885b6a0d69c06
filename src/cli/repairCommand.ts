/**
 * `falcun-lab repair <dir> [--dry-run]`: says which records of each run file are intact and repairs a
 * damaged file by keeping its valid prefix (results/repairRunFile.ts); the original is copied to
 * `<file>.damaged-<time>` first. It takes the directory's lock and refuses while any cell is being
 * written, so it never races a writer. Re-running the experiment then redoes the rounds after the prefix.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readManifest } from '../experiment/manifest.ts';
import { cellLockFile, LockBusyError, readLockHolder } from '../experiment/writerLock.ts';
import { checkRunFile, repairRunFile, type RunFileCheck } from '../results/repairRunFile.ts';
import type { CommandContext } from './context.ts';

function describe(c: RunFileCheck, dryRun: boolean): string {
  const name = c.file.split('/').pop();
  const kept = c.intact === 0 ? 'no intact records' : `rounds 0..${c.intact - 1} intact (${c.intact} record${c.intact === 1 ? '' : 's'})`;
  const dropped = c.lines - c.intact;
  return `${name}: ${kept}; line ${c.damage!.line} ${c.damage!.reason}; ${dropped} line${dropped === 1 ? '' : 's'} from there on ${dryRun ? 'would be' : 'are'} dropped`;
}

export function addRepairCommand(ctx: CommandContext): void {
  ctx.program
    .command('repair')
    .description('check every run file of an experiment and keep the intact records of a damaged one (the original is kept aside)')
    .argument('<dir>', 'experiment directory')
    .option('--dry-run', 'only say what is intact and what would be dropped')
    .action(async (dirArg: string, opts: { dryRun?: boolean }) => {
      const dir = resolve(dirArg);
      readManifest(dir);
      const runs = join(dir, 'runs');
      const files = existsSync(runs) ? readdirSync(runs).filter((f) => f.endsWith('.jsonl')).sort() : [];
      const { lockExperimentDir } = await import('../experiment/workerPool.ts');
      const lock = opts.dryRun ? undefined : await lockExperimentDir(dir, 'falcun-lab repair');
      try {
        let damaged = 0;
        for (const f of files) {
          const file = join(runs, f);
          const check = checkRunFile(file);
          if (check.damage === undefined) continue;
          damaged++;
          ctx.io.out(`${describe(check, Boolean(opts.dryRun))}\n`);
          if (opts.dryRun) continue;
          const held = readLockHolder(cellLockFile(dir, f.replace(/\.jsonl$/, '')));
          if (held?.alive) throw new LockBusyError(cellLockFile(dir, f.replace(/\.jsonl$/, '')), held.holder, `run file ${file}`);
          const { backup } = repairRunFile(file);
          ctx.io.out(`  kept rounds 0..${check.intact - 1}; the original is in ${backup}\n`);
        }
        if (damaged === 0) ctx.io.out(`every run file is sound (${files.length} checked)\n`);
        else if (opts.dryRun) ctx.io.out(`${damaged} damaged run file${damaged === 1 ? '' : 's'}; run without --dry-run to keep the intact records\n`);
        else ctx.io.out(`repaired ${damaged} run file${damaged === 1 ? '' : 's'}; re-run the experiment to redo the dropped rounds\n`);
      } finally {
        lock?.release();
      }
    });
}
