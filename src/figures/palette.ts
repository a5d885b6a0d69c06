/**
 * Fixed strategy colours, the same in every figure (FALCUN always the same red), and a colour-blind-safe
 * alternative (Okabe & Ito, "Color Universal Design", 2008) used by the publication presets.
 * Unknown strategy names (ablation variants such as 'falcun-g1') get a colour from an extra list chosen by
 * a hash of the name: stable across figures and runs, never FALCUN's red.
 */
import { hashString } from '../random.ts';
import { listStrategies } from '../acquisition/registry.ts';

export type PaletteName = 'default' | 'colorblind';

/** FALCUN's red in the default palette (matplotlib/d3 category red). */
export const FALCUN_RED = '#d62728';
/** FALCUN's colour in the colour-blind palette: Okabe–Ito vermillion, that palette's red. */
export const FALCUN_RED_COLORBLIND = '#D55E00';

/** Canonical strategy ids in legend order (competitors as in the paper's figures, FALCUN last). */
export const STRATEGY_ORDER: readonly string[] = Object.freeze(['random', 'entropy', 'kcentergreedy', 'cdal', 'badge', 'clue', 'alfamix', 'falcun']);

const DISPLAY: Readonly<Record<string, string>> = Object.freeze({
  random: 'Random', entropy: 'Entropy', kcentergreedy: 'KCenterGreedy', cdal: 'CDAL', badge: 'BADGE',
  clue: 'CLUE', alfamix: 'AlfaMix', falcun: 'FALCUN',
});

const COLORS: Readonly<Record<PaletteName, Readonly<Record<string, string>>>> = Object.freeze({
  default: Object.freeze({
    random: '#7f7f7f', entropy: '#1f77b4', kcentergreedy: '#2ca02c', cdal: '#9467bd', badge: '#ff7f0e',
    clue: '#8c564b', alfamix: '#e377c2', falcun: FALCUN_RED,
  }),
  colorblind: Object.freeze({
    // BADGE, the closest competitor, gets the blue that contrasts most with FALCUN's vermillion.
    random: '#000000', entropy: '#56B4E9', kcentergreedy: '#009E73', cdal: '#CC79A7', badge: '#0072B2',
    clue: '#E69F00', alfamix: '#B8A800', falcun: FALCUN_RED_COLORBLIND,
  }),
});

const EXTRA: Readonly<Record<PaletteName, readonly string[]>> = Object.freeze({
  default: Object.freeze(['#17becf', '#bcbd22', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd']),
  // Paul Tol's "muted" scheme minus its reds: also distinguishable with colour-vision deficiencies.
  colorblind: Object.freeze(['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#AA4499', '#882255']),
});

/** Lower-case letters and digits only. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Every name the acquisition registry accepts for a strategy (its name and aliases, squashed) → the
 * palette's id, so that 'kcenter' (the registry's name), 'coreset' and 'KCenter-Greedy' share one colour
 * and one legend label.
 */
const ALIASES: ReadonlyMap<string, string> = new Map(
  listStrategies().flatMap((s) => {
    const names = [s.name, ...s.aliases].map(squash);
    const id = names.find((n) => n in DISPLAY) ?? squash(s.name);
    return names.map((n) => [n, id] as const);
  }),
);

/**
 * The palette's id of a strategy name: lower-case letters and digits, registry aliases resolved
 * ('KCenter-Greedy', 'kcenter' and 'coreset' are all 'kcentergreedy'). Unknown names are only squashed.
 */
export function canonicalStrategy(name: string): string {
  const s = squash(name);
  return ALIASES.get(s) ?? s;
}

/**
 * The colour of a strategy in a palette (hex '#rrggbb'). Known strategies have fixed colours; others
 * hash into an extra list. Cost: O(length of the name).
 * @throws TypeError for a non-string or empty name; RangeError for an unknown palette.
 */
export function strategyColor(name: string, palette: PaletteName = 'default'): string {
  if (typeof name !== 'string' || name === '') throw new TypeError(`strategyColor: name must be a non-empty string, got ${JSON.stringify(name)}`);
  const table = COLORS[palette];
  if (table === undefined) throw new RangeError(`strategyColor: palette must be 'default' or 'colorblind', got ${JSON.stringify(palette)}`);
  const known = table[canonicalStrategy(name)];
  if (known !== undefined) return known;
  const extra = EXTRA[palette];
  return extra[hashString(name) % extra.length]!;
}

/** The name printed in legends: the paper's spelling for known strategies ('KCenterGreedy'), else the name. */
export function strategyLabel(name: string): string {
  return DISPLAY[canonicalStrategy(name)] ?? name;
}

/** Sorts strategy names into legend order: known strategies in STRATEGY_ORDER, then others alphabetically. */
export function sortStrategies(names: Iterable<string>): string[] {
  const rank = (s: string) => {
    const i = STRATEGY_ORDER.indexOf(canonicalStrategy(s));
    return i < 0 ? STRATEGY_ORDER.length : i;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** '#rrggbb' with an alpha, as 'rgba(r,g,b,a)' (for std bands). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`withAlpha: colour must be '#rrggbb', got ${JSON.stringify(hex)}`);
  const v = parseInt(m[1]!, 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
}
