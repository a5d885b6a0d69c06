/**
 * Executes the notebooks headless (Jupyter nbconvert, tslab kernel) and fails on any cell error.
 *
 *   npm run notebooks                          every notebook, experiments run at the smoke scale (CI)
 *   npm run notebooks -- 04 gamma              only notebooks whose file name contains "04" or "gamma"
 *   npm run notebooks -- 01 --param gamma=5 --param strategies=falcun,random
 *   npm run notebooks -- --defaults            every notebook as Run All in Jupyter would (its own defaults)
 *   npm run reproduce                          the committed results drawn, the rest at the quick scale
 *                                              (exports to exports/reproduce/; the committed figures/repro/
 *                                              is npm run figures:repro's)
 *   … --record-times                           also writes the measured seconds to notebooks/times.json
 *                                              (the index notebook's table; key: the run's label)
 *
 * Parameters reach each notebook's parameter cell through ONE variable, FALCUN_NOTEBOOK_PARAMS (JSON; see
 * src/notebook/parameters.ts): results, scale, exportDir, runDir and every --param.
 * Exports go to exports/<scale>/ (git-ignored) unless --export-dir says otherwise.
 *
 * Steps: compile src/ to dist/ with its build stamp, register the kernel, check that every committed
 * notebook is stripped, then run each one in a fresh kernel. Ctrl-C, SIGTERM or SIGHUP (or the death of
 * the parent process) stops the running nbconvert and its kernel (which Jupyter starts in a session of its
 * own) before this exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { NOTEBOOK_PARAMS_ENV, parseParamPairs, type ParamValue } from '../../src/notebook/parameters.ts';
import { NOTEBOOK_TIMES_FILE, type NotebookTimes } from '../../src/notebook/notebookIndex.ts';
import { writeFileAtomic } from '../../src/atomicFile.ts';
import { stopTree, TreeWatch } from './processTree.ts';
import { isStripped } from './strip.ts';

const root = resolve(import.meta.dirname, '..', '..');
const collect = (v: string, prev: string[]) => [...prev, v];
const program = new Command('notebooks')
  .description('Execute the notebooks headless and fail on any cell error')
  .addOption(new Option('--scale <scale>', 'scale of the experiments a notebook runs').choices(['smoke', 'quick', 'paper']))
  .option('--results <what>', "what record-based notebooks draw: 'run' (run at --scale), 'committed', or a results directory")
  .option('--reproduce', 'draw the committed results, run the rest at the quick scale (npm run reproduce)')
  .option('--defaults', "inject nothing but the export folder: every notebook runs with its parameter cell's defaults")
  .option('--param <key=value>', 'a notebook parameter (repeatable), e.g. gamma=5 or strategies=falcun,random', collect, [] as string[])
  .option('--export-dir <dir>', 'where notebooks export figures (default: exports/<scale | defaults | reproduce>/, git-ignored)')
  .option('--run-dir <dir>', 'where notebooks keep experiments they run (default: results/notebooks-<scale>/)')
  .option('--keep-outputs <dir>', 'write the executed notebooks (with outputs) into this folder')
  .option('--record-times', 'write the measured seconds per notebook to notebooks/times.json')
  .option('--timeout <seconds>', 'per-cell timeout', '1800')
  .argument('[filters...]', 'run only notebooks whose file name contains one of these')
  .parse();

const opts = program.opts<{
  scale?: string; results?: string; reproduce?: boolean; defaults?: boolean; param: string[];
  exportDir?: string; runDir?: string; keepOutputs?: string; recordTimes?: boolean; timeout: string;
}>();
const filters = program.args;

function sh(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
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

// Committed notebooks carry no outputs (an inline plotly figure adds megabytes).
const dirty = notebooks.filter((f) => !isStripped(JSON.parse(readFileSync(join(nbDir, f), 'utf8'))));
if (dirty.length) {
  console.error(`notebooks: outputs present in ${dirty.join(', ')}; run 'npm run notebooks:strip' before committing`);
  process.exit(1);
}

// What the parameter cells receive, and the label of this run (export folder, times key).
const params: Record<string, ParamValue> = {};
let label: string;
if (opts.defaults) {
  label = 'defaults';
} else if (opts.reproduce) {
  Object.assign(params, { results: opts.results ?? 'committed', scale: opts.scale ?? 'quick' });
  label = 'reproduce';
} else {
  Object.assign(params, { results: opts.results ?? 'run', scale: opts.scale ?? 'smoke' });
  label = opts.scale ?? 'smoke';
}
if (opts.runDir) params.runDir = resolve(opts.runDir);
params.exportDir ??= resolve(opts.exportDir ?? join(root, 'exports', label));
Object.assign(params, parseParamPairs(opts.param));
if (opts.recordTimes && (opts.param.length > 0 || (params.results !== undefined && !['run', 'committed'].includes(String(params.results))))) {
  console.error('notebooks: --record-times measures the standard runs only (no --param, results run or committed)');
  process.exit(2);
}

sh(process.execPath, ['--import', 'tsx', 'scripts/build.ts']);
sh('bash', ['scripts/notebooks/setup.sh']);

const outDir = resolve(opts.keepOutputs ?? mkdtempSync(join(tmpdir(), 'falcun-nb-')));
mkdirSync(outDir, { recursive: true });
const env = {
  ...process.env,
  JUPYTER_PATH: join(root, '.jupyter', 'share', 'jupyter'),
  [NOTEBOOK_PARAMS_ENV]: JSON.stringify(params),
};

// A stop signal ends the running nbconvert and its kernel first: exit codes 130 / 143 / 129 as a shell's.
let running: { child: ChildProcess; watch: TreeWatch } | undefined;
const watches: TreeWatch[] = []; // every run's, in case a kernel outlived an nbconvert that a group-wide signal killed first
let stopping = false;
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
for (const sig of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) {
  process.once(sig, () => {
    stopping = true;
    console.error(`notebooks: ${sig}: stopping ${running ? 'the running notebook and its kernel' : ''}`.trimEnd());
    const current = running?.child.pid ? stopTree(running.child.pid, 'SIGINT', 5000, running.watch) : Promise.resolve();
    void current.then(() => {
      for (const pid of watches.flatMap((w) => w.live())) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // exited meanwhile
        }
      }
    }).finally(() => {
      rmSync(outDir, { recursive: true, force: true });
      process.exit(SIGNAL_EXIT[sig]);
    });
  });
}

// A parent that dies without signalling us (a test process killed while it waits on this run) leaves us
// re-parented: treat that as a hang-up, so nothing keeps running notebooks for nobody.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) process.kill(process.pid, 'SIGHUP');
}, 1000).unref();

/** Runs one notebook; resolves with nbconvert's exit status and the tail of its stderr (bounded). */
function execute(nb: string): Promise<{ status: number | null; stderrTail: string }> {
  return new Promise((done) => {
    const child = spawn(
      'jupyter',
      [
        'nbconvert', '--to', 'notebook', '--execute',
        '--ExecutePreprocessor.kernel_name=tslab',
        `--ExecutePreprocessor.timeout=${opts.timeout}`,
        '--output-dir', outDir,
        join(nbDir, nb),
      ],
      { cwd: nbDir, env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const watch = new TreeWatch(child.pid ?? -1);
    watches.push(watch);
    const polling = setInterval(() => watch.poll(), 1000); // remember the kernel while nbconvert lives
    running = { child, watch };
    let tail = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      tail = (tail + d).slice(-64 * 1024);
    });
    child.on('error', (e) => {
      clearInterval(polling);
      running = undefined;
      done({ status: null, stderrTail: `could not start jupyter: ${e.message}` });
    });
    child.on('close', (status) => {
      clearInterval(polling);
      if (stopping) return; // the signal handler owns the rest (it still needs `running.watch`)
      running = undefined;
      done({ status, stderrTail: tail });
    });
  });
}

