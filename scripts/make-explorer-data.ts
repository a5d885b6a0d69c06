/**
 * Makes notebooks/assets/mnist-3class-probs.json, the stored pool of the γ explorer:
 * LeNet (the paper's) trained on 30 labeled MNIST images of the digits 3, 5 and 8 (10 each; digits that
 * look alike, so the pool spreads over the simplex instead of sitting in its corners), then its softmax
 * probabilities on 1,500 other training images of those digits. Deterministic (seed 0).
 *   npm run explorer:data
 */
import { writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadDataset } from '../src/data/registry.ts';
import { createClassifierSession } from '../src/training/createClassifierSession.ts';
import { Random } from '../src/random.ts';
import { EXPLORER_DATA_FILE } from '../src/explorer/explorerData.ts';

const DIGITS = [3, 5, 8] as const;
const LABELED_PER_CLASS = 10;
const POOL = 1500;

const mnist = await loadDataset('mnist');
const rowSize = 28 * 28;
const random = new Random('explorer-data');
const byClass = DIGITS.map((d) => random.shuffle([...mnist.train.y.keys()].filter((i) => mnist.train.y[i] === d)));
const labeled = byClass.flatMap((rows) => rows.slice(0, LABELED_PER_CLASS));
const rest = random.shuffle(byClass.flatMap((rows) => rows.slice(LABELED_PER_CLASS)));
const pool = rest.slice(0, POOL);

const gather = (rows: number[]) => {
  const x = new Float32Array(rows.length * rowSize);
  rows.forEach((r, k) => x.set(mnist.train.x.subarray(r * rowSize, (r + 1) * rowSize), k * rowSize));
  const y = Int32Array.from(rows, (r) => DIGITS.indexOf(mnist.train.y[r] as 3 | 5 | 8));
  return { x, y };
};
const train = gather(labeled);
const session = await createClassifierSession({ model: 'lenet', inputShape: [28, 28, 1], numClasses: 3, keepWeights: false, seed: 0 });
await session.fit(train.x, train.y);
const test = gather(pool);
const probs = await session.predictProba(test.x);
session.dispose();

// 5 decimals keep the file small; each row is renormalised after rounding so it still sums to 1.
const rounded: number[] = [];
for (let i = 0; i < POOL; i++) {
  const row = [0, 1, 2].map((c) => Math.round(probs[3 * i + c]! * 1e5) / 1e5);
  const s = row[0]! + row[1]! + row[2]!;
  const k = row.indexOf(Math.max(...row));
  row[k] = Math.round((row[k]! + 1 - s) * 1e5) / 1e5;
  rounded.push(...row);
}
let correct = 0;
for (let i = 0; i < POOL; i++) {
  const row = rounded.slice(3 * i, 3 * i + 3);
  if (row.indexOf(Math.max(...row)) === test.y[i]) correct++;
}
const data = {
  description: `MNIST digits 3/5/8: LeNet trained on ${3 * LABELED_PER_CLASS} labels, probabilities of ${POOL} pool images (accuracy ${((100 * correct) / POOL).toFixed(1)}%)`,
  classNames: DIGITS.map((d) => `digit ${d}`),
  n: POOL,
  labels: Array.from(test.y),
  probs: rounded,
};
mkdirSync(dirname(EXPLORER_DATA_FILE), { recursive: true });
writeFileSync(EXPLORER_DATA_FILE + '.tmp', JSON.stringify(data) + '\n');
renameSync(EXPLORER_DATA_FILE + '.tmp', EXPLORER_DATA_FILE);
console.log(`wrote ${EXPLORER_DATA_FILE}: ${data.description}`);
