/**
 * The session factory the runner uses: one model, trained each round on the labeled set and queried
 * over the pool, behind the `ClassifierSession` contract (flat typed arrays in and out, no tensors).
 *
 * Rounds (paper, Algorithm 1): each `fit` starts from fresh initial weights, seeded by (seed, number of
 * the fit call), unless `keepWeights` is set (the paper's "_no" settings), in which case it continues
 * from the previous fit's weights. Each fit uses a fresh Adam optimizer. The batch order of fit k comes
 * from its own stream (seed, 'batches', k). So the same seed gives the same weights, batch order and
 * results on a deterministic backend (wasm, cpu).
 *
 * Defaults per model (see trainingDefaults.ts): LeNet lr 1e-3 × 20 epochs; MLP lr 1e-4, ≤ 200 epochs,
 * early stop at 99% training accuracy after epoch 10; ResNet18 lr 1e-3, ≤ 100 epochs, early stop at 99%;
 * batch 64 for all.
 */
import type { LinearHead } from '../linearHead.ts';
import { currentBackendInfo, initBackend } from '../backend/initBackend.ts';
import type { ClassifierNetwork, ModelName } from '../models/classifierNetwork.ts';
import { createNetwork, MODEL_NAMES } from '../models/createNetwork.ts';
import { Random } from '../random.ts';
import { fitNetwork } from './fitNetwork.ts';
import { fastCrossProduct } from './tfCrossProduct.ts';
import { defaultInferenceBatch, runInference } from './inference.ts';
import type { ClassifierSession, FitProgress, FitReport } from './session.ts';
import { resolveTrainingOptions, type TrainingOptions } from './trainingDefaults.ts';

export interface ClassifierSessionArgs {
  readonly model: ModelName;
  /** [H, W, channels] for images, [features] for tables. */
  readonly inputShape: readonly number[];
  readonly numClasses: number;
  /** MLP hidden width (default 1,024). */
  readonly hiddenUnits?: number;
  /** ResNet18 first-stage width (default 64). */
  readonly baseWidth?: number;
  /** Overrides of the model's paper defaults. */
  readonly training?: Partial<TrainingOptions>;
  /** Keep the previous fit's weights instead of a fresh initialisation per fit. */
  readonly keepWeights: boolean;
  /** Non-negative integer or string. */
  readonly seed: number | string;
  /** Rows per inference batch (default 64 for conv nets, 1,024 for the MLP). */
  readonly inferenceBatch?: number;
}

/** A ClassifierSession with what tests and benchmarks also want to see. */
export interface TfClassifierSession extends ClassifierSession {
  /** The resolved training options. */
  readonly training: TrainingOptions;
  /** Number of fit calls so far. */
  readonly fits: number;
  /** The current network (undefined before the first fit): for inspection, do not dispose it. */
  readonly network: ClassifierNetwork | undefined;
}

/**
 * Creates a session (and selects the backend first when nobody has: `initBackend()`, automatic).
 * Validates every argument up front: TypeError / RangeError naming the field, the value and the bound.
 */
export async function createClassifierSession(args: ClassifierSessionArgs): Promise<TfClassifierSession> {
  const where = 'createClassifierSession';
  if (typeof args !== 'object' || args === null) throw new TypeError(`${where}: expected an options object, got ${String(args)}`);
  if (!MODEL_NAMES.includes(args.model)) throw new RangeError(`${where}: model must be one of ${MODEL_NAMES.join(', ')}, got '${String(args.model)}'`);
  if (typeof args.keepWeights !== 'boolean') throw new TypeError(`${where}: keepWeights must be a boolean, got ${typeof args.keepWeights}`);
  if (typeof args.seed !== 'string' && (typeof args.seed !== 'number' || !Number.isInteger(args.seed) || args.seed < 0)) {
    throw new RangeError(`${where}: seed must be a non-negative integer or a string, got ${String(args.seed)}`);
  }
  const training = resolveTrainingOptions(args.model, args.training ?? {});
  if (currentBackendInfo() === undefined) await initBackend();
  const root = new Random(args.seed);
  const build = (k: number) =>
    createNetwork({
      model: args.model,
      inputShape: args.inputShape,
      numClasses: args.numClasses,
      ...(args.hiddenUnits !== undefined ? { hiddenUnits: args.hiddenUnits } : {}),
      ...(args.baseWidth !== undefined ? { baseWidth: args.baseWidth } : {}),
      seed: root.fork('init', k),
    });
  // Build once now so that bad shapes fail here, not in the first fit; fit 0 uses it.
  let net: ClassifierNetwork | undefined = build(0);
  const inferenceBatch = args.inferenceBatch ?? defaultInferenceBatch(net);
  if (!Number.isInteger(inferenceBatch) || inferenceBatch < 1) throw new RangeError(`${where}: inferenceBatch must be an integer >= 1, got ${inferenceBatch}`);
  let fits = 0;
  let trained = false;
  let disposed = false;

  const live = (what: string): ClassifierNetwork => {
    if (disposed) throw new Error(`ClassifierSession.${what}: the session was disposed`);
    return net!;
  };

  const crossProduct = fastCrossProduct();
  const session: TfClassifierSession = {
    training,
    ...(crossProduct ? { crossProduct } : {}),
    get fits() {
      return fits;
    },
    get network() {
      return disposed ? undefined : net;
    },
    embeddingDim: net.embeddingDim,
    numClasses: net.numClasses,
    async fit(x: Float32Array, y: Int32Array, onProgress?: (p: FitProgress) => void): Promise<FitReport> {
      live('fit');
      if (trained && !args.keepWeights) {
        net!.dispose();
        net = build(fits);
      }
      const report = await fitNetwork(net!, x, y, training, root.fork('batches', fits), onProgress);
      fits++;
      trained = true;
      return report;
    },
    async predictProba(x: Float32Array): Promise<Float32Array> {
      return (await runInference(live('predictProba'), x, { probs: true, embeddings: false }, inferenceBatch)).probs!;
    },
    async embed(x: Float32Array): Promise<Float32Array> {
      return (await runInference(live('embed'), x, { probs: false, embeddings: true }, inferenceBatch)).embeddings!;
    },
    async predictWithEmbeddings(x: Float32Array) {
      const r = await runInference(live('predictWithEmbeddings'), x, { probs: true, embeddings: true }, inferenceBatch);
      return { probs: r.probs!, embeddings: r.embeddings! };
    },
    head(): LinearHead {
      return live('head').head();
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      net?.dispose();
      net = undefined;
    },
  };
  return session;
}

