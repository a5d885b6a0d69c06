/**
 * Writes the γ explorer as a standalone page (default figures/gamma-explorer.html); open it in any browser.
 * Beside the picks it shows the committed Table 3 curves per γ (results/repro-ablation/) when present.
 *   npm run explorer [-- out.html]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadExplorerData } from '../src/explorer/explorerData.ts';
import { gammaExplorerHtml } from '../src/explorer/gammaExplorer.ts';
import { explorerPageOptions } from '../src/explorer/explorerCurves.ts';

const out = resolve(process.argv[2] ?? 'figures/gamma-explorer.html');
mkdirSync(dirname(out), { recursive: true });
const options = explorerPageOptions('committed');
writeFileSync(out, gammaExplorerHtml(loadExplorerData(), {}, options));
console.log(`wrote ${out}${options.curves ? ` with the Table 3 curves of ${options.curves.dataset}` : ` (no curves: ${options.curvesMissing})`}`);
