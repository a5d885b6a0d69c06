/**
 * Scale presets: ready-made experiment configs (run them with `falcun-lab run <name>`).
 *
 * - `smoke`: seconds to a couple of minutes; every strategy once on an image dataset (MNIST, LeNet) and a
 *   table (RandomRBF = OpenML-156, generated, MLP) with tiny pools and few epochs. For CI and tests: it checks plumbing, not science.
 * - `quick`: minutes on a laptop CPU; FALCUN against Random and two competitors (Entropy, BADGE) on a
 *   10,000-image MNIST pool with the paper's LeNet training, 10 rounds, 3 seeds.
 * - `paper`: the paper's grid (docs/protocol.md): grayscale images with setting s (LeNet),
 *   colour images with s_no (ResNet18), tables with l (MLP), RepeatedMNIST m; 8 strategies; seeds 0..4.
 *   Sized for a GPU or a cluster (see `falcun-lab slurm`), not for a laptop.
 */
import { listStrategies } from '../acquisition/registry.ts';
import { ABLATION_TERMS, PAPER_ABLATION_GAMMAS, ablationStrategies } from './ablationStrategies.ts';
import type { ExperimentConfig } from './config.ts';

/** The registry names of the paper's eight strategies (entries with `inPaper`), in registry order. */
export const PAPER_STRATEGIES: readonly string[] = Object.freeze(listStrategies().filter((s) => s.inPaper).map((s) => s.name));

/**
 * Every strategy of the acquisition registry (the smoke preset runs each once): the paper's, then the
 * others, each in registry order. The order is part of a preset's plan (its hash), so it only ever grows.
 */
export const ALL_STRATEGIES: readonly string[] = Object.freeze([...PAPER_STRATEGIES, ...listStrategies().filter((s) => !s.inPaper).map((s) => s.name)]);

const SMOKE: ExperimentConfig = {
  name: 'smoke',
  description: 'Every strategy once on MNIST (LeNet) and RandomRBF (OpenML-156, MLP), tiny pools: a plumbing check for CI',
  datasets: [
    { name: 'mnist', querySize: 10, initialSize: 10, budget: 30, trainSubset: 400, testSubset: 200, training: { epochs: 10 } },
    {
      name: 'randomrbf',
      options: { rows: 5000 },
      querySize: 20,
      initialSize: 20,
      budget: 60,
      trainSubset: 1000,
      testSubset: 500,
      training: { epochs: 30 },
    },
  ],
  strategies: [...ALL_STRATEGIES],
  seeds: [0],
  backend: 'wasm',
};

const QUICK: ExperimentConfig = {
  name: 'quick',
  description: 'FALCUN vs Random, Entropy and BADGE on a 10,000-image MNIST pool (LeNet, 20 epochs), Q = 50, 10 rounds, 3 seeds',
  datasets: [{ name: 'mnist', querySize: 50, initialSize: 50, budget: 500, trainSubset: 10000, testSubset: 2000 }],
  strategies: ['falcun', 'random', 'entropy', 'badge'],
  seeds: [0, 1, 2],
  backend: 'wasm',
};

const PAPER: ExperimentConfig = {
  name: 'paper',
  description: "The paper's grid: grayscale images s (LeNet), colour images s_no (ResNet18), tables (Letter, Pokerhand, RandomRBF) l (MLP), RepeatedMNIST m; 8 strategies, seeds 0..4",
  datasets: [
    { name: 'mnist', setting: 's' },
    { name: 'fashion-mnist', setting: 's' },
    { name: 'emnist', setting: 's' },
    { name: 'repeated-mnist', setting: 'm' },
    { name: 'svhn', setting: 's_no' },
    { name: 'bloodmnist', setting: 's_no' },
    { name: 'dermamnist', setting: 's_no' },
    { name: 'letter', setting: 'l' },
    { name: 'pokerhand', setting: 'l' },
    { name: 'randomrbf', setting: 'l' },
  ],
  strategies: [...PAPER_STRATEGIES],
  seeds: [0, 1, 2, 3, 4],
  backend: 'auto',
};

/**
 * The reproduction at the paper's own protocol on a CPU (REPRODUCTION.md): every offline dataset with
 * its paper setting, the authors' preprocessing (raw Letter features) and training rules, 8 strategies
 * × seeds 0..4. The 800k-row tables run on one fixed random pool subset (the same for every strategy and
 * seed): an embedding strategy's acquisition over the full pool does not fit two cores (REPRODUCTION.md
 * says how long it would take). Committed under results/repro-curves/.
 */
