/**
 * Writes REPRODUCTION.md from the committed reproduction results (results/repro-ablation, results/repro-curves)
 * and the hand-written sections in docs/reproduction/. `--check` exits 1 when the file is stale instead.
 *
 *   npm run reproduce:doc [-- --check]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { reproductionDocument } from '../../src/report/reproductionDocument.ts';

const file = 'REPRODUCTION.md';
const text = reproductionDocument('.');
if (process.argv.includes('--check')) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`${file} is stale: run 'npm run reproduce:doc' and commit it\n`);
    process.exit(1);
  }
  process.stdout.write(`${file} is up to date\n`);
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file} (${text.length} characters)\n`);
}
