/**
 * A point-region quadtree over a 2-D layout and the Barnes-Hut estimate of t-SNE's repulsive forces
 * (van der Maaten 2014, JMLR 15, Sec. 4.2, Eq. 10–11): for each point i,
 *
 *   F_rep,i · Z = Σ_{j≠i} q_ij² (y_i − y_j)   and   Z = Σ_{i≠j} q_ij,   with q_ij = 1 / (1 + ‖y_i − y_j‖²),
 *
 * where a whole cell is replaced by its centre of mass (weighted by its number of points) once
 * half-side / distance < θ (the criterion of van der Maaten's bhtsne; θ = 0 visits every leaf: exact sums).
 *
 * Layout on flat typed arrays, reused between builds: nodes are numbered, the four children of an internal
 * node are consecutive (`firstChild`), leaves hold a linked list of the points stored there (one distinct
 * position per leaf; identical positions share a leaf, and at MAX_DEPTH a leaf takes any point).
 * A point never interacts with itself: its own leaf, and any summarised cell whose box contains it, count
 * without it (an improvement over bhtsne, which lets a point inside a summarised cell repel itself).
 *
 * Cost: build O(n log n) for spread-out layouts; force pass O(n log n) for fixed θ > 0, O(n²) for θ = 0.
 */

/** Deepest level of subdivision; below it a leaf accepts distinct positions (only for near-duplicates). */
export const MAX_DEPTH = 48;

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
        const h = this.head[node]!;
        if (h < 0 || (y[2 * h] === px && y[2 * h + 1] === py) || this.depth[node]! >= MAX_DEPTH) {
          this.next[i] = h;
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

  /** Splits a leaf into four children and moves its points (all at one position) into the matching child. */
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
    const p = this.head[node]!;
    const c = this.childFor(node, y[2 * p]!, y[2 * p + 1]!);
    this.head[c] = p;
    this.sumX[c] = this.sumX[node]!;
    this.sumY[c] = this.sumY[node]!;
    this.count[c] = this.count[node]!;
    for (let q = p; q >= 0; q = this.next[q]!) this.leafOf[q] = c;
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
    const firstChild = this.firstChild, leafOf = this.leafOf;
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
        const fc = firstChild[node]!;
        if (fc >= 0) {
          // internal: open it unless half-side / distance < θ
          const h = half[node]!;
          if (h * h >= theta2 * d2) {
            if (count[fc]! > 0) stack[sp++] = fc;
            if (count[fc + 1]! > 0) stack[sp++] = fc + 1;
            if (count[fc + 2]! > 0) stack[sp++] = fc + 2;
            if (count[fc + 3]! > 0) stack[sp++] = fc + 3;
            continue;
          }
          if (Math.abs(xi - cx[node]!) <= h && Math.abs(yi - cy[node]!) <= h) {
            // i lies inside this summarised cell: leave it out of the cell's mass
            m -= 1;
            if (m === 0) continue;
            dx = (dx * (m + 1)) / m; // y_i − (Σ − y_i)/m = (m+1)/m · (y_i − Σ/(m+1))
            dy = (dy * (m + 1)) / m;
            d2 = dx * dx + dy * dy;
          }
        } else if (node === own) {
          m -= 1;
          if (m === 0) continue;
          dx = (dx * (m + 1)) / m;
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
