/**
 * One build: the notebooks import compiled `dist/` (tslab cannot import `.ts`), and the worker processes
 * an experiment forks run the same tree as their parent (`dist/` from a notebook, `src/` under tsx).
 * What remains is a `dist/` older than `src/`, or a kernel that loaded `dist/` before a rebuild. Both are
 * loud errors here rather than a silent mix of two versions of the code:
 *
 *   npm run build  = tsc -p tsconfig.build.json, then `dist/build-stamp.json` ← sha256 of every src/ file
 *   assertFreshBuild()   (compiled code only; a no-op under tsx, where src/ is what runs)
 *     1. dist/build-stamp.json exists                       else: "run npm run build"
 *     2. its digest is the one this process loaded at start else: "dist/ was rebuilt: restart the kernel"
 *     3. src/ today hashes to that digest                   else: "src/x.ts changed: npm run build, restart"
 *
 * Hashing src/ (~150 files, < 1 MB) takes a few milliseconds. A checkout without src/ (a packaged
 * dist/) skips step 3.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../sourcePath.ts';

export const BUILD_STAMP_FILE = 'build-stamp.json';

export interface BuildStamp {
  /** sha256 over every file's path and digest, in path order. */
  readonly digest: string;
  /** Per file under src/ (POSIX path relative to src/): its sha256. */
  readonly files: Readonly<Record<string, string>>;
}

/** Whether this module runs compiled (from dist/) rather than from src/ under tsx. */
export const RUNS_COMPILED: boolean = fileURLToPath(import.meta.url).endsWith('.js');

function listFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** The stamp of a source tree (default `<repo>/src`). Cost: O(total size of the files). */
export function sourceStamp(srcDir: string = join(REPO_ROOT, 'src')): BuildStamp {
  const files: Record<string, string> = {};
  for (const f of listFiles(srcDir).sort()) {
    files[relative(srcDir, f).split('\\').join('/')] = createHash('sha256').update(readFileSync(f)).digest('hex');
  }
  const all = createHash('sha256');
  for (const [k, v] of Object.entries(files)) all.update(`${k}\0${v}\n`);
  return { digest: all.digest('hex'), files };
}

/** Reads `<dist>/build-stamp.json`, or undefined when there is none. */
export function readBuildStamp(distDir: string = join(REPO_ROOT, 'dist')): BuildStamp | undefined {
  const f = join(distDir, BUILD_STAMP_FILE);
  if (!existsSync(f)) return undefined;
  return JSON.parse(readFileSync(f, 'utf8')) as BuildStamp;
}

/** The files that differ between two stamps (changed, added or removed), sorted. */
export function changedFiles(built: BuildStamp, now: BuildStamp): string[] {
  const keys = new Set([...Object.keys(built.files), ...Object.keys(now.files)]);
  return [...keys].filter((k) => built.files[k] !== now.files[k]).sort();
}

/** The stamp's digest when this process loaded the compiled code (undefined from src/). */
const LOADED_DIGEST: string | undefined = RUNS_COMPILED ? readBuildStamp()?.digest : undefined;

export interface FreshnessCheck {
  readonly distDir: string;
  readonly srcDir: string;
  /** The digest the running process loaded (default: the one read when this module loaded). */
  readonly loadedDigest: string | undefined;
}

/**
 * Throws when compiled code may not match the source (see the file comment); a no-op when running from src/.
 * @throws Error saying which command fixes it (npm run build; restart the kernel) and naming changed files.
 */
export function assertFreshBuild(check: Partial<FreshnessCheck> & { force?: boolean } = {}): void {
  if (!RUNS_COMPILED && check.force !== true) return;
  const distDir = check.distDir ?? join(REPO_ROOT, 'dist');
  const srcDir = check.srcDir ?? join(REPO_ROOT, 'src');
  const loaded = 'loadedDigest' in check ? check.loadedDigest : LOADED_DIGEST;
  const stamp = readBuildStamp(distDir);
  if (stamp === undefined) {
    throw new Error(`stale build: ${join(distDir, BUILD_STAMP_FILE)} is missing, so nobody knows which src/ this dist/ was compiled from. Run 'npm run build' (npm run jupyter and npm run notebooks do), then restart the kernel.`);
  }
  if (loaded !== undefined && loaded !== stamp.digest) {
    throw new Error(`stale build: dist/ was rebuilt after this process loaded it, so new worker processes would run other code than this one. Restart the kernel (Kernel → Restart) and run the notebook again.`);
  }
  if (!existsSync(srcDir)) return;
  const now = sourceStamp(srcDir);
  if (now.digest !== stamp.digest) {
    const changed = changedFiles(stamp, now);
    const shown = changed.slice(0, 5).map((f) => `src/${f}`).join(', ') + (changed.length > 5 ? ` and ${changed.length - 5} more` : '');
    throw new Error(`stale build: dist/ was compiled from an older src/ (changed since: ${shown}). Run 'npm run build', then restart the kernel.`);
  }
}
