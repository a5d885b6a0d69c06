/** `falcun-lab list`: datasets, strategies and presets. */
import { listPresets } from '../experiment/presets.ts';
import { loadDependencies, type CommandContext } from './context.ts';

export function addListCommand(ctx: CommandContext): void {
  ctx.program
    .command('list')
    .description('list datasets, strategies and presets')
    .action(async () => {
      const deps = await loadDependencies(ctx);
      const section = (title: string, items: Array<{ name: string; description?: string }>) => {
        ctx.io.out(`${title}:\n`);
        const w = Math.max(0, ...items.map((i) => i.name.length));
        for (const i of items) ctx.io.out(`  ${i.name.padEnd(w)}  ${i.description ?? ''}\n`);
      };
      section('datasets', deps.listDatasets?.() ?? []);
      section('strategies', deps.listStrategies?.() ?? []);
      section('presets', listPresets());
    });
}
