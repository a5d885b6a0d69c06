/**
 * Paths of the project's own modules, whether the caller runs from `src/` (tsx) or from the compiled
 * `dist/` (the notebooks import `dist/*.js`). `sourceModulePath` names a TypeScript SOURCE file (e.g. the
 * browser entry esbuild bundles); `runningModulePath` names a module of the tree that runs now, for
 * worker processes that must run the same code as their parent.
 *
 * This file sits at `<repo>/src/sourcePath.ts` or `<repo>/dist/sourcePath.js`; either way its parent
 * folder is the repository root. Cost: one path join; it does not check that the file exists.
 *
 * @param relative a path under `src/`, e.g. `'explorer/browserEntry.ts'`
 * @throws TypeError when `relative` is not a non-empty relative path
 * @example sourceModulePath('explorer/browserEntry.ts') // → '<repo>/src/explorer/browserEntry.ts'
 */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding `src/` and `dist/`). */
export const REPO_ROOT: string = resolve(import.meta.dirname, '..');

export function sourceModulePath(relative: string): string {
  if (typeof relative !== 'string' || relative.length === 0 || isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
    throw new TypeError(`sourceModulePath: relative must be a path under src/ such as 'experiment/cellWorker.ts', got ${JSON.stringify(relative)}`);
  }
  return join(REPO_ROOT, 'src', relative);
}

/** Whether this code runs compiled from dist/ (a notebook) rather than from src/ under tsx. */
const COMPILED = fileURLToPath(import.meta.url).endsWith('.js');

/**
 * The path of a module in the tree that is running now: `<repo>/dist/<relative>.js` when this code runs
 * compiled (a notebook), `<repo>/src/<relative>.ts` under tsx. Worker processes are forked on it, so a
 * notebook and its workers run the same code (dist/ freshness: src/buildStamp.ts).
 * @param relative a module path under src/ without extension, e.g. `'experiment/cellWorker'`
 * @throws TypeError when `relative` is not a non-empty relative path
 * @example runningModulePath('experiment/cellWorker') // '<repo>/src/experiment/cellWorker.ts' under tsx
 */
export function runningModulePath(relative: string): string {
  const src = sourceModulePath(relative);
  return COMPILED ? join(REPO_ROOT, 'dist', `${relative}.js`) : `${src}.ts`;
}
