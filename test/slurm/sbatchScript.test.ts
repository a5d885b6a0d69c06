import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrayJobScript, reportJobScript } from '../../src/slurm/sbatchScript.ts';

const ctx = {
  experimentDir: '/shared/exp one',
  node: '/usr/bin/node',
  cli: '/shared/falcun-lab/bin/falcun-lab.js',
  logDir: '/shared/exp one/slurm/logs',
  jobName: 'falcun',
  env: { FALCUN_BACKEND: 'tensorflow' },
};

test('array script: one task per cell with offset, requeue, throttle, logs and resources', () => {
  const s = arrayJobScript(ctx, { offset: 1001, spec: '0-9', count: 10 }, {
    parallel: 4, time: '02:00:00', mem: '8G', cpusPerTask: 2, gpus: '1', partition: 'gpu', extra: ['--constraint=v100'],
  });
  assert.match(s, /^#!\/bin\/bash\n/);
  assert.match(s, /^#SBATCH --array=0-9%4$/m);
  assert.match(s, /^#SBATCH --requeue$/m);
  // sbatch ends an unquoted value at a space: a folder with one is written in double quotes
  assert.match(s, /^#SBATCH --output="\/shared\/exp one\/slurm\/logs\/%A_%a\.out"$/m);
  for (const l of ['--time=02:00:00', '--mem=8G', '--cpus-per-task=2', '--gpus-per-task=1', '--partition=gpu', '--constraint=v100']) {
    assert.ok(s.includes(`#SBATCH ${l}\n`), l);
  }
  assert.match(s, /^cell=\$\(\( 1001 \+ SLURM_ARRAY_TASK_ID \)\)$/m);
  assert.match(s, /^'\/usr\/bin\/node' '\/shared\/falcun-lab\/bin\/falcun-lab\.js' run-cell '\/shared\/exp one' --index "\$cell"$/m);
  assert.match(s, /^marks='\/shared\/exp one\/slurm\/cells'$/m);
  assert.match(s, /\$marks\/\$cell\.failed/);
  assert.match(s, /^export FALCUN_BACKEND='tensorflow'$/m);
  // every #SBATCH line precedes the first command (sbatch stops reading options there)
  const lines = s.split('\n');
  const firstCmd = lines.findIndex((l) => l.startsWith('set '));
  assert.ok(firstCmd > 0);
  assert.ok(lines.every((l, i) => !l.startsWith('#SBATCH') || i < firstCmd));
});

test('report script runs the report command and drops GPU and throttle options', () => {
  const s = reportJobScript(ctx, { gpus: '1', parallel: 3, time: '00:30:00' });
  assert.match(s, /report '\/shared\/exp one'/);
  assert.ok(!s.includes('gpus'));
  assert.ok(!s.includes('%3'));
  assert.match(s, /--time=00:30:00/);
});

test('bad resources are rejected', () => {
  const chunk = { offset: 0, spec: '0', count: 1 };
  assert.throws(() => arrayJobScript(ctx, chunk, { parallel: 0 }), /parallel must be an integer >= 1/);
  assert.throws(() => arrayJobScript(ctx, chunk, { cpusPerTask: 1.5 }), /cpusPerTask/);
  assert.throws(() => arrayJobScript(ctx, chunk, { extra: ['constraint=x'] }), /extra sbatch options look like '--name' or '--name=value', got "constraint=x"/);
  assert.throws(() => arrayJobScript({ ...ctx, env: { 'A-B': '1' } }, chunk), /bad environment variable name/);
});

test('values written into #SBATCH lines cannot become commands: newlines and quotes are refused by option, spaces quoted, % kept literal', () => {
  const chunk = { offset: 0, spec: '0-1', count: 2 };
  const evil = '/shared/x\nrm -rf ~';
  assert.throws(() => arrayJobScript({ ...ctx, experimentDir: evil, logDir: `${evil}/slurm/logs` }, chunk), (e: Error) =>
    e instanceof RangeError && e.message.startsWith('slurm: --output "/shared/x\\nrm -rf ~/slurm/logs/%A_%a.out" holds a newline'));
  assert.throws(() => arrayJobScript({ ...ctx, jobName: 'a\nb' }, chunk), /slurm: --job-name "a\\nb" holds a newline/);
  assert.throws(() => arrayJobScript(ctx, chunk, { partition: 'gpu\r' }), /slurm: --partition/);
  assert.throws(() => arrayJobScript(ctx, chunk, { account: 'a"b' }), /slurm: --account "a\\"b" holds .* double quote/);
  assert.throws(() => arrayJobScript(ctx, chunk, { extra: ['--comment=x\ny'] }), /slurm: --comment/);
  assert.throws(() => reportJobScript(ctx, { time: '1:00\n' }), /slurm: --time/);
  const s = arrayJobScript({ ...ctx, jobName: 'my grid', logDir: '/shared/100%/logs' }, chunk, { extra: ['--exclusive', '--comment=two words'] });
  assert.match(s, /^#SBATCH --job-name="my grid"$/m);
  assert.match(s, /^#SBATCH --output=\/shared\/100%%\/logs\/%A_%a\.out$/m);
  assert.match(s, /^#SBATCH --exclusive$/m);
  assert.match(s, /^#SBATCH --comment="two words"$/m);
  // nothing but directives, comments, blank lines and the script's own commands
  const commands = s.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  assert.equal(commands[0], 'set -uo pipefail');
});
