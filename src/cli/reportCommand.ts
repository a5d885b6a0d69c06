/** `falcun-lab report <dir>`: CSV, learning curves and their figure (report/report.ts). */
import { resolve } from 'node:path';
import type { CommandContext } from './context.ts';

export function addReportCommand(ctx: CommandContext): void {
  ctx.program
    .command('report')
    .description('aggregate an experiment: CSV, learning curves (JSON), learning-curve figure (HTML, PNG)')
    .argument('<dir>', 'experiment directory')
    .option('--no-png', 'write the figure as HTML only (no headless Chromium)')
    .action(async (dir: string, opts: { png: boolean }) => {
      const { writeReport } = await import('../report/report.ts'); // plotly and Chromium load only here
      const r = await writeReport(resolve(dir), { png: opts.png });
      for (const line of r.lines) ctx.io.out(`${line}\n`);
    });
}
