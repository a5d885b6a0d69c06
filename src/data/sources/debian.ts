/**
 * Files from Debian packages, without installing them: `apt-get download` fetches the .deb from
 * the Debian archive (reachable offline here) and `dpkg-deb -x` unpacks it into the cache.
 * Needs neither root nor an install; only the package lists (`apt-get update`), which are refreshed
 * once, as root, when the first download cannot find the package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export class DebianSourceError extends Error {
  override name = 'DebianSourceError';
}

function run(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

function hasCommand(cmd: string): boolean {
  try {
    run('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Unpacks Debian package `pkg` into `<cacheDir>/<pkg>/` (once) and returns that folder.
 * Atomic: the package is unpacked into a temporary sibling folder, then renamed, so an interrupted
 * fetch leaves nothing half-written behind.
 * @throws DebianSourceError naming the package and what to do when apt-get is missing or fails.
 */
export function unpackDebianPackage(pkg: string, cacheDir: string): string {
  const dest = join(cacheDir, pkg);
  if (existsSync(dest)) return dest;
  if (!hasCommand('apt-get') || !hasCommand('dpkg-deb')) {
    throw new DebianSourceError(
      `Debian package '${pkg}' is needed but apt-get/dpkg-deb are not available on this machine. ` +
        `Download ${pkg}_*.deb from https://packages.debian.org/bookworm/${pkg} and unpack it with ` +
        `'dpkg-deb -x <file.deb> ${dest}'.`,
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, `.${pkg}-`));
  try {
    const download = () => run('apt-get', ['download', '-qq', pkg], tmp);
    try {
      download();
    } catch (first) {
      // Fresh machines have empty package lists: refresh them once (root only) and retry.
      if (process.getuid?.() === 0) {
        try {
          run('apt-get', ['update', '-qq']);
        } catch {
          /* reported by the retry below */
        }
        try {
          download();
        } catch (second) {
          throw new DebianSourceError(`apt-get download ${pkg} failed: ${(second as Error).message.trim()}`);
        }
      } else {
        throw new DebianSourceError(
          `apt-get download ${pkg} failed (${(first as Error).message.trim()}). ` +
            `If the package lists are empty, run 'sudo apt-get update' and try again.`,
        );
      }
    }
    const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'));
    if (!deb) throw new DebianSourceError(`apt-get download ${pkg} produced no .deb file`);
    const unpacked = join(tmp, 'root');
    run('dpkg-deb', ['-x', join(tmp, deb), unpacked]);
    renameSync(unpacked, dest);
    return dest;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Path of `relPath` inside the unpacked package (fetching it first if needed). */
export function debianFile(pkg: string, relPath: string, cacheDir: string): string {
  const root = unpackDebianPackage(pkg, cacheDir);
  const p = join(root, relPath);
  if (!existsSync(p)) {
    throw new DebianSourceError(`Debian package '${pkg}' (unpacked in ${root}) has no file ${relPath}`);
  }
  return p;
}
