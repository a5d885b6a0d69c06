/**
 * Lands the finished cells of a reproduction grid that ran in a scratch folder in the committed results/:
 * copies every complete run file of <from>/repro-* into results/repro-* (never a partial one, never over a
 * different committed file), then `npm run reproduce:doc` rewrites REPRODUCTION.md from them.
 *
 *   npm run reproduce:grid -- --workers 2 --out /scratch/grid   # hours; resumable
 *   npm run reproduce:collect -- /scratch/grid                  # any time, as often as you like
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { copyCompleteRuns } from '../../src/experiment/copyCompleteRuns.ts';
import { REPRODUCTION_DIRS } from '../../src/results/reproductionDirs.ts';

const program = new Command('reproduce:collect')
  .description("Copy the complete runs of a reproduction grid's --out folder into results/ (the committed reproduction)")
  .argument('<from>', 'the folder reproduce:grid wrote to (its --out), holding repro-* experiment folders')
  .option('--to <dir>', 'the parent folder of the committed experiment folders', 'results')
  .parse();
const [from] = program.args as [string];
const { to } = program.opts<{ to: string }>();
if (!existsSync(from)) {
  console.error(`reproduce:collect: ${from} does not exist; give the --out folder of npm run reproduce:grid`);
  process.exit(2);
}
let found = 0;
let conflicts = 0;
for (const rel of Object.values(REPRODUCTION_DIRS)) {
  const name = basename(rel);
  const src = join(from, name);
  if (!existsSync(join(src, 'manifest.json'))) continue;
  found++;
  try {
    const r = copyCompleteRuns(src, join(to, name));
    console.log(`${name}: ${r.copied.length} copied, ${r.alreadyThere} already there, ${r.unfinished} not complete yet${r.conflicts.length ? `, ${r.conflicts.length} differ from the copy in ${to} (kept): ${r.conflicts.join(', ')}` : ''}`);
    for (const id of r.copied) console.log(`  + ${id}`);
    conflicts += r.conflicts.length;
  } catch (e) {
    console.error(`reproduce:collect: ${(e as Error).message}`);
    process.exit(1);
  }
}
if (found === 0) {
  console.error(`reproduce:collect: ${from} holds none of ${Object.values(REPRODUCTION_DIRS).map((d) => basename(d)).join(', ')}`);
  process.exit(2);
}
console.log(`reproduce:collect: done; now npm run reproduce:doc${conflicts ? ` (${conflicts} runs differ: compare them before replacing a committed file)` : ''}`);
