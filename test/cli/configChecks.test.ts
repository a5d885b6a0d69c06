/**
 * Everything wrong with a config is refused with exit 2 before anything is written (no directory, no
 * manifest), naming the field; a corrected config then runs in the same directory. Also: config files of
 * every kind wherever they live, and the repair command for a damaged run file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunRecords, runFile } from '../../src/results/resultStore.ts';
import { runCell } from '../../src/experiment/runCell.ts';
import { dependencies } from '../experiment/fixtures/fakeDependencies.ts';
import { makeExperiment, scratchDir, SMALL_CONFIG, withoutTimes } from '../experiment/helpers.ts';
import { cliInProcess as cli } from './cliProcess.ts';

const ds = SMALL_CONFIG.datasets[0]!;

test('invalid configs exit 2 naming the field, and nothing is written; the corrected config then runs there', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const out = join(dir, 'out');
    const cases: Array<[string, string, RegExp]> = [
      ['unknown strategy', JSON.stringify({ ...SMALL_CONFIG, strategies: ['random', 'margn'] }), /config\.strategies\[1\]: unknown strategy 'margn'/],
      ['bad strategy option', JSON.stringify({ ...SMALL_CONFIG, strategies: [{ name: 'random', options: { gama: 1 } }] }), /config\.strategies\[0\]: .*unknown option 'gama'/],
      ['unknown dataset', JSON.stringify({ ...SMALL_CONFIG, datasets: [{ ...ds, name: 'blobz' }] }), /config\.datasets\[0\]: unknown dataset 'blobz'/],
      ['dataset option typo', JSON.stringify({ ...SMALL_CONFIG, datasets: [{ ...ds, options: { nn: 300 } }] }), /config\.datasets\[0\]: dataset 'blobs': unknown option 'nn' \(did you mean 'n'\?\)/],
      ['Q above the real pool', JSON.stringify({ ...SMALL_CONFIG, datasets: [{ name: 'blobs', querySize: 100, options: { n: 150 } }] }), /config\.datasets\[0\]: querySize 100 and budget 1000 must not exceed the training pool of 150 rows/],
      ['subset above the data', JSON.stringify({ ...SMALL_CONFIG, datasets: [{ ...ds, trainSubset: 5000, budget: 30 }] }), /config\.datasets\[0\]\.trainSubset: 5000 is more than the 240 training rows/],
      ['unknown model', JSON.stringify({ ...SMALL_CONFIG, datasets: [{ ...ds, model: 'lenett' }] }), /config\.datasets\[0\]\.model: unknown model 'lenett'/],
      ['non-finite number', JSON.stringify({ ...SMALL_CONFIG, strategies: [{ name: 'random', options: {} }] }).replace('"options":{}', '"options":{"gamma":1e999}'), /config\.strategies\[0\]\.options\.gamma: .*not a finite number/],
      ['invalid JSON', '{ "name": ', /is not valid JSON/],
      ['empty file', '', /is empty/],
    ];
    for (const [what, text, re] of cases) {
      const f = join(dir, 'bad.json');
      writeFileSync(f, text);
      const r = await cli('run', f, '--out', out);
      assert.equal(r.code, 2, `${what}: ${r.err}`);
      assert.match(r.err, re, what);
      assert.doesNotMatch(r.err, /\n\s+at /, `${what}: no stack`);
      assert.equal(existsSync(out), false, `${what}: ${out} was created`);
    }
    const missing = await cli('run', join(dir, 'nope.json'), '--out', out);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /neither a preset .* nor an existing config file/);
    const folder = await cli('run', dir, '--out', out);
    assert.equal(folder.code, 2);
    assert.match(folder.err, /is a folder, not a config file/);
    const preset = await cli('run', 'smok', '--out', out);
    assert.equal(preset.code, 2);
    assert.match(preset.err, /did you mean 'smoke'\?/);
    assert.equal(existsSync(out), false);

    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ ...SMALL_CONFIG, strategies: ['random'], seeds: [0] }));
    const ok = await cli('run', good, '--out', out, '--no-report');
    assert.equal(ok.code, 0, ok.err);
  } finally {
    cleanup();
  }
});

test('.ts and .js configs work wherever they live; good.js is read even beside a good.ts; NaN in a .ts config is refused by name', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const cfg = { ...SMALL_CONFIG, strategies: ['random'], seeds: [0] };
    const away = join(dir, 'configs'); // no package.json with "type": "module" up the tree
    mkdirSync(away);
    writeFileSync(join(away, 'good.ts'), `const n: number = 1;\nexport default ${JSON.stringify({ ...cfg, name: 'from-ts' })};\nvoid n;\n`);
    writeFileSync(join(away, 'good.js'), `export default ${JSON.stringify({ ...cfg, name: 'from-js' })};\n`);
    const ts = await cli('run', join(away, 'good.ts'), '--out', join(dir, 'a'), '--no-report');
    assert.equal(ts.code, 0, ts.err);
    assert.match(ts.out, /experiment 'from-ts'/);
    const js = await cli('run', join(away, 'good.js'), '--out', join(dir, 'b'), '--no-report');
    assert.equal(js.code, 0, js.err);
    assert.match(js.out, /experiment 'from-js'/);
    writeFileSync(join(away, 'nan.ts'), `export default { ...${JSON.stringify(cfg)}, strategies: [{ name: 'random', options: { q: 0 / 0 } }] };\n`);
    const nan = await cli('run', join(away, 'nan.ts'), '--out', join(dir, 'c'));
    assert.equal(nan.code, 2, nan.err);
    assert.match(nan.err, /config\.strategies\[0\]\.options\.q: NaN is not a finite number/);
    assert.equal(existsSync(join(dir, 'c')), false);
  } finally {
    cleanup();
  }
});

test('repair: a damaged run file (a disk fault) is reported with its intact records, repaired to its valid prefix, the original kept; the run then resumes to the uninterrupted records', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const exp = makeExperiment(dir);
    const ref = makeExperiment(dir, SMALL_CONFIG, 'ref');
    await runCell(exp, 0, dependencies);
    await runCell(ref, 0, dependencies);
    const file = runFile(exp, 'blobs__random__s0');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Round 2 written twice, then a garbled line: what two writers or a disk fault would leave.
    writeFileSync(file, [lines[0], lines[1], lines[2], lines[2], 'x{]', lines[3], ''].join('\n'));
    const st = await cli('status', exp);
    assert.match(st.out, /blobs__random__s0\.jsonl, line 4 holds round 2 but round 3 was expected; the file is damaged: 'falcun-lab repair .*' keeps its 3 intact records/);
    const csv = await cli('export-csv', exp);
    assert.equal(csv.code, 1);
    assert.match(csv.err, /^falcun-lab: .*blobs__random__s0\.jsonl, line 4 holds round 2 but round 3 was expected; the file is damaged: 'falcun-lab repair .*' keeps its 3 intact records/);
    assert.doesNotMatch(csv.err, /readRunRecords|\n\s+at /);
    const dry = await cli('repair', exp, '--dry-run');
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /blobs__random__s0\.jsonl: rounds 0\.\.2 intact \(3 records\); line 4 holds round 2 where round 3 belongs \(a round written twice\); 3 lines from there on would be dropped/);
    assert.equal(readFileSync(file, 'utf8').split('\n').length, 7, 'dry run changed nothing');
    const fix = await cli('repair', exp);
    assert.equal(fix.code, 0, fix.err);
    assert.match(fix.out, /kept rounds 0\.\.2; the original is in .*blobs__random__s0\.jsonl\.damaged-/);
    assert.equal(readRunRecords(file).length, 3);
    const backups = readdirSync(join(exp, 'runs')).filter((f) => f.includes('.damaged-'));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(join(exp, 'runs', backups[0]!), 'utf8').split('\n').length, 7);
    assert.match((await cli('repair', exp)).out, /every run file is sound/);
    await runCell(exp, 0, dependencies);
    assert.deepEqual(readRunRecords(file).map(withoutTimes), readRunRecords(runFile(ref, 'blobs__random__s0')).map(withoutTimes));
    appendFileSync(file, '{"round": 5, "dataset": "blo'); // a cut-off last line is not damage
    assert.equal((await cli('export-csv', exp)).code, 0);
  } finally {
    cleanup();
  }
});

test('slurm: a value that an #SBATCH line cannot carry exits 2 naming the option, before the directory exists', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const config = join(dir, 'c.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    const out = join(dir, 'out');
    for (const [args, want] of [
      [['--job-name', 'a\nrm -rf ~'], /--job-name "a\\nrm -rf ~" holds a newline/],
      [['--partition', 'gpu"x'], /--partition .* double quote/],
      [['--sbatch=constraint=v100'], /extra sbatch options look like '--name'/],
      [['--env', 'A-B=1'], /environment variable/],
    ] as Array<[string[], RegExp]>) {
      const r = await cli('slurm', config, '--out', out, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, want);
      assert.equal(existsSync(out), false, `${args.join(' ')} wrote ${out}`);
    }
    const ok = await cli('slurm', config, '--out', out, '--job-name', 'my grid', '--sbatch=--comment=two words');
    assert.equal(ok.code, 0, ok.err);
    const script = readFileSync(join(out, 'slurm', 'grid-array-0.sbatch'), 'utf8');
    assert.match(script, /^#SBATCH --job-name="my grid"$/m);
    assert.match(script, /^#SBATCH --comment="two words"$/m);
  } finally {
    cleanup();
  }
});

test('a truncated manifest.json is one line naming the file, for every command that reads it; run refuses to overwrite it', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = scratchDir();
  try {
    const exp = makeExperiment(dir);
    await runCell(exp, 0, dependencies);
    const manifest = join(exp, 'manifest.json');
    const text = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, text.slice(0, text.length >> 1));
    const config = join(dir, 'c.json');
    writeFileSync(config, JSON.stringify(SMALL_CONFIG));
    for (const args of [['status', exp], ['export-csv', exp], ['report', exp, '--no-png'], ['run', config, '--out', exp, '--no-report'], ['run-cell', exp, '--index', '1']]) {
      const r = await cli(...args);
      assert.equal(r.code, 1, `${args[0]}: ${r.err}`);
      assert.match(r.err, new RegExp(`^falcun-lab: ${manifest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(.*\\); it cannot be read back\\. .*\\n$`), args[0]);
    }
    assert.equal(readFileSync(manifest, 'utf8'), text.slice(0, text.length >> 1), 'left as it was');
    assert.equal(readRunRecords(runFile(exp, 'blobs__random__s0')).length, 5, 'records kept');
  } finally {
    cleanup();
  }
});
