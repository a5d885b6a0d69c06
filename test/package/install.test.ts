/**
 * The package as a user gets it: `npm pack` of a clean copy of the checkout (prepack rebuilds dist/),
 * `npm publish --dry-run` listing only what belongs, `npm install <tarball>` into an empty folder, and
 * README's library examples run from there: plain JavaScript, TypeScript through `tsc --strict`
 * (nodenext resolution, declarations checked), and the browser bundle imported as an ES module.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Falcun } from '../../src/acquisition/falcun.ts';
import { learningCurves } from '../../src/analysis/learningCurves.ts';
import { Random } from '../../src/random.ts';
import { syntheticRecords } from '../analysis/syntheticRecords.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const TYPES_NODE = JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/node/package.json'), 'utf8')).version as string;
const TYPESCRIPT = JSON.parse(readFileSync(join(ROOT, 'node_modules/typescript/package.json'), 'utf8')).version as string;

function run(cmd: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

function readmeBlock(lang: string, marker: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it as a library'));
  const block = [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!).find((b) => b.includes(marker));
  assert.ok(block, `README "Use it as a library" has a \`\`\`${lang} block with ${marker}`);
  return block;
}

/** What the examples print, computed here from the sources. */
function expectedOutput(records: ReturnType<typeof syntheticRecords>): string {
  const probs = new Float32Array([0.9, 0.05, 0.05, 0.4, 0.35, 0.25, 0.34, 0.33, 0.33, 0.1, 0.8, 0.1]);
  const { indices } = new Falcun({ gamma: 10 }).select({ probs, numUnlabeled: 4, numClasses: 3 }, 2, { random: new Random(0) });
  const lines = [`next batch: ${Array.from(indices).join(' ')}`];
  for (const p of learningCurves(records)) lines.push(`${p.dataset} ${p.strategy} ${p.numLabeled} ${p.mean.toFixed(3)}`);
  return `${lines.join('\n')}\n`;
}

test('npm pack → npm install in an empty folder → README library examples run from JavaScript, TypeScript and the browser bundle', { timeout: 1_200_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'falcun-package-'));
  try {
    // A clean copy of the checkout (tracked and new files, nothing ignored: no dist/, data/, results), so the
    // tarball is what a fresh clone packs. node_modules is shared (the build needs tsc and esbuild).
    const copy = join(tmp, 'checkout');
    const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).stdout.split('\0').filter((f) => f !== '');
    for (const f of listed) {
      try {
        mkdirSync(dirname(join(copy, f)), { recursive: true });
        cpSync(join(ROOT, f), join(copy, f));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // deleted but not yet committed
      }
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], copy).stdout)[0] as { filename: string; files: { path: string }[] };
    const tarball = join(tmp, packed.filename);
    assert.equal(packed.filename, `falcun-lab-${VERSION}.tgz`);

    // Only what belongs: the compiled library, the CLI's sources, the launcher, licence, README, package.json.
    const files = packed.files.map((f) => f.path).sort();
    const stray = files.filter((f) => !/^(dist\/|src\/|bin\/)/.test(f) && !['LICENSE', 'README.md', 'package.json'].includes(f));
    assert.deepEqual(stray, []);
    for (const f of ['dist/acquisition/index.js', 'dist/acquisition/index.d.ts', 'dist/select/index.d.ts', 'dist/results/index.d.ts', 'dist/analysis/index.d.ts', 'dist/browser/falcun-lab.js', 'bin/falcun-lab.js', 'src/cli/main.ts']) {
      assert.ok(files.includes(f), `the tarball holds ${f}`);
    }
    assert.ok(!files.some((f) => /(^|\/)test\/|\.test\.|\.ipynb$/.test(f)), 'no tests or notebooks');
    const dry = run('npm', ['publish', '--dry-run', '--ignore-scripts', '--json'], copy);
    // npm 10 prints the package's summary, npm 11 an object keyed by the package name.
    const summary = JSON.parse(dry.stdout) as { files?: { path: string }[] } & Record<string, { files: { path: string }[] }>;
    const published = (summary.files ?? summary['falcun-lab']!.files).map((f) => f.path).sort();
    assert.deepEqual(published, files);

    // A fresh project installs the tarball (plus TypeScript and Node's types for the .ts example).
    const app = join(tmp, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `typescript@${TYPESCRIPT}`, `@types/node@${TYPES_NODE}`], app);

    const results = join(app, 'results', 'demo');
    mkdirSync(join(results, 'runs'), { recursive: true });
    const records = syntheticRecords({ strategies: ['falcun', 'random'], seeds: [0, 1, 2], rounds: 3 });
    // One append-only file per run, as the runner writes them (runs/<dataset>__<strategy>__s<seed>.jsonl).
    for (const r of records) appendFileSync(join(results, 'runs', `${r.dataset}__${r.strategy}__s${r.seed}.jsonl`), `${JSON.stringify(r)}\n`);
    const expected = expectedOutput(records);

    writeFileSync(join(app, 'example.mjs'), readmeBlock('js', 'example.mjs'));
    assert.equal(run(process.execPath, ['example.mjs', results], app).stdout, expected);

    writeFileSync(join(app, 'example.ts'), readmeBlock('ts', 'example.ts'));
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: false, types: ['node'], outDir: 'out' }, files: ['example.ts'] }),
    );
    run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
    assert.equal(run(process.execPath, ['out/example.js', results], app).stdout, expected);

    // The browser module: no imports at all (so a page can load it as is), and the same picks.
    const bundle = readFileSync(join(app, 'node_modules/falcun-lab/dist/browser/falcun-lab.js'), 'utf8');
    assert.doesNotMatch(bundle, /^\s*import\s|\bfrom\s*['"]|require\(|node:/m);
    writeFileSync(
      join(app, 'browser.mjs'),
      "import { Falcun, Random } from 'falcun-lab/browser';\n" +
        'const probs = new Float32Array([0.9, 0.05, 0.05, 0.4, 0.35, 0.25, 0.34, 0.33, 0.33, 0.1, 0.8, 0.1]);\n' +
        "console.log(`next batch: ${Array.from(new Falcun({ gamma: 10 }).select({ probs, numUnlabeled: 4, numClasses: 3 }, 2, { random: new Random(0) }).indices).join(' ')}`);\n",
    );
    assert.equal(run(process.execPath, ['browser.mjs'], app).stdout, expected.split('\n')[0] + '\n');
    // The acquisition entry imports nothing but its own relative modules (no tfjs, no node: modules).
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/g)) {
        assert.match(m[1]!, /^\.\.?\//, `${file} imports '${m[1]}'`);
        visit(join(dirname(file), m[1]!));
      }
    };
    visit(join(app, 'node_modules/falcun-lab/dist/acquisition/index.js'));
    assert.ok(seen.size > 10, `walked ${seen.size} modules`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
