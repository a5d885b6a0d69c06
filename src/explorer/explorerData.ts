/**
 * The stored pool the γ explorer reruns FALCUN on: softmax probabilities of a 3-class subset of MNIST
 * (N × 3), with the true labels, made by `npm run explorer:data` (scripts/make-explorer-data.ts) and
 * committed under notebooks/assets/, so the page works without training anything.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ExplorerData {
  readonly description: string;
  /** The class names (the stored pool: the MNIST digits behind classes 0, 1, 2). */
  readonly classNames: readonly string[];
  /** N × C probabilities, row-major. */
  readonly probs: readonly number[];
  readonly labels: readonly number[];
  readonly n: number;
}

export const EXPLORER_DATA_FILE = resolve(import.meta.dirname, '..', '..', 'notebooks', 'assets', 'mnist-3class-probs.json');

/**
 * Reads and checks the stored pool.
 * @throws Error naming the file when it is missing or malformed (and how to remake it).
 */
export function loadExplorerData(file = EXPLORER_DATA_FILE): ExplorerData {
  let d: ExplorerData;
  try {
    d = JSON.parse(readFileSync(file, 'utf8')) as ExplorerData;
  } catch (e) {
    throw new Error(`loadExplorerData: cannot read ${file} (${(e as Error).message}); remake it with 'npm run explorer:data'`);
  }
  if (!Number.isInteger(d.n) || d.probs?.length !== d.n * 3 || d.labels?.length !== d.n || d.classNames?.length !== 3) {
    throw new Error(`loadExplorerData: ${file} is malformed (need n, probs of n×3, labels of n, 3 classNames); remake it with 'npm run explorer:data'`);
  }
  return d;
}
