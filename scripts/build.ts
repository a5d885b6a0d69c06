/**
 * npm run build: compiles src/ to dist/ (tsc -p tsconfig.build.json), bundles the browser build
 * (scripts/build-browser-bundle.mjs) and records which
 * src/ it compiled in dist/build-stamp.json, so compiled code can refuse to run against a changed src/
 * (src/buildStamp.ts). The stamp is taken before compiling: an edit during the build makes it stale, not wrong.
 */
import { spawnSync } from 'node:child_process';
import { writeJsonAtomic } from '../src/atomicFile.ts';
import { join, resolve } from 'node:path';
import { BUILD_STAMP_FILE, sourceStamp } from '../src/notebook/buildStamp.ts';

const root = resolve(import.meta.dirname, '..');
const stamp = sourceStamp(join(root, 'src'));
const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`build: tsc failed (exit ${r.status}); dist/ has no fresh stamp`);
  process.exit(1);
}
// The browser bundle of the acquisition code (package export "./browser").
const b = spawnSync(process.execPath, [join(root, 'scripts/build-browser-bundle.mjs')], { stdio: 'inherit' });
if (b.status !== 0) {
  console.error(`build: the browser bundle failed (exit ${b.status}); dist/ has no fresh stamp`);
  process.exit(1);
}
writeJsonAtomic(join(root, 'dist', BUILD_STAMP_FILE), stamp);
