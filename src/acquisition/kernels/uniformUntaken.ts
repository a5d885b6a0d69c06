import type { Random } from '../../random.ts';

/** The r-th (r uniform in [0, remaining)) index whose `taken` flag is 0. O(n). */
export function uniformUntaken(taken: Uint8Array, remaining: number, random: Random): number {
  let r = random.int(remaining);
  for (let i = 0; i < taken.length; i++) {
    if (!taken[i]) {
      if (r === 0) return i;
      r--;
    }
  }
  throw new RangeError(`uniformUntaken: fewer than ${remaining} points are left`);
}
