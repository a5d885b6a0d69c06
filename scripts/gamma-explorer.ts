/**
 * Writes the γ explorer as a standalone page (default figures/gamma-explorer.html); open it in any browser.
 *   npm run explorer [-- out.html]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadExplorerData } from '../src/explorer/explorerData.ts';
import { gammaExplorerHtml } from '../src/explorer/gammaExplorer.ts';

const out = resolve(process.argv[2] ?? 'figures/gamma-explorer.html');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gammaExplorerHtml(loadExplorerData()));
console.log(`wrote ${out}`);
