/**
 * What the runner needs from the rest of falcun-lab, as one small interface, so that the loop and the
 * worker pool are tested with fakes and run with the real data / acquisition / training modules
 * (`defaultDependencies.ts`). A worker process loads its dependencies from a module path
 * (`dependenciesModule`), which must export `dependencies: RunnerDependencies`.
 */
import type { Strategy } from '../acquisition/types.ts';
import type { Dataset } from '../data/dataset.ts';
import type { ModelName } from '../models/classifierNetwork.ts';
import type { Random } from '../random.ts';
import type { ClassifierSession } from '../training/session.ts';
import type { TrainingSettings } from './config.ts';

export interface SessionRequest {
  /** Model name from the config, or null for the dataset's default (lenet / resnet18 / mlp). */
  readonly model: string | null;
  readonly dataset: Dataset;
  readonly keepWeights: boolean;
  readonly training: TrainingSettings;
  readonly backend: string;
  /** Seed for weight initialisation and batch shuffling, derived from (run seed, dataset, round). */
  readonly seed: number;
  /** The same stream as a generator, for factories that take one. */
  readonly random: Random;
}

export interface RunnerDependencies {
  loadDataset(name: string, options: Readonly<Record<string, unknown>>): Promise<Dataset>;
  createStrategy(name: string, options: Readonly<Record<string, unknown>>): Strategy;
  createSession(request: SessionRequest): Promise<ClassifierSession>;
  /** The model name a request resolves to (for RoundRecord.model). */
  modelName(request: Pick<SessionRequest, 'model' | 'dataset'>): string;
  /**
   * Checks a dataset name and options without loading the data and returns its training / test rows
   * (so a config is checked against the real sizes before anything is written). Optional: without it
   * those checks happen when a worker loads the dataset.
   */
  describeDataset?(name: string, options: Readonly<Record<string, unknown>>): Promise<{ train: number; test: number } | undefined>;
  /** The model names a config may give (optional). */
  readonly modelNames?: readonly string[];
  /** Backend facts for the manifest (name, version, threads, SIMD). */
  describeBackend?(backend: string): Promise<Record<string, unknown>>;
  /** Names for `falcun-lab list`. */
  listDatasets?(): Array<{ name: string; description?: string }>;
  listStrategies?(): Array<{ name: string; description?: string }>;
}

/** The default model for a dataset: LeNet for grayscale images, ResNet18 for colour images, MLP for tables. */
export function defaultModelFor(dataset: Pick<Dataset, 'kind' | 'shape'>): ModelName {
  if (dataset.kind === 'table') return 'mlp';
  return (dataset.shape[2] ?? 1) === 1 ? 'lenet' : 'resnet18';
}
