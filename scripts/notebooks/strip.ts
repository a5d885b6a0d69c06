/**
 * Strips outputs and execution counts from notebooks, in place (nbdev-style clean notebooks).
 *   npm run notebooks:strip                 every notebooks/*.ipynb
 *   npm run notebooks:strip -- a.ipynb      the named files
 * A notebook is "stripped" when no code cell has outputs or an execution count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/atomicFile.ts';

interface Cell {
  cell_type: string;
  outputs?: unknown[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}
interface Notebook {
  cells: Cell[];
  metadata?: Record<string, unknown>;
}

export function isStripped(nb: Notebook): boolean {
  return nb.cells.every((c) => c.cell_type !== 'code' || ((c.outputs ?? []).length === 0 && (c.execution_count ?? null) === null));
}

export function strip(nb: Notebook): Notebook {
  return {
    ...nb,
    cells: nb.cells.map((c) => (c.cell_type === 'code' ? { ...c, outputs: [], execution_count: null, metadata: {} } : c)),
  };
}

/** A copy with every object's keys sorted (nbformat writes sorted keys). */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
}

/**
 * Serialises exactly as Jupyter saves (nbformat: keys sorted, 1-space indent, non-ASCII kept, trailing
 * newline), so a notebook saved from Jupyter through the strip-on-save hook is byte-identical to the
 * committed file and `git status` stays clean. Sources are kept as they are (nbformat writes lists of lines).
 */
export function serialise(nb: Notebook): string {
  return JSON.stringify(sortKeys(nb), null, 1) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(import.meta.dirname, '..', '..');
  const args = process.argv.slice(2);
  const files = args.length
    ? args.map((f) => resolve(f))
    : readdirSync(join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb')).map((f) => join(root, 'notebooks', f));
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const out = serialise(strip(JSON.parse(text) as Notebook));
    if (out !== text) {
      writeFileAtomic(f, out);
      console.log(`stripped ${f}`);
    }
  }
}
