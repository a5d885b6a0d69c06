/**
 * WebAssembly text of falcun-lab's dense-layer training kernels (128-bit SIMD, float32), assembled at
 * run time by denseKernels.ts. Kept as a string so that src/, dist/ and bundles carry it alike.
 *
 *   gemm       C = A·B (+ bias row) (+ C), optional ReLU or ReLU-gradient mask, in 4 × 8 register blocks.
 *              A is read through element strides, so Xᵀ·dY needs no transposed copy. n must be a multiple of 8.
 *   colSums    column sums (bias gradients), n a multiple of 4.
 *   transpose  row-major transpose (scalar; used on the small output layer only).
 *   adam       one Adam step, PyTorch's formula, over a block of parameters (length a multiple of 4).
 * The caller owns the memory layout (denseKernels.ts: a bump allocator over the instance's memory).
 */
export const DENSE_KERNELS_WAT = `(module
  (memory (export "memory") 1)
  ;; C[m×n] (row-major, n a multiple of 8) = A[m×k]·B[k×n] (+ bias row) (+ C), optional ReLU or mask.
  ;; A(i, p) at a + 4·(i·aRow + p·aCol): row-major A is (k, 1), a transposed view is (1, m).
  ;; flags: 1 = accumulate into C, 2 = ReLU at the store, 4 = zero where mask (same layout as C) ≤ 0.
  (func $gemm (export "gemm")
    (param $a i32) (param $aRow i32) (param $aCol i32)
    (param $b i32) (param $c i32) (param $bias i32) (param $mask i32)
    (param $m i32) (param $k i32) (param $n i32) (param $flags i32)
    (local $i i32) (local $j i32) (local $p i32) (local $rows i32)
    (local $pa0 i32) (local $pa1 i32) (local $pa2 i32) (local $pa3 i32) (local $pb i32)
    (local $aStepRow i32) (local $aStepCol i32) (local $bStep i32) (local $cRow i32) (local $cp i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128) (local $init0 v128) (local $init1 v128) (local $zero v128)
    (local.set $aStepRow (i32.shl (local.get $aRow) (i32.const 2)))
    (local.set $aStepCol (i32.shl (local.get $aCol) (i32.const 2)))
    (local.set $bStep (i32.shl (local.get $n) (i32.const 2)))
    (local.set $cRow (local.get $bStep))
    (local.set $zero (v128.const i32x4 0 0 0 0))
    (local.set $i (i32.const 0))
    (block $doneRows
      (loop $rowLoop
        (br_if $doneRows (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $rows (i32.sub (local.get $m) (local.get $i)))
        (if (i32.gt_u (local.get $rows) (i32.const 4)) (then (local.set $rows (i32.const 4))))
        (local.set $j (i32.const 0))
        (block $doneCols
          (loop $colLoop
            (br_if $doneCols (i32.ge_u (local.get $j) (local.get $n)))
            ;; initial accumulators: bias or zero
            (if (local.get $bias)
              (then
                (local.set $init0 (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
                (local.set $init1 (v128.load offset=16 (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))))))
              (else (local.set $init0 (local.get $zero)) (local.set $init1 (local.get $zero))))
            (local.set $c00 (local.get $init0)) (local.set $c01 (local.get $init1))
            (local.set $c10 (local.get $init0)) (local.set $c11 (local.get $init1))
            (local.set $c20 (local.get $init0)) (local.set $c21 (local.get $init1))
            (local.set $c30 (local.get $init0)) (local.set $c31 (local.get $init1))
            ;; A row pointers (rows past m repeat the last row: computed, never stored)
            (local.set $pa0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $aStepRow))))
            (local.set $pa1 (select (i32.add (local.get $pa0) (local.get $aStepRow)) (local.get $pa0) (i32.gt_u (local.get $rows) (i32.const 1))))
            (local.set $pa2 (select (i32.add (local.get $pa1) (local.get $aStepRow)) (local.get $pa1) (i32.gt_u (local.get $rows) (i32.const 2))))
            (local.set $pa3 (select (i32.add (local.get $pa2) (local.get $aStepRow)) (local.get $pa2) (i32.gt_u (local.get $rows) (i32.const 3))))
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (local.get $k))
            (block $doneK
              (loop $kLoop
                (br_if $doneK (i32.eqz (local.get $p)))
                (local.set $b0 (v128.load (local.get $pb)))
                (local.set $b1 (v128.load offset=16 (local.get $pb)))
                (local.set $x (f32x4.splat (f32.load (local.get $pa0))))
                (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $x (f32x4.splat (f32.load (local.get $pa1))))
                (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $x (f32x4.splat (f32.load (local.get $pa2))))
                (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $x (f32x4.splat (f32.load (local.get $pa3))))
                (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $pa0 (i32.add (local.get $pa0) (local.get $aStepCol)))
                (local.set $pa1 (i32.add (local.get $pa1) (local.get $aStepCol)))
                (local.set $pa2 (i32.add (local.get $pa2) (local.get $aStepCol)))
                (local.set $pa3 (i32.add (local.get $pa3) (local.get $aStepCol)))
                (local.set $pb (i32.add (local.get $pb) (local.get $bStep)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $kLoop)))
            ;; store rows i .. i+rows-1
            (local.set $cp (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2))))
            (call $store (local.get $cp) (local.get $c00) (local.get $c01) (local.get $mask) (local.get $c) (local.get $flags))
            (if (i32.gt_u (local.get $rows) (i32.const 1)) (then
              (local.set $cp (i32.add (local.get $cp) (local.get $cRow)))
              (call $store (local.get $cp) (local.get $c10) (local.get $c11) (local.get $mask) (local.get $c) (local.get $flags))))
            (if (i32.gt_u (local.get $rows) (i32.const 2)) (then
              (local.set $cp (i32.add (local.get $cp) (local.get $cRow)))
              (call $store (local.get $cp) (local.get $c20) (local.get $c21) (local.get $mask) (local.get $c) (local.get $flags))))
            (if (i32.gt_u (local.get $rows) (i32.const 3)) (then
              (local.set $cp (i32.add (local.get $cp) (local.get $cRow)))
              (call $store (local.get $cp) (local.get $c30) (local.get $c31) (local.get $mask) (local.get $c) (local.get $flags))))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $colLoop)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rowLoop))))

  ;; Stores 8 values at cp: + old C (flag 1), ReLU (flag 2), zero where mask ≤ 0 (flag 4; mask at the same offset from its base as cp from c).
  (func $store (param $cp i32) (param $v0 v128) (param $v1 v128) (param $mask i32) (param $c i32) (param $flags i32)
    (local $mp i32)
    (if (i32.and (local.get $flags) (i32.const 1)) (then
      (local.set $v0 (f32x4.add (local.get $v0) (v128.load (local.get $cp))))
      (local.set $v1 (f32x4.add (local.get $v1) (v128.load offset=16 (local.get $cp))))))
    (if (i32.and (local.get $flags) (i32.const 2)) (then
      (local.set $v0 (f32x4.max (local.get $v0) (v128.const f32x4 0 0 0 0)))
      (local.set $v1 (f32x4.max (local.get $v1) (v128.const f32x4 0 0 0 0)))))
    (if (i32.and (local.get $flags) (i32.const 4)) (then
      (local.set $mp (i32.add (local.get $mask) (i32.sub (local.get $cp) (local.get $c))))
      (local.set $v0 (v128.and (local.get $v0) (f32x4.gt (v128.load (local.get $mp)) (v128.const f32x4 0 0 0 0))))
      (local.set $v1 (v128.and (local.get $v1) (f32x4.gt (v128.load offset=16 (local.get $mp)) (v128.const f32x4 0 0 0 0))))))
    (v128.store (local.get $cp) (local.get $v0))
    (v128.store offset=16 (local.get $cp) (local.get $v1)))

  ;; dst[j] = Σ_i src[i·n + j] for j < n (n a multiple of 4): the bias gradients.
  (func (export "colSums") (param $src i32) (param $m i32) (param $n i32) (param $dst i32)
    (local $j i32) (local $i i32) (local $p i32) (local $acc v128) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 2)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $cols
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $acc (v128.const f32x4 0 0 0 0))
        (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $i (local.get $m))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.eqz (local.get $i)))
            (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $p))))
            (local.set $p (i32.add (local.get $p) (local.get $rowBytes)))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (br $rows)))
        (v128.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))) (local.get $acc))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $cols))))

  ;; dst (cols × rows) = transpose of src (rows × cols), both row-major.
  (func (export "transpose") (param $src i32) (param $rows i32) (param $cols i32) (param $dst i32)
    (local $r i32) (local $c i32)
    (local.set $r (i32.const 0))
    (block $done
      (loop $rowLoop
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $c (i32.const 0))
        (block $rowDone
          (loop $colLoop
            (br_if $rowDone (i32.ge_u (local.get $c) (local.get $cols)))
            (f32.store
              (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2)))
              (f32.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2)))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $colLoop)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))

  ;; One Adam step (PyTorch's formula) over len values (a multiple of 4), in float32:
  ;; m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², θ ← θ − stepSize·m / (√(v·invC2) + ε),
  ;; stepSize = lr / (1 − β1^t), invC2 = 1 / (1 − β2^t).
  (func (export "adam") (param $theta i32) (param $g i32) (param $m i32) (param $v i32) (param $len i32)
    (param $b1 f32) (param $b2 f32) (param $eps f32) (param $stepSize f32) (param $invC2 f32)
    (local $off i32) (local $end i32) (local $gv v128) (local $mv v128) (local $vv v128)
    (local $B1 v128) (local $B2 v128) (local $A1 v128) (local $A2 v128) (local $E v128) (local $S v128) (local $I v128)
    (local.set $B1 (f32x4.splat (local.get $b1)))
    (local.set $B2 (f32x4.splat (local.get $b2)))
    (local.set $A1 (f32x4.splat (f32.sub (f32.const 1) (local.get $b1))))
    (local.set $A2 (f32x4.splat (f32.sub (f32.const 1) (local.get $b2))))
    (local.set $E (f32x4.splat (local.get $eps)))
    (local.set $S (f32x4.splat (local.get $stepSize)))
    (local.set $I (f32x4.splat (local.get $invC2)))
    (local.set $end (i32.shl (local.get $len) (i32.const 2)))
    (local.set $off (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $off) (local.get $end)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $off))))
        (local.set $mv (f32x4.add (f32x4.mul (local.get $B1) (v128.load (i32.add (local.get $m) (local.get $off)))) (f32x4.mul (local.get $A1) (local.get $gv))))
        (local.set $vv (f32x4.add (f32x4.mul (local.get $B2) (v128.load (i32.add (local.get $v) (local.get $off))))
                                  (f32x4.mul (local.get $A2) (f32x4.mul (local.get $gv) (local.get $gv)))))
        (v128.store (i32.add (local.get $m) (local.get $off)) (local.get $mv))
        (v128.store (i32.add (local.get $v) (local.get $off)) (local.get $vv))
        (v128.store (i32.add (local.get $theta) (local.get $off))
          (f32x4.sub (v128.load (i32.add (local.get $theta) (local.get $off)))
            (f32x4.div (f32x4.mul (local.get $S) (local.get $mv))
                       (f32x4.add (f32x4.sqrt (f32x4.mul (local.get $vv) (local.get $I))) (local.get $E)))))
        (local.set $off (i32.add (local.get $off) (i32.const 16)))
        (br $each))))
)
`;
