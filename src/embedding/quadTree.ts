/**
 * A point-region quadtree over a 2-D layout and the Barnes-Hut estimate of t-SNE's repulsive forces
 * (van der Maaten 2014, JMLR 15, Sec. 4.2, Eq. 10–11): for each point i,
 *
 *   F_rep,i · Z = Σ_{j≠i} q_ij² (y_i − y_j)   and   Z = Σ_{i≠j} q_ij,   with q_ij = 1 / (1 + ‖y_i − y_j‖²),
 *
 * where a whole cell is replaced by its centre of mass (weighted by its number of points) once
 * half-side / distance < θ. That is the criterion of van der Maaten's reference code bhtsne (his paper states
 * the cell's diagonal, a stricter test); θ = 0 opens every cell: exact sums. Measured on 600 points in four
 * blobs: θ = 0.5 gives ~1.4% error on Z and ~6% (RMS, relative) on the forces; θ = 0.25, 0.1% / 0.2%.
 *
 * Layout on flat typed arrays, reused between builds: nodes are numbered, the four children of an internal
 * node are consecutive (`firstChild`), a leaf holds a linked list of up to LEAF_CAPACITY points (more only for
 * exact duplicates, or at MAX_DEPTH). An opened leaf is summed point by point: buckets of 32 halve the time of
 * one-point leaves (fewer nodes to visit) and make the sums more accurate.
 * A point never interacts with itself: within its own leaf it is skipped, and a summarised cell whose box
 * contains it counts without it (bhtsne lets such a cell repel the point itself).
 *
 * Cost: build O(n log n) for spread-out layouts; force pass O(n log n) for fixed θ > 0, O(n²) for θ = 0.
 */

/** Deepest level of subdivision; below it a leaf accepts distinct positions (only for near-duplicates). */
export const MAX_DEPTH = 48;
/**
 * Points a leaf holds before it is split. Measured (CPU time of build + repulsion, θ = 0.5, 2,000 / 10,000 points):
 * 1 → 2.3 / 17 ms, 8 → 1.5 / 11 ms, 16 → 1.3 / 10 ms, 32 → 1.2 / 9.9 ms.
 */
export const LEAF_CAPACITY = 32;

export class QuadTree {
  private capacity = 0;
  private nodeCount = 0;
  private cx = new Float64Array(0);
  private cy = new Float64Array(0);
  private half = new Float64Array(0);
  private sumX = new Float64Array(0);
  private sumY = new Float64Array(0);
  private count = new Float64Array(0);
  private comX = new Float64Array(0);
  private comY = new Float64Array(0);
  private firstChild = new Int32Array(0);
  private head = new Int32Array(0);
  private depth = new Int32Array(0);
  private next = new Int32Array(0);
  private leafOf = new Int32Array(0);
  private stack = new Int32Array(0);

  /** Number of nodes of the last build (for tests and diagnostics). */
  get size(): number {
    return this.nodeCount;
  }

