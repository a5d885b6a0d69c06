/**
 * The layer order of src/ (README "Layout" draws the same picture): a folder (or a top-level file) may
 * import only from layers below its own, never from its own layer's other folders nor from above. This test
 * reads every import in src/ (static, dynamic, `new URL('…', import.meta.url)` and `sourceModulePath('…')`,
 * the last two being how worker modules are found) and fails naming each import that runs against the order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Lowest first. One entry per layer; a layer may hold several folders that do not import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ['random.ts', 'sourcePath.ts', 'closestName.ts', 'atomicFile.ts', 'linearHead.ts', 'environmentVariables.ts', 'processStat.ts', 'types'],
  ['results', 'data', 'acquisition', 'embedding', 'backend'],
  ['models'],
  ['training'],
  ['analysis', 'experiment', 'select'],
  ['figures', 'slurm'],
  ['report', 'explorer', 'notebook'],
  ['cli'],
];

const SRC = resolve('src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|mts|js|mjs)$/.test(n) ? [p] : [];
  });
}

/** The top-level entry of src/ a path lies in: its first folder, or the file itself. */
function unitOf(file: string): string {
  return relative(SRC, file).split(/[\\/]/)[0]!;
}

interface Import {
  readonly from: string;
  readonly spec: string;
  readonly target: string;
}

/** Every module a source file refers to, resolved to an absolute path. */
export function importsOf(file: string, source: string): Import[] {
  // Comments (blocks and lines that start as comments) may show example paths: not imports.
  const text = source.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  const rel = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;
  for (const m of text.matchAll(rel)) out.push({ from: file, spec: m[2]!, target: resolve(dirname(file), m[2]!) });
  for (const m of text.matchAll(/sourceModulePath\(\s*(['"])([^'"]+)\1/g)) out.push({ from: file, spec: m[2]!, target: join(SRC, m[2]!) });
  return out;
}

function layerOf(unit: string): number {
  return LAYERS.findIndex((l) => l.includes(unit));
}

const files = walk(SRC);

test('every folder and top-level file of src/ has a layer', () => {
  const units = [...new Set(files.map(unitOf))].sort();
  assert.deepEqual(units.filter((u) => layerOf(u) < 0), [], 'add the new folder to LAYERS here and to README "Layout"');
  assert.deepEqual(LAYERS.flat().filter((u) => !units.includes(u)), [], 'LAYERS names something src/ no longer has');
});

test('no import in src/ runs against the layer order (each imports only from layers below it)', () => {
  const offenders: string[] = [];
  for (const file of files) {
    const from = unitOf(file);
    for (const imp of importsOf(file, readFileSync(file, 'utf8'))) {
      if (!imp.target.startsWith(SRC)) continue; // package.json, node_modules: not a layer
      const to = unitOf(imp.target);
      if (to === from) continue;
      if (!(layerOf(to) < layerOf(from))) offenders.push(`${relative(SRC, file)} imports '${imp.spec}' (${from} → ${to})`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the checker sees what it must: a back-edge, a dynamic import, a worker path', () => {
  const f = join(SRC, 'results', 'x.ts');
  const text = "/** sourceModulePath('cli/main.ts') in a comment */\nimport { a } from '../experiment/a.ts';\nconst m = await import('../cli/main.ts');\nsourceModulePath('figures/export.ts');";
  const targets = importsOf(f, text).map((i) => unitOf(i.target));
  assert.deepEqual(targets, ['experiment', 'cli', 'figures']);
  assert.ok(targets.every((t) => layerOf(t) > layerOf('results')));
});

test('README "Layout" draws the same layers, top first', () => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('Layers (top first');
  assert.ok(start >= 0, 'README.md has no "Layers (top first" diagram');
  const block = readme.slice(readme.indexOf('```', start) + 3, readme.indexOf('```', readme.indexOf('```', start) + 3));
  // One line per layer: the units, then '│' and what the layer is for.
  const drawn = block
    .split('\n')
    .filter((line) => line.includes('│'))
    .map((line) => line.split('│')[0]!.trim().split(/\s+/).map((u) => u.replace(/\/$/, '')).sort());
  assert.deepEqual(drawn, [...LAYERS].reverse().map((l) => [...l].sort()));
});
