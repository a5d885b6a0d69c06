/**
 * Exact k nearest neighbours (Euclidean) of every point, through a vantage-point tree
 * (Yianilos 1993, "Data structures and algorithms for nearest neighbor search in general metric spaces"),
 * the structure van der Maaten (2014, JMLR 15, Sec. 4.1) uses to find the 3·perplexity neighbours
 * on which t-SNE's input affinities are computed.
 *
 * The tree is implicit in one index array: a node occupying positions [lo, hi) keeps its vantage point at lo,
 * the points within the node's radius (the median distance to the vantage point) at [lo+1, mid) and the rest at
 * [mid, hi). Vantage points are drawn from the `Random` passed in; the result does not depend on that draw
 * except for the order of exact ties in distance.
 *
 * Cost: build O(n log n · d) expected; each query O(log n · d) on low intrinsic dimension, up to O(n · d) when the
 * data has no structure (then it degrades gracefully to a brute-force scan with pruning overhead).
 * Memory O(n + n·k).
 */
import type { Random } from '../random.ts';

/** The neighbours of each point: row i of each n×k array lists i's neighbours by increasing distance (i itself excluded). */
export interface NearestNeighbours {
  readonly k: number;
  /** n×k neighbour indices, row-major. */
  readonly indices: Int32Array;
  /** n×k Euclidean distances, row-major, ascending within a row. */
  readonly distances: Float64Array;
}

/**
 * k nearest neighbours of every row of the n×d matrix x (row-major; not changed), excluding the point itself.
 * Duplicated rows are neighbours of each other at distance 0.
 *
 * @throws RangeError when k is not an integer in [1, n − 1].
 * @example kNearestNeighbours(new Float64Array([0, 1, 5]), 3, 1, 1, new Random(0)).indices // Int32Array [1, 0, 1]
 */
export function kNearestNeighbours(x: Float64Array, n: number, d: number, k: number, random: Random): NearestNeighbours {
  if (!Number.isInteger(k) || k < 1 || k > n - 1) {
    throw new RangeError(`kNearestNeighbours: k must be an integer in [1, n − 1 = ${n - 1}], got ${k}`);
  }
  if (x.length !== n * d) throw new RangeError(`kNearestNeighbours: x.length must equal n·d = ${n * d}, got ${x.length}`);
  const tree = new VpTree(x, n, d, random);
  const indices = new Int32Array(n * k);
  const distances = new Float64Array(n * k);
  for (let i = 0; i < n; i++) tree.query(i, k, indices, distances, i * k);
  return { k, indices, distances };
}

/** Euclidean distance between rows a and b of x. */
function rowDistance(x: Float64Array, d: number, a: number, b: number): number {
  let s = 0;
  const oa = a * d;
  const ob = b * d;
  for (let j = 0; j < d; j++) {
    const t = x[oa + j]! - x[ob + j]!;
    s += t * t;
  }
  return Math.sqrt(s);
}

class VpTree {
  private readonly items: Int32Array;
  private readonly radius: Float64Array;
  private readonly scratch: Float64Array;
  // Max-heap of the best candidates of the current query.
  private heapIdx = new Int32Array(0);
  private heapDist = new Float64Array(0);
  private heapSize = 0;
  private heapCap = 0;
  private tau = Infinity;
  private query_ = 0;

  constructor(
    private readonly x: Float64Array,
    n: number,
    private readonly d: number,
    random: Random,
  ) {
    this.items = new Int32Array(n);
    for (let i = 0; i < n; i++) this.items[i] = i;
    this.radius = new Float64Array(n);
    this.scratch = new Float64Array(n);
    this.build(0, n, random);
  }

  private build(lo: number, hi: number, random: Random): void {
    const items = this.items;
    const dist = this.scratch;
    while (hi - lo > 1) {
      const r = lo + random.int(hi - lo);
      const t = items[lo]!;
      items[lo] = items[r]!;
      items[r] = t;
      const v = items[lo]!;
      for (let p = lo + 1; p < hi; p++) dist[p] = rowDistance(this.x, this.d, v, items[p]!);
      const mid = lo + 1 + ((hi - lo - 1) >> 1);
      this.select(lo + 1, hi, mid);
      this.radius[lo] = dist[mid]!;
      this.build(lo + 1, mid, random);
      lo = mid; // the outer half by iteration (bounded recursion depth)
    }
  }

