/**
 * The end-of-experiment report (`falcun-lab report <dir>`, also run at the end of `falcun-lab run`):
 *   records.csv            every RoundRecord (csvExport.ts)
 *   learning-curves.json   mean ± sample std of test accuracy over seeds per (setting, strategy, labels)
 *                          (analysis/learningCurves.ts)
 *   learning-curves.html   the paper's learning-curve figure (figures/learningCurves.ts), plotly inlined
 *   learning-curves.png    the same at 150 dpi through headless Chromium, when Chromium is installed
 * and a short text summary of the final accuracies.
 */
import { existsSync } from 'node:fs';
import { writeFileAtomic, writeJsonAtomic } from '../atomicFile.ts';
import { join } from 'node:path';
import { finalPoints } from '../analysis/finalPoints.ts';
import { learningCurves, type LearningCurvePoint } from '../analysis/learningCurves.ts';
import { DEFAULT_CHROMIUM, figureHtml, openFigureExporter } from '../figures/export.ts';
import { learningCurvesFigure } from '../figures/learningCurves.ts';
import { recordsToCsv } from '../experiment/csvExport.ts';
import { readAllRecords } from '../experiment/readAllRecords.ts';
import { envValue } from '../environmentVariables.ts';

export interface ReportOptions {
  /** Render the PNG through Chromium (default true; skipped with a note when Chromium is missing). */
  readonly png?: boolean;
}

export interface ReportResult {
  /** Human-readable lines: files written, notes, final accuracies. */
  readonly lines: string[];
  readonly files: string[];
  readonly curves: LearningCurvePoint[];
}

/**
 * Writes the report files into `dir`.
 * @throws Error when the directory is not an experiment; RangeError when it holds no records yet.
 */
export async function writeReport(dir: string, options: ReportOptions = {}): Promise<ReportResult> {
  const records = readAllRecords(dir);
  if (records.length === 0) throw new RangeError(`${dir} holds no records yet; run the experiment first`);
  const files: string[] = [];
  const lines: string[] = [];
  const csv = join(dir, 'records.csv');
  writeFileAtomic(csv, recordsToCsv(records));
  files.push(csv);
  const curves = learningCurves(records);
  const curvesFile = join(dir, 'learning-curves.json');
  writeJsonAtomic(curvesFile, curves);
  files.push(curvesFile);
  const figure = learningCurvesFigure(records);
  const html = join(dir, 'learning-curves.html');
  writeFileAtomic(html, figureHtml(figure, { title: 'Learning curves' }));
  files.push(html);
  if (options.png !== false) {
    const chromium = envValue('FALCUN_CHROMIUM') ?? DEFAULT_CHROMIUM;
    if (!existsSync(chromium)) {
      lines.push(`note: no PNG (no Chromium at ${chromium}; bash scripts/setup-system.sh installs it); the HTML figure is complete`);
    } else {
      const exporter = await openFigureExporter();
      try {
        const png = join(dir, 'learning-curves.png');
        writeFileAtomic(png, await exporter.png(figure, { dpi: 150 }));
        files.push(png);
      } finally {
        await exporter.close();
      }
    }
  }
  lines.unshift(...files.map((f) => `wrote ${f}`));
  lines.push('final test accuracy (mean ± std over seeds):');
  for (const p of finalPoints(curves)) {
    lines.push(`  ${`${p.dataset} (${p.setting}, ${p.model})`.padEnd(28)} ${p.strategy.padEnd(16)} ${String(p.numLabeled).padStart(6)} labels: ${p.mean.toFixed(4)} ± ${p.std.toFixed(4)} (${p.n} seed${p.n === 1 ? '' : 's'})`);
  }
  return { lines, files, curves };
}
