/**
 * Is a difference from the paper in the training? Retrains the labeled set of one round of a committed MLP
 * run (its initial rows plus every batch chosen before that round) from fresh weights with several seeds,
 * once with falcun-lab's trainer and once with PyTorch (the authors' framework, torch_check.py), at the
 * run's own training settings, and prints the test accuracies side by side with the run's own.
 * Same rows, same test split, same rule: only the framework (and the init / batch-order streams) differ.
 *
 *   npm run reproduce:torch-check -- results/repro-curves letter__falcun__s0 4 [--seeds 3]
 *
 * Needs Debian's python3-torch (bench/torch-setup.sh installs it). Tabular (MLP) runs only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { initBackend } from '../../src/backend/initBackend.ts';
import { loadDataset, type LoadOptions } from '../../src/data/registry.ts';
import { featureSize } from '../../src/data/dataset.ts';
import { accuracyFromProbs } from '../../src/experiment/evaluate.ts';
import { readManifest } from '../../src/experiment/manifest.ts';
import { gatherLabels, gatherRows, preparePool } from '../../src/experiment/pool.ts';
import { loadExperimentRecords } from '../../src/results/loadRecords.ts';
import { createClassifierSession } from '../../src/training/createClassifierSession.ts';
import { resolveTrainingOptions } from '../../src/training/trainingDefaults.ts';
import { MLP_DEFAULT_HIDDEN_UNITS } from '../../src/models/mlp.ts';

const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be an integer >= 1');
  return n;
};
const program = new Command('reproduce:torch-check')
  .description("Retrain one round's labeled set of a committed MLP run with falcun-lab and with PyTorch; compare test accuracies")
  .argument('<dir>', 'experiment folder (e.g. results/repro-curves)')
  .argument('<run>', 'run id, e.g. letter__falcun__s0')
  .argument('<round>', 'round whose model to retrain (its labeled set: the initial rows and the batches of the rounds before)', (v) => count(String(Number(v) + 1)) - 1)
  .option('--seeds <n>', 'fresh initialisations per framework', count, 3)
  .parse();
const [dir, runId, round] = program.processedArgs as [string, string, number];
const { seeds } = program.opts<{ seeds: number }>();
const fail = (msg: string): never => {
  console.error(`reproduce:torch-check: ${msg}`);
  process.exit(2);
};

const records = loadExperimentRecords(dir, { runIds: [runId] }).sort((a, b) => a.round - b.round);
if (records.length === 0) fail(`${dir} has no records of run '${runId}'`);
const at = records.find((r) => r.round === round) ?? fail(`run '${runId}' has rounds 0..${records.length - 1}, not ${round}`);
if (at.model !== 'mlp') fail(`run '${runId}' trains '${at.model}'; only MLP runs can be checked (PyTorch side: torch_check.py)`);
const planned = readManifest(dir).plan.datasets.find((d) => d.label === at.dataset) ?? fail(`the manifest of ${dir} has no dataset '${at.dataset}'`);
const dataset = await loadDataset(planned.name, planned.options as LoadOptions);
const pool = preparePool(dataset, planned.label, planned.trainSubset, planned.testSubset);
const rows = [...(records[0]!.initialIndices ?? fail(`round 0 of '${runId}' has no initialIndices`))];
for (const r of records.slice(0, round)) rows.push(...r.chosen);
const F = featureSize(dataset.shape);
const x = gatherRows(dataset.train.x, F, rows);
const y = gatherLabels(dataset.train.y, rows);
const training = resolveTrainingOptions('mlp', planned.training);
console.log(`${runId} round ${round}: ${rows.length} labeled rows of ${planned.label} ${JSON.stringify(planned.options)}, test ${pool.testN} rows; the run's model: test ${(100 * at.testAccuracy).toFixed(2)} %, ` +
  `train acc ${at.trainAccuracy === undefined ? '?' : (100 * at.trainAccuracy).toFixed(1)} % after ${at.epochsTrained ?? '?'} epochs`);
console.log(`training: ${JSON.stringify(training)}; ${seeds} fresh initialisations each`);

const summary = (name: string, accs: number[]) => {
  const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
  const sd = accs.length > 1 ? Math.sqrt(accs.reduce((a, b) => a + (b - mean) ** 2, 0) / (accs.length - 1)) : 0;
  console.log(`${name.padEnd(12)} test ${(100 * mean).toFixed(2)} ± ${(100 * sd).toFixed(2)} %  (${accs.map((a) => (100 * a).toFixed(2)).join(', ')})`);
};

await initBackend({ log: () => {} });
const ours: number[] = [];
for (let seed = 0; seed < seeds; seed++) {
  const session = await createClassifierSession({ model: 'mlp', inputShape: dataset.shape, numClasses: dataset.numClasses, seed, keepWeights: false, training: planned.training });
  const fit = await session.fit(x, y);
  // The same evaluation as the run's (accuracyFromProbs, as the active-learning loop).
  const { accuracy } = accuracyFromProbs(await session.predictProba(pool.testX), pool.testY, dataset.numClasses);
  ours.push(accuracy);
  console.log(`  falcun-lab seed ${seed}: ${fit.epochsRun} epochs, train acc ${(100 * fit.finalAccuracy).toFixed(1)} %, test ${(100 * accuracy).toFixed(2)} % (${fit.seconds.toFixed(0)} s, ${fit.step} step)`);
  session.dispose();
}

const setup = spawnSync('bash', [join(import.meta.dirname, '../../bench/torch-setup.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
if (setup.status !== 0) fail('PyTorch is not available (bench/torch-setup.sh failed: it installs python3-torch with apt)');
const tmp = mkdtempSync(join(tmpdir(), 'torch-check-'));
try {
  const spec = join(tmp, 'spec.json');
  writeFileSync(spec, JSON.stringify({ features: F, hidden: MLP_DEFAULT_HIDDEN_UNITS, classes: dataset.numClasses, training, x: Array.from(x), y: Array.from(y), testX: Array.from(pool.testX), testY: Array.from(pool.testY) }));
  const torch: number[] = [];
  const py = spawnSync('/usr/bin/python3', [join(import.meta.dirname, 'torch_check.py'), spec, String(seeds)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (py.status !== 0) fail(`torch_check.py exited ${py.status}`);
  for (const line of py.stdout.trim().split('\n')) {
    const r = JSON.parse(line) as { seed: number; epochs: number; trainAccuracy: number; testAccuracy: number; seconds: number };
    torch.push(r.testAccuracy);
    console.log(`  PyTorch seed ${r.seed}: ${r.epochs} epochs, train acc ${(100 * r.trainAccuracy).toFixed(1)} %, test ${(100 * r.testAccuracy).toFixed(2)} % (${r.seconds.toFixed(0)} s)`);
  }
  summary('falcun-lab', ours);
  summary('PyTorch', torch);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
