import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../src/random.ts';
import { QuadTree } from '../../src/embedding/quadTree.ts';

/** Σ_{j≠i} q_ij² (y_i − y_j) and Z = Σ_{i≠j} q_ij by the obvious double loop. */
function bruteRepulsion(y: Float64Array, n: number) {
  const f = new Float64Array(2 * n);
  let z = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const dx = y[2 * i]! - y[2 * j]!, dy = y[2 * i + 1]! - y[2 * j + 1]!;
      const q = 1 / (1 + dx * dx + dy * dy);
      z += q;
      f[2 * i] = f[2 * i]! + q * q * dx;
      f[2 * i + 1] = f[2 * i + 1]! + q * q * dy;
    }
  }
  return { f, z };
}

function layout(n: number, seed: number, scale: number): Float64Array {
  const r = new Random(seed);
  const y = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const c = i % 4; // four blobs, plus exact duplicates of earlier points
    if (i % 7 === 6) {
      y[2 * i] = y[2 * (i - 3)]!;
      y[2 * i + 1] = y[2 * (i - 3) + 1]!;
    } else {
      y[2 * i] = scale * (10 * (c & 1) + r.normal());
      y[2 * i + 1] = scale * (10 * (c >> 1) + r.normal());
    }
  }
  return y;
}

/** θ = 0 sums the same terms as the double loop in another order: float64 rounding only. */
const EXACT_TOL = 1e-10;

for (const [n, scale] of [[50, 1], [400, 1], [400, 1e-4], [300, 30]] as const) {
  test(`QuadTree.repulsion with θ = 0 equals the O(n²) sum (n=${n}, scale=${scale}, with duplicates)`, () => {
    const y = layout(n, n, scale);
    const before = y.slice();
    const tree = new QuadTree();
    tree.build(y, n);
    const f = new Float64Array(2 * n);
    const z = tree.repulsion(y, n, 0, f);
    assert.deepEqual(y, before, 'layout unchanged');
    const ref = bruteRepulsion(y, n);
    assert.ok(Math.abs(z - ref.z) <= EXACT_TOL * ref.z, `Z ${z} vs ${ref.z}`);
    let maxF = 0;
    for (const v of ref.f) maxF = Math.max(maxF, Math.abs(v));
    for (let e = 0; e < 2 * n; e++) assert.ok(Math.abs(f[e]! - ref.f[e]!) <= EXACT_TOL * maxF, `force ${e}: ${f[e]} vs ${ref.f[e]}`);
  });
}

// bhtsne's criterion (half-side / distance < θ) with 32-point leaves, on this layout (measured: θ 0.1 → 0.01% on Z /
// 0.004% on the forces, 0.25 → 0.09% / 0.24%, 0.5 → 1.4% / 5.7%, 1 → 26% / 57%); the bounds leave some room.
for (const [theta, zTol, fTol] of [[0.1, 0.001, 0.001], [0.25, 0.005, 0.01], [0.5, 0.03, 0.1]] as const) {
  test(`QuadTree.repulsion with θ = ${theta} approximates the exact sums (Z within ${zTol}, forces within ${fTol})`, () => {
    const n = 600;
    const y = layout(n, 5, 3);
    const tree = new QuadTree();
    tree.build(y, n);
    const f = new Float64Array(2 * n);
    const z = tree.repulsion(y, n, theta, f);
    const ref = bruteRepulsion(y, n);
    assert.ok(Math.abs(z - ref.z) < zTol * ref.z, `Z ${z} vs ${ref.z}`);
    let err = 0, norm = 0;
    for (let e = 0; e < 2 * n; e++) {
      err += (f[e]! - ref.f[e]!) ** 2;
      norm += ref.f[e]! ** 2;
    }
    assert.ok(Math.sqrt(err / norm) < fTol, `relative force error ${Math.sqrt(err / norm)}`);
    assert.ok(Math.abs(z - ref.z) > 0, 'an approximation, not the exact sum');
  });
}

test('QuadTree: all points at one position repel nothing and give Z = n(n − 1)', () => {
  const n = 70; // more than a leaf's capacity: duplicates are never split
  const y = new Float64Array(2 * n).fill(3);
  const tree = new QuadTree();
  tree.build(y, n);
  const f = new Float64Array(2 * n).fill(NaN);
  assert.equal(tree.repulsion(y, n, 0.5, f), n * (n - 1));
  assert.deepEqual(Array.from(f), new Array(2 * n).fill(0));
});

test('QuadTree: rebuilding on a larger layout reuses the tree and stays exact', () => {
  const tree = new QuadTree();
  for (const n of [10, 500, 30]) {
    const y = layout(n, n + 1, 2);
    tree.build(y, n);
    const f = new Float64Array(2 * n);
    const z = tree.repulsion(y, n, 0, f);
    const ref = bruteRepulsion(y, n);
    assert.ok(Math.abs(z - ref.z) <= EXACT_TOL * ref.z);
  }
});

test('QuadTree: a stack of duplicates larger than a leaf next to distinct points stays exact at θ = 0', () => {
  const n = 120;
  const y = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    // 80 copies of (1, 1) interleaved with points on a line near it
    y[2 * i] = i % 3 === 2 ? 1 + i * 1e-3 : 1;
    y[2 * i + 1] = 1;
  }
  const tree = new QuadTree();
  tree.build(y, n);
  const f = new Float64Array(2 * n);
  const z = tree.repulsion(y, n, 0, f);
  const ref = bruteRepulsion(y, n);
  assert.ok(Math.abs(z - ref.z) <= EXACT_TOL * ref.z);
  for (let e = 0; e < 2 * n; e++) assert.ok(Math.abs(f[e]! - ref.f[e]!) <= 1e-10);
});