const REPRO_CURVES: ExperimentConfig = {
  name: 'repro-curves',
  description: 'Reproduction, learning curves: MNIST, Fashion-MNIST (s), RepeatedMNIST 10/20/5 % (m), Letter raw, RandomRBF and Pokerhand subsets (l); 8 strategies × 5 seeds',
  datasets: [
    { name: 'mnist', setting: 's' },
    { name: 'repeated-mnist', setting: 'm', options: { fraction: 0.1 } },
    { name: 'letter', setting: 'l', options: { preprocessing: 'raw' } },
    { name: 'fashion-mnist', setting: 's' },
    { name: 'repeated-mnist', label: 'repeated-mnist-20', setting: 'm', options: { fraction: 0.2 } },
    { name: 'repeated-mnist', label: 'repeated-mnist-5', setting: 'm', options: { fraction: 0.05 } },
    { name: 'randomrbf', setting: 'l', options: { rows: 1000000 }, trainSubset: 20000, testSubset: 10000 },
    { name: 'pokerhand', setting: 'l', trainSubset: 20000, testSubset: 10000 },
  ],
  strategies: [...PAPER_STRATEGIES],
  seeds: [0, 1, 2, 3, 4],
  backend: 'wasm',
};

/**
 * The ablation of paper Table 3 at its protocol: RepeatedMNIST (m, LeNet) and Letter = OpenML-6 (l, MLP,
 * raw features); γ ∈ {0, 1, 5, 10, 20, det.} × (d, u, u + d) with the authors' d-only / u-only
 * definitions (FalcunVariant 'authors'), × seeds 0..4. Committed under results/repro-ablation/.
 */
const REPRO_ABLATION: ExperimentConfig = {
  name: 'repro-ablation',
  description: "Reproduction, Table 3: FALCUN γ ∈ {0,1,5,10,20,det} × (d, u, u+d), authors' variant, on RepeatedMNIST (m) and Letter raw (l); 5 seeds",
  datasets: [
    { name: 'repeated-mnist', setting: 'm', options: { fraction: 0.1 } },
    { name: 'letter', setting: 'l', options: { preprocessing: 'raw' } },
  ],
  strategies: ablationStrategies(PAPER_ABLATION_GAMMAS, ABLATION_TERMS, 'authors'),
  seeds: [0, 1, 2, 3, 4],
  backend: 'wasm',
};

/**
 * What standardising Letter's features changes (REPRODUCTION.md, "Differences"): FALCUN and Random on Letter
 * with falcun-lab's default preprocessing ('standardize'), to hold against the raw-feature runs of
 * repro-curves. Committed under results/repro-letter-standardized/.
 */
const REPRO_LETTER_STANDARDIZED: ExperimentConfig = {
  name: 'repro-letter-standardized',
  description: 'Reproduction side study: FALCUN and Random on Letter (l) with standardised features, 5 seeds',
  datasets: [{ name: 'letter', label: 'letter-standardized', setting: 'l', options: { preprocessing: 'standardize' } }],
  strategies: ['falcun', 'random'],
  seeds: [0, 1, 2, 3, 4],
  backend: 'wasm',
};

/**
 * Table 3's d-only and u-only rows at the default γ = 10 with the paper's definitions (Eq. (4) as printed;
 * FalcunVariant 'paper'), to set beside repro-ablation's authors' rows where the two differ.
 * Committed under results/repro-ablation-paper-variant/.
 */
const REPRO_ABLATION_PAPER_VARIANT: ExperimentConfig = {
  name: 'repro-ablation-paper-variant',
  description: "Reproduction side study: FALCUN γ = 10 d only and u only with the paper's Eq. (4) definitions, RepeatedMNIST (m) and Letter raw (l); 5 seeds",
  datasets: REPRO_ABLATION.datasets,
  strategies: ablationStrategies([10], ['d', 'u'], 'paper').map((s) => (typeof s === 'string' ? s : { ...s, label: `${s.label}-paper` })),
  seeds: [0, 1, 2, 3, 4],
  backend: 'wasm',
};

export const PRESETS: Readonly<Record<string, ExperimentConfig>> = Object.freeze({
  smoke: SMOKE,
  quick: QUICK,
  paper: PAPER,
  'repro-curves': REPRO_CURVES,
  'repro-ablation': REPRO_ABLATION,
  'repro-letter-standardized': REPRO_LETTER_STANDARDIZED,
  'repro-ablation-paper-variant': REPRO_ABLATION_PAPER_VARIANT,
});

/** Preset names, for `falcun-lab list` and the CLI's help. */
export function listPresets(): Array<{ name: string; description: string }> {
  return Object.entries(PRESETS).map(([name, c]) => ({ name, description: c.description ?? '' }));
}

/**
 * A deep copy of a preset's config.
 * @throws RangeError for an unknown preset name.
 */
export function presetConfig(name: string): ExperimentConfig {
  const c = PRESETS[name];
  if (c === undefined) throw new RangeError(`presetConfig: unknown preset '${name}'; use one of ${Object.keys(PRESETS).join(', ')} or a config file`);
  return structuredClone(c);
}
