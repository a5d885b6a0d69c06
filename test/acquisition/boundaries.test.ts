import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('acquisition never imports tfjs (strategies work on flat typed arrays only)', () => {
  const all = files('src/acquisition');
  assert.ok(all.length > 15);
  for (const f of all) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, /from\s+['"]@tensorflow/, f);
    assert.doesNotMatch(text, /import\(['"]@tensorflow/, f);
  }
});
