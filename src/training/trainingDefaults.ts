/**
 * Training hyperparameters and the paper's defaults per model (FALCUN paper, Section 5 "Experimental
 * setup"; Ash et al., 2020 for the MLP): Adam, cross-entropy, batch 64, no weight decay, no schedule.
 *   lenet     lr 1e-3,  20 epochs, no early stop
 *   mlp       lr 1e-4, up to 200 epochs, early stop (below)
 *   resnet18  lr 1e-3, up to 100 epochs, early stop (below)
 * Early stop, as the authors' code (sobermeier/falcun, `Strategy.train`, backbone configs `linear` and
 * `resnet18` with early_stopping true) does it: after an epoch whose running training accuracy is >= 0.99,
 * checked only once the 0-based epoch index exceeds the patience 10, i.e. from the 12th epoch on
 * (`minEpochs: 12` with our 1-based epochs). The cap (200 / 100 epochs) ends a fit that never gets there;
 * each RoundRecord's `epochsTrained` and `trainAccuracy` show which of the two stopped it.
 */
import type { ModelName } from '../models/classifierNetwork.ts';

export interface TrainingOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Stop after an epoch whose running training accuracy reaches this; undefined = never stop early. */
  readonly earlyStopAccuracy?: number;
  /** Never stop early before this many epochs have run. */
  readonly minEpochs?: number;
}

export const TRAINING_DEFAULTS: Readonly<Record<ModelName, TrainingOptions>> = {
  lenet: { epochs: 20, batchSize: 64, learningRate: 1e-3 },
  mlp: { epochs: 200, batchSize: 64, learningRate: 1e-4, earlyStopAccuracy: 0.99, minEpochs: 12 },
  resnet18: { epochs: 100, batchSize: 64, learningRate: 1e-3, earlyStopAccuracy: 0.99, minEpochs: 12 },
};

/** The model's defaults with `overrides` on top, every field checked. Throws TypeError / RangeError naming the field. */
export function resolveTrainingOptions(model: ModelName, overrides: Partial<TrainingOptions> = {}): TrainingOptions {
  const base = TRAINING_DEFAULTS[model];
  if (base === undefined) throw new RangeError(`resolveTrainingOptions: unknown model '${String(model)}'`);
  const o: TrainingOptions = { ...base, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  const where = 'training';
  const int = (field: string, v: unknown, min: number, max: number) => {
    if (typeof v !== 'number') throw new TypeError(`${where}.${field} must be a number, got ${typeof v}`);
    if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${where}.${field} must be an integer in [${min}, ${max}], got ${v}`);
  };
  int('epochs', o.epochs, 1, 100000);
  int('batchSize', o.batchSize, 1, 1 << 20);
  if (typeof o.learningRate !== 'number') throw new TypeError(`${where}.learningRate must be a number, got ${typeof o.learningRate}`);
  if (!(o.learningRate > 0 && o.learningRate < 1)) throw new RangeError(`${where}.learningRate must be in (0, 1), got ${o.learningRate}`);
  if (o.earlyStopAccuracy !== undefined) {
    if (typeof o.earlyStopAccuracy !== 'number') throw new TypeError(`${where}.earlyStopAccuracy must be a number, got ${typeof o.earlyStopAccuracy}`);
    if (!(o.earlyStopAccuracy > 0 && o.earlyStopAccuracy <= 1)) throw new RangeError(`${where}.earlyStopAccuracy must be in (0, 1], got ${o.earlyStopAccuracy}`);
  }
  if (o.minEpochs !== undefined) int('minEpochs', o.minEpochs, 0, 100000);
  return o;
}
