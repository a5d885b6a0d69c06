import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendRecord, readRunRecords } from '../../src/results/resultStore.ts';
import type { RoundRecord } from '../../src/results/roundRecord.ts';
import { scratchDir } from '../experiment/helpers.ts';

function rec(round: number): RoundRecord {
  return {
    dataset: 'd', strategy: 's', seed: 0, setting: 'q1', model: 'm', querySize: 1, round, numLabeled: round + 1,
    testAccuracy: 0.5, perClassAccuracy: [0.5, null], trainSeconds: 0, inferenceSeconds: 0, acquisitionSeconds: 0,
    chosen: [round], chosenClasses: [0],
  };
}

test('records append as one line each and read back in order', () => {
  const { dir, cleanup } = scratchDir();
  try {
    const f = join(dir, 'runs', 'x.jsonl');
    assert.deepEqual(readRunRecords(f), []);
    for (let r = 0; r < 3; r++) appendRecord(f, rec(r));
    const text = readFileSync(f, 'utf8');
    assert.equal(text.split('\n').length, 4);
    assert.deepEqual(readRunRecords(f), [rec(0), rec(1), rec(2)]);
  } finally {
    cleanup();
  }
});

test('a trailing partial line is ignored, and cut off only with repair', () => {
  const { dir, cleanup } = scratchDir();
  try {
    const f = join(dir, 'x.jsonl');
    appendRecord(f, rec(0));
    const complete = readFileSync(f, 'utf8');
    writeFileSync(f, `${complete}{"dataset":"d","rou`);
    assert.deepEqual(readRunRecords(f), [rec(0)]);
    assert.equal(readFileSync(f, 'utf8').length, complete.length + 19, 'reading alone changes nothing');
    assert.deepEqual(readRunRecords(f, { repair: true }), [rec(0)]);
    assert.equal(readFileSync(f, 'utf8'), complete);
    appendRecord(f, rec(1));
    assert.deepEqual(readRunRecords(f), [rec(0), rec(1)]);
  } finally {
    cleanup();
  }
});

test('damaged complete lines and out-of-order rounds are reported with file and line', () => {
  const { dir, cleanup } = scratchDir();
  try {
    const f = join(dir, 'x.jsonl');
    writeFileSync(f, `${JSON.stringify(rec(0))}\nnot json\n`);
    assert.throws(() => readRunRecords(f), /x\.jsonl, line 2 is not valid JSON.*the file is damaged/);
    writeFileSync(f, `${JSON.stringify(rec(0))}\n${JSON.stringify(rec(2))}\n`);
    assert.throws(() => readRunRecords(f), /line 2 holds round 2 but round 1 was expected/);
  } finally {
    cleanup();
  }
});
