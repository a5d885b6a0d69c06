// One minimum Node version: package.json "engines" declares it, README and environment.md say the same,
// and the launcher refuses an older Node with one clear line (zlib.crc32, used for .npz and PNG, is 20.15+).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as zlib from 'node:zlib';

const minimum = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node.replace(/^>=\s*/, '');

test('package.json engines, README and environment.md name the same minimum Node, which has zlib.crc32', () => {
  assert.match(minimum, /^\d+\.\d+$/);
  assert.ok(readFileSync('README.md', 'utf8').includes(`Node >= ${minimum}`), `README says Node >= ${minimum}`);
  assert.match(readFileSync('environment.md', 'utf8'), new RegExp(`\\| Node\\.js \\| >= ${minimum.replace('.', '\\.')} `));
  assert.equal(typeof (zlib as { crc32?: unknown }).crc32, 'function');
});

test('the launcher refuses an older Node with one line naming both versions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'engine-'));
  try {
    mkdirSync(join(dir, 'bin'));
    copyFileSync('bin/falcun-lab.js', join(dir, 'bin', 'falcun-lab.js'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', engines: { node: '>=99.1' } }));
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'falcun-lab.js'), 'list'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), `falcun-lab needs Node >= 99.1 (package.json "engines"); this is Node ${process.versions.node}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
