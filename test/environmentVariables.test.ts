import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_VARIABLES, environmentVariablesTable, envValue } from '../src/environmentVariables.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === 'node_modules' ? [] : walk(p)) : /\.(ts|mjs|js|sh|ipynb)$/.test(n) ? [p] : [];
  });
}

test('every FALCUN_* variable used in src/, scripts/, bench/, bin/ or a notebook is listed in src/environmentVariables.ts', () => {
  const used = new Map<string, string>();
  for (const f of ['src', 'scripts', 'bench', 'bin', 'notebooks'].flatMap(walk)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\bFALCUN_[A-Z][A-Z_]*[A-Z]\b/g)) if (!used.has(m[0])) used.set(m[0], f);
  }
  // FALCUN_RED and FALCUN_RED_COLORBLIND are colour constants (figures/palette.ts), not variables.
  const unlisted = [...used].filter(([name]) => !(name in ENVIRONMENT_VARIABLES) && !name.startsWith('FALCUN_RED')).map(([n, f]) => `${n} (${f})`);
  assert.deepEqual(unlisted, []);
  const unused = Object.keys(ENVIRONMENT_VARIABLES).filter((name) => !used.has(name));
  assert.deepEqual(unused, [], 'listed but read nowhere');
});

test("README's environment-variable table is the generated one", () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.ok(readme.includes(`${environmentVariablesTable()}\n`), 'regenerate it: npx tsx -e "import(\'./src/environmentVariables.ts\').then(m => console.log(m.environmentVariablesTable()))"');
});

test('envValue reads the named variable, undefined when unset', () => {
  assert.equal(envValue('FALCUN_DATA_DIR', { FALCUN_DATA_DIR: '/tmp/d' }), '/tmp/d');
  assert.equal(envValue('FALCUN_DATA_DIR', {}), undefined);
});
