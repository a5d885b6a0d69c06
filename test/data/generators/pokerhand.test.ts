import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../src/random.ts';
import {
  generatePokerhand,
  loadPokerhand,
  pokerHandClass,
  POKER_CLASS_COUNTS,
  POKER_CLASS_NAMES,
} from '../../../src/data/generators/pokerhand.ts';

/** The slow, obvious classifier: sort rank multiplicities, check suits and rank runs explicitly. */
function slowClass(row: ArrayLike<number>): number {
  const suits = [0, 2, 4, 6, 8].map((i) => row[i]!);
  const ranks = [1, 3, 5, 7, 9].map((i) => row[i]!);
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  const mult = [...counts.values()].sort((a, b) => b - a).join('');
  const flush = suits.every((s) => s === suits[0]);
  const sorted = [...ranks].sort((a, b) => a - b);
  const distinct = counts.size === 5;
  const consecutive = distinct && sorted[4]! - sorted[0]! === 4;
  const royalRanks = distinct && sorted.join(',') === '1,10,11,12,13';
  const straight = consecutive || royalRanks;
  if (straight && flush && royalRanks) return 9;
  if (straight && flush) return 8;
  if (mult === '41') return 7;
  if (mult === '32') return 6;
  if (flush) return 5;
  if (straight) return 4;
  if (mult === '311') return 3;
  if (mult === '221') return 2;
  if (mult === '2111') return 1;
  return 0;
}

test('pokerHandClass counts every one of the 2,598,960 hands into the exact combinatorial class sizes', () => {
  const counts = new Array(10).fill(0);
  const row = new Int32Array(10);
  const set = (k: number, card: number) => {
    row[2 * k] = (card & 3) + 1;
    row[2 * k + 1] = (card >> 2) + 1;
  };
  let total = 0;
  for (let a = 0; a < 52; a++) {
    set(0, a);
    for (let b = a + 1; b < 52; b++) {
      set(1, b);
      for (let c = b + 1; c < 52; c++) {
        set(2, c);
        for (let d = c + 1; d < 52; d++) {
          set(3, d);
          for (let e = d + 1; e < 52; e++) {
            set(4, e);
            counts[pokerHandClass(row)]++;
            total++;
          }
        }
      }
    }
  }
  assert.equal(total, 2598960);
  assert.deepEqual(counts, POKER_CLASS_COUNTS);
  assert.deepEqual(POKER_CLASS_COUNTS, [1302540, 1098240, 123552, 54912, 10200, 5108, 3744, 624, 36, 4]);
});

test('pokerHandClass agrees with a slow obvious classifier on random hands and named examples', () => {
  const d = generatePokerhand(100_000, new Random(7));
  for (let r = 0; r < d.rows; r++) {
    const row = d.x.subarray(r * 10, r * 10 + 10);
    assert.equal(d.y[r], slowClass(row), `hand ${Array.from(row).join(',')}`);
    assert.equal(pokerHandClass(d.x, r * 10), d.y[r]);
  }
  const cases: Array<[number[], number]> = [
    [[1, 10, 1, 11, 1, 13, 1, 12, 1, 1], 9], // royal flush, any order
    [[2, 1, 2, 2, 2, 3, 2, 4, 2, 5], 8], // A-2-3-4-5 suited: straight flush
    [[2, 9, 2, 10, 2, 11, 2, 12, 2, 13], 8],
    [[1, 1, 2, 2, 3, 3, 4, 4, 1, 5], 4], // wheel straight
    [[1, 10, 2, 11, 3, 12, 4, 13, 1, 1], 4], // ace-high straight
    [[1, 11, 2, 12, 3, 13, 4, 1, 1, 2], 0], // no wrap-around straight (J-Q-K-A-2)
    [[1, 2, 1, 4, 1, 6, 1, 8, 1, 13], 5],
    [[1, 3, 2, 3, 3, 3, 4, 3, 1, 9], 7],
    [[1, 3, 2, 3, 3, 3, 4, 9, 1, 9], 6],
    [[1, 3, 2, 3, 3, 3, 4, 9, 1, 8], 3],
    [[1, 3, 2, 3, 3, 9, 4, 9, 1, 8], 2],
    [[1, 3, 2, 3, 3, 9, 4, 10, 1, 8], 1],
    [[1, 3, 2, 5, 3, 9, 4, 10, 1, 8], 0],
  ];
  for (const [hand, cls] of cases) {
    assert.equal(pokerHandClass(hand), cls, `${hand.join(',')} → ${POKER_CLASS_NAMES[cls]}`);
    assert.equal(slowClass(hand), cls);
  }
});

