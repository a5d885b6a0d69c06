import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFreshBuild, BUILD_STAMP_FILE, changedFiles, RUNS_COMPILED, sourceStamp } from '../../src/notebook/buildStamp.ts';
import { runningModulePath } from '../../src/sourcePath.ts';

function tree(): { root: string; src: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'falcun-build-'));
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  mkdirSync(join(src, 'a'), { recursive: true });
  mkdirSync(dist);
  writeFileSync(join(src, 'a', 'x.ts'), 'export const x = 1;\n');
  writeFileSync(join(src, 'y.ts'), 'export const y = 2;\n');
  return { root, src, dist };
}

test('a fresh dist/ passes; an edited, added or removed src/ file is a loud error naming it; a missing stamp too', () => {
  const t = tree();
  try {
    const force = { force: true, srcDir: t.src, distDir: t.dist, loadedDigest: undefined };
    assert.throws(() => assertFreshBuild(force), /build-stamp.json is missing.*npm run build/);
    writeFileSync(join(t.dist, BUILD_STAMP_FILE), JSON.stringify(sourceStamp(t.src)));
    assertFreshBuild(force);
    writeFileSync(join(t.src, 'a', 'x.ts'), 'export const x = 3;\n');
    assert.throws(() => assertFreshBuild(force), /dist\/ was compiled from an older src\/ \(changed since: src\/a\/x.ts\)\. Run 'npm run build', then restart the kernel/);
    const before = sourceStamp(t.src);
    writeFileSync(join(t.src, 'z.ts'), '');
    rmSync(join(t.src, 'y.ts'));
    assert.deepEqual(changedFiles(before, sourceStamp(t.src)), ['y.ts', 'z.ts']);
  } finally {
    rmSync(t.root, { recursive: true, force: true });
  }
});

test('a kernel that loaded dist/ before a rebuild is told to restart (its new workers would run other code)', () => {
  const t = tree();
  try {
    const stamp = sourceStamp(t.src);
    writeFileSync(join(t.dist, BUILD_STAMP_FILE), JSON.stringify(stamp));
    assertFreshBuild({ force: true, srcDir: t.src, distDir: t.dist, loadedDigest: stamp.digest });
    assert.throws(() => assertFreshBuild({ force: true, srcDir: t.src, distDir: t.dist, loadedDigest: 'older' }), /rebuilt after this process loaded it.*Restart the kernel/);
  } finally {
    rmSync(t.root, { recursive: true, force: true });
  }
});

test('under tsx the check is off and workers fork on src/ (the same tree as their parent)', () => {
  assert.equal(RUNS_COMPILED, false);
  assertFreshBuild();
  assert.match(runningModulePath('experiment/cellWorker'), /\/src\/experiment\/cellWorker\.ts$/);
});
