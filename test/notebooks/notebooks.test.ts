/**
 * The notebooks in notebooks/: static checks (index, stripped outputs, imports, tslab pitfalls) and one
 * headless execution of every notebook at the smoke scale (`npm run notebooks`, Jupyter + tslab).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { NOTEBOOK_INDEX } from '../../src/notebook/notebookIndex.ts';
import { isStripped, serialise, strip } from '../../scripts/notebooks/strip.ts';
import { skipUnless } from '../systemTools.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NB_DIR = join(ROOT, 'notebooks');

interface Cell {
  cell_type: string;
  source: string | string[];
}
const files = readdirSync(NB_DIR).filter((f) => f.endsWith('.ipynb')).sort();
const notebooks = files.map((f) => ({ file: f, nb: JSON.parse(readFileSync(join(NB_DIR, f), 'utf8')) as { cells: Cell[] } }));
const sourceOf = (c: Cell) => (Array.isArray(c.source) ? c.source.join('') : c.source);

test('the index lists exactly the notebooks in notebooks/, each once', () => {
  assert.deepEqual(NOTEBOOK_INDEX.map((e) => e.file).sort(), files);
});

test('every notebook is committed stripped, in the form Jupyter saves, with a markdown header and then its parameter cell', () => {
  for (const { file, nb } of notebooks) {
    assert.ok(isStripped(nb as Parameters<typeof isStripped>[0]), `${file}: outputs present (npm run notebooks:strip)`);
    // Byte-identical to what Jupyter's strip-on-save hook writes, so a save leaves git status clean.
    const text = readFileSync(join(NB_DIR, file), 'utf8');
    assert.ok(serialise(strip(JSON.parse(text))) === text, `${file}: not in Jupyter's saved form (npm run notebooks:strip)`);
    assert.equal(nb.cells[0]?.cell_type, 'markdown', `${file}: first cell must be the markdown header`);
    assert.match(sourceOf(nb.cells[0]!), /^# /, `${file}: header starts with a '# ' title`);
    assert.equal(nb.cells[1]?.cell_type, 'code', `${file}: second cell must be the parameter cell`);
    assert.match(sourceOf(nb.cells[1]!), /const p = notebookParameters\(\{/, `${file}: the parameter cell calls notebookParameters({ … })`);
  }
});

test('notebooks that draw experiment results default to the committed results and say so in their parameter cell', () => {
  for (const e of NOTEBOOK_INDEX.filter((x) => x.experiment !== undefined)) {
    const nb = notebooks.find((n) => n.file === e.file)!;
    assert.match(sourceOf(nb.nb.cells[1]!), /results: 'committed',/, `${e.file}: results must default to 'committed'`);
    assert.match(sourceOf(nb.nb.cells[1]!), /scale: '(smoke|quick|paper)',/, `${e.file}: the parameter cell names the scale to run at`);
  }
  for (const { file, nb } of notebooks) {
    const code = nb.cells.filter((c) => c.cell_type === 'code').map(sourceOf).join('\n');
    assert.doesNotMatch(code, /process\.env/, `${file}: parameters come from notebookParameters, not process.env`);
  }
});

/**
 * Notebooks hold no logic of their own: they import compiled src/ (../dist/…), tslab and Node built-ins only.
 * And tslab 1.0.22 loses a variable of an earlier cell when it is used as a shorthand property
 * (`{ poolSize }` fails with "poolSize is not defined", `{ poolSize: poolSize }` works), so no cell may
 * use shorthand properties.
 */
test('notebook cells import only dist/, tslab and node built-ins, and use no shorthand properties (tslab bug)', () => {
  const allowed = /^(\.\.\/dist\/.+\.js|tslab|fs|path|os|node:[a-z/]+)$/;
  for (const { file, nb } of notebooks) {
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== 'code') return;
      const sf = ts.createSourceFile(`${file}#${i}.ts`, sourceOf(cell), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
          assert.match(n.moduleSpecifier.text, allowed, `${file} cell ${i}: import from '${n.moduleSpecifier.text}'`);
          const target = n.moduleSpecifier.text.match(/^\.\.\/dist\/(.+)\.js$/);
          if (target) assert.ok(existsSync(join(ROOT, 'src', `${target[1]}.ts`)), `${file} cell ${i}: ../dist/${target[1]}.js has no src/${target[1]}.ts`);
        }
        if (ts.isShorthandPropertyAssignment(n)) {
          assert.fail(`${file} cell ${i}: shorthand property '{ ${n.name.text} }' — write '${n.name.text}: ${n.name.text}' (tslab loses earlier-cell variables in shorthands)`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    });
  }
});

const jupyter = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
const skip = skipUnless(jupyter.status === 0, 'Jupyter nbconvert is not installed: bash scripts/setup-system.sh (Debian jupyter-nbconvert)');

test('npm run notebooks: every notebook runs headless at the smoke scale and exports its figures', { skip, timeout: 20 * 60_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'falcun-notebooks-test-'));
  try {
    const figures = join(scratch, 'figures');
    const results = join(scratch, 'results');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/notebooks/run.ts', '--export-dir', figures, '--run-dir', results], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    assert.equal(r.status, 0, `npm run notebooks failed:\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
    assert.match(r.stdout, new RegExp(`all ${files.length} ran without errors`));
    // Every figure notebook exports its figure in all four formats, none empty.
    const written = readdirSync(figures);
    for (const stem of ['fig01-simplex', 'fig02-learning-curves', 'fig03-redundancy', 'fig04-dueling-matrix', 'fig05-gain-over-random', 'fig06-relevance-course', 'fig07-class-accuracy-tsne', 'fig08-simplex', 'fig09-selection-probability', 'fig18-scalability']) {
      for (const ext of ['html', 'png', 'svg', 'pdf']) {
        const f = `${stem}.${ext}`;
        assert.ok(written.includes(f), `${f} was not exported (got ${written.join(', ')})`);
        assert.ok(statSync(join(figures, f)).size > 1000, `${f} is (nearly) empty`);
      }
    }
    for (const prefix of ['fig11-examples-', 'fig13-17-learning-curves-', 'table1', 'table2', 'table3', 'table4', 'gamma-explorer', 'walkthrough-', 'own-data-batch']) {
      assert.ok(written.some((f) => f.startsWith(prefix)), `nothing exported starting with ${prefix}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
