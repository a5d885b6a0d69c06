import type { Random } from '../random.ts';
import { argmaxRows } from './kernels/argmaxRows.ts';
import { product, type CrossProductKernel } from './kernels/crossProductKernel.ts';
import { kmeans } from './kernels/kmeans.ts';
import { kmeansPlusPlus } from './kernels/kmeansPlusPlus.ts';
import type { PoolView, SelectOptions, Selection, Strategy, StrategyNeeds } from './types.ts';
import { validateBatchSize, validateHead, validateLabeled, validateSelectOptions } from './validate.ts';
import { checkOptions, type StrategySpec } from './strategySpec.ts';

export interface AlfaMixOptions {
  /** Increment of α (default 1/32, as in the authors' code). In (0, 1). */
  readonly alphaStep?: number;
  /** Lloyd iterations at most for the candidate k-means (default 20). */
  readonly maxIterations?: number;
}

export interface AlfaMixTrace {
  readonly kind: 'alfamix';
  /** α at which the candidate search stopped. */
  readonly alpha: number;
  /** Number of candidates whose prediction flipped. */
  readonly numCandidates: number;
  /** How many picks came from the random fill. */
  readonly numRandomFill: number;
}

/**
 * AlfaMix — Active Learning by FeAture Mixing (Parvaneh, Abbasnejad, Teney, Haffari, van den Hengel & Shi,
 * CVPR 2022). For every unlabeled embedding z and every class anchor z*_c (the mean labeled embedding
 * of class c), the mixture z̃ = (1 − α) z + α z*_c is passed through the classifier head; a point whose
 * predicted label flips for some anchor is a candidate (its neighbourhood holds novel features). α grows
 * in steps of `alphaStep` (the authors' 1/32) while α < 1, until at least Q points are candidates.
 * The candidates' L2-normalised embeddings are clustered by k-means (k = min(Q, #candidates), k-means++
 * seeding then Lloyd), and the candidate nearest each centroid within its own cluster is picked (distinct
 * by construction). Empty clusters or too few candidates are filled uniformly at random from the
 * remaining pool, without duplicates.
 *
 * The head is linear, so the mixed logits are (1 − α)(zW) + α(z*_c W) + b: zW (N × C) and z*_c W
 * (C × C) are computed once and each α step costs O(N·A·C) for A anchors, instead of O(N·A·D·C).
 * The reference prediction is the head's argmax at α = 0 (equal to argmax p when probs come from the head).
 *
 * Cost: O(N·D·C + L·D) once, O(N·A·C) per α step, k-means on the candidates O(k·M·D) per iteration.
 */
export class AlfaMix implements Strategy {
  /** The registry entry (registry.ts lists the classes). */
  static readonly spec: StrategySpec = {
    name: 'alfamix',
    aliases: [],
    label: 'AlfaMix',
    fullName: 'ALFA-Mix: Active Learning by FeAture Mixing',
    summary: 'Candidates whose prediction flips when mixed towards labeled class anchors; k-means on candidates, nearest per cluster.',
    citation: { authors: 'Amin Parvaneh, Ehsan Abbasnejad, Damien Teney, Gholamreza Haffari, Anton van den Hengel, Javen Qinfeng Shi', title: 'Active Learning by Feature Mixing', venue: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), pp. 12237–12246', year: 2022 },
    options: [
      { name: 'alphaStep', kind: 'number', default: 1 / 32, min: 0, max: 1, minExclusive: true, maxExclusive: true, description: 'increment of the mixing coefficient α' },
      { name: 'maxIterations', kind: 'number', default: 20, min: 0, integer: true, description: 'Lloyd iterations at most for the candidate k-means' },
    ],
    colors: { default: '#e377c2', colorblind: '#B8A800' },
    complexity: { text: 'O(Q · N_cp · i · D)', latex: String.raw`\mathcal{O}(Q \cdot N_{cp} \cdot i \cdot D)` },
    stochastic: true,
    inPaper: true,
  };

  readonly name = AlfaMix.spec.name;
  readonly needs: StrategyNeeds = Object.freeze({ embeddings: true, labeledEmbeddings: true, head: true });
  readonly alphaStep: number;
  readonly maxIterations: number;

  /** @throws TypeError / RangeError for an option outside `AlfaMix.spec.options` (checkOptions). */
  constructor(options: AlfaMixOptions = {}) {
    const o = checkOptions(AlfaMix.spec.options, options, 'AlfaMix');
    this.alphaStep = o.alphaStep as number;
    this.maxIterations = o.maxIterations as number;
  }

  select(pool: PoolView, batchSize: number, options: SelectOptions): Selection {
    const fn = 'AlfaMix.select';
    validateSelectOptions(options, fn);
    const { n, c, d, embeddings: z, labeledEmbeddings, labeledY, numLabeled } = validateLabeled(pool, fn);
    const head = validateHead(pool, d, c, fn);
    const q = validateBatchSize(batchSize, n, fn);
    const zw = poolLogitsWithoutBias(z, n, d, head.weights, c);
    const anchors = anchorLogitsWithoutBias(labeledEmbeddings, labeledY, numLabeled, d, head.weights, c);
    const { ids, alpha } = flippedCandidates(zw, head.bias, anchors, n, c, q, this.alphaStep);
    const chosen = ids.length > 0 ? nearestPerCluster(z, d, ids, Math.min(q, ids.length), this.maxIterations, options.random, product(options)) : [];
    const fromClusters = chosen.length;
    fillUniformly(chosen, n, q, options.random);
    const indices = Int32Array.from(chosen);
    if (options.trace === undefined || options.trace === false) return { indices };
    const trace: AlfaMixTrace = { kind: 'alfamix', alpha, numCandidates: ids.length, numRandomFill: q - fromClusters };
    return { indices, trace };
  }
}

