/** A subset of a dataset's classes: which rows hold them, and their labels renumbered 0..k−1. */
import type { Random } from '../random.ts';

/** Indices of the rows whose label `y[i]` is one of `classes`, grouped in the order of `classes`, each group shuffled by `random`. O(n). */
export function rowsByClass(y: Int32Array, classes: readonly number[], random: Random): number[][] {
  const groups = classes.map(() => [] as number[]);
  const where = new Map(classes.map((c, k) => [c, k]));
  for (let i = 0; i < y.length; i++) {
    const k = where.get(y[i]!);
    if (k !== undefined) groups[k]!.push(i);
  }
  return groups.map((g) => random.shuffleInPlace(g));
}

/**
 * The labels of `rows` renumbered to their position in `classes` (classes[k] → k).
 * @throws RangeError naming the row when its label is not one of `classes` (or the row is out of range).
 */
export function relabel(y: Int32Array, rows: readonly number[], classes: readonly number[]): Int32Array {
  const where = new Map(classes.map((c, k) => [c, k]));
  return Int32Array.from(rows, (r) => {
    const k = where.get(y[r] ?? Number.NaN);
    if (k === undefined) throw new RangeError(`relabel: row ${r} has label ${y[r]}, not one of the classes [${classes.join(', ')}]`);
    return k;
  });
}
