#!/usr/bin/env node
// Launcher: registers tsx so that the TypeScript CLI runs without a build step, then runs it.
// Checks the Node version first, with the one minimum package.json declares (engines.node), so an old
// Node gets one clear line instead of a missing-export error from deep inside a module.
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const minimum = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node.replace(/^>=\s*/, '');
const older = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
};
if (older(process.versions.node, minimum)) {
  console.error(`falcun-lab needs Node >= ${minimum} (package.json "engines"); this is Node ${process.versions.node}`);
  process.exit(1);
}
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
