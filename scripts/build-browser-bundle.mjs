#!/usr/bin/env node
// Bundles the acquisition entry point (FALCUN, its competitors, Random; no tfjs, no node: modules) into one
// browser ES module, dist/browser/falcun-lab.js: `import { Falcun, Random } from '…/falcun-lab.js'` in a page.
// Part of `npm run build` (package.json "exports": "./browser"). The γ explorer bundles the same sources.
import { buildSync } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
buildSync({
  entryPoints: [join(root, 'src/acquisition/index.ts')],
  outfile: join(root, 'dist/browser/falcun-lab.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
});
