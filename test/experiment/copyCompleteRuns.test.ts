import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyCompleteRuns } from '../../src/experiment/copyCompleteRuns.ts';
import { runCell } from '../../src/experiment/runCell.ts';
import { runFile } from '../../src/results/resultStore.ts';
import { dependencies } from './fixtures/fakeDependencies.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG } from './helpers.ts';

test('copyCompleteRuns lands complete runs only, never over a different file, and refuses another plan', async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const grid = makeExperiment(dir, SMALL_CONFIG, 'grid');
    await runCell(grid, 0, dependencies);
    await runCell(grid, 1, dependencies);
    let rounds = 0;
    await runCell(grid, 3, dependencies, { shouldStop: () => rounds >= 2, onEvent: (e) => void (e.type === 'round-done' && rounds++) });
    const target = join(dir, 'results', 'exp');
    const first = copyCompleteRuns(grid, target);
    assert.deepEqual([...first.copied].sort(), ['blobs__random__s0', 'blobs__random__s1']);
    assert.deepEqual([first.alreadyThere, first.conflicts, first.unfinished], [0, [], 4]);
    assert.equal(readFileSync(join(target, 'manifest.json'), 'utf8'), readFileSync(join(grid, 'manifest.json'), 'utf8'), 'the manifest comes along');
    assert.equal(readFileSync(runFile(target, 'blobs__random__s0'), 'utf8'), readFileSync(runFile(grid, 'blobs__random__s0'), 'utf8'));
    assert.equal(existsSync(runFile(target, 'blobs__margin__s1')), false, 'the partial run stays behind');
    assert.deepEqual(readdirSync(join(target, 'runs')).filter((f) => f.startsWith('.')), [], 'no temporary file left');
    // Again: nothing new; a committed file that differs is kept and reported.
    writeFileSync(runFile(target, 'blobs__random__s1'), 'edited by hand\n');
    const again = copyCompleteRuns(grid, target);
    assert.deepEqual([again.copied, again.alreadyThere, again.conflicts], [[], 1, ['blobs__random__s1']]);
    assert.equal(readFileSync(runFile(target, 'blobs__random__s1'), 'utf8'), 'edited by hand\n');
    // Another experiment's folder is never mixed in.
    const other = makeExperiment(dir, { ...SMALL_CONFIG, name: 'other' }, 'other');
    assert.throws(() => copyCompleteRuns(other, target), /holds experiment 'other' .* but .* holds 'fake-small' .*refusing to mix results/);
  } finally {
    cleanup();
  }
});
