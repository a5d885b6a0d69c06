import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Determinism rule: every random draw in src/ goes through src/random.ts.
test('no Math.random anywhere in src/', () => {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const offenders = walk('src').filter((f) => /\.(ts|js|mjs)$/.test(f) && /Math\.random\s*\(/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});
