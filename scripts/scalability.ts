// The scalability study (paper Fig. 18, Table 2) as a stored result: times every strategy over the grid of a
// scale and writes <out>/scalability.json, which `npm run figures -- <out>` draws.
// Usage: npm run scalability -- [--scale smoke|quick|paper] [--pool openml-156|synthetic] [--rounds R] [--cell-limit S] [--out results/scalability-<scale>] [--seed 0]
// The committed study behind figures/repro (Fig. 18, Table 2) and REPRODUCTION.md, ~5 min on one core:
//   npm run scalability -- --scale quick --rounds 10 --out results/repro-scalability
import { Command, Option } from 'commander';
import { initBackend } from '../src/backend/initBackend.ts';
import { SCALABILITY_GRIDS, measureScalability } from '../src/notebook/scalability.ts';
import { fastCrossProduct } from '../src/training/tfCrossProduct.ts';
import { SCALABILITY_POOLS, writeScalabilityStudy, type ScalabilityPool } from '../src/results/scalabilityStudy.ts';

const program = new Command('scalability')
  .description('Time every strategy over the scalability grid of a scale (paper Fig. 18) and store the timings')
  .addOption(new Option('--scale <scale>', 'grid size').choices(['smoke', 'quick', 'paper']).default('quick'))
  .addOption(new Option('--pool <pool>', "the pools: OpenML-156 rows through a trained MLP (forward pass timed apart), or synthetic probabilities and embeddings (default: the scale's; smoke is synthetic)").choices([...SCALABILITY_POOLS]))
  .option('--out <dir>', 'folder for scalability.json (default results/scalability-<scale>)')
  .option('--seed <n>', 'seed of the synthetic pools and the strategies', '0')
  .option('--rounds <n>', "acquisition rounds per run (default: the scale's; the paper has 10); rounds · Q must fit in N")
  .option('--cell-limit <seconds>', 'time limit per cell: a run stops after the round in which its cumulated time passes it (default: none; the paper stopped at 10 days)')
  .parse();
const opts = program.opts<{ scale: 'smoke' | 'quick' | 'paper'; pool?: ScalabilityPool; out?: string; seed: string; rounds?: string; cellLimit?: string }>();
const fail = (msg: string): never => {
  console.error(`scalability: ${msg}`);
  process.exit(2);
};
const seed = Number(opts.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be an integer >= 0, got ${opts.seed}`);
const rounds = opts.rounds === undefined ? undefined : Number(opts.rounds);
if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1)) fail(`--rounds must be an integer >= 1, got ${opts.rounds}`);
const cellLimitSeconds = opts.cellLimit === undefined ? undefined : Number(opts.cellLimit);
if (cellLimitSeconds !== undefined && !(cellLimitSeconds > 0 && Number.isFinite(cellLimitSeconds))) fail(`--cell-limit must be a positive number of seconds, got ${opts.cellLimit}`);
const grid = {
  ...SCALABILITY_GRIDS[opts.scale],
  ...(rounds === undefined ? {} : { rounds }),
  ...(opts.pool === undefined ? {} : { pool: opts.pool }),
  ...(cellLimitSeconds === undefined ? {} : { cellLimitSeconds }),
};
const out = opts.out ?? `results/scalability-${opts.scale}`;
// The same matrix product a real run gives the strategies (the wasm backend's), so that the embedding
// strategies are timed on their fastest sound implementation, as in the experiments.
const backend = await initBackend();
const crossProduct = fastCrossProduct();
const product = crossProduct ? `tfjs ${backend.name} matMul` : 'pure TypeScript (crossDot)';
console.log(`scalability: ${grid.pool === 'openml-156' ? 'OpenML-156 (RandomRBF) through an MLP of D hidden units' : 'synthetic pools'}; distance products on ${product}`);
const t0 = performance.now();
const rows = await measureScalability(
  grid,
  seed,
  (r) => console.log(`${r.strategy.padEnd(14)} N=${r.N} Q=${r.Q} D=${r.D}: ${(1000 * r.seconds).toFixed(1)} ms over ${r.roundSeconds?.length ?? r.rounds} rounds${r.forwardSeconds === undefined ? '' : ` (forward passes ${(1000 * r.forwardSeconds).toFixed(1)} ms)`}${r.timedOut ? ' (stopped at the time limit)' : ''}`),
  crossProduct ? { crossProduct } : {},
);
const file = writeScalabilityStudy(out, { grid, seed, rows, createdAt: new Date().toISOString(), product });
console.log(`scalability: ${rows.length} timings in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${file}`);
