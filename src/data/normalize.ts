/**
 * Pixel normalisation as the paper's PyTorch code does it: `ToTensor()` (uint8 / 255) followed by
 * `Normalize(mean, std)`, i.e. x = (v / 255 − mean) / std, per channel.
 *
 * The constants each loader uses (and why) are collected in {@link NORMALIZATION}.
 */

/** Per-channel mean and std, on the [0, 1] pixel scale (one entry per channel). */
export interface Normalization {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/**
 * The normalisation constants of each image dataset.
 * - mnist, repeated-mnist, fashion-mnist: mean 0.1307, std 0.3081 (the paper's code uses the MNIST
 *   constants for Fashion-MNIST too).
 * - emnist: the same MNIST constants (assumption: the paper's code treats all grayscale sets alike;
 *   EMNIST's own statistics are close: mean ≈ 0.17, std ≈ 0.33).
 * - svhn: per-channel mean (0.4377, 0.4438, 0.4728), std (0.1980, 0.2010, 0.1970), the values of the
 *   deep-active-learning code bases the paper builds on.
 * - bloodmnist, dermamnist: 0.5 / 0.5 per channel, as MedMNIST's own examples do (maps [0, 1] to [−1, 1]).
 */
export const NORMALIZATION = {
  mnist: { mean: [0.1307], std: [0.3081] },
  'fashion-mnist': { mean: [0.1307], std: [0.3081] },
  emnist: { mean: [0.1307], std: [0.3081] },
  svhn: { mean: [0.4377, 0.4438, 0.4728], std: [0.198, 0.201, 0.197] },
  medmnist: { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] },
} as const satisfies Record<string, Normalization>;

function checkNormalization(fn: string, norm: Normalization, channels: number): void {
  if (!Number.isInteger(channels) || channels < 1) {
    throw new RangeError(`${fn}: channels must be an integer >= 1, got ${channels}`);
  }
  if (norm.mean.length !== channels || norm.std.length !== channels) {
    throw new RangeError(
      `${fn}: need ${channels} means and stds (one per channel), got ${norm.mean.length} and ${norm.std.length}`,
    );
  }
  for (let c = 0; c < channels; c++) {
    if (!Number.isFinite(norm.mean[c]!)) throw new RangeError(`${fn}: mean[${c}] must be finite, got ${norm.mean[c]}`);
    if (!(norm.std[c]! > 0) || !Number.isFinite(norm.std[c]!)) {
      throw new RangeError(`${fn}: std[${c}] must be finite and > 0, got ${norm.std[c]}`);
    }
  }
}

/**
 * The 256-entry lookup table v ↦ (v / 255 − mean) / std for one channel, in float32.
 * Computed in float64 and rounded once, so every pixel gets the correctly rounded value.
 * @throws RangeError when std is not finite and > 0 or mean is not finite.
 */
export function normalizationTable(mean: number, std: number): Float32Array {
  checkNormalization('normalizationTable', { mean: [mean], std: [std] }, 1);
  const t = new Float32Array(256);
  for (let v = 0; v < 256; v++) t[v] = (v / 255 - mean) / std;
  return t;
}

/**
 * Normalises uint8 pixels stored channels-last (…, channels) into a new Float32Array:
 * out[i] = (src[i] / 255 − mean[c]) / std[c] with c = i mod channels.
 * One pass through per-channel 256-entry lookup tables (no division per pixel).
 *
 * Cost: O(src.length). `src` is not changed.
 * @throws RangeError when src.length is not a multiple of channels or the constants are bad.
 * @example normalizeUint8(new Uint8Array([0, 255]), 1, { mean: [0.5], std: [0.5] }) // → [-1, 1]
 */
export function normalizeUint8(src: Uint8Array, channels: number, norm: Normalization): Float32Array {
  checkNormalization('normalizeUint8', norm, channels);
  if (src.length % channels !== 0) {
    throw new RangeError(`normalizeUint8: src.length ${src.length} is not a multiple of channels ${channels}`);
  }
  const out = new Float32Array(src.length);
  if (channels === 1) {
    const t = normalizationTable(norm.mean[0]!, norm.std[0]!);
    for (let i = 0; i < src.length; i++) out[i] = t[src[i]!]!;
    return out;
  }
  for (let c = 0; c < channels; c++) {
    const t = normalizationTable(norm.mean[c]!, norm.std[c]!);
    for (let i = c; i < src.length; i += channels) out[i] = t[src[i]!]!;
  }
  return out;
}
