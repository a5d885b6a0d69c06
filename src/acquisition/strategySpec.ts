import { closestName } from '../closestName.ts';
import type { Strategy } from './types.ts';

/** One option of a strategy: its kind, default, bounds and meaning (also what `falcun-lab list` shows). */
export type OptionSpec =
  | { readonly name: string; readonly kind: 'number'; readonly default: number; readonly min: number; readonly max?: number; readonly integer?: boolean; readonly minExclusive?: boolean; readonly maxExclusive?: boolean; readonly description: string }
  | { readonly name: string; readonly kind: 'boolean'; readonly default: boolean; readonly description: string }
  | { readonly name: string; readonly kind: 'enum'; readonly default: string; readonly values: readonly string[]; readonly description: string };

/** Where a strategy was published. */
export interface Citation {
  /** Every author, as printed in the publication ('Anonymous authors' for a double-blind preprint). */
  readonly authors: string;
  readonly title: string;
  /** Conference, journal or report series. */
  readonly venue: string;
  /** Publication year; undefined only for an undated preprint. */
  readonly year: number | undefined;
}

/** A strategy's colour in each palette of the figures: 'default' and 'colorblind' (hex '#rrggbb'). */
export interface PaletteColors {
  readonly default: string;
  readonly colorblind: string;
}

/** A row of the paper's Table 1 (time complexity of one acquisition). */
export interface Complexity {
  /** O-notation in plain Unicode (tables, plotly). */
  readonly text: string;
  /** The same in LaTeX. */
  readonly latex: string;
}

/**
 * Everything falcun-lab knows about one strategy, in one place: the registry, `falcun-lab list`, the
 * figures' palette and legend labels, the complexity table, the presets and the contract tests read it.
 */
export interface StrategySpec {
  /** Registry name (lower case), also `Strategy.name`. */
  readonly name: string;
  /** Other names createStrategy accepts. */
  readonly aliases: readonly string[];
  /** Legend label in figures and tables (the paper's spelling). */
  readonly label: string;
  readonly fullName: string;
  /** One line: what it selects. */
  readonly summary: string;
  readonly citation: Citation;
  readonly options: readonly OptionSpec[];
  /** Fixed colours in the default and the colour-blind palette. */
  readonly colors: PaletteColors;
  /** The paper's Table 1 row; undefined for strategies the table does not list. */
  readonly complexity: Complexity | undefined;
  /** Whether `select` draws from the generator (false: the same pool always gives the same picks). */
  readonly stochastic: boolean;
  /** One of the eight strategies of the paper's experiments (the `paper` preset runs these). */
  readonly inPaper: boolean;
}

/** A strategy class: its spec, and a constructor that validates options through the spec. */
export interface StrategyClass {
  readonly spec: StrategySpec;
  new (options?: Readonly<Record<string, unknown>>): Strategy;
}

/** 'Authors (year), "Title", venue'. */
export function formatCitation(c: Citation): string {
  return `${c.authors}${c.year === undefined ? '' : ` (${c.year})`}, "${c.title}", ${c.venue}`;
}

/**
 * Checks `options` against the specs (unknown keys, kinds, ranges) and fills in defaults. The one option
 * validator: createStrategy and every strategy constructor call it, so both accept and refuse the same
 * values with the same words; `where` names the caller ("createStrategy('alfamix')", "AlfaMix").
 * @throws TypeError for a non-object or an option of the wrong kind; RangeError for an unknown option or
 *   a value out of range.
 */
export function checkOptions(specs: readonly OptionSpec[], options: unknown, where: string): Record<string, unknown> {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new TypeError(`${where}: options must be an object, got ${String(options)}`);
  const given = options as Record<string, unknown>;
  const known = specs.map((o) => o.name);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      const near = closestName(key, known);
      throw new RangeError(`${where}: unknown option '${key}'${near ? ` (did you mean '${near}'?)` : ''}; ${known.length === 0 ? 'this strategy takes no options' : `known: ${known.join(', ')}`}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
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
