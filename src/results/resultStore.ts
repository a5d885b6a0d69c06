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
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileError, fsyncDir } from '../atomicFile.ts';
import type { RoundRecord } from './roundRecord.ts';

/** Path of a run's results file inside an experiment directory. */
export function runFile(dir: string, runId: string): string {
  return join(dir, 'runs', `${runId}.jsonl`);
}

/**
 * Appends one record as one complete line, then fsyncs. Creates the file (and its folder) when missing.
 * @throws Error "could not append to <file>: …" (ENOSPC: "no space left on the device") with the system
 *   error's `code`; a line cut short by the failure is cut off again, so the file keeps exactly its
 *   earlier records.
 */
export function appendRecord(file: string, record: RoundRecord): void {
  const line = `${JSON.stringify(record)}\n`;
  if (line.indexOf('\n') !== line.length - 1) throw new Error('appendRecord: a record must serialise to one line');
  const created = !existsSync(file);
  let fd: number | undefined;
  let before = 0;
  try {
    if (created) mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'a');
    before = fstatSync(fd).size;
    const buf = Buffer.from(line, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    if (fd !== undefined) {
      try {
        ftruncateSync(fd, before);
      } catch {
        // the reader ignores a trailing partial line anyway, and `repair` cuts it off
      }
    }
    throw fileError('append to', file, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (created) fsyncDir(dirname(file));
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

