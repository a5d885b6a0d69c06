/** The one contract every registered strategy must keep (scikit-activeml's template test, in spirit). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStrategy, listStrategies } from '../../src/acquisition/registry.ts';
import type { PoolView } from '../../src/acquisition/types.ts';
import { Random } from '../../src/random.ts';
import { assertDistinctInRange, syntheticPool } from './helpers.ts';

const N = 120;
const C = 4;
const D = 8;
const L = 12;
const specs = listStrategies();

function freezeCopy(pool: PoolView): { pool: PoolView; check: () => void } {
  const snap = {
    probs: pool.probs.slice(),
    embeddings: pool.embeddings!.slice(),
    labeledEmbeddings: pool.labeledEmbeddings!.slice(),
    labeledY: pool.labeledY!.slice(),
    w: pool.head!.weights.slice(),
  };
  return {
    pool: Object.freeze({ ...pool }),
    check: () => {
      assert.deepEqual(pool.probs, snap.probs);
      assert.deepEqual(pool.embeddings, snap.embeddings);
      assert.deepEqual(pool.labeledEmbeddings, snap.labeledEmbeddings);
      assert.deepEqual(pool.labeledY, snap.labeledY);
      assert.deepEqual(pool.head!.weights, snap.w);
    },
  };
}

// Each test below runs once per registered strategy, with the strategy's name in the test's name.
for (const { name, stochastic } of specs) {
  test(`contract[${name}]: returns Q distinct in-pool indices, reproducibly, without mutating the pool`, () => {
    const { pool, check } = freezeCopy(syntheticPool(7, N, C, D, L));
    const s = createStrategy(name);
    for (const q of [1, 10, N]) {
      const a = s.select(pool, q, { random: new Random(3) });
      const b = createStrategy(name).select(pool, q, { random: new Random(3) });
      assert.ok(a.indices instanceof Int32Array, `${name}: indices must be an Int32Array`);
      assert.equal(a.indices.length, q, `${name}: Q = ${q}`);
      assertDistinctInRange(a.indices, N);
      assert.deepEqual(a.indices, b.indices, `${name}: same inputs and seed, same output (Q = ${q})`);
    }
    check();
  });

  test(`contract[${name}]: the random stream matters exactly when the registry says stochastic (${stochastic})`, () => {
    const pool = syntheticPool(11, N, C, D, L);
    const s = createStrategy(name);
    const runs = [1, 2, 3, 4].map((seed) => Array.from(s.select(pool, 10, { random: new Random(seed) }).indices).join());
    const distinct = new Set(runs).size;
    if (stochastic) assert.ok(distinct > 1, `${name} should depend on the generator`);
    else assert.equal(distinct, 1, `${name} is deterministic`);
    // A stochastic strategy draws from options.random (a used generator advances).
    const r = new Random(5);
    const before = r.getState().s.join();
    createStrategy(name).select(syntheticPool(12, N, C, D, L), 5, { random: r });
    if (stochastic) assert.notEqual(r.getState().s.join(), before, name);
  });

  test(`contract[${name}]: bad inputs give clear errors naming the function, the field, the value and the bound`, () => {
    const good = syntheticPool(13, N, C, D, L);
    const rnd = () => ({ random: new Random(1) });
    const s = createStrategy(name);
    const re = (pattern: string) => new RegExp(`\\.select: ${pattern}`);
    // Batch size
    assert.throws(() => s.select(good, N + 1, rnd()), (e: Error) => e instanceof RangeError && re(`batchSize ${N + 1} exceeds the unlabeled pool size ${N}`).test(e.message), name);
    assert.throws(() => s.select(good, 0, rnd()), (e: Error) => e instanceof RangeError && re('batchSize must be >= 1, got 0').test(e.message), name);
    assert.throws(() => s.select(good, -3, rnd()), RangeError, name);
    assert.throws(() => s.select(good, 2.5, rnd()), TypeError, name);
    // Probabilities
    const nan = good.probs.slice();
    nan[5 * C + 1] = NaN;
    assert.throws(() => s.select({ ...good, probs: nan }, 3, rnd()), (e: Error) => e instanceof RangeError && re('pool.probs\\[5, 1\\] is NaN').test(e.message), name);
    const neg = good.probs.slice();
    neg[7 * C] = -0.1;
    neg[7 * C + 1]! += 0.1;
    assert.throws(() => s.select({ ...good, probs: neg }, 3, rnd()), (e: Error) => e instanceof RangeError && re('pool.probs\\[7, 0\\] is -0.1').test(e.message), name);
    const unnormalised = good.probs.slice();
    unnormalised[9 * C] = good.probs[9 * C]! + 0.5;
    assert.throws(() => s.select({ ...good, probs: unnormalised }, 3, rnd()), (e: Error) => e instanceof RangeError && re('pool.probs row 9 sums to .* expected 1 within 0.001').test(e.message), name);
    // Shapes
    assert.throws(() => s.select({ ...good, numUnlabeled: N + 1 }, 3, rnd()), (e: Error) => e instanceof RangeError && re(`pool.probs has length ${N * C}, expected`).test(e.message), name);
    assert.throws(() => s.select({ ...good, probs: Array.from(good.probs) as unknown as Float32Array }, 3, rnd()), TypeError, name);
    assert.throws(() => s.select({ ...good, numClasses: 1, probs: new Float32Array(N).fill(1) }, 3, rnd()), /numClasses must be >= 2, got 1/, name);
    // Missing generator
    assert.throws(() => s.select(good, 3, {} as never), /options.random must be a Random/, name);
    if (s.needs.embeddings) {
      assert.throws(() => s.select({ ...good, embeddings: undefined }, 3, rnd()), (e: Error) => e instanceof TypeError && /pool.embeddings is missing/.test(e.message), name);
      assert.throws(() => s.select({ ...good, embeddingDim: D + 1 }, 3, rnd()), (e: Error) => e instanceof RangeError && /pool.embeddings has length/.test(e.message), name);
      const inf = good.embeddings!.slice();
      inf[3 * D + 2] = Infinity;
      assert.throws(() => s.select({ ...good, embeddings: inf }, 3, rnd()), /pool.embeddings\[3, 2\] is Infinity/, name);
    }
    if (s.needs.labeledEmbeddings) {
      assert.throws(() => s.select({ ...good, numLabeled: L + 1 }, 3, rnd()), /pool.labeledEmbeddings has length/, name);
      const badY = good.labeledY!.slice();
      badY[2] = C;
      assert.throws(() => s.select({ ...good, labeledY: badY }, 3, rnd()), new RegExp(`pool.labeledY\\[2\\] is ${C}, expected a class in \\[0, ${C - 1}\\]`), name);
    }
    if (s.needs.head) {
      assert.throws(() => s.select({ ...good, head: undefined }, 3, rnd()), /pool.head is missing/, name);
      assert.throws(() => s.select({ ...good, head: { ...good.head!, inputDim: D + 1 } }, 3, rnd()), /pool.head.inputDim is/, name);
    }
  });

  test(`contract[${name}]: with no labeled points still returns Q distinct points`, () => {
    const pool = syntheticPool(14, N, C, D, 0);
    const sel = createStrategy(name).select(pool, 15, { random: new Random(2) });
    assertDistinctInRange(sel.indices, N);
    assert.equal(sel.indices.length, 15, name);
  });
}
