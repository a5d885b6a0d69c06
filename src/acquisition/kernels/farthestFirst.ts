import type { Random } from '../../random.ts';

/** minDist[i] ← min(minDist[i], D²(i, center)) for every point i. */
export type UpdateMinDistances = (center: number, minDist: Float64Array) => void;

/**
 * Greedy farthest-first traversal (Gonzalez 1985; the k-center greedy of Sener & Savarese 2018):
 * repeatedly pick the point whose distance to its nearest centre is largest (ties to the lower index),
 * then lower every point's distance by the new centre. Starts from `initialMinDist` (distances to an
 * existing set, e.g. the labeled points) or, when it is null, from one point drawn uniformly
 * (one `random.int(n)`). Returns k distinct indices in pick order; never builds an n × n matrix.
 *
 * Cost: k − 1 (or k) calls of `update` (O(n·dim) each for explicit points) + O(k·n) for the argmax scans.
 * @throws RangeError when k is not an integer in [1, n] or initialMinDist has the wrong length.
 */
export function farthestFirst(
  n: number,
  k: number,
  initialMinDist: Float64Array | null,
  update: UpdateMinDistances,
  random: Random,
): Int32Array {
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`farthestFirst: k must be an integer in [1, n = ${n}], got ${k}`);
  if (initialMinDist !== null && initialMinDist.length !== n) {
    throw new RangeError(`farthestFirst: initialMinDist has length ${initialMinDist.length}, expected n = ${n}`);
  }
  const minDist = initialMinDist === null ? new Float64Array(n).fill(Infinity) : Float64Array.from(initialMinDist);
  const taken = new Uint8Array(n);
  const chosen = new Int32Array(k);
  for (let j = 0; j < k; j++) {
    let pick: number;
    if (j === 0 && initialMinDist === null) {
      pick = random.int(n);
    } else {
      pick = -1;
      let best = -Infinity;
      for (let i = 0; i < n; i++) {
        if (!taken[i] && minDist[i]! > best) {
          best = minDist[i]!;
          pick = i;
        }
      }
    }
    chosen[j] = pick;
    taken[pick] = 1;
    if (j < k - 1) update(pick, minDist);
  }
  return chosen;
}
