/**
 * The experiment configuration: what a researcher writes (a JSON file or a TypeScript object), validated
 * field by field, then resolved into an `ExperimentPlan` with every default filled in.
 *
 *   JSON / object ──parseExperimentConfig──► ExperimentConfig ──resolveExperiment──► ExperimentPlan
 *                      (zod: kinds, ranges,        (cross-field rules:             (hashed into the
 *                       unknown keys)               budget ≥ initial, …)             manifest)
 *
 * Unknown keys, wrong kinds and impossible values are rejected with a `ConfigError` whose message names
 * every offending field (e.g. `datasets[0].querySize`), the value received and the bound.
 * Checks that need the rest of falcun-lab (strategy and dataset names and options, Q against the dataset's
 * real size) are in checkPlan.ts; the CLI runs both before it writes anything.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SETTING_NAMES, roundCount, settingByName } from './settings.ts';
import { BACKEND_REQUESTS } from '../backend/backendInfo.ts';

/** Raised for an invalid config; `issues` lists one line per offending field. */
export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(source: string, issues: readonly string[]) {
    super(`invalid experiment config (${source}):\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

const LABEL_RE = /^[A-Za-z0-9][A-Za-z0-9.-]*(?:_[A-Za-z0-9.-]+)*$/;
const label = z
  .string()
  .regex(LABEL_RE, 'must be letters, digits, ".", "-" or single "_" (it names result files; "__" separates their parts)');
const positiveInt = z.number().int().min(1);

/** Training overrides; anything left out uses the model's paper defaults (see the training module). */
export const TrainingSchema = z.strictObject({
  epochs: positiveInt.optional(),
  batchSize: positiveInt.optional(),
  learningRate: z.number().gt(0).lt(1).optional(),
  /** Stop once training accuracy reaches this (the paper: 0.99 for MLP and ResNet18). */
  earlyStopAccuracy: z.number().gt(0).max(1).optional(),
  /** Never stop before this many epochs (the paper: 10 for the MLP). */
  minEpochs: z.number().int().min(0).optional(),
});
export type TrainingSettings = z.infer<typeof TrainingSchema>;

export const StrategyEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    /** Registry name (`falcun-lab list`). */
    name: z.string().min(1),
    /** Label in results and file names, e.g. 'falcun-g1'; defaults to `name`. Must be unique. */
    label: label.optional(),
    /** Passed to the strategy's constructor, e.g. { gamma: 1 }. */
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const DatasetEntrySchema = z.strictObject({
  /** Registry name (`falcun-lab list`), e.g. 'mnist', 'letter', 'repeated-mnist'. */
  name: z.string().min(1),
  /** Label in results and file names; defaults to `name`. Must be unique. */
  label: label.optional(),
  /** Passed to the dataset loader, e.g. { fraction: 0.1 } for RepeatedMNIST. */
  options: z.record(z.string(), z.unknown()).optional(),
  /** 'lenet', 'mlp', 'resnet18'; default: lenet for grayscale images, resnet18 for colour, mlp for tables. */
  model: z.string().min(1).optional(),
  /** A paper setting (xs, s, m, l, xl, optionally `_no`); fields below override its parts. */
  setting: z.enum(SETTING_NAMES as [string, ...string[]]).optional(),
  querySize: positiveInt.optional(),
  /** Size of the initial labeled set, drawn uniformly per seed; default = querySize. */
  initialSize: positiveInt.optional(),
  /** Total labels at the end; default 10 × querySize. Give `budget` or `rounds`, not both. */
  budget: positiveInt.optional(),
  /** Number of queries after the initial round (budget = initial + rounds × Q). */
  rounds: positiveInt.optional(),
  /** Keep the previous round's weights (the `_no` settings) instead of training a fresh model. */
  keepWeights: z.boolean().optional(),
  /** Use a fixed random subset of this many training rows as the pool (same for every seed and strategy). */
  trainSubset: positiveInt.optional(),
  /** Evaluate on a fixed random subset of this many test rows. */
  testSubset: positiveInt.optional(),
  training: TrainingSchema.optional(),
});

/** Backend requests (backend/backendInfo.ts): 'auto' picks the fastest that loads; 'wasm' is the deterministic default. */
export const BACKENDS = BACKEND_REQUESTS;

export const ExperimentConfigSchema = z.strictObject({
  /** A short name, shown in progress and reports. */
  name: z.string().min(1),
  description: z.string().optional(),
  datasets: z.array(DatasetEntrySchema).min(1),
  strategies: z.array(StrategyEntrySchema).min(1),
  seeds: z.array(z.number().int().min(0).max(0xffffffff)).min(1),
  /** Training overrides for every dataset (a dataset's own `training` wins). */
  training: TrainingSchema.optional(),
  /** The tfjs backend; 'wasm' is deterministic on one thread and works everywhere here. */
  backend: z.enum(BACKENDS).optional(),
});
export type ExperimentConfig = z.infer<typeof ExperimentConfigSchema>;

/** One dataset setting with every default resolved. */
export interface PlannedDataset {
  readonly name: string;
  readonly label: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly model: string | null;
  readonly setting: string;
  readonly querySize: number;
  readonly initialSize: number;
  readonly budget: number;
  readonly keepWeights: boolean;
  /** Number of RoundRecords a complete run writes. */
  readonly rounds: number;
  readonly trainSubset: number | null;
  readonly testSubset: number | null;
  readonly training: TrainingSettings;
}

export interface PlannedStrategy {
  readonly name: string;
  readonly label: string;
  readonly options: Readonly<Record<string, unknown>>;
}

/** The resolved experiment: what runs, and what the manifest's hash covers. */
export interface ExperimentPlan {
  readonly name: string;
  readonly description: string;
  readonly datasets: readonly PlannedDataset[];
  readonly strategies: readonly PlannedStrategy[];
  readonly seeds: readonly number[];
  readonly backend: (typeof BACKENDS)[number];
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** `datasets[0].querySize` from ['datasets', 0, 'querySize']. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let s = 'config';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : `.${String(k)}`;
  return s;
}

function describeIssue(input: unknown, issue: z.core.$ZodIssue): string {
  const where = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `${where}: unknown key(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}; remove them or check the spelling`;
  }
  if (issue.code === 'invalid_union') {
    return `${where}: expected a strategy name (string) or { name, label?, options? }, got ${describeValue(valueAt(input, issue.path))}`;
  }
  return `${where}: ${issue.message.replace(/^Invalid input: /, '')} (got ${describeValue(valueAt(input, issue.path))})`;
}

/**
 * Every non-finite number anywhere in the input (JSON's 1e999 parses to Infinity; a .ts config can hold
 * NaN), named by field: JSON would store them as null, so they are refused rather than changed.
 */
function nonFiniteNumbers(v: unknown, path: PropertyKey[]): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [`${fieldPath(path)}: ${String(v)} is not a finite number`];
  if (Array.isArray(v)) return v.flatMap((x, i) => nonFiniteNumbers(x, [...path, i]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => nonFiniteNumbers(x, [...path, k]));
  return [];
}

/**
 * Validates kinds, ranges and keys of a config object.
 * @param source where the config came from (a file path, a preset name), for the error message.
 * @throws ConfigError naming every offending field.
 */
export function parseExperimentConfig(input: unknown, source = 'object'): ExperimentConfig {
  const nonFinite = nonFiniteNumbers(input, []);
  if (nonFinite.length > 0) throw new ConfigError(source, nonFinite);
  const r = ExperimentConfigSchema.safeParse(input);
  if (!r.success) throw new ConfigError(source, r.error.issues.map((i) => describeIssue(input, i)));
  return r.data;
}

/**
 * Resolves defaults and checks the rules between fields (budget ≥ initial size, unique labels,
 * a pool subset large enough for the budget, a setting or a query size for every dataset).
 * @throws ConfigError naming every offending field.
 */
export function resolveExperiment(input: unknown, source = 'object'): ExperimentPlan {
  const config = parseExperimentConfig(input, source);
  const issues: string[] = [];
  const datasets: PlannedDataset[] = config.datasets.map((d, i) => {
    const at = `config.datasets[${i}]`;
    const base = d.setting !== undefined ? settingByName(d.setting) : undefined;
    const querySize = d.querySize ?? base?.querySize;
    if (querySize === undefined) issues.push(`${at}: give a 'setting' (${SETTING_NAMES.join(', ')}) or a 'querySize'`);
    const q = querySize ?? 1;
    const initialSize = d.initialSize ?? (d.querySize !== undefined ? q : base?.initialSize ?? q);
    if (d.budget !== undefined && d.rounds !== undefined) {
      issues.push(`${at}: give 'budget' (${d.budget}) or 'rounds' (${d.rounds}), not both`);
    }
    const budget =
      d.budget ?? (d.rounds !== undefined ? initialSize + d.rounds * q : d.querySize !== undefined ? 10 * q : base?.budget ?? 10 * q);
    if (budget < initialSize) {
      issues.push(`${at}.budget: ${budget} is below the initial labeled set (initialSize ${initialSize}); raise the budget or lower initialSize`);
    }
    if (d.trainSubset !== undefined && budget > d.trainSubset) {
      issues.push(`${at}.trainSubset: ${d.trainSubset} rows cannot supply a budget of ${budget} labels; need trainSubset >= ${budget}`);
    }
    const keepWeights = d.keepWeights ?? base?.keepWeights ?? false;
    const customName = `q${q}${keepWeights ? '_no' : ''}`;
    const sameAsBase =
      base !== undefined && q === base.querySize && initialSize === base.initialSize && budget === base.budget && keepWeights === base.keepWeights;
    return {
      name: d.name,
      label: d.label ?? d.name,
      options: d.options ?? {},
      model: d.model ?? null,
      setting: sameAsBase ? base.name : customName,
      querySize: q,
      initialSize,
      budget,
      keepWeights,
      rounds: budget >= initialSize ? roundCount(initialSize, q, budget) : 0,
      trainSubset: d.trainSubset ?? null,
      testSubset: d.testSubset ?? null,
      training: { ...(config.training ?? {}), ...(d.training ?? {}) },
    };
  });
  const strategies: PlannedStrategy[] = config.strategies.map((s) =>
    typeof s === 'string' ? { name: s, label: s, options: {} } : { name: s.name, label: s.label ?? s.name, options: s.options ?? {} },
  );
  for (const [what, labels] of [
    ['datasets', datasets.map((d) => d.label)],
    ['strategies', strategies.map((s) => s.label)],
  ] as const) {
    labels.forEach((l, i) => {
      if (!LABEL_RE.test(l)) issues.push(`config.${what}[${i}]: label '${l}' must be letters, digits, '.', '-' or single '_'; set 'label'`);
      if (labels.indexOf(l) !== i) issues.push(`config.${what}[${i}]: label '${l}' is used twice; give one of them a distinct 'label'`);
    });
  }
  config.seeds.forEach((s, i) => {
    if (config.seeds.indexOf(s) !== i) issues.push(`config.seeds[${i}]: seed ${s} is listed twice`);
  });
  if (issues.length > 0) throw new ConfigError(source, issues);
  return {
    name: config.name,
    description: config.description ?? '',
    datasets,
    strategies,
    seeds: [...config.seeds],
    backend: config.backend ?? 'wasm',
  };
}

/**
 * Checks the loaded pool against a dataset's plan (Q > pool, budget > pool).
 * @throws RangeError naming the dataset entry, the sizes and what to change.
 */
export function checkPoolSize(d: PlannedDataset, poolSize: number, index?: number): void {
  if (d.querySize > poolSize || d.budget > poolSize) {
    const where = index === undefined ? `dataset '${d.label}'` : `config.datasets[${index}] ('${d.label}')`;
    throw new RangeError(
      `${where}: querySize ${d.querySize} and budget ${d.budget} must not exceed the training pool of ${poolSize} rows; lower them or use a larger trainSubset`,
    );
  }
}

/** JSON with object keys sorted, so that equal configs hash equally whatever their key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** SHA-256 (hex) of the plan's canonical JSON: the identity of an experiment directory. */
export function planHash(plan: ExperimentPlan): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex');
}