  /** Quickselect on positions [lo, hi) by scratch distance so that position m holds the m-th smallest. */
  private select(lo: number, hi: number, m: number): void {
    const items = this.items;
    const dist = this.scratch;
    let l = lo;
    let h = hi - 1;
    while (h > l) {
      // median-of-three pivot, deterministic
      const c = (l + h) >> 1;
      const a = dist[l]!, b = dist[c]!, e = dist[h]!;
      const pivot = a < b ? (b < e ? b : a < e ? e : a) : a < e ? a : b < e ? e : b;
      let i = l;
      let j = h;
      while (i <= j) {
        while (dist[i]! < pivot) i++;
        while (dist[j]! > pivot) j--;
        if (i <= j) {
          const td = dist[i]!;
          dist[i] = dist[j]!;
          dist[j] = td;
          const ti = items[i]!;
          items[i] = items[j]!;
          items[j] = ti;
          i++;
          j--;
        }
      }
      if (m <= j) h = j;
      else if (m >= i) l = i;
      else return;
    }
  }

  /** Writes the k nearest neighbours of point q (excluding q) into outIdx/outDist at offset, ascending. */
  query(q: number, k: number, outIdx: Int32Array, outDist: Float64Array, offset: number): void {
    if (this.heapCap !== k) {
      this.heapIdx = new Int32Array(k);
      this.heapDist = new Float64Array(k);
      this.heapCap = k;
    }
    this.heapSize = 0;
    this.tau = Infinity;
    this.query_ = q;
    this.search(0, this.items.length);
    // Pop the max-heap from the back: ascending order.
    for (let p = k - 1; p >= 0; p--) {
      outIdx[offset + p] = this.heapIdx[0]!;
      outDist[offset + p] = this.heapDist[0]!;
      this.pop();
    }
  }

  private search(lo: number, hi: number): void {
    while (lo < hi) {
      const v = this.items[lo]!;
      const dv = rowDistance(this.x, this.d, this.query_, v);
      if (v !== this.query_ && dv < this.tau) this.push(v, dv);
      if (hi - lo === 1) return;
      const mid = lo + 1 + ((hi - lo - 1) >> 1);
      const r = this.radius[lo]!;
      // Inner points p have d(v,p) ≤ r, so d(q,p) ≥ dv − r; outer points have d(q,p) ≥ r − dv.
      if (dv < r) {
        if (dv - this.tau <= r) this.search(lo + 1, mid);
        if (dv + this.tau < r) return;
        lo = mid;
      } else {
        if (dv + this.tau >= r) this.search(mid, hi);
        if (dv - this.tau > r) return;
        hi = mid;
        lo = lo + 1;
      }
    }
  }

  private push(idx: number, dist: number): void {
    const hIdx = this.heapIdx;
    const hDist = this.heapDist;
    const k = this.heapCap;
    if (this.heapSize < k) {
      let c = this.heapSize++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (hDist[p]! >= dist) break;
        hDist[c] = hDist[p]!;
        hIdx[c] = hIdx[p]!;
        c = p;
      }
      hDist[c] = dist;
      hIdx[c] = idx;
    } else {
      // replace the root (the current worst) and sift down
      this.siftDown(idx, dist, k);
    }
    if (this.heapSize === k) this.tau = hDist[0]!;
  }

  private pop(): void {
    const n = --this.heapSize;
    if (n > 0) this.siftDown(this.heapIdx[n]!, this.heapDist[n]!, n);
  }

  private siftDown(idx: number, dist: number, size: number): void {
    const hIdx = this.heapIdx;
    const hDist = this.heapDist;
    let c = 0;
    for (;;) {
      let child = 2 * c + 1;
      if (child >= size) break;
      if (child + 1 < size && hDist[child + 1]! > hDist[child]!) child++;
      if (hDist[child]! <= dist) break;
      hDist[c] = hDist[child]!;
      hIdx[c] = hIdx[child]!;
      c = child;
    }
    hDist[c] = dist;
    hIdx[c] = idx;
  }
}
