// Figure export through headless Chromium: browser launch, first render, then per figure and format.
// Bounded: the 15 paper figures/tables of the test fixtures, once each as PNG (300 dpi), SVG and PDF.
// Run: npx tsx bench/figures-export.bench.ts   (or npm run bench:figures). Needs /usr/bin/chromium.
import { openFigureExporter } from '../src/figures/export.ts';
import { allFigures } from '../test/figures/fixtures.ts';

const t0 = performance.now();
const figures = allFigures();
const built = performance.now();
const ex = await openFigureExporter();
const launched = performance.now();
try {
  const list = Object.entries(figures);
  await ex.png(list[0]![1], { dpi: 300 }); // first render (plotly warm-up)
  const first = performance.now();
  const per = { png: 0, svg: 0, pdf: 0 };
  for (const [, fig] of list) {
    let t = performance.now();
    await ex.png(fig, { dpi: 300 });
    per.png += performance.now() - t;
    t = performance.now();
    await ex.svg(fig);
    per.svg += performance.now() - t;
    t = performance.now();
    await ex.pdf(fig);
    per.pdf += performance.now() - t;
  }
  const n = list.length;
  console.log(`figures-export: build ${n} figures ${(built - t0).toFixed(0)} ms; launch + load plotly ${((launched - built) / 1000).toFixed(2)} s; first PNG ${((first - launched) / 1000).toFixed(2)} s`);
  console.log(`  per figure (mean over ${n}): PNG 300 dpi ${(per.png / n).toFixed(0)} ms, SVG ${(per.svg / n).toFixed(0)} ms, PDF ${(per.pdf / n).toFixed(0)} ms`);
} finally {
  await ex.close();
}
