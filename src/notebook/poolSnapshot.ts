/**
 * A trained pool stored as a file, so that the qualitative notebooks (Fig. 1, 6, 8, 9) draw the paper's
 * 3-class view in seconds by default instead of training LeNet first. The committed snapshot is exactly
 * what `threeClassPool({ seed: 0 })` returns (the quick/paper scale: the paper's LeNet, 20 epochs, 1,500
 * pool images; training is deterministic on the wasm backend), written by `npm run explorer:data` together
 * with the γ explorer's probabilities of the same pool.
 *
 * Format: gzip'd JSON; typed arrays as base64 of their little-endian bytes (float32 kept exactly), with
 * `made` recording the options that produced it. ~0.4 MB for the 1,500 × 84 embeddings. A snapshot may
 * leave the embeddings out (embeddingDim 0: enough for strategies on probabilities, such as FALCUN) and
 * carry a 2-D view instead (`coords`, e.g. the t-SNE of labeled set and pool that Fig. 7 draws).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeFileAtomic } from '../atomicFile.ts';
import { REPO_ROOT } from '../sourcePath.ts';
import type { CommonParameters } from './parameters.ts';
import { threeClassPool, threeClassScale, type TrainedPool } from './trainedPool.ts';

/** The committed snapshot of the 3-class MNIST pool (threeClassPool, seed 0, quick/paper scale). */
export const COMMITTED_POOL_FILE = join(REPO_ROOT, 'notebooks', 'assets', 'mnist-3class-pool.json.gz');

/** What made a snapshot (the pool options; the snapshot stands in for training only when they match). */
export interface PoolSnapshotMade {
  readonly maker: string;
  readonly poolSize: number;
  readonly epochs: number | null;
  readonly seed: number;
  /** Anything else that made it (dataset options, t-SNE settings of `coords`). */
  readonly [more: string]: unknown;
}

const FLOAT_FIELDS = ['probs', 'embeddings', 'labeledProbs', 'labeledEmbeddings'] as const;
const INT_FIELDS = ['y', 'trainRows', 'labeledY'] as const;

