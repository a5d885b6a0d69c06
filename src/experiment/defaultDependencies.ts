/**
 * The runner's real dependencies: datasets from the data registry, strategies from the acquisition
 * registry, tfjs sessions from the training module. Worker processes import this module by path
 * (`FALCUN_DEPENDENCIES`), so it must export `dependencies`.
 */
import { createStrategy, listStrategies } from '../acquisition/registry.ts';
import { describeDataset, listDatasets, loadDataset, type LoadOptions } from '../data/registry.ts';
import { MODEL_NAMES } from '../models/createNetwork.ts';
import type { RunnerDependencies } from './dependencies.ts';
import { createTfSession, ensureBackend, resolveModelName } from './tfSession.ts';

export const dependencies: RunnerDependencies = {
  loadDataset: (name, options) => loadDataset(name, options as LoadOptions),
  createStrategy: (name, options) => createStrategy(name, options),
  describeDataset: async (name, options) => describeDataset(name, options),
  modelNames: MODEL_NAMES,
  createSession: createTfSession,
  modelName: resolveModelName,
  describeBackend: ensureBackend,
  listDatasets: () => listDatasets().map((d) => ({ name: d.name, description: `${d.description} [${d.source}]` })),
  listStrategies: () => listStrategies().map((s) => ({ name: s.name, description: `${s.fullName}: ${s.summary}` })),
};
