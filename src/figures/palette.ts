/**
 * Strategy colours and legend labels, the same in every figure (FALCUN always the same red): each registered
 * strategy's fixed colours (default, and colour-blind-safe after Okabe & Ito, "Color Universal Design",
 * 2008, used by the publication presets) and label come from its registry entry (acquisition/registry.ts).
 * Unknown strategy names (ablation variants such as 'falcun-g1') get a colour from an extra list chosen by
 * a hash of the name: stable across figures and runs, never FALCUN's red.
 */
import { hashString } from '../random.ts';
import { listStrategies } from '../acquisition/registry.ts';

export type PaletteName = 'default' | 'colorblind';

const REGISTERED = listStrategies();
const FALCUN = REGISTERED.find((s) => s.name === 'falcun')!;

/** FALCUN's red in the default palette (matplotlib/d3 category red; from the registry). */
export const FALCUN_RED = FALCUN.colors.default;
/** FALCUN's colour in the colour-blind palette: Okabe–Ito vermillion, that palette's red. */
export const FALCUN_RED_COLORBLIND = FALCUN.colors.colorblind;

/** Registry names in legend order: the registry's order with FALCUN last (competitors first, as in the paper's figures). */
export const STRATEGY_ORDER: readonly string[] = Object.freeze([...REGISTERED.filter((s) => s !== FALCUN), FALCUN].map((s) => s.name));

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
 * Every name the acquisition registry accepts for a strategy (its name and aliases, squashed) → its
 * registry entry, so that 'kcenter' (the registry's name), 'coreset' and 'KCenter-Greedy' share one colour
 * and one legend label.
 */
const BY_NAME: ReadonlyMap<string, (typeof REGISTERED)[number]> = new Map(
  REGISTERED.flatMap((s) => [s.name, ...s.aliases].map((n) => [squash(n), s] as const)),
);

/**
 * The palette's id of a strategy name: the registry name when the name (any spelling: case, '-', '_')
 * is a registered name or alias ('KCenter-Greedy', 'kcentergreedy' and 'coreset' are all 'kcenter'),
 * else the name squashed to lower-case letters and digits.
 */
export function canonicalStrategy(name: string): string {
  const s = squash(name);
  return BY_NAME.get(s)?.name ?? s;
}

/**
 * The colour of a strategy in a palette (hex '#rrggbb'). Known strategies have fixed colours; others
 * hash into an extra list. Cost: O(length of the name).
 * @throws TypeError for a non-string or empty name; RangeError for an unknown palette.
 */
export function strategyColor(name: string, palette: PaletteName = 'default'): string {
  if (typeof name !== 'string' || name === '') throw new TypeError(`strategyColor: name must be a non-empty string, got ${JSON.stringify(name)}`);
  const extra = EXTRA[palette];
  if (extra === undefined) throw new RangeError(`strategyColor: palette must be 'default' or 'colorblind', got ${JSON.stringify(palette)}`);
  const known = BY_NAME.get(squash(name))?.colors[palette];
  if (known !== undefined) return known;
  return extra[hashString(name) % extra.length]!;
}

/** The name printed in legends: the registry's label for known strategies ('KCenterGreedy'), else the name. */
export function strategyLabel(name: string): string {
  return BY_NAME.get(squash(name))?.label ?? name;
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
