// The scalability study (paper Fig. 18, Table 2) as a stored result: times every strategy over the grid of a
// scale and writes <out>/scalability.json, which `npm run figures -- <out>` draws.
// Usage: npm run scalability -- [--scale smoke|quick|paper] [--rounds R] [--out results/scalability-<scale>] [--seed 0]
// The committed study behind figures/repro (Fig. 18, Table 2), ~25 min on one core of a busy 2-core machine:
//   nice -n 10 npm run scalability -- --scale quick --rounds 6 --out results/repro-scalability
import { Command, Option } from 'commander';
import { SCALABILITY_GRIDS, measureScalability, writeScalabilityStudy } from '../src/notebook/scalability.ts';

const program = new Command('scalability')
  .description('Time every strategy over the scalability grid of a scale (paper Fig. 18) and store the timings')
  .addOption(new Option('--scale <scale>', 'grid size').choices(['smoke', 'quick', 'paper']).default('quick'))
  .option('--out <dir>', 'folder for scalability.json (default results/scalability-<scale>)')
  .option('--seed <n>', 'seed of the synthetic pools and the strategies', '0')
  .option('--rounds <n>', "acquisition rounds per run (default: the scale's; the paper has 10); rounds · Q must fit in N")
  .parse();
const opts = program.opts<{ scale: 'smoke' | 'quick' | 'paper'; out?: string; seed: string; rounds?: string }>();
const fail = (msg: string): never => {
  console.error(`scalability: ${msg}`);
  process.exit(2);
};
const seed = Number(opts.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be an integer >= 0, got ${opts.seed}`);
const rounds = opts.rounds === undefined ? undefined : Number(opts.rounds);
if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1)) fail(`--rounds must be an integer >= 1, got ${opts.rounds}`);
const grid = rounds === undefined ? SCALABILITY_GRIDS[opts.scale] : { ...SCALABILITY_GRIDS[opts.scale], rounds };
const out = opts.out ?? `results/scalability-${opts.scale}`;
const t0 = performance.now();
const rows = measureScalability(grid, seed, (r) => console.log(`${r.strategy.padEnd(14)} N=${r.N} Q=${r.Q} D=${r.D}: ${(1000 * r.seconds).toFixed(1)} ms over ${r.rounds} rounds`));
const file = writeScalabilityStudy(out, { grid, seed, rows, createdAt: new Date().toISOString() });
console.log(`scalability: ${rows.length} timings in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${file}`);