  /**
   * (Re)builds the tree over the n points of y (n×2 row-major; not changed). Cost O(n log n) typical.
   */
  build(y: Float64Array, n: number): void {
    if (this.next.length < n) {
      this.next = new Int32Array(n);
      this.leafOf = new Int32Array(n);
    }
    if (this.capacity < 4 * n + 1) this.grow(4 * n + 1);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = y[2 * i]!, b = y[2 * i + 1]!;
      if (a < minX) minX = a;
      if (a > maxX) maxX = a;
      if (b < minY) minY = b;
      if (b > maxY) maxY = b;
    }
    const w = Math.max(maxX - minX, maxY - minY);
    this.nodeCount = 0;
    // Half-side slightly larger than half the extent so that every point is strictly inside the root.
    this.newNode((minX + maxX) / 2, (minY + maxY) / 2, w / 2 + 1e-5 * (w + 1), 0);
    for (let i = 0; i < n; i++) this.insert(y, i);
    for (let node = 0; node < this.nodeCount; node++) {
      const m = this.count[node]!;
      this.comX[node] = m > 0 ? this.sumX[node]! / m : 0;
      this.comY[node] = m > 0 ? this.sumY[node]! / m : 0;
    }
  }

  private grow(cap: number): void {
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a.subarray(0, this.nodeCount));
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.nodeCount));
      return b;
    };
    this.cx = f64(this.cx);
    this.cy = f64(this.cy);
    this.half = f64(this.half);
    this.sumX = f64(this.sumX);
    this.sumY = f64(this.sumY);
    this.count = f64(this.count);
    this.comX = f64(this.comX);
    this.comY = f64(this.comY);
    this.firstChild = i32(this.firstChild);
    this.head = i32(this.head);
    this.depth = i32(this.depth);
    this.capacity = cap;
  }

  private newNode(cx: number, cy: number, half: number, depth: number): number {
    if (this.nodeCount >= this.capacity) this.grow(this.capacity * 2);
    const id = this.nodeCount++;
    this.cx[id] = cx;
    this.cy[id] = cy;
    this.half[id] = half;
    this.sumX[id] = 0;
    this.sumY[id] = 0;
    this.count[id] = 0;
    this.firstChild[id] = -1;
    this.head[id] = -1;
    this.depth[id] = depth;
    return id;
  }

  private childFor(node: number, px: number, py: number): number {
    return this.firstChild[node]! + (px >= this.cx[node]! ? 1 : 0) + (py >= this.cy[node]! ? 2 : 0);
  }

  private insert(y: Float64Array, i: number): void {
    const px = y[2 * i]!, py = y[2 * i + 1]!;
    let node = 0;
    for (;;) {
      if (this.firstChild[node]! < 0) {
        if (this.count[node]! < LEAF_CAPACITY || this.depth[node]! >= MAX_DEPTH || this.allAt(node, y, px, py)) {
          this.next[i] = this.head[node]!;
          this.head[node] = i;
          this.leafOf[i] = node;
          this.sumX[node]! += px;
          this.sumY[node]! += py;
          this.count[node]! += 1;
          return;
        }
        this.subdivide(node, y);
      }
      this.sumX[node]! += px;
      this.sumY[node]! += py;
      this.count[node]! += 1;
      node = this.childFor(node, px, py);
    }
  }

  /** Whether every point of the leaf sits exactly at (px, py) (a stack of duplicates is never split). */
  private allAt(node: number, y: Float64Array, px: number, py: number): boolean {
    for (let q = this.head[node]!; q >= 0; q = this.next[q]!) if (y[2 * q] !== px || y[2 * q + 1] !== py) return false;
    return true;
  }

  /** Splits a full leaf into four children and moves its points into the matching children. */
  private subdivide(node: number, y: Float64Array): void {
    if (this.nodeCount + 4 > this.capacity) this.grow(this.capacity * 2);
    const h = this.half[node]! / 2;
    const cx = this.cx[node]!, cy = this.cy[node]!, dep = this.depth[node]! + 1;
    const first = this.nodeCount;
    this.newNode(cx - h, cy - h, h, dep);
    this.newNode(cx + h, cy - h, h, dep);
    this.newNode(cx - h, cy + h, h, dep);
    this.newNode(cx + h, cy + h, h, dep);
    this.firstChild[node] = first;
    let q = this.head[node]!;
    while (q >= 0) {
      const after = this.next[q]!;
      const qx = y[2 * q]!, qy = y[2 * q + 1]!;
      const c = this.childFor(node, qx, qy);
      this.next[q] = this.head[c]!;
      this.head[c] = q;
      this.leafOf[q] = c;
      this.sumX[c]! += qx;
      this.sumY[c]! += qy;
      this.count[c]! += 1;
      q = after;
    }
    this.head[node] = -1;
  }

  /**
   * Barnes-Hut repulsion on the last built layout y (n×2): writes Σ_j q_ij² (y_i − y_j) into forces (n×2, the
   * unnormalised F_rep·Z) and returns Z = Σ_{i≠j} q_ij. Cost O(n log n) for θ > 0.
   */
  repulsion(y: Float64Array, n: number, theta: number, forces: Float64Array): number {
    if (this.stack.length < 4 * MAX_DEPTH + 8) this.stack = new Int32Array(4 * MAX_DEPTH + 8);
    const stack = this.stack;
    const cx = this.cx, cy = this.cy, half = this.half, count = this.count, comX = this.comX, comY = this.comY;
    const firstChild = this.firstChild, leafOf = this.leafOf, head = this.head, next = this.next;
    const theta2 = theta * theta;
    let z = 0;
    for (let i = 0; i < n; i++) {
      const xi = y[2 * i]!, yi = y[2 * i + 1]!;
      const own = leafOf[i]!;
      let fx = 0, fy = 0, sq = 0;
      let sp = 0;
      stack[sp++] = 0;
      while (sp > 0) {
        const node = stack[--sp]!;
        let m = count[node]!;
        let dx = xi - comX[node]!, dy = yi - comY[node]!;
        let d2 = dx * dx + dy * dy;
        const h = half[node]!;
        if (h * h >= theta2 * d2) {
          // too near to summarise: open it
          const fc = firstChild[node]!;
          if (fc >= 0) {
            if (count[fc]! > 0) stack[sp++] = fc;
            if (count[fc + 1]! > 0) stack[sp++] = fc + 1;
            if (count[fc + 2]! > 0) stack[sp++] = fc + 2;
            if (count[fc + 3]! > 0) stack[sp++] = fc + 3;
          } else {
            // a leaf: its points one by one
            for (let j = head[node]!; j >= 0; j = next[j]!) {
              if (j === i) continue;
              const ex = xi - y[2 * j]!, ey = yi - y[2 * j + 1]!;
              const q = 1 / (1 + ex * ex + ey * ey);
              sq += q;
              const q2 = q * q;
              fx += q2 * ex;
              fy += q2 * ey;
            }
          }
          continue;
        }
        if (firstChild[node]! >= 0 ? Math.abs(xi - cx[node]!) <= h && Math.abs(yi - cy[node]!) <= h : node === own) {
          // i lies inside this summarised cell: leave it out of the cell's mass
          m -= 1;
          if (m === 0) continue;
          dx = (dx * (m + 1)) / m; // y_i − (Σ − y_i)/m = (m+1)/m · (y_i − Σ/(m+1))
          dy = (dy * (m + 1)) / m;
          d2 = dx * dx + dy * dy;
        }
        const q = 1 / (1 + d2);
        sq += m * q;
        const mq2 = m * q * q;
        fx += mq2 * dx;
        fy += mq2 * dy;
      }
      forces[2 * i] = fx;
      forces[2 * i + 1] = fy;
      z += sq;
    }
    return z;
  }
}
