/**
 * A full disk (ENOSPC) never costs a result already written: whole-file writes keep the old file and leave
 * no temporary file, an append that fails leaves the run file with exactly its earlier records, and the CLI
 * says so in one line naming the file (no stack); after space is freed the run resumes to the records of
 * an uninterrupted run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/atomicFile.ts';
import { appendRecord, readRunRecords } from '../src/results/resultStore.ts';
import type { RoundRecord } from '../src/results/roundRecord.ts';
import { runCell } from '../src/experiment/runCell.ts';
import { dependencies } from './experiment/fixtures/fakeDependencies.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from './experiment/helpers.ts';
import { canMount, mountSmallDisk, type SmallDisk } from './fullDisk.ts';
import { cliInProcess as cli } from './cli/cliProcess.ts';

// Not a tool .ci/run could install: where mounting is not allowed (not root, a restricted container) the
// tests are skipped, also under CI, and say why.
const skip = canMount() ? false : 'mounting a small tmpfs needs root and a kernel that allows it (mount -t tmpfs)';

function rec(round: number): RoundRecord {
  return {
    dataset: 'd', strategy: 's', seed: 0, setting: 'q1', model: 'm', querySize: 1, round, numLabeled: round + 1,
    testAccuracy: 0.5, perClassAccuracy: [0.5, null], trainSeconds: 0, inferenceSeconds: 0, acquisitionSeconds: 0,
    chosen: [round], chosenClasses: [0],
  };
}

async function onSmallDisk(f: (disk: SmallDisk) => Promise<void> | void): Promise<void> {
  const disk = mountSmallDisk();
  try {
    await f(disk);
  } finally {
    disk.unmount();
  }
}

test('ENOSPC: writeFileAtomic keeps the old file, leaves no temporary file and names the file', { skip }, () => onSmallDisk((disk) => {
  const f = join(disk.dir, 'report', 'summary.json');
  writeFileAtomic(f, '{"old":true}\n');
  disk.fill();
  assert.throws(() => writeFileAtomic(f, 'x'.repeat(100_000)), (e: Error & { code?: string }) =>
    e.code === 'ENOSPC' && e.message === `could not write ${f}: no space left on the device`);
  assert.equal(readFileSync(f, 'utf8'), '{"old":true}\n');
  assert.deepEqual(readdirSync(join(disk.dir, 'report')), ['summary.json']);
}));

test('ENOSPC: a failed append leaves the run file with exactly its earlier records', { skip }, () => onSmallDisk((disk) => {
  const f = join(disk.dir, 'runs', 'a.jsonl');
  appendRecord(f, rec(0));
  appendRecord(f, rec(1));
  const before = readFileSync(f);
  disk.fill();
  const big = { ...rec(2), chosen: Array.from({ length: 200_000 }, (_, i) => i) };
  assert.throws(() => appendRecord(f, big), (e: Error & { code?: string }) =>
    e.code === 'ENOSPC' && e.message === `could not append to ${f}: no space left on the device`);
  assert.deepEqual(readFileSync(f), before);
  assert.deepEqual(readRunRecords(f).map((r) => r.round), [0, 1]);
}));

test('ENOSPC: run, export-csv and report fail in one line naming the file; nothing written is lost; the run then resumes to the uninterrupted records', { skip, timeout: 180_000 }, () => onSmallDisk(async (disk) => {
  const config = join(disk.dir, 'c.json');
  writeFileSync(config, JSON.stringify(SMALL_CONFIG));
  // an uninterrupted run elsewhere, for comparison
  const { dir: scratch, cleanup } = scratchDir();
  try {
    const reference = join(scratch, 'ref');
    assert.equal((await cli('run', config, '--out', reference, '--workers', '1')).code, 0);
    // Two cells run, then the disk fills: the rest of the run fails in one line, the records so far stay.
    const dir = makeExperiment(disk.dir, SMALL_CONFIG, 'exp');
    await runCell(dir, 0, dependencies);
    await runCell(dir, 3, dependencies);
    const kept = readdirSync(join(dir, 'runs')).map((n) => [n, readFileSync(join(dir, 'runs', n), 'utf8')] as const);
    disk.fill();
    const r = await cli('run', config, '--out', dir, '--workers', '1');
    assert.equal(r.code, 1);
    assert.match(r.err, /^falcun-lab: could not [a-z ]+ \/\S+: no space left on the device\n$/, 'one line naming the file, no stack');
    for (const [n, text] of kept) assert.ok(readFileSync(join(dir, 'runs', n), 'utf8').startsWith(text), `${n} lost records`);
    for (const n of readdirSync(join(dir, 'runs'))) readRunRecords(join(dir, 'runs', n)); // every file still reads

    const csv = await cli('export-csv', dir);
    assert.equal(csv.code, 1);
    assert.equal(csv.err, `falcun-lab: could not write ${join(dir, 'records.csv')}: no space left on the device\n`);
    const report = await cli('report', dir, '--no-png');
    assert.equal(report.code, 1);
    assert.match(report.err, /^falcun-lab: could not write .*: no space left on the device\n$/);

    disk.free();
    const resumed = await cli('run', config, '--out', dir, '--workers', '1');
    assert.equal(resumed.code, 0, resumed.err);
    const read = (d: string) => readdirSync(join(d, 'runs')).sort().map((n) => readRunRecords(join(d, 'runs', n)).map(withoutTimes));
    assert.deepEqual(read(dir), read(reference));
    assert.equal((await cli('export-csv', dir)).code, 0);
  } finally {
    cleanup();
  }
}));
