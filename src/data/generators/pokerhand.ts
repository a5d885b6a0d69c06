/**
 * Poker hands: random 5-card hands from one 52-card deck, labelled by the poker rules into the 10
 * classes of the UCI "Poker Hand" data (Cattral & Oppacher, 2007), which OpenML-155 "pokerhand"
 * (829,201 rows) is drawn from. We run the same process, not the same rows: OpenML's file cannot be
 * fetched offline, so loaders generate fresh hands with a seeded `Random`.
 *
 * Features, as OpenML/UCI have them, in the order the cards were dealt: S1, C1, …, S5, C5 with suit
 * Sk in 1..4 ({Hearts, Spades, Diamonds, Clubs}) and rank Ck in 1..13 (Ace, 2, …, Queen, King).
 * Classes (UCI): 0 nothing, 1 one pair, 2 two pairs, 3 three of a kind, 4 straight, 5 flush,
 * 6 full house, 7 four of a kind, 8 straight flush, 9 royal flush. A straight is five consecutive
 * ranks, the ace counting low (A-2-3-4-5) or high (10-J-Q-K-A): that gives UCI's 10,200 straights and
 * 36 straight flushes among the 2,598,960 hands; the royal flush (10-J-Q-K-A suited) is its own class.
 */
import type { Dataset } from '../dataset.ts';
import { Random } from '../../random.ts';
import { splitTrainTest, takeRows } from '../splits.ts';

/** UCI's names of the 10 classes, index = class. */
export const POKER_CLASS_NAMES: readonly string[] = [
  'nothing',
  'one pair',
  'two pairs',
  'three of a kind',
  'straight',
  'flush',
  'full house',
  'four of a kind',
  'straight flush',
  'royal flush',
];

/** Number of hands of each class among all C(52, 5) = 2,598,960 (order ignored), from combinatorics. */
export const POKER_CLASS_COUNTS: readonly number[] = [1302540, 1098240, 123552, 54912, 10200, 5108, 3744, 624, 36, 4];

/** Rank bit mask of 10-J-Q-K-A (bit r for rank r, ace = 1). */
const ROYAL_MASK = (1 << 1) | (1 << 10) | (1 << 11) | (1 << 12) | (1 << 13);

/**
 * The poker class (0..9, see the module comment) of the hand stored at `row[offset .. offset + 10)` as
 * S1, C1, …, S5, C5. Assumes five distinct valid cards (suits 1..4, ranks 1..13): it does not check,
 * so that it can run in a tight loop; {@link generatePokerhand} only makes valid hands.
 * Cost: O(1).
 * @example pokerHandClass([1, 10, 1, 11, 1, 13, 1, 12, 1, 1]) // → 9 (royal flush)
 */
export function pokerHandClass(row: ArrayLike<number>, offset = 0): number {
  const s0 = row[offset]!;
  let flush = true;
  let mask = 0;
  let pairs = 0;
  let trips = 0;
  let quads = 0;
  // Count equal ranks by comparing each card with the later ones: the number of equal pairs
  // (1 pair, 2 two pairs, 3 trips, 4 full house, 6 quads) identifies the multiplicity pattern.
  let equalPairs = 0;
  for (let i = 0; i < 5; i++) {
    const s = row[offset + 2 * i]!;
    const c = row[offset + 2 * i + 1]!;
    if (s !== s0) flush = false;
    mask |= 1 << c;
    for (let j = i + 1; j < 5; j++) if (row[offset + 2 * j + 1] === c) equalPairs++;
  }
  switch (equalPairs) {
    case 1:
      pairs = 1;
      break;
    case 2:
      pairs = 2;
      break;
    case 3:
      trips = 1;
      break;
    case 4:
      trips = 1;
      pairs = 1;
      break;
    case 6:
      quads = 1;
      break;
  }
  if (quads) return 7;
  if (trips && pairs) return 6;
  if (trips) return 3;
  if (pairs === 2) return 2;
  if (pairs === 1) return 1;
  // Five distinct ranks: straight when they are consecutive, or 10-J-Q-K-A.
  let straight = mask === ROYAL_MASK;
  if (!straight) {
    const low = mask & -mask; // lowest set bit
    straight = mask === low * 31; // five consecutive bits
  }
  if (straight && flush) return mask === ROYAL_MASK ? 9 : 8;
  if (flush) return 5;
  if (straight) return 4;
  return 0;
}