test('generatePokerhand: valid distinct cards, and class frequencies match the combinatorial probabilities (chi-square)', () => {
  const n = 300_000;
  const d = generatePokerhand(n, new Random(2024));
  const counts = new Array(10).fill(0);
  for (let r = 0; r < n; r++) {
    counts[d.y[r]!]++;
    const cards = new Set<number>();
    for (let k = 0; k < 5; k++) {
      const s = d.x[r * 10 + 2 * k]!;
      const c = d.x[r * 10 + 2 * k + 1]!;
      assert.ok(Number.isInteger(s) && s >= 1 && s <= 4 && Number.isInteger(c) && c >= 1 && c <= 13);
      cards.add(s * 100 + c);
    }
    assert.equal(cards.size, 5, `row ${r} repeats a card`);
  }
  // Pool the three rarest classes (expected 72 + 4.2 + 0.5) so that every cell expects >= 5.
  const total = 2598960;
  const obs = [...counts.slice(0, 7), counts[7] + counts[8] + counts[9]];
  const exp = [...POKER_CLASS_COUNTS.slice(0, 7), 624 + 36 + 4].map((c) => (c / total) * n);
  let chi2 = 0;
  for (let i = 0; i < obs.length; i++) chi2 += (obs[i]! - exp[i]!) ** 2 / exp[i]!;
  // 7 degrees of freedom: P(chi2 > 24.32) = 0.001.
  assert.ok(chi2 < 24.32, `chi-square ${chi2.toFixed(2)} over classes ${obs.join(',')} vs expected ${exp.map((e) => e.toFixed(1)).join(',')}`);
  // The two big classes within 1% relative of their probabilities.
  assert.ok(Math.abs(counts[0] / n - 1302540 / total) < 0.005);
  assert.ok(Math.abs(counts[1] / n - 1098240 / total) < 0.005);
  // Suits and ranks roughly uniform over all dealt cards.
  const suitCounts = [0, 0, 0, 0];
  for (let r = 0; r < n; r++) for (let k = 0; k < 5; k++) suitCounts[d.x[r * 10 + 2 * k]! - 1]!++;
  for (const c of suitCounts) assert.ok(Math.abs(c / (5 * n) - 0.25) < 0.005);
});

test('generatePokerhand is reproducible and rejects bad input', () => {
  assert.deepEqual(generatePokerhand(50, new Random(1)).x, generatePokerhand(50, new Random(1)).x);
  assert.notDeepEqual(generatePokerhand(50, new Random(1)).x, generatePokerhand(50, new Random(2)).x);
  assert.throws(() => generatePokerhand(-1, new Random(1)), /generatePokerhand: rows must be an integer in \[0, 100000000\], got -1/);
  assert.throws(() => generatePokerhand(2.5, new Random(1)), RangeError);
  assert.throws(() => generatePokerhand(5, {} as Random), /generatePokerhand: random must be a Random/);
});

test('loadPokerhand: 80/20 split, 10 features, 10 classes, description says same process not same rows', async () => {
  const ds = await loadPokerhand({ rows: 5000, seed: 3 });
  assert.equal(ds.name, 'pokerhand');
  assert.equal(ds.kind, 'table');
  assert.deepEqual(ds.shape, [10]);
  assert.equal(ds.numClasses, 10);
  assert.deepEqual(ds.classNames, POKER_CLASS_NAMES);
  assert.equal(ds.train.n, 4000);
  assert.equal(ds.test.n, 1000);
  assert.equal(ds.train.x.length, 40000);
  assert.match(ds.description, /same process.*not the same rows/);
  for (let r = 0; r < ds.test.n; r++) assert.equal(pokerHandClass(ds.test.x, r * 10), ds.test.y[r]);
  const again = await loadPokerhand({ rows: 5000, seed: 3 });
  assert.deepEqual(again.train.x, ds.train.x);
  const other = await loadPokerhand({ rows: 5000, seed: 4 });
  assert.notDeepEqual(other.train.x, ds.train.x);
  await assert.rejects(loadPokerhand({ rows: 1 }), /loadPokerhand: rows must be an integer in \[2, 100000000\], got 1/);
  await assert.rejects(loadPokerhand({ seed: -1 }), /loadPokerhand: seed must be a non-negative integer, got -1/);
});
