import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, sourceModulePath } from '../src/sourcePath.ts';

test('sourceModulePath points at the source module under <repo>/src', () => {
  const p = sourceModulePath('experiment/cellWorker.ts');
  assert.equal(p, join(REPO_ROOT, 'src', 'experiment', 'cellWorker.ts'));
  assert.ok(existsSync(p), p);
  assert.ok(existsSync(join(REPO_ROOT, 'package.json')));
});

test('sourceModulePath rejects absolute, empty and escaping paths', () => {
  for (const bad of ['', '/etc/passwd', '../x.ts', 'a/../../b.ts', 42 as unknown as string]) {
    assert.throws(() => sourceModulePath(bad), (e: Error) => e instanceof TypeError && /sourceModulePath: relative/.test(e.message));
  }
});
