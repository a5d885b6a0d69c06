/**
 * `npm run data -- <name...>`: fetches / prepares each named dataset into the cache and prints one
 * summary line per dataset (name, train/test sizes, shape, classes, source). `--list` shows the registry.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { featureSize } from './dataset.ts';
import { dataDir } from './cache.ts';
import { getDatasetEntry, listDatasets, type LoadOptions } from './registry.ts';

function number(name: string) {
  return (v: string): number => {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x)) throw new InvalidArgumentError(`${name} must be a number, got '${v}'`);
    return x;
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('npm run data --')
    .description('Fetch and prepare datasets into the cache ($FALCUN_DATA_DIR or <repo>/data); prints one line per dataset.')
    .argument('[names...]', `datasets: ${listDatasets().map((e) => e.name).join(', ')}`)
    .option('--list', 'list the registered datasets and their sources')
    .option('--data-dir <dir>', 'cache folder (default $FALCUN_DATA_DIR or <repo>/data)')
    .option('--path <path>', 'file or folder with the official files (emnist, svhn, bloodmnist, dermamnist)')
    .option('--no-download', 'never fetch from the official URLs')
    .option('--fraction <f>', 'repeated-mnist: fraction of unique images (0.2, 0.1, 0.05)', number('--fraction'))
    .option('--noise-std <s>', 'repeated-mnist: Gaussian noise std', number('--noise-std'))
    .option('--noise <where>', "repeated-mnist: 'normalized' (default) or 'raw'")
    .option('--seed <n>', 'repeated-mnist, pokerhand: seed', number('--seed'))
    .option('--rows <n>', 'randomrbf, pokerhand: rows to generate', number('--rows'))
    .option('--size <n>', 'bloodmnist, dermamnist: image side, 32 (default) or 28', number('--size'))
    .option('--merge-val', 'bloodmnist, dermamnist: append the validation split to train')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code ?? 1;
  }
  const o = program.opts<{
    list?: boolean; dataDir?: string; path?: string; download: boolean; fraction?: number; noiseStd?: number;
    noise?: 'normalized' | 'raw'; seed?: number; rows?: number; size?: 28 | 32; mergeVal?: boolean;
  }>();
  const names = program.args;
  if (o.list || names.length === 0) {
    for (const e of listDatasets()) console.log(`${e.name.padEnd(15)} ${e.kind.padEnd(6)} ${e.description}  [${e.source}]`);
    if (names.length === 0 && !o.list) console.log('\nusage: npm run data -- <name...>   (--help for options)');
    return 0;
  }
  const options: LoadOptions = {
    cacheDir: o.dataDir, path: o.path, download: o.download, fraction: o.fraction, noiseStd: o.noiseStd,
    noise: o.noise, seed: o.seed, rows: o.rows, size: o.size, mergeVal: o.mergeVal,
  };
  let failures = 0;
  for (const name of names) {
    try {
      const entry = getDatasetEntry(name);
      const t0 = performance.now();
      const d = await entry.load(options);
      const s = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(
        `${d.name}: train ${d.train.n}, test ${d.test.n}, shape [${d.shape.join(', ')}] (${featureSize(d.shape)} values), ` +
          `${d.numClasses} classes, source: ${entry.source} (${s} s)`,
      );
    } catch (e) {
      failures++;
      console.error(`${name}: ${(e as Error).message}`);
    }
  }
  if (failures === 0) console.error(`cache: ${dataDir(o.dataDir)}`);
  return failures === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