export interface PokerhandData {
  /** rows × 10 features S1, C1, …, S5, C5 (row-major). */
  readonly x: Float32Array;
  /** Class 0..9 per row. */
  readonly y: Int32Array;
  readonly rows: number;
}

/**
 * `rows` independent uniformly random 5-card hands (5 distinct cards of 52, in deal order) with
 * their poker classes. Each hand is a partial Fisher–Yates shuffle of a fresh deck: 5 draws from
 * `random`. Cost: O(rows) time, 10·rows floats. `random` is advanced; nothing else is changed.
 * @throws RangeError when rows is not an integer in [0, 1e8]; TypeError when random is not a Random.
 * @example generatePokerhand(3, new Random(0)).y // e.g. Int32Array [0, 1, 0]
 */
export function generatePokerhand(rows: number, random: Random): PokerhandData {
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0 || rows > 1e8) {
    throw new RangeError(`generatePokerhand: rows must be an integer in [0, 100000000], got ${String(rows)}`);
  }
  if (!(random instanceof Random)) {
    throw new TypeError('generatePokerhand: random must be a Random (import { Random } from src/random.ts)');
  }
  const x = new Float32Array(rows * 10);
  const y = new Int32Array(rows);
  const deck = new Int32Array(52);
  const hand = new Int32Array(10);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < 52; i++) deck[i] = i;
    for (let k = 0; k < 5; k++) {
      const j = k + random.int(52 - k);
      const card = deck[j]!;
      deck[j] = deck[k]!;
      deck[k] = card;
      hand[2 * k] = (card & 3) + 1; // suit 1..4
      hand[2 * k + 1] = (card >> 2) + 1; // rank 1..13
    }
    x.set(hand, r * 10);
    y[r] = pokerHandClass(hand);
  }
  return { x, y, rows };
}

export interface LoadPokerhandOptions {
  /** Hands to generate before the 80/20 split. Default 829,201 (OpenML-155's size). */
  rows?: number;
  /** Seed of the hand generator. Default 0. The split always uses seed 0. */
  seed?: number;
}

/**
 * Pokerhand (OpenML-155) as a Dataset: `rows` (default 829,201) random hands from `new Random(seed)`
 * (default seed 0), raw integer features S1, C1, …, S5, C5 as OpenML has them, split 80/20 with
 * seed 0 (plain random split via `splitTrainTest`), as the paper's code splits OpenML tables.
 * Same process as OpenML-155, not the same rows. ~1 s for the default size.
 * @throws RangeError when rows is not an integer in [2, 1e8] or seed is not a non-negative integer.
 */
export async function loadPokerhand(options: LoadPokerhandOptions = {}): Promise<Dataset> {
  const rows = options.rows ?? 829_201;
  const seed = options.seed ?? 0;
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 2 || rows > 1e8) {
    throw new RangeError(`loadPokerhand: rows must be an integer in [2, 100000000], got ${String(rows)}`);
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) {
    throw new RangeError(`loadPokerhand: seed must be a non-negative integer, got ${String(seed)}`);
  }
  const data = generatePokerhand(rows, new Random(seed).fork('pokerhand'));
  const { train, test } = splitTrainTest(rows, 0.2, new Random(0));
  return {
    name: 'pokerhand',
    description:
      `Pokerhand (OpenML-155): ${rows.toLocaleString('en-US')} random 5-card hands (seed ${seed}) labelled by the ` +
      'poker rules into 10 classes, features S1,C1..S5,C5 (suit 1-4, rank 1-13); the same process as ' +
      'OpenML-155, not the same rows; 80/20 split with seed 0.',
    kind: 'table',
    shape: [10],
    numClasses: 10,
    classNames: POKER_CLASS_NAMES,
    train: { x: takeRows(data.x, 10, train), y: takeRows(data.y, 1, train), n: train.length },
    test: { x: takeRows(data.x, 10, test), y: takeRows(data.y, 1, test), n: test.length },
  };
}
