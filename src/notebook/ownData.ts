/**
 * The "FALCUN on your own data" notebook's helpers: an example pool (a CSV of ids and two features, and a
 * model's softmax probabilities over the same rows as .npy) for when the user gives no files, and the
 * batch as an HTML table joined with the CSV's features.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { marginUncertainty } from '../acquisition/kernels/marginUncertainty.ts';
import { Random } from '../random.ts';
import type { MatrixFile } from '../select/matrixFile.ts';
import type { BatchSelection } from '../select/selectBatch.ts';
import { writeNpyMatrix } from '../select/writeNpyMatrix.ts';
import { REPO_ROOT } from '../sourcePath.ts';

/**
 * Writes `dir/pool.csv` (id, x1, x2: three overlapping Gaussian clusters, n rows) and `dir/probs.npy`
 * (n × 3 softmax of −squared distance to the cluster centres / temperature: a model that is confident
 * inside a cluster and unsure between them). Deterministic for a seed. Returns the two paths.
 */
export function writeExampleOwnData(dir: string, n = 600, seed = 0): { csv: string; probs: string } {
  mkdirSync(dir, { recursive: true });
  const r = new Random(seed);
  const centres = [[0, 0], [3, 0.5], [1.5, 2.6]] as const;
  const lines = ['id,x1,x2'];
  const probs = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const c = centres[i % 3]!;
    const x1 = c[0] + 1.1 * r.normal();
    const x2 = c[1] + 1.1 * r.normal();
    lines.push(`sample-${String(i).padStart(4, '0')},${x1.toFixed(4)},${x2.toFixed(4)}`);
    const z = centres.map((m) => -((Number(x1.toFixed(4)) - m[0]) ** 2 + (Number(x2.toFixed(4)) - m[1]) ** 2) / 1.5);
    const mx = Math.max(...z);
    const e = z.map((v) => Math.exp(v - mx));
    const s = e.reduce((a, b) => a + b, 0);
    e.forEach((v, k) => (probs[i * 3 + k] = v / s));
  }
  const csv = join(dir, 'pool.csv');
  const npy = join(dir, 'probs.npy');
  writeFileSync(csv, `${lines.join('\n')}\n`);
  writeNpyMatrix(npy, probs, n, 3);
  return { csv, probs: npy };
}

/**
 * The files the notebook reads, from its parameter cell: both paths as written (absolute, relative to the
 * working directory, which is notebooks/ in Jupyter, or relative to the repository root), or, when both
 * are empty, the example pool written into `exampleDir` (a git-ignored results folder).
 * @throws RangeError naming the parameter when only one path is given or a file does not exist.
 */
export function ownDataFiles(csvPath: string, probsPath: string, exampleDir: string): { csv: string; probs: string; example: boolean } {
  if (csvPath === '' && probsPath === '') return { ...writeExampleOwnData(exampleDir), example: true };
  const find = (name: string, path: string): string => {
    if (path === '') throw new RangeError(`ownDataFiles: ${name} is empty; give both csvPath and probsPath, or neither for the example pool`);
    const candidates = isAbsolute(path) ? [path] : [resolve(path), resolve(REPO_ROOT, path)];
    const hit = candidates.find((c) => existsSync(c));
    if (hit === undefined) throw new RangeError(`ownDataFiles: ${name} '${path}' does not exist (looked at ${candidates.join(', ')})`);
    return hit;
  };
  return { csv: find('csvPath', csvPath), probs: find('probsPath', probsPath), example: false };
}

/** Margin uncertainty u = 1 − (p1 − p2) of every row (for colouring the pool). */
export function uncertaintyOf(probs: MatrixFile): Float64Array {
  return marginUncertainty(probs.values, probs.rows, probs.cols);
}

/** Column `k` of a matrix (e.g. one feature of the pool table). */
export function matrixColumn(m: MatrixFile, k: number): Float32Array {
  if (!(Number.isInteger(k) && k >= 0 && k < m.cols)) throw new RangeError(`matrixColumn: column ${k} is outside 0..${m.cols - 1} of ${m.file}`);
  return Float32Array.from({ length: m.rows }, (_, i) => m.values[i * m.cols + k]!);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The batch as an HTML table: pick, row, id, relevance, draw probability, and the row's features from `table`. */
export function batchTableHtml(batch: BatchSelection, table?: MatrixFile, featureNames?: readonly string[]): string {
  const features = table === undefined ? [] : featureNames ?? Array.from({ length: table.cols }, (_, k) => `feature ${k + 1}`);
  const head = ['pick', 'row', 'id', 'relevance', 'draw probability', ...features].map((h) => `<th>${escape(h)}</th>`).join('');
  const rows = batch.picks.map((p) => {
    const cells = [String(p.pick), String(p.row), p.id ?? (table?.ids?.[p.row] ?? ''), p.relevance === null ? '' : p.relevance.toFixed(4), p.drawProbability === null ? '' : p.drawProbability.toExponential(2)];
    if (table !== undefined) for (let k = 0; k < table.cols; k++) cells.push(table.values[p.row * table.cols + k]!.toFixed(3));
    return `<tr>${cells.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
