/**
 * Name → strategy factory, with documentation for `falcun-lab list` and validated options.
 *
 * `createStrategy(name, options)` checks the name (aliases: 'kcentergreedy' → 'kcenter') and every
 * option (unknown keys, kinds, ranges) before building the strategy; `listStrategies()` returns, per
 * strategy, its name, full name, a one-line summary, a citation and its options with defaults.
 */
import { AlfaMix } from './alfaMix.ts';
import { Badge } from './badge.ts';
import { Cdal } from './cdal.ts';
import { Clue } from './clue.ts';
import { EntropySampling } from './entropySampling.ts';
import { Falcun, type FalcunRelevance, type FalcunVariant } from './falcun.ts';
import { KCenterGreedy } from './kCenterGreedy.ts';
import { LeastConfidenceSampling } from './leastConfidenceSampling.ts';
import { MarginSampling } from './marginSampling.ts';
import { RandomSampling } from './randomSampling.ts';
import type { Strategy } from './types.ts';

export type OptionSpec =
  | { readonly name: string; readonly kind: 'number'; readonly default: number; readonly min: number; readonly max?: number; readonly integer?: boolean; readonly minExclusive?: boolean; readonly maxExclusive?: boolean; readonly description: string }
  | { readonly name: string; readonly kind: 'boolean'; readonly default: boolean; readonly description: string }
  | { readonly name: string; readonly kind: 'enum'; readonly default: string; readonly values: readonly string[]; readonly description: string };

export interface StrategyInfo {
  readonly name: string;
  readonly fullName: string;
  readonly summary: string;
  /** Same text as `summary` (the runner's `list` shows `description`). */
  readonly description: string;
  readonly citation: string;
  readonly options: readonly OptionSpec[];
  /** The other names accepted by createStrategy. */
  readonly aliases: readonly string[];
}

interface Entry extends Omit<StrategyInfo, 'description'> {
  readonly create: (options: Readonly<Record<string, unknown>>) => Strategy;
}

const ENTRIES: readonly Entry[] = [
  {
    name: 'falcun',
    fullName: 'FALCUN: Fast Active Learning by Contrastive UNcertainty',
    summary: 'Draws points ∝ (margin uncertainty + min-max-normalised L1 diversity in probability space)^γ, one pick at a time.',
    citation: 'FALCUN paper: "Time- and label-efficient active learning by diversity and uncertainty of probabilities", section 2.2, Eqs. (1)-(6)',
    options: [
      { name: 'gamma', kind: 'number', default: 10, min: 0, description: 'relevance exponent γ of Eq. (6); 0 = uniform picks' },
      { name: 'relevance', kind: 'enum', default: 'both', values: ['both', 'uncertainty', 'diversity'], description: 'relevance from u + d, u only, or d only (ablation, Table 3)' },
      { name: 'deterministic', kind: 'boolean', default: false, description: 'argmax picks instead of sampling (ablation, Table 3)' },
      { name: 'variant', kind: 'enum', default: 'paper', values: ['paper', 'authors'], description: "d-only / u-only as the paper's Eq. (4) or as the authors' code (raw d′; uniform fallback in u-only)" },
    ],
    aliases: [],
    create: (o) => new Falcun({ gamma: o.gamma as number, relevance: o.relevance as FalcunRelevance, deterministic: o.deterministic as boolean, variant: o.variant as FalcunVariant }),
  },
  {
    name: 'random',
    fullName: 'Random sampling',
    summary: 'Q pool points drawn uniformly without replacement.',
    citation: 'The standard baseline of pool-based active learning (Settles 2009, "Active Learning Literature Survey")',
    options: [],
    aliases: [],
    create: () => new RandomSampling(),
  },
  {
    name: 'entropy',
    fullName: 'Entropy sampling',
    summary: 'The Q points with the highest predictive entropy.',
    citation: 'Wang & Shen 2014, "A new active labeling method for deep learning", IJCNN',
    options: [],
    aliases: [],
    create: () => new EntropySampling(),
  },
  {
    name: 'margin',
    fullName: 'Margin sampling',
    summary: 'The Q points with the smallest gap between the two most probable classes.',
    citation: 'Roth & Small 2006, "Margin-based active learning for structured output spaces", ECML',
    options: [],
    aliases: [],
    create: () => new MarginSampling(),
  },
  {
    name: 'least-confidence',
    fullName: 'Least-confidence sampling',
    summary: 'The Q points whose most probable class has the lowest probability.',
    citation: 'Settles 2009, "Active Learning Literature Survey", section 3.1',
    options: [],
    aliases: ['leastconfidence'],
    create: () => new LeastConfidenceSampling(),
  },
  {
    name: 'kcenter',
    fullName: 'KCenterGreedy (core-set)',
    summary: 'Farthest-first traversal of the embeddings, starting from the labeled set.',
    citation: 'Sener & Savarese 2018, "Active Learning for Convolutional Neural Networks: A Core-Set Approach", ICLR',
    options: [],
    aliases: ['kcentergreedy', 'coreset'],
    create: () => new KCenterGreedy(),
  },
  {
    name: 'cdal',
    fullName: 'CDAL: Contextual Diversity for Active Learning',
    summary: 'Farthest-first traversal of the softmax probability vectors.',
    citation: 'Agarwal, Arora, Anand & Arora 2020, "Contextual Diversity for Active Learning", ECCV',
    options: [],
    aliases: [],
    create: () => new Cdal(),
  },
  {
    name: 'badge',
    fullName: 'BADGE: Batch Active learning by Diverse Gradient Embeddings',
    summary: 'k-means++ seeding on gradient embeddings (onehot(ŷ) − p) ⊗ h, computed in factorised form.',
    citation: 'Ash, Zhang, Krishnamurthy, Langford & Agarwal 2020, "Deep Batch Active Learning by Diverse, Uncertain Gradient Lower Bounds", ICLR',
    options: [],
    aliases: [],
    create: () => new Badge(),
  },
  {
    name: 'clue',
    fullName: 'CLUE: Clustering Uncertainty-weighted Embeddings',
    summary: 'Entropy-weighted k-means with Q clusters on embeddings; the point nearest each centroid.',
    citation: 'Prabhu, Chandrasekaran, Saenko & Hoffman 2021, "Active Domain Adaptation via Clustering Uncertainty-weighted Embeddings", ICCV',
    options: [{ name: 'maxIterations', kind: 'number', default: 20, min: 0, integer: true, description: "Lloyd iterations at most after k-means++ seeding" }],
    aliases: [],
    create: (o) => new Clue({ maxIterations: o.maxIterations as number }),
  },
  {
    name: 'alfamix',
    fullName: 'ALFA-Mix: Active Learning by FeAture Mixing',
    summary: 'Candidates whose prediction flips when mixed towards labeled class anchors; k-means on candidates, nearest per cluster.',
    citation: 'Parvaneh, Abbasnejad, Teney, Haffari, van den Hengel & Shi 2022, "Active Learning by Feature Mixing", CVPR',
    options: [
      { name: 'alphaStep', kind: 'number', default: 1 / 32, min: 0, max: 1, minExclusive: true, maxExclusive: true, description: 'increment of the mixing coefficient α' },
      { name: 'maxIterations', kind: 'number', default: 20, min: 0, integer: true, description: 'Lloyd iterations at most for the candidate k-means' },
    ],
    aliases: [],
    create: (o) => new AlfaMix({ alphaStep: o.alphaStep as number, maxIterations: o.maxIterations as number }),
  },
];

