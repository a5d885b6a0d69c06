#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's built-in test runner (through tsx, no build step).
// Node 20's `--test` does not expand globs, so the file list is gathered here.
// Extra arguments are passed through (e.g. `npm run test:only -- --test-name-pattern=falcun`),
// and a path argument narrows the run to matching files (e.g. `npm run test:only -- acquisition`).
// Every temporary file of the run (tests, Jupyter, Chromium, Slurm) goes to one fresh folder (TMPDIR) that
// is removed when the run ends, however it ends: a test that forgets to clean up leaves nothing behind.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const filters = args.filter((a) => !a.startsWith('--'));
const files = walk('test')
  .map((f) => relative('.', f))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error(`run-tests: no test files match ${filters.join(', ') || 'test/**/*.test.ts'}`);
  process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), 'falcun-test-'));
// tsx keeps its compile cache in <tmp>/tsx-<uid>: share the real one, or every run would start cold.
const tsxCache = `tsx-${process.getuid?.() ?? 'user'}`;
mkdirSync(join(tmpdir(), tsxCache), { recursive: true });
symlinkSync(join(tmpdir(), tsxCache), join(scratch, tsxCache));
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...flags, ...files], {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: scratch },
});
// Ctrl-C reaches the runner itself (same process group); a signal sent to this script alone is passed on.
// Either way this script waits for the runner to end and then removes the scratch folder.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
});