function toBase64(a: Float32Array | Float64Array | Int32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64<T extends Float32Array | Float64Array | Int32Array>(s: unknown, make: (b: ArrayBuffer) => T, what: string): T {
  if (typeof s !== 'string') throw new Error(`${what} is not a base64 string`);
  const b = Buffer.from(s, 'base64');
  const size = make(new ArrayBuffer(0)).BYTES_PER_ELEMENT;
  if (b.byteLength % size !== 0) throw new Error(`${what} has ${b.byteLength} bytes, not a multiple of ${size}`);
  return make(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/**
 * Writes `pool` to `file` (gzip'd JSON, atomically); `coords`, when given, is a 2-D
 * view of the labeled set and the pool stacked (L + N rows × 2). Returns the file's size in bytes.
 */
export function writePoolSnapshot(file: string, pool: TrainedPool, made: PoolSnapshotMade, coords?: Float64Array): number {
  if (coords !== undefined && coords.length !== 2 * (pool.numLabeled + pool.n)) {
    throw new RangeError(`writePoolSnapshot: coords must hold 2 × (L + N) = ${2 * (pool.numLabeled + pool.n)} values, got ${coords.length}`);
  }
  const json: Record<string, unknown> = {
    made,
    dataset: pool.dataset,
    classNames: pool.classNames,
    numClasses: pool.numClasses,
    n: pool.n,
    embeddingDim: pool.embeddingDim,
    numLabeled: pool.numLabeled,
    perClassAccuracy: pool.perClassAccuracy,
    testAccuracy: pool.testAccuracy,
    fitSeconds: pool.fitSeconds,
    head: { inputDim: pool.head.inputDim, numClasses: pool.head.numClasses, weights: toBase64(pool.head.weights), bias: toBase64(pool.head.bias) },
  };
  for (const f of FLOAT_FIELDS) json[f] = toBase64(pool[f]);
  for (const f of INT_FIELDS) json[f] = toBase64(pool[f]);
  if (coords !== undefined) json.coords = toBase64(coords);
  const bytes = gzipSync(JSON.stringify(json), { level: 9 });
  writeFileAtomic(file, bytes);
  return bytes.byteLength;
}

/**
 * Reads a snapshot written by writePoolSnapshot and checks every array's length against n, C, D and L.
 * @throws Error naming the file and the field when it is missing, not a snapshot or inconsistent (remake
 *   it with npm run explorer:data).
 */
export function readPoolSnapshot(file: string): TrainedPool & { readonly made: PoolSnapshotMade; readonly coords?: Float64Array } {
  const fail = (why: string): never => {
    throw new Error(`readPoolSnapshot: ${file}: ${why}; remake it with 'npm run explorer:data'`);
  };
  if (!existsSync(file)) fail('no such file');
  let j: Record<string, any>;
  try {
    j = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch (e) {
    return fail(`not a gzip'd JSON snapshot (${(e as Error).message})`);
  }
  const int = (k: string, min = 1) => (Number.isInteger(j[k]) && j[k] >= min ? (j[k] as number) : fail(`${k} must be an integer >= ${min}, got ${JSON.stringify(j[k])}`));
  const n = int('n');
  const c = int('numClasses');
  const d = int('embeddingDim', 0); // 0: saved without embeddings
  const l = int('numLabeled');
  const f32 = (v: unknown, what: string, len: number) => {
    let a: Float32Array;
    try {
      a = fromBase64(v, (b) => new Float32Array(b), what);
    } catch (e) {
      return fail((e as Error).message);
    }
    return a.length === len ? a : fail(`${what} holds ${a.length} values, expected ${len}`);
  };
  const i32 = (v: unknown, what: string, len: number) => {
    let a: Int32Array;
    try {
      a = fromBase64(v, (b) => new Int32Array(b), what);
    } catch (e) {
      return fail((e as Error).message);
    }
    return a.length === len ? a : fail(`${what} holds ${a.length} values, expected ${len}`);
  };
  if (!Array.isArray(j.classNames) || j.classNames.length !== c) fail(`classNames must list ${c} names`);
  let coords: Float64Array | undefined;
  if (j.coords !== undefined) {
    try {
      coords = fromBase64(j.coords, (b) => new Float64Array(b), 'coords');
    } catch (e) {
      return fail((e as Error).message);
    }
    if (coords.length !== 2 * (l + n)) fail(`coords holds ${coords.length} values, expected 2 × (L + N) = ${2 * (l + n)}`);
  }
  if (typeof j.head !== 'object' || j.head === null) fail('head is missing');
  return {
    made: j.made as PoolSnapshotMade,
    dataset: String(j.dataset),
    classNames: j.classNames as string[],
    numClasses: c,
    n,
    probs: f32(j.probs, 'probs', n * c),
    embeddings: f32(j.embeddings, 'embeddings', n * d),
    embeddingDim: d,
    y: i32(j.y, 'y', n),
    trainRows: i32(j.trainRows, 'trainRows', n),
    numLabeled: l,
    labeledProbs: f32(j.labeledProbs, 'labeledProbs', l * c),
    labeledEmbeddings: f32(j.labeledEmbeddings, 'labeledEmbeddings', l * d),
    labeledY: i32(j.labeledY, 'labeledY', l),
    head: { inputDim: d, numClasses: c, weights: f32(j.head.weights, 'head.weights', d * c), bias: f32(j.head.bias, 'head.bias', c) },
    perClassAccuracy: j.perClassAccuracy as Array<number | null>,
    testAccuracy: Number(j.testAccuracy),
    fitSeconds: Number(j.fitSeconds),
    ...(coords !== undefined ? { coords } : {}),
  };
}

/** The pool options of the committed snapshot: threeClassPool at the quick/paper scale, seed 0. */
export function committedPoolMade(): PoolSnapshotMade {
  const s = threeClassScale('quick');
  return { maker: 'threeClassPool', poolSize: s.poolSize, epochs: s.epochs ?? null, seed: 0 };
}

/**
 * The 3-class pool a notebook draws, from its parameter cell: `results: 'committed'` (the default) reads the
 * committed snapshot when it stands for the requested pool (scale quick or paper, seed 0), in well under a
 * second; otherwise (results 'run', scale smoke, another seed, or no snapshot in the checkout: said in a
 * NOTE) it trains LeNet as `threeClassPool` does (~15 s at quick).
 * @throws errors of readPoolSnapshot (a damaged snapshot) and of threeClassPool.
 */
export async function threeClassPoolFor(
  p: Pick<CommonParameters, 'results' | 'scale'> & { readonly seed: number },
  log: (line: string) => void = (line) => console.log(line),
  file: string = COMMITTED_POOL_FILE,
): Promise<TrainedPool & { readonly source: 'committed' | 'trained'; readonly summary: string }> {
  const s = threeClassScale(p.scale);
  const made = committedPoolMade();
  const fits = p.scale !== 'smoke' && p.seed === made.seed;
  if (p.results === 'committed' && fits && existsSync(file)) {
    const t0 = performance.now();
    const pool = readPoolSnapshot(file);
    const m = pool.made;
    if (m?.maker !== made.maker || m.poolSize !== made.poolSize || m.epochs !== made.epochs || m.seed !== made.seed) {
      throw new Error(`threeClassPoolFor: ${file} was made with ${JSON.stringify(m)}, not ${JSON.stringify(made)}; remake it with 'npm run explorer:data'`);
    }
    const secs = ((performance.now() - t0) / 1000).toFixed(2);
    return { ...pool, source: 'committed', summary: `committed pool (${file.replace(REPO_ROOT + '/', '')}, read in ${secs} s): LeNet trained on ${pool.numLabeled} labels (${pool.classNames.join(', ')}), test accuracy ${(100 * pool.testAccuracy).toFixed(1)}%, pool of ${pool.n}` };
  }
  if (p.results === 'committed') {
    const why = !fits ? `it holds seed 0 at the quick/paper scale, not seed ${p.seed} at '${p.scale}'` : `${file} is not in this checkout`;
    log(`NOTE: not drawing the committed pool (${why}), so this notebook now TRAINS LeNet at scale '${p.scale}' (set results: 'run' in the parameter cell to always train).`);
  }
  const t0 = performance.now();
  const pool = await threeClassPool({ poolSize: s.poolSize, epochs: s.epochs, seed: p.seed });
  return { ...pool, source: 'trained', summary: `trained now at scale ${p.scale} in ${((performance.now() - t0) / 1000).toFixed(1)} s: LeNet on ${pool.numLabeled} labels (${pool.classNames.join(', ')}), test accuracy ${(100 * pool.testAccuracy).toFixed(1)}%, pool of ${pool.n}` };
}