/** zW for every pool embedding (N × C), without the bias. O(N·D·C). */
function poolLogitsWithoutBias(z: Float32Array, n: number, d: number, W: Float32Array, c: number): Float64Array {
  const zw = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < c; k++) {
      // Summed over j in order, zero inputs skipped: the same additions as a row-by-row scatter.
      let s = 0;
      for (let j = 0; j < d; j++) {
        const v = z[i * d + j]!;
        if (v !== 0) s += v * W[j * c + k]!;
      }
      zw[i * c + k] = s;
    }
  }
  return zw;
}

/** z*_y W for the anchor (mean labeled embedding) of every class with labeled points, without the bias. O(L·D + C·D·C). */
function anchorLogitsWithoutBias(labeled: Float32Array, labeledY: Int32Array, numLabeled: number, d: number, W: Float32Array, c: number): Float64Array[] {
  const counts = new Float64Array(c);
  const sums = new Float64Array(c * d);
  for (let l = 0; l < numLabeled; l++) {
    const y = labeledY[l]!; // in [0, c): validateLabeled checked every label
    counts[y] = counts[y]! + 1;
    for (let j = 0; j < d; j++) sums[y * d + j] = sums[y * d + j]! + labeled[l * d + j]!;
  }
  const anchors: Float64Array[] = [];
  for (let y = 0; y < c; y++) {
    if (counts[y] === 0) continue;
    const aw = new Float64Array(c);
    for (let k = 0; k < c; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (sums[y * d + j]! / counts[y]!) * W[j * c + k]!;
      aw[k] = s;
    }
    anchors.push(aw);
  }
  return anchors;
}

/**
 * Grows α in steps of `alphaStep` (while α < 1) until at least Q points' predictions flip when mixed
 * towards some anchor: argmax((1 − α) zW + α z*W + b) differs from argmax(zW + b). Returns the candidates
 * in index order and the α reached (0 when there are no anchors). O(N·A·C) per step.
 */
function flippedCandidates(zw: Float64Array, b: Float32Array, anchors: readonly Float64Array[], n: number, c: number, q: number, alphaStep: number): { ids: Int32Array; alpha: number } {
  const logits0 = new Float64Array(n * c);
  for (let i = 0; i < n; i++) for (let k = 0; k < c; k++) logits0[i * c + k] = zw[i * c + k]! + b[k]!;
  const pred0 = argmaxRows(logits0, n, c);
  const candidate = new Uint8Array(n);
  let numCandidates = 0;
  let alpha = 0;
  for (let step = 1; anchors.length > 0 && numCandidates < q; step++) {
    alpha = step * alphaStep;
    if (alpha >= 1) break;
    for (let i = 0; i < n; i++) {
      if (candidate[i]) continue;
      const p0 = pred0[i]!;
      for (const aw of anchors) {
        let best = 0;
        let bv = -Infinity;
        for (let k = 0; k < c; k++) {
          const v = (1 - alpha) * zw[i * c + k]! + alpha * aw[k]! + b[k]!;
          if (v > bv) {
            bv = v;
            best = k;
          }
        }
        if (best !== p0) {
          candidate[i] = 1;
          numCandidates++;
          break;
        }
      }
    }
  }
  const ids = new Int32Array(numCandidates);
  for (let i = 0, m = 0; i < n; i++) if (candidate[i]) ids[m++] = i;
  return { ids, alpha };
}

/**
 * k-means (k-means++ seeding, then Lloyd) on the candidates' L2-normalised embeddings (zero vectors stay
 * zero); per cluster the member nearest its centroid. Distinct pool indices, at most k. `kernel`: the
 * injected product for the k-means distances, if any (same result).
 */
function nearestPerCluster(
  z: Float32Array,
  d: number,
  ids: Int32Array,
  k: number,
  maxIterations: number,
  random: Random,
  kernel: { product?: CrossProductKernel },
): number[] {
  const m = ids.length;
  const feats = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    const off = ids[r]! * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += z[off + j]! * z[off + j]!;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < d; j++) feats[r * d + j] = z[off + j]! * inv;
  }
  const seeds = kmeansPlusPlus(feats, m, d, k, random, kernel);
  const init = new Float64Array(k * d);
  for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) init[j * d + t] = feats[seeds[j]! * d + t]!;
  const km = kmeans(feats, m, d, init, k, { maxIterations, ...kernel });
  const best = new Int32Array(k).fill(-1);
  const bestD = new Float64Array(k).fill(Infinity);
  for (let r = 0; r < m; r++) {
    const cl = km.assignment[r]!;
    if (km.distances[r]! < bestD[cl]!) {
      bestD[cl] = km.distances[r]!;
      best[cl] = r;
    }
  }
  const chosen: number[] = [];
  for (let j = 0; j < k; j++) if (best[j]! >= 0) chosen.push(ids[best[j]!]!);
  return chosen;
}

/** Appends uniform picks among the points not yet chosen until Q are chosen: a partial Fisher–Yates, O(N). */
function fillUniformly(chosen: number[], n: number, q: number, random: Random): void {
  if (chosen.length >= q) return;
  const taken = new Uint8Array(n);
  for (const i of chosen) taken[i] = 1;
  const rest = new Int32Array(n - chosen.length);
  for (let i = 0, m = 0; i < n; i++) if (!taken[i]) rest[m++] = i;
  for (let t = 0; chosen.length < q; t++) {
    const j = t + random.int(rest.length - t);
    const v = rest[j]!;
    rest[j] = rest[t]!;
    rest[t] = v;
    chosen.push(v);
  }
}