console.log(`notebooks: ${notebooks.length} (${label}); ${NOTEBOOK_PARAMS_ENV}=${JSON.stringify(params)}`);
const failed: string[] = [];
const seconds: Record<string, number> = {};
const untilExit = () => new Promise<never>(() => {}); // after a stop signal: the handler exits once the tree is down
for (const [i, nb] of notebooks.entries()) {
  if (stopping) await untilExit();
  const t0 = performance.now();
  const r = await execute(nb);
  if (stopping) await untilExit(); // nbconvert ended because it was stopped: not a notebook failure
  const secs = (performance.now() - t0) / 1000;
  if (r.status === 0) {
    seconds[nb] = Math.round(secs * 10) / 10;
    console.log(`[${i + 1}/${notebooks.length}] ${nb} ok (${secs.toFixed(1)} s)`);
  } else {
    failed.push(nb);
    console.log(`[${i + 1}/${notebooks.length}] ${nb} FAILED (${secs.toFixed(1)} s)`);
    console.log(r.stderrTail.split('\n').slice(-40).join('\n'));
  }
}
if (opts.recordTimes) {
  const times: NotebookTimes = existsSync(NOTEBOOK_TIMES_FILE) ? JSON.parse(readFileSync(NOTEBOOK_TIMES_FILE, 'utf8')) : { machine: '', runs: {} };
  const key = label === 'reproduce' || label === 'defaults' ? label : `scale ${label}`;
  times.runs[key] = { ...(times.runs[key] ?? {}), ...seconds };
  times.machine = times.machine || `${process.platform}, Node ${process.versions.node}`;
  writeFileAtomic(NOTEBOOK_TIMES_FILE, JSON.stringify(times, null, 1) + '\n');
  console.log(`notebooks: times of ${Object.keys(seconds).length} notebooks written to ${NOTEBOOK_TIMES_FILE} (${key})`);
}
// The executed copies (plotly inlined, megabytes each) are kept only when asked for, or to look at a failure.
if (opts.keepOutputs || failed.length) console.log(`notebooks: executed copies in ${outDir}`);
else rmSync(outDir, { recursive: true, force: true });
if (failed.length) {
  console.error(`notebooks: ${failed.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`notebooks: all ${notebooks.length} ran without errors`);
