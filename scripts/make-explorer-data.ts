/**
 * Makes notebooks/assets/mnist-3class-probs.json, the stored pool of the γ explorer, and
 * notebooks/assets/mnist-3class-pool.json.gz, the whole trained pool (probabilities, embeddings, labeled set,
 * head) that notebooks 01, 06, 08 and 09 draw by default instead of training, and
 * notebooks/assets/randomrbf-class-accuracy-pool.json.gz, Fig. 7's pool and t-SNE (src/notebook/classAccuracyPool.ts).
 * The 3-class pool is the pool of paper
 * Fig. 1 (`threeClassPool`: LeNet trained on 10 labeled MNIST images each of the digits 3, 5 and 8, which
 * look alike, so the pool spreads over the simplex), its softmax probabilities on 1,500 other training
 * images of those digits. Deterministic (seed 0, wasm backend).
 *   npm run explorer:data
 */
import { writeFileAtomic } from '../src/atomicFile.ts';
import { EXPLORER_DATA_FILE } from '../src/explorer/explorerData.ts';
import { COMMITTED_CLASS_ACCURACY_FILE, committedClassAccuracyMade, makeClassAccuracyPool } from '../src/notebook/classAccuracyPool.ts';
import { COMMITTED_POOL_FILE, committedPoolMade, writePoolSnapshot } from '../src/notebook/poolSnapshot.ts';
import { threeClassPool } from '../src/notebook/trainedPool.ts';

const made = committedPoolMade();
const pool = await threeClassPool({ poolSize: made.poolSize, seed: made.seed, ...(made.epochs !== null ? { epochs: made.epochs } : {}) });
const bytes = writePoolSnapshot(COMMITTED_POOL_FILE, pool, made);
console.log(`wrote ${COMMITTED_POOL_FILE} (${(bytes / 1024).toFixed(0)} kB)`);

// 5 decimals keep the file small; each row is renormalised after rounding so it still sums to 1.
const rounded: number[] = [];
let correct = 0;
for (let i = 0; i < pool.n; i++) {
  const row = [0, 1, 2].map((c) => Math.round(pool.probs[3 * i + c]! * 1e5) / 1e5);
  const k = row.indexOf(Math.max(...row));
  row[k] = Math.round((row[k]! + 1 - (row[0]! + row[1]! + row[2]!)) * 1e5) / 1e5;
  if (row.indexOf(Math.max(...row)) === pool.y[i]) correct++;
  rounded.push(...row);
}
const data = {
  description: `MNIST digits ${pool.classNames.join('/')}: LeNet trained on ${pool.numLabeled} labels, probabilities of ${pool.n} pool images (accuracy ${((100 * correct) / pool.n).toFixed(1)}%)`,
  classNames: pool.classNames.map((d) => `digit ${d}`),
  n: pool.n,
  labels: Array.from(pool.y),
  probs: rounded,
};
writeFileAtomic(EXPLORER_DATA_FILE, JSON.stringify(data) + '\n');
console.log(`wrote ${EXPLORER_DATA_FILE}: ${data.description}`);

// Fig. 7: the pool without its 1,024-wide embeddings (FALCUN reads probabilities), with the t-SNE it draws.
const rbf = await makeClassAccuracyPool('quick', 'randomrbf', 0);
const slim = { ...rbf.pool, embeddings: new Float32Array(0), labeledEmbeddings: new Float32Array(0), embeddingDim: 0, head: { ...rbf.pool.head, weights: new Float32Array(0), inputDim: 0 } };
const rbfBytes = writePoolSnapshot(COMMITTED_CLASS_ACCURACY_FILE, slim, committedClassAccuracyMade(), rbf.coords);
console.log(`wrote ${COMMITTED_CLASS_ACCURACY_FILE} (${(rbfBytes / 1024).toFixed(0)} kB): test accuracy ${(100 * rbf.pool.testAccuracy).toFixed(1)}%`);
