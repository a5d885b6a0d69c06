// Renders every record-based figure and table of the paper from one or more result folders, at every
// publication preset, and checks each render for clipped or overlapping text.
//
//   <dir> … ──► experiment folders (runs/*.jsonl): learning curves, redundancy, ablation records
//          └─► scalability folders (scalability.json, `npm run scalability`): Fig. 18, Table 2
//   ──► paperFigures() ──► per preset: <out>/<preset>/<name>.{png,svg,pdf,html}   (html share one plotly.min.js)
//                      └─► tables:    <out>/tables/<name>.{tex,md}
//
//   small trained pools (render-figures-qualitative.ts) ──► Fig. 1, 6, 7, 8, 9, 11 (about a minute; the
//          notebooks draw them at their own scale); --no-qualitative leaves them out
// Usage: npm run figures -- <dir> [<dir> …] [--out DIR] [--presets column,full,screen] [--dpi 300]
//          [--formats png,svg,pdf,html] [--no-qualitative] [--measure-times]
// Fig. 1 and Fig. 8 print acquisition times: the first render into an --out folder pins them in
// <out>/query-times.json, later renders print those (so re-exports change only with the results).
// Default --out: results/figures/<dir names> (git ignores results/); only the committed reproduction's
// exports go to figures/ (npm run figures:repro).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { learningCurveCsv } from '../src/analysis/learningCurveFrame.ts';
import { loadExperimentRecords } from '../src/results/loadRecords.ts';
import type { RoundRecord } from '../src/results/roundRecord.ts';
import { openFigureExporter } from '../src/figures/export.ts';
import { layoutProblems } from '../src/figures/layoutCheck.ts';
import { paperFigures, type PaperExhibit } from '../src/figures/paperFigures.ts';
import { PRESETS, applyPreset } from '../src/figures/presets.ts';
import { tableLatex, tableMarkdown } from '../src/figures/tables.ts';
import { readScalabilityStudy, SCALABILITY_FILE, type ScalabilityRow } from '../src/results/scalabilityStudy.ts';
import { cpus } from 'node:os';
import { writeJsonAtomic } from '../src/atomicFile.ts';
import { QUERY_TIMES_FILE, qualitativeExhibits, readQueryTimes, type QueryTimes } from './render-figures-qualitative.ts';

const FORMATS = ['png', 'svg', 'pdf', 'html'] as const;
type Format = (typeof FORMATS)[number];

const program = new Command('figures')
  .description('Render every record-based paper figure and table at every preset (PNG, SVG, vector PDF, HTML; tables also LaTeX and Markdown)')
  .argument('<dirs...>', 'experiment folders (runs/*.jsonl) and/or scalability folders (scalability.json)')
  .option('--out <dir>', 'output folder (default results/figures/<dir names>)')
  .option('--presets <list>', 'comma-separated presets', 'column,full,screen')
  .option('--dpi <n>', 'PNG resolution', '300')
  .option('--formats <list>', 'comma-separated formats', 'png,svg,pdf,html')
  .option('--no-qualitative', 'leave out Fig. 1, 6, 7, 8, 9, 11 (drawn from small trained pools)')
  .option('--measure-times', `print the acquisition times measured now in Fig. 1 and 8 and pin them (default: those pinned in <out>/${QUERY_TIMES_FILE} when present)`)
  .parse();
const opts = program.opts<{ out?: string; presets: string; dpi: string; formats: string; qualitative: boolean; measureTimes?: boolean }>();
const dirs = program.args;

const fail = (msg: string): never => {
  console.error(`figures: ${msg}`);
  process.exit(2);
};
const presets = opts.presets.split(',').map((p) => p.trim());
for (const p of presets) if (!(p in PRESETS)) fail(`--presets may hold ${Object.keys(PRESETS).join(', ')}, got '${p}'`);
const formats = opts.formats.split(',').map((f) => f.trim()) as Format[];
for (const f of formats) if (!FORMATS.includes(f)) fail(`--formats may hold ${FORMATS.join(', ')}, got '${f}'`);
const dpi = Number(opts.dpi);
if (!(dpi >= 24 && dpi <= 2400)) fail(`--dpi must be a number in [24, 2400], got ${opts.dpi}`);

