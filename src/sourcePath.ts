/**
 * The path of a TypeScript SOURCE module, whether the caller runs from `src/` (tsx) or from the compiled
 * `dist/` (the notebooks import `dist/*.js`). Worker processes are forked with the tsx loader on source
 * files (`experiment/cellWorker.ts`, a dependencies module), and `dist/` holds no `.ts` files, so code
 * compiled into `dist/` must point its forks back at `<repo>/src/`.
 *
 * This file sits at `<repo>/src/sourcePath.ts` or `<repo>/dist/sourcePath.js`; either way its parent
 * folder is the repository root. Cost: one path join; it does not check that the file exists.
 *
 * @param relative a path under `src/`, e.g. `'experiment/cellWorker.ts'`
 * @throws TypeError when `relative` is not a non-empty relative path
 * @example sourceModulePath('experiment/cellWorker.ts') // → '<repo>/src/experiment/cellWorker.ts'
 */
import { isAbsolute, join, resolve } from 'node:path';

/** The repository root (the folder holding `src/` and `dist/`). */
export const REPO_ROOT: string = resolve(import.meta.dirname, '..');

export function sourceModulePath(relative: string): string {
  if (typeof relative !== 'string' || relative.length === 0 || isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
    throw new TypeError(`sourceModulePath: relative must be a path under src/ such as 'experiment/cellWorker.ts', got ${JSON.stringify(relative)}`);
  }
  return join(REPO_ROOT, 'src', relative);
}
