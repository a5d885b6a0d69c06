/**
 * Whole-file writes that never leave a cut file: the data goes to a temporary sibling, is flushed, and
 * is renamed over the target, so a reader sees the old file or the new one. A failed write (a full disk,
 * no permission) removes the temporary file, keeps the old file, and names the file in its error.
 * The one implementation for results (reports, CSV, manifests) and the data cache alike.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/**
 * A failed file operation as one line a user can act on: "could not <what> <file>: <reason>", with the
 * system error's `code` kept (a full disk reads "no space left on the device").
 */
export function fileError(what: string, file: string, e: unknown): Error & { code?: string } {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code === 'ENOSPC' ? 'no space left on the device' : err.code === 'EDQUOT' ? 'disk quota exceeded' : err.message;
  return Object.assign(new Error(`could not ${what} ${file}: ${reason}`), { code: err.code });
}

/** A temporary name next to `path` (same folder, so the final rename is atomic), unique per process and call. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${++tempCounter}.partial`);
}

/** Flushes a folder's entries (a new file, a rename) where the filesystem allows it. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems do not allow fsync on a folder; the data itself is already synced.
  }
}

/** Writes all of `bytes` to an open file (writeSync may write less than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/**
 * Writes `data` to `file` atomically (temporary sibling + fsync + rename), creating the parent folders.
 * @throws Error "could not write <file>: …" (ENOSPC says "no space left on the device") with the
 *   system error's `code`; the temporary file is gone and an existing `file` is unchanged.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fileError('write', file, e);
  }
  fsyncDir(dirname(file));
}

/** Writes `value` as indented JSON atomically (see writeFileAtomic). */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
