// The LaTeX tables (booktabs, bold best, red worst) compile in a minimal document with pdflatex, and
// LaTeX/Markdown carry the same cells and marks as the table data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ablationGrid } from '../../src/analysis/ablationGrid.ts';
import { paperFigures } from '../../src/figures/paperFigures.ts';
import { ablationGridTable, latexEscape, tableLatex, tableMarkdown } from '../../src/figures/tables.ts';
import { paperRecords, scalabilityRows } from './fixtures.ts';
import { skipUnless } from '../systemTools.ts';

const pdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = skipUnless(pdflatex, 'no pdflatex: run bash scripts/setup-system.sh (Debian texlive-latex-base texlive-latex-recommended)');

test('Table 3: every γ × (d, u, u + d), one column group per setting, the initial checkpoint left out, best bold and worst red, ties unmarked', () => {
  const grid = ablationGrid(paperRecords());
  // the paper's 16 rows, whether or not the records hold them
  assert.equal(grid.variants.length, 16);
  assert.deepEqual(grid.variants.slice(0, 4).map((v) => v.strategy), ['falcun-g0', 'falcun-g1-d', 'falcun-g1-u', 'falcun-g1-ud']);
  assert.equal(grid.variants.at(-1)!.strategy, 'falcun-det-ud');
  // rounds 1, ⌊9/2⌋ = 4 and 9 of Q = 500: 1000, 2500, 5000 labels (as the paper's RepeatedMNIST columns)
  assert.deepEqual(grid.blocks.map((b) => b.checkpoints), [[1000, 2500, 5000]]);
  const t = ablationGridTable(grid);
  assert.deepEqual(t.header, ['γ', 'u(x)', 'd(x)', '1000', '2500', '5000']);
  assert.deepEqual(t.groups, [{ label: 'RepeatedMNIST, Q = 500, LeNet', start: 3, span: 3 }]);
  const row = (s: string) => t.rows[grid.variants.findIndex((v) => v.strategy === s)]!;
  assert.deepEqual(row('falcun-g1-d').slice(0, 3), ['1', '', '✓']);
  assert.deepEqual(row('falcun-g0').slice(0, 3), ['0', '–', '–']);
  assert.deepEqual(row('falcun-g5-ud').slice(3), ['–', '–', '–']); // not in the records
  // accuracy = 0.6 + 0.03 r + 0.001 · index + 0.002 · seed, seeds 0 and 1 → 'falcun-det-u' (index 5) best, 'falcun-g0' worst
  const iBest = grid.variants.findIndex((v) => v.strategy === 'falcun-det-u');
  const iWorst = grid.variants.findIndex((v) => v.strategy === 'falcun-g0');
  assert.deepEqual(grid.blocks[0]!.best, [iBest, iBest, iBest]);
  assert.deepEqual(grid.blocks[0]!.worst, [iWorst, iWorst, iWorst]);
  assert.equal(row('falcun-det-u')[3], (100 * (0.6 + 0.03 + 0.005 + 0.001)).toFixed(2));
  // a column where every row ties (the shared initial checkpoint) is neither bold nor red
  const tied = ablationGrid(paperRecords(), { checkpoints: { 'repeated-mnist|m|lenet': [500] } });
  assert.deepEqual([tied.blocks[0]!.best, tied.blocks[0]!.worst], [[-1], [-1]]);
  // LaTeX and Markdown carry the marks
  const tex = tableLatex(t);
  assert.match(tex, /\\textbf\{63\.60\}/);
  assert.match(tex, /\\textcolor\{red\}\{63\.10\}/);
  assert.match(tex, /\\multicolumn\{3\}\{c\}\{RepeatedMNIST, Q = 500, LeNet\} \\\\\n\\cmidrule\(lr\)\{4-6\}/);
  assert.match(tableMarkdown(t), /\| 0 \| – \| – \| \*63\.10\* \|/);
  assert.equal(latexEscape('a_b & 5 % γ·x'), 'a\\_b \\& 5 \\% $\\gamma$$\\cdot$x');
});

test('LaTeX tables compile with pdflatex in a minimal document (booktabs, xcolor)', { skip, timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-tex-'));
  try {
    const tables = paperFigures({ records: paperRecords(), scalability: scalabilityRows() }).filter((e) => e.table);
    assert.deepEqual(tables.map((e) => e.name), ['table1-time-complexity', 'table2-query-time', 'table3-ablation', 'table4-datasets']);
    for (const e of tables) writeFileSync(join(dir, `${e.name}.tex`), tableLatex(e.table!));
    writeFileSync(join(dir, 'main.tex'), [
      '\\documentclass{article}', '\\usepackage[T1]{fontenc}', '\\usepackage[utf8]{inputenc}', '\\usepackage{booktabs,xcolor}',
      '\\begin{document}', ...tables.map((e) => `\\input{${e.name}}`), '\\end{document}', '',
    ].join('\n'));
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'main.tex'], { cwd: dir, encoding: 'utf8', timeout: 100_000 });
    assert.equal(r.status, 0, `pdflatex failed:\n${r.stdout.split('\n').filter((l) => /^!|Error|Undefined/.test(l)).join('\n') || r.stdout.slice(-2000)}`);
    assert.ok(existsSync(join(dir, 'main.pdf')));
    assert.doesNotMatch(r.stdout, /Overfull \\hbox \((\d{3,}|[2-9]\d)\.\d+pt/); // no table spills far into the margin
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
