/**
 * Executes the notebooks headless (Jupyter nbconvert, tslab kernel) and fails on any cell error.
 *
 *   npm run notebooks                       every notebook at the smoke scale (CI), figures to a temp folder
 *   npm run reproduce -- --scale quick      every notebook at the quick scale, figures refreshed in figures/
 *   npm run notebooks -- 04 gamma           only notebooks whose file name contains "04" or "gamma"
 *
 * Steps: compile src/ to dist/ (tslab imports compiled code only), register the kernel if needed,
 * check that every committed notebook has its outputs stripped, then run each one in a fresh kernel
 * with FALCUN_SCALE / FALCUN_FIGURES_DIR / FALCUN_RESULTS_DIR set for its parameter cell.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { isStripped } from './strip.ts';

const root = resolve(import.meta.dirname, '..', '..');
const program = new Command('notebooks')
  .description('Execute the notebooks headless and fail on any cell error')
  .addOption(new Option('--scale <scale>', 'scale preset for every notebook').choices(['smoke', 'quick', 'paper']).default('smoke'))
  .option('--figures <dir>', 'where notebooks export figures (default: a temp folder at smoke scale, figures/ otherwise)')
  .option('--results <dir>', 'where notebooks keep experiment results (default: results/notebooks-<scale>)')
  .option('--keep-outputs <dir>', 'write the executed notebooks (with outputs) into this folder')
  .option('--timeout <seconds>', 'per-cell timeout', '1800')
  .argument('[filters...]', 'run only notebooks whose file name contains one of these')
  .parse();

const opts = program.opts<{ scale: string; figures?: string; results?: string; keepOutputs?: string; timeout: string }>();
const filters = program.args;

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`notebooks: '${cmd} ${args.join(' ')}' failed (exit ${r.status})`);
    process.exit(1);
  }
}

const nbDir = join(root, 'notebooks');
const notebooks = readdirSync(nbDir)
  .filter((f) => f.endsWith('.ipynb') && (filters.length === 0 || filters.some((s) => f.includes(s))))
  .sort();
if (notebooks.length === 0) {
  console.error(`notebooks: nothing matches ${filters.join(', ') || 'notebooks/*.ipynb'}`);
  process.exit(1);
}

// Committed notebooks carry no outputs (an inline plotly figure adds ~5 MB each).
const dirty = notebooks.filter((f) => !isStripped(JSON.parse(readFileSync(join(nbDir, f), 'utf8'))));
if (dirty.length) {
  console.error(`notebooks: outputs present in ${dirty.join(', ')}; run 'npm run notebooks:strip' before committing`);
  process.exit(1);
}

sh(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
sh('bash', ['scripts/notebooks/setup.sh']);

const figures = resolve(opts.figures ?? (opts.scale === 'smoke' ? mkdtempSync(join(tmpdir(), 'falcun-figures-')) : join(root, 'figures')));
const results = resolve(opts.results ?? join(root, 'results', `notebooks-${opts.scale}`));
const outDir = resolve(opts.keepOutputs ?? mkdtempSync(join(tmpdir(), 'falcun-nb-')));
for (const d of [figures, results, outDir]) mkdirSync(d, { recursive: true });
const env = {
  ...process.env,
  JUPYTER_PATH: join(root, '.jupyter', 'share', 'jupyter'),
  FALCUN_SCALE: opts.scale,
  FALCUN_FIGURES_DIR: figures,
  FALCUN_RESULTS_DIR: results,
};

console.log(`notebooks: ${notebooks.length} at scale '${opts.scale}'; figures → ${figures}; results → ${results}`);
const failed: string[] = [];
notebooks.forEach((nb, i) => {
  const t0 = performance.now();
  const r = spawnSync(
    'jupyter',
    [
      'nbconvert', '--to', 'notebook', '--execute',
      '--ExecutePreprocessor.kernel_name=tslab',
      `--ExecutePreprocessor.timeout=${opts.timeout}`,
      '--output-dir', outDir,
      join(nbDir, nb),
    ],
    { cwd: nbDir, env, encoding: 'utf8' },
  );
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status === 0) console.log(`[${i + 1}/${notebooks.length}] ${nb} ok (${secs} s)`);
  else {
    failed.push(nb);
    console.log(`[${i + 1}/${notebooks.length}] ${nb} FAILED (${secs} s)`);
    console.log((r.stderr || '').split('\n').slice(-40).join('\n'));
  }
});
if (opts.keepOutputs) console.log(`notebooks: executed copies in ${outDir}`);
if (failed.length) {
  console.error(`notebooks: ${failed.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`notebooks: all ${notebooks.length} ran without errors`);
