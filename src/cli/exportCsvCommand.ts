/** `falcun-lab export-csv <dir>`: every round record as CSV. */
import { resolve } from 'node:path';
import { exportCsv } from '../experiment/csvExport.ts';
import type { CommandContext } from './context.ts';

export function addExportCsvCommand(ctx: CommandContext): void {
  ctx.program
    .command('export-csv')
    .description('write every round record as CSV (one row per round; see README "Results format")')
    .argument('<dir>', 'experiment directory')
    .option('-o, --out <file>', 'CSV file (default: <dir>/records.csv)')
    .action((dir: string, opts: { out?: string }) => {
      const file = resolve(opts.out ?? resolve(dir, 'records.csv'));
      const n = exportCsv(resolve(dir), file);
      ctx.io.out(`${n} records → ${file}\n`);
    });
}
