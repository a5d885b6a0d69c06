/**
 * The download cache: where fetched and prepared dataset files live, and how they get there.
 * The folder is `$FALCUN_DATA_DIR` when set, else `<repo>/data` (git-ignored).
 * Every write goes to a temporary sibling file first and is renamed into place only when complete,
 * so an interrupted or failed fetch never leaves a half-written file under the final name.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError } from './dataFileError.ts';
import { tempPathFor } from '../atomicFile.ts';
import { envValue } from '../environmentVariables.ts';

/** The repository root (two levels above this file: src/data/cache.ts). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The cache folder: `cacheDir` when given, else `$FALCUN_DATA_DIR`, else `<repo>/data`. */
export function dataDir(cacheDir?: string): string {
  if (cacheDir !== undefined) {
    if (typeof cacheDir !== 'string' || cacheDir === '') {
      throw new TypeError(`dataDir: cacheDir must be a non-empty string, got ${JSON.stringify(cacheDir)}`);
    }
    return resolve(cacheDir);
  }
  const env = envValue('FALCUN_DATA_DIR');
  return env ? resolve(env) : join(REPO_ROOT, 'data');
}

/**
 * Makes sure `path` exists: when it does not, `produce(tmp)` writes the content to the temporary
 * path `tmp`, which is then renamed to `path`. If `produce` throws (or rejects), the temporary file
 * is removed and the error passes through, so the cache never holds a partial file.
 * @returns `path`.
 */
export async function ensureCachedFile(path: string, produce: (tmp: string) => Promise<void> | void): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    await produce(tmp);
    if (!existsSync(tmp)) throw new Error(`ensureCachedFile: the producer for ${path} wrote nothing`);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return path;
}

/** Copies `source` into the cache at `path` (atomically, once). */
export function copyIntoCache(source: string, path: string): Promise<string> {
  return ensureCachedFile(path, async (tmp) => {
    await copyFile(source, tmp);
  });
}

/** Options of {@link downloadToCache}. */
export interface DownloadOptions {
  /** Abort after this many milliseconds without completion (default 10 minutes). */
  readonly timeoutMs?: number;
  /** Shown in errors: how to get the file by hand. */
  readonly howToGet?: string;
}

/**
 * Downloads `url` into the cache at `path` (once), streaming to a temporary file that is renamed
 * only after the whole body (and, when the server sends it, the announced Content-Length) arrived.
 * @throws DataFileError naming `path` and the URL when the request fails, the server answers with an
 *   error status, or the body is cut short; nothing is left under `path` then.
 */
export function downloadToCache(url: string, path: string, options: DownloadOptions = {}): Promise<string> {
  const howToGet = options.howToGet ?? `download ${url} by hand and pass its path`;
  return ensureCachedFile(path, async (tmp) => {
    const fail = (what: string) => new DataFileError(path, `download of ${url} failed: ${what}; ${howToGet}`);
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 600_000) });
    } catch (e) {
      throw fail(describeFetchError(e));
    }
    if (!res.ok || !res.body) throw fail(`HTTP ${res.status} ${res.statusText}`);
    const announced = Number(res.headers.get('content-length') ?? NaN);
    const fd = openSync(tmp, 'w');
    let received = 0;
    try {
      const reader = res.body.getReader();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (e) {
          throw fail(`connection broke after ${received} bytes (${describeFetchError(e)})`);
        }
        if (chunk.done) break;
        let off = 0;
        while (off < chunk.value.length) off += writeSync(fd, chunk.value, off, chunk.value.length - off);
        received += chunk.value.length;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (Number.isFinite(announced) && received !== announced) {
      throw fail(`got ${received} of the ${announced} bytes announced`);
    }
  });
}

function describeFetchError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return [err.message, err.cause?.code ?? err.cause?.message].filter(Boolean).join(': ');
}
