/**
 * The runner's bridge to the training module: a SessionRequest (dataset, model, training overrides,
 * weight policy, round seed) becomes a tfjs ClassifierSession, on the backend the experiment asked for.
 */
import { currentBackendInfo, initBackend } from '../backend/initBackend.ts';
import type { ModelName } from '../models/classifierNetwork.ts';
import { MODEL_NAMES } from '../models/createNetwork.ts';
import { createClassifierSession } from '../training/createClassifierSession.ts';
import type { ClassifierSession } from '../training/session.ts';
import { defaultModelFor, type SessionRequest } from './dependencies.ts';

/**
 * Selects the experiment's backend once per process ('auto' defers to FALCUN_BACKEND, then the fastest).
 * @throws Error when the process already runs another backend than the one requested.
 */
export async function ensureBackend(backend: string): Promise<Record<string, unknown>> {
  const info = currentBackendInfo() ?? (await initBackend({ ...(backend === 'auto' ? {} : { backend }), log: () => {} }));
  if (backend !== 'auto' && info.choice !== backend) {
    throw new Error(`ensureBackend: this process already runs the '${info.choice}' backend, the experiment asks for '${backend}'`);
  }
  return { ...info };
}

/** The model name a request resolves to. */
export function resolveModelName(request: Pick<SessionRequest, 'model' | 'dataset'>): ModelName {
  const m = request.model ?? defaultModelFor(request.dataset);
  if (!(MODEL_NAMES as readonly string[]).includes(m)) {
    throw new RangeError(`model: '${m}' is not one of ${MODEL_NAMES.join(', ')}; fix the dataset entry's 'model'`);
  }
  return m as ModelName;
}

/** A fresh tfjs session for one round (or one run with keepWeights). */
export async function createTfSession(request: SessionRequest): Promise<ClassifierSession> {
  await ensureBackend(request.backend);
  return createClassifierSession({
    model: resolveModelName(request),
    inputShape: request.dataset.shape,
    numClasses: request.dataset.numClasses,
    training: request.training,
    keepWeights: request.keepWeights,
    seed: request.seed,
  });
}
