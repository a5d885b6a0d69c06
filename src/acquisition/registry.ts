/**
 * The strategy registry: one entry per strategy, the class's `spec` (strategySpec.ts), which holds its name,
 * label, colours, citation, option specs, complexity and whether it is stochastic. Everything else
 * (`falcun-lab list`, the figures' palette, the complexity table, the presets, the contract tests) reads
 * these entries. Adding a strategy = its class with a `spec`, one line in STRATEGY_CLASSES, and its test.
 *
 * `createStrategy(name, options)` checks the name (aliases: 'kcentergreedy' → 'kcenter') and every
 * option (unknown keys, kinds, ranges) before building the strategy.
 */
import { closestName } from '../closestName.ts';
import { AlfaMix } from './alfaMix.ts';
import { Badge } from './badge.ts';
import { Cdal } from './cdal.ts';
import { Clue } from './clue.ts';
import { EntropySampling } from './entropySampling.ts';
import { Falcun } from './falcun.ts';
import { KCenterGreedy } from './kCenterGreedy.ts';
import { LeastConfidenceSampling } from './leastConfidenceSampling.ts';
import { MarginSampling } from './marginSampling.ts';
import { RandomSampling } from './randomSampling.ts';
import { checkOptions, formatCitation, type OptionSpec, type StrategyClass, type StrategySpec } from './strategySpec.ts';
import type { Strategy } from './types.ts';

export type { OptionSpec, StrategySpec };

/**
 * Every registered strategy, in registry order: FALCUN, then its competitors. The figures' legends follow
 * this order with FALCUN moved last (palette.ts).
 */
const STRATEGY_CLASSES: readonly StrategyClass[] = [
  Falcun,
  RandomSampling,
  EntropySampling,
  MarginSampling,
  LeastConfidenceSampling,
  KCenterGreedy,
  Cdal,
  Badge,
  Clue,
  AlfaMix,
];

/** What `listStrategies` returns per strategy: the spec, with the citation also as one line. */
export interface StrategyInfo extends StrategySpec {
  /** The summary (the runner's `list` shows `description`). */
  readonly description: string;
  /** The citation as one line: 'Authors (year), "Title", venue'. */
  readonly reference: string;
}

function findClass(name: unknown): StrategyClass {
  if (typeof name !== 'string') throw new TypeError(`strategy name must be a string, got ${String(name)}`);
  const key = name.trim().toLowerCase();
  const e = STRATEGY_CLASSES.find((x) => x.spec.name === key || x.spec.aliases.includes(key));
  if (e === undefined) {
    const near = closestName(key, STRATEGY_CLASSES.flatMap((x) => [x.spec.name, ...x.spec.aliases]));
    throw new RangeError(`unknown strategy '${name}'${near ? ` (did you mean '${near}'?)` : ''}; known: ${STRATEGY_CLASSES.map((x) => x.spec.name).join(', ')}`);
  }
  return e;
}

/**
 * Builds the strategy registered under `name` (case-insensitive; see listStrategies) with validated options
 * (missing options take their defaults).
 * @throws TypeError / RangeError for an unknown name, an unknown option or an option of the wrong kind or range.
 * @example createStrategy('falcun', { gamma: 5 }).select(pool, 100, { random })
 */
export function createStrategy(name: string, options: Readonly<Record<string, unknown>> = {}): Strategy {
  const cls = findClass(name);
  return new cls(checkOptions(cls.spec.options, options, `strategy '${cls.spec.name}'`));
}

/** Every registered strategy's entry (copies: callers cannot change the registry), in registry order. */
export function listStrategies(): StrategyInfo[] {
  return STRATEGY_CLASSES.map(({ spec }) => ({
    ...spec,
    description: spec.summary,
    reference: formatCitation(spec.citation),
    citation: { ...spec.citation },
    options: spec.options.map((o) => ({ ...o })),
    aliases: [...spec.aliases],
    colors: { ...spec.colors },
    complexity: spec.complexity === undefined ? undefined : { ...spec.complexity },
  }));
}