function findEntry(name: unknown): Entry {
  if (typeof name !== 'string') throw new TypeError(`createStrategy: name must be a string, got ${String(name)}`);
  const key = name.trim().toLowerCase();
  const e = ENTRIES.find((x) => x.name === key || x.aliases.includes(key));
  if (e === undefined) {
    throw new RangeError(`createStrategy: unknown strategy '${name}'; known: ${ENTRIES.map((x) => x.name).join(', ')}`);
  }
  return e;
}

function checkOptions(entry: Entry, options: unknown): Record<string, unknown> {
  const where = `createStrategy('${entry.name}')`;
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new TypeError(`${where}: options must be an object, got ${String(options)}`);
  const given = options as Record<string, unknown>;
  const known = entry.options.map((o) => o.name);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      throw new RangeError(`${where}: unknown option '${key}'; ${known.length === 0 ? 'this strategy takes no options' : `known: ${known.join(', ')}`}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const spec of entry.options) {
    const v = given[spec.name] === undefined ? spec.default : given[spec.name];
    const field = `${where}: option ${spec.name}`;
    if (spec.kind === 'boolean') {
      if (typeof v !== 'boolean') throw new TypeError(`${field} must be a boolean, got ${String(v)}`);
    } else if (spec.kind === 'enum') {
      if (typeof v !== 'string' || !spec.values.includes(v)) throw new RangeError(`${field} must be one of ${spec.values.join(', ')}, got ${String(v)}`);
    } else {
      if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`${field} must be a number, got ${String(v)}`);
      if (!Number.isFinite(v)) throw new RangeError(`${field} must be finite, got ${v}`);
      if (spec.integer === true && !Number.isInteger(v)) throw new RangeError(`${field} must be an integer, got ${v}`);
      if (spec.minExclusive === true ? !(v > spec.min) : !(v >= spec.min)) throw new RangeError(`${field} must be ${spec.minExclusive === true ? '>' : '>='} ${spec.min}, got ${v}`);
      if (spec.max !== undefined && (spec.maxExclusive === true ? !(v < spec.max) : !(v <= spec.max))) {
        throw new RangeError(`${field} must be ${spec.maxExclusive === true ? '<' : '<='} ${spec.max}, got ${v}`);
      }
    }
    out[spec.name] = v;
  }
  return out;
}

/**
 * Builds the strategy registered under `name` (case-insensitive; see listStrategies) with validated options
 * (missing options take their defaults).
 * @throws TypeError / RangeError for an unknown name, an unknown option or an option of the wrong kind or range.
 * @example createStrategy('falcun', { gamma: 5 }).select(pool, 100, { random })
 */
export function createStrategy(name: string, options: Readonly<Record<string, unknown>> = {}): Strategy {
  const entry = findEntry(name);
  return entry.create(checkOptions(entry, options));
}

/** Every registered strategy: name, full name, summary, citation, options with defaults, aliases. */
export function listStrategies(): StrategyInfo[] {
  return ENTRIES.map(({ create: _create, ...info }) => ({ ...info, description: info.summary, options: info.options.map((o) => ({ ...o })), aliases: [...info.aliases] }));
}