const records: RoundRecord[] = [];
const scalability: ScalabilityRow[] = [];
for (const dir of dirs) {
  const hasRuns = existsSync(join(dir, 'runs'));
  const study = readScalabilityStudy(dir);
  if (!hasRuns && existsSync(join(dir, 'manifest.json'))) console.warn(`figures: ${dir} is an experiment without runs yet; its exhibits show placeholders`);
  else if (!hasRuns && !study) fail(`${dir} holds neither runs/*.jsonl (an experiment) nor ${SCALABILITY_FILE} (npm run scalability)`);
  if (hasRuns) records.push(...loadExperimentRecords(dir));
  if (study) scalability.push(...study.rows);
}
const out = opts.out ?? join('results', 'figures', dirs.map((d) => basename(d.replace(/\/+$/, ''))).join('+'));
mkdirSync(out, { recursive: true });

/** Paper order: figures by number, then tables by number. */
const paperRank = (e: PaperExhibit) => (e.paper.startsWith('Table') ? 100 : 0) + Number(/\d+/.exec(e.paper)?.[0] ?? 99);
// Fig. 1 / Fig. 8 print acquisition times: pinned in <out>/query-times.json once measured, so a redraw of
// committed exports changes only what the results change (--measure-times measures and pins them anew).
const timesFile = join(out, QUERY_TIMES_FILE);
const pinnedTimes = !opts.measureTimes && existsSync(timesFile) ? readQueryTimes(timesFile) : undefined;
const onMeasured = (t: QueryTimes) => {
  if (pinnedTimes === undefined) writeJsonAtomic(timesFile, { note: 'Acquisition seconds Fig. 1 and Fig. 8 print (npm run figures -- … --measure-times renews them)', measuredAt: new Date().toISOString(), cpu: cpus()[0]?.model ?? 'unknown', seconds: t });
};
const exhibits = [...paperFigures({ records, scalability }), ...(opts.qualitative ? await qualitativeExhibits({}, { pinnedTimes, onMeasured }) : [])]
  .map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => paperRank(a) - paperRank(b) || i - j).map(([e]) => e);
mkdirSync(join(out, 'tables'), { recursive: true });
for (const e of exhibits) {
  if (!e.table) continue;
  writeFileSync(join(out, 'tables', `${e.name}.tex`), tableLatex(e.table));
  writeFileSync(join(out, 'tables', `${e.name}.md`), `${tableMarkdown(e.table)}\n`);
}
if (records.length > 0) writeFileSync(join(out, 'learning-curves.csv'), learningCurveCsv(records));

const t0 = performance.now();
const warnings: string[] = [];
const exporter = await openFigureExporter();
try {
  for (const preset of presets) {
    for (const e of exhibits) {
      const styled = applyPreset(e.figure, PRESETS[preset as keyof typeof PRESETS]);
      const l = styled.layout as { width: number; height: number };
      for (const p of layoutProblems(await exporter.textBoxes(styled), l.width, l.height)) warnings.push(`${preset}/${e.name}: ${p}`);
      await exporter.writeAll(styled, join(out, preset, e.name), formats, { dpi });
    }
    console.log(`figures: ${exhibits.length} exhibits at ${preset} → ${join(out, preset)}`);
  }
} finally {
  await exporter.close();
}
// Re-runnable into the same folder: exports of exhibits this run no longer has (renamed, dropped) go.
const stale: string[] = [];
const names = new Set(exhibits.map((e) => e.name));
for (const sub of [...presets, 'tables']) {
  const dir = join(out, sub);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) {
    const m = /^(.*)\.(png|svg|pdf|html|tex|md)$/.exec(f);
    if (m && !names.has(m[1]!)) {
      rmSync(join(dir, f));
      stale.push(join(sub, f));
    }
  }
}
if (stale.length > 0) console.log(`figures: removed ${stale.length} stale exports (${stale.join(', ')})`);
writeFileSync(join(out, 'README.md'), [
  `# Figures and tables from ${dirs.join(', ')}`, '',
  `Written by \`npm run figures -- ${dirs.join(' ')}\` (${new Date().toISOString().slice(0, 10)}): ${records.length} round records, ${scalability.length} scalability timings.`,
  `Presets ${presets.join(', ')} (column 3.25 in, full 6.75 in, screen 9 in wide; height from the content), formats ${formats.join(', ')}, PNG at ${dpi} dpi.`,
  'Tables also as LaTeX (`tables/*.tex`, booktabs; `\\usepackage{booktabs,xcolor}`) and Markdown (`tables/*.md`).', '',
  '| file | paper | drawn from |', '|---|---|---|',
  ...exhibits.map((e) => `| ${e.name} | ${e.paper} | ${e.source ?? ''} |`), '',
].join('\n'));
for (const w of warnings) console.warn(`figures: layout warning: ${w}`);
console.log(`figures: ${exhibits.length} exhibits × ${presets.length} presets in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${warnings.length} layout warnings → ${out}`);
