// Renders the record-based paper figures of one experiment directory (runs/*.jsonl) and writes them as
// HTML/PNG/SVG/PDF, plus the learning curves as CSV. Figures that need other inputs (Fig. 1/6/7/8/9/11/18)
// come from the notebooks.
// Usage: npx tsx scripts/render-figures.ts <experiment-dir> [--out DIR] [--preset screen|column|full]
//          [--dpi 300] [--formats html,png,svg,pdf]          (or: npm run figures -- <experiment-dir> ...)
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { duelingMatrix } from '../src/analysis/duelingMatrix.ts';
import { improvementOverRandom } from '../src/analysis/improvementOverRandom.ts';
import { learningCurveCsv } from '../src/analysis/learningCurveFrame.ts';
import { loadExperimentRecords } from '../src/results/loadRecords.ts';
import { queryTimeRange } from '../src/analysis/queryTimeRange.ts';
import { duelingMatrixFigure } from '../src/figures/duelingMatrix.ts';
import { openFigureExporter } from '../src/figures/export.ts';
import { gainOverRandomFigure } from '../src/figures/gainOverRandom.ts';
import { learningCurvesFigure } from '../src/figures/learningCurves.ts';
import { PRESETS, applyPreset } from '../src/figures/presets.ts';
import { datasetPropertiesTable, queryTimeTable, tableFigure, tableMarkdown, timeComplexityTable } from '../src/figures/tables.ts';
import type { PlotlyFigure } from '../src/figures/types.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, preset: { type: 'string', default: 'screen' }, dpi: { type: 'string', default: '300' }, formats: { type: 'string', default: 'html,png,svg,pdf' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('render-figures: give an experiment directory (it holds runs/*.jsonl), e.g. npx tsx scripts/render-figures.ts results/quick');
  process.exit(2);
}
const preset = PRESETS[values.preset as keyof typeof PRESETS];
if (!preset) {
  console.error(`render-figures: --preset must be screen, column or full, got ${values.preset}`);
  process.exit(2);
}
const formats = values.formats!.split(',') as Array<'html' | 'png' | 'svg' | 'pdf'>;
const dpi = Number(values.dpi);
const out = values.out ?? join('figures', basename(dir));
mkdirSync(out, { recursive: true });

const records = loadExperimentRecords(dir);
const strategies = new Set(records.map((r) => r.strategy));
const figures: Record<string, PlotlyFigure> = {};
figures['fig02-learning-curves'] = learningCurvesFigure(records);
for (const d of [...new Set(records.map((r) => r.dataset))].sort()) {
  figures[`learning-curves-${d}`] = learningCurvesFigure(records.filter((r) => r.dataset === d), { title: d });
}
if (strategies.size >= 2) figures['fig04-dueling-matrix'] = duelingMatrixFigure(duelingMatrix(records));
if (strategies.has('random') && strategies.size >= 2 && records.some((r) => r.round > 0)) {
  figures['fig05-gain-over-random'] = gainOverRandomFigure(improvementOverRandom(records));
}
const tables = [timeComplexityTable(), queryTimeTable(queryTimeRange(records)), datasetPropertiesTable()];
tables.forEach((t, i) => (figures[`table${[1, 2, 4][i]}`] = tableFigure(t)));
writeFileSync(join(out, 'tables.md'), tables.map(tableMarkdown).join('\n\n') + '\n');
writeFileSync(join(out, 'learning-curves.csv'), learningCurveCsv(records));

const exporter = await openFigureExporter();
try {
  for (const [name, fig] of Object.entries(figures)) {
    const rows = Math.max(1, Math.round((fig.layout.height as number) / 380));
    const styled = values.preset === 'screen' ? fig : applyPreset(fig, preset, { heightInches: preset.heightInches * rows });
    const files = await exporter.writeAll(styled, join(out, name), formats, { dpi });
    console.log(files.join('  '));
  }
} finally {
  await exporter.close();
}
console.log(`render-figures: ${Object.keys(figures).length} figures, tables.md and learning-curves.csv in ${out}`);
