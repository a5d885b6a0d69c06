/**
 * The results on disk: an experiment directory holds `manifest.json` and `runs/<runId>.jsonl`
 * (see roundRecord.ts and README "Results format").
 *
 * Atomicity, chosen and documented here:
 * - A run file is append-only. Each RoundRecord is serialised to ONE line and written with a single
 *   `write` of the complete line followed by `fsync`, so a record once written is never rewritten.
 * - A crash (SIGKILL, power loss) can at worst leave an incomplete last line. Readers ignore a trailing
 *   line without its '\n'; `readRunRecords(file, { repair: true })` (what the runner calls before it
 *   resumes) truncates the file back to its last complete line, so the next append starts clean.
 * - The manifest is written once, through a temporary file + fsync + rename (never half a manifest).
 * One writer per run file: whoever appends holds the cell's lock (writerLock.ts, taken in runCell.ts).
 */
import { closeSync, rmSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RoundRecord } from './roundRecord.ts';

/** Path of a run's results file inside an experiment directory. */
export function runFile(dir: string, runId: string): string {
  return join(dir, 'runs', `${runId}.jsonl`);
}

/** Appends one record as one complete line, then fsyncs. Creates the file (and its folder) when missing. */
export function appendRecord(file: string, record: RoundRecord): void {
  const line = `${JSON.stringify(record)}\n`;
  if (line.indexOf('\n') !== line.length - 1) throw new Error('appendRecord: a record must serialise to one line');
  const created = !existsSync(file);
  if (created) mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a');
  try {
    const buf = Buffer.from(line, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (created) fsyncDir(dirname(file));
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems do not allow fsync on a directory; the data itself is already synced.
  }
}

export interface ReadRunOptions {
  /** Truncate a trailing incomplete line (left by a crash) so that appends continue cleanly. */
  readonly repair?: boolean;
}

/**
 * The complete records of a run file, in order; [] when the file does not exist.
 * A trailing line without '\n' is the remains of a crash: ignored (and cut off with `repair`).
 * @throws Error naming the file and line when a complete line is not valid JSON or rounds are not 0, 1, 2, …
 */
export function readRunRecords(file: string, options: ReadRunOptions = {}): RoundRecord[] {
  if (!existsSync(file)) return [];
  const buf = readFileSync(file);
  const end = buf.lastIndexOf(0x0a) + 1; // bytes up to and including the last '\n'
  if (end < buf.length && options.repair) {
    const fd = openSync(file, 'r+');
    try {
      ftruncateSync(fd, end);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  const text = buf.subarray(0, end).toString('utf8');
  const records: RoundRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    let r: RoundRecord;
    try {
      r = JSON.parse(lines[i]!) as RoundRecord;
    } catch (e) {
      throw new Error(`${file}, line ${i + 1} is not valid JSON (${(e as Error).message}); ${damagedHint(file, records.length)}`);
    }
    if (r.round !== records.length) {
      throw new Error(`${file}, line ${i + 1} holds round ${r.round} but round ${records.length} was expected; ${damagedHint(file, records.length)}`);
    }
    records.push(r);
  }
  return records;
}

/** What to do about a damaged run file (`<dir>/runs/<runId>.jsonl`). */
function damagedHint(file: string, intact: number): string {
  return `the file is damaged: 'falcun-lab repair ${dirname(dirname(file))}' keeps its ${intact} intact record${intact === 1 ? '' : 's'} (see README "Repair")`;
}

/**
 * Writes `text` through a temporary file + fsync + rename: readers see the old file or the new one, never a
 * cut one (a full disk fails the write of the temporary file, which is then removed; the old file stays).
 * @throws the write's error (ENOSPC, EACCES, …) with the file named.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw Object.assign(new Error(`could not write ${file}: ${err.code === 'ENOSPC' ? 'no space left on the device' : err.message}`), { code: err.code });
  }
  fsyncDir(dirname(file));
}

/** Writes JSON atomically (see writeFileAtomic). */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
