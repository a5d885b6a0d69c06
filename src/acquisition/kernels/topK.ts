/**
 * Indices of the k largest scores, in decreasing order of score; ties go to the lower index, so the
 * result is fully determined by the scores. Used by the top-Q strategies (Entropy, Margin, LeastConfidence).
 *
 * Algorithm: a binary min-heap of size k over (score, index), then a sort of the k survivors.
 * Cost: O(N log k) time, O(k) memory. NaN scores are not allowed (the caller's scores come from
 * validated probabilities).
 *
 * @throws RangeError when k is not an integer in [0, scores.length].
 * @example topK(new Float64Array([0.2, 0.9, 0.5, 0.9]), 2) // Int32Array [1, 3]
 */
export function topK(scores: ArrayLike<number>, k: number): Int32Array {
  const n = scores.length;
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`topK: k must be an integer in [0, ${n}], got ${k}`);
  if (k === 0) return new Int32Array(0);
  // Heap ordered so that the root is the "worst" kept element: lowest score, and among equal scores the highest index.
  const heap = new Int32Array(k);
  let size = 0;
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a]!;
    const sb = scores[b]!;
    return sa < sb || (sa === sb && a > b);
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const m = r < size && worse(heap[r]!, heap[l]!) ? r : l;
      if (!worse(heap[m]!, heap[i]!)) return;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  };
  for (let idx = 0; idx < n; idx++) {
    if (size < k) {
      let i = size++;
      heap[i] = idx;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        const t = heap[i]!;
        heap[i] = heap[p]!;
        heap[p] = t;
        i = p;
      }
    } else if (worse(heap[0]!, idx)) {
      heap[0] = idx;
      siftDown(0);
    }
  }
  const out = Array.from(heap);
  out.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  return Int32Array.from(out);
}
