/**
 * Finding and repairing a damaged run file (`falcun-lab repair <dir>`). Our own processes never produce
 * one (one writer per cell, complete lines, fsync; see writerLock.ts and resultStore.ts); a disk fault or a
 * hand edit can. The intact records are the longest valid prefix: complete lines that parse, pass
 * `validateRoundRecord` and hold rounds 0, 1, 2, … in order. Repair keeps exactly that prefix (the run then
 * resumes after it) and copies the whole original file aside first, so nothing is deleted.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { validateRoundRecord } from './validateRecords.ts';

export interface RunFileCheck {
  readonly file: string;
  /** Records in the valid prefix (rounds 0 .. intact − 1). */
  readonly intact: number;
  /** Complete lines in the file. */
  readonly lines: number;
  /** The first damaged line (1-based) and what is wrong with it; undefined for a sound file. */
  readonly damage?: { readonly line: number; readonly reason: string };
  /** Bytes after the last '\n' (an append cut off by a crash: harmless, cut off on resume). */
  readonly partialBytes: number;
}

/** Checks one run file without changing it. */
export function checkRunFile(file: string): RunFileCheck {
  if (!existsSync(file)) return { file, intact: 0, lines: 0, partialBytes: 0 };
  const buf = readFileSync(file);
  const end = buf.lastIndexOf(0x0a) + 1;
  const lines = buf.subarray(0, end).toString('utf8').split('\n').slice(0, -1);
  for (let i = 0; i < lines.length; i++) {
    let reason: string | undefined;
    try {
      const r = validateRoundRecord(JSON.parse(lines[i]!), `line ${i + 1}`);
      if (r.round !== i) reason = `holds round ${r.round} where round ${i} belongs${r.round < i ? ' (a round written twice)' : ''}`;
    } catch (e) {
      reason = e instanceof SyntaxError ? `not valid JSON (${e.message})` : (e as Error).message.replace(/^validateRoundRecord: line \d+: /, '');
    }
    if (reason !== undefined) return { file, intact: i, lines: lines.length, damage: { line: i + 1, reason }, partialBytes: buf.length - end };
  }
  return { file, intact: lines.length, lines: lines.length, partialBytes: buf.length - end };
}

/**
 * Keeps the valid prefix of a damaged run file: the original is copied to `<file>.damaged-<time>`, the prefix is
 * written to a temporary file, fsynced and renamed into place (the original is copied first). A sound file is left alone.
 * @returns the check and the backup's path (undefined when nothing needed repair).
 */
export function repairRunFile(file: string, now = new Date()): { check: RunFileCheck; backup?: string } {
  const check = checkRunFile(file);
  if (check.damage === undefined && check.partialBytes === 0) return { check };
  const buf = readFileSync(file);
  let keep = 0;
  for (let i = 0; i < check.intact; i++) keep = buf.indexOf(0x0a, keep) + 1;
  const tmp = `${file}.repair-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, buf.subarray(0, keep));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // A copy first, then an atomic rename: at every moment the run file is either the original or the prefix.
  const backup = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  copyFileSync(file, backup);
  renameSync(tmp, file);
  return { check, backup };
}
