/**
 * `falcun-lab select <probabilities>`: the next batch to label from any model's probabilities
 * (src/select/selectBatch.ts does the work). The strategy options (--gamma, --relevance, …) are made from
 * the strategy registry's option specs, so a new option there is a new flag here; a flag the chosen
 * strategy does not take is refused.
 *
 * Output: CSV (default) or JSON to stdout, or to --out (written whole, through a temporary file and a
 * rename). Bad input: one line naming the file, the row and the problem; exit 1 (2 for bad usage).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { listStrategies, type OptionSpec } from '../acquisition/registry.ts';
import { DataFileError } from '../data/dataFileError.ts';
import { BATCH_FORMATS, batchToCsv, batchToJson, type BatchFormat } from '../select/formatBatch.ts';
import { MATRIX_FORMATS, readMatrix, type MatrixFormat } from '../select/readMatrix.ts';
import { readRowList } from '../select/rowList.ts';
import { SelectUsageError, selectBatch } from '../select/selectBatch.ts';
import type { CommandContext } from './context.ts';
import { collect, positiveInt } from './parsers.ts';

interface SelectFlags {
  batchSize: number;
  strategy: string;
  seed: number;
  logits?: boolean;
  labeled: string[];
  exclude: string[];
  embeddings?: string;
  key?: string;
  format?: MatrixFormat;
  header?: boolean;
  idColumn?: string;
  out?: string;
  outputFormat?: BatchFormat;
  [option: string]: unknown;
}

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function seedValue(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new InvalidArgumentError(`--seed must be an integer in [0, 2^32), got '${v}'`);
  return n;
}

/** One flag per strategy option name (the same name means the same thing in every strategy that has it). */
function strategyOptionSpecs(): Map<string, { spec: OptionSpec; strategies: string[] }> {
  const out = new Map<string, { spec: OptionSpec; strategies: string[] }>();
  for (const s of listStrategies()) {
    for (const o of s.options) {
      const e = out.get(o.name);
      if (e === undefined) out.set(o.name, { spec: o, strategies: [s.name] });
      else e.strategies.push(s.name);
    }
  }
  return out;
}

function optionFlag(spec: OptionSpec, strategies: readonly string[]): Option {
  const who = `(${strategies.join(', ')}; default ${String(spec.default)})`;
  if (spec.kind === 'boolean') return new Option(`--${kebab(spec.name)}`, `${spec.description} ${who}`);
  if (spec.kind === 'enum') return new Option(`--${kebab(spec.name)} <value>`, `${spec.description} ${who}`).choices([...spec.values]);
  return new Option(`--${kebab(spec.name)} <number>`, `${spec.description} ${who}`).argParser((v) => {
    const n = Number(v);
    if (v.trim() === '' || Number.isNaN(n)) throw new InvalidArgumentError(`--${kebab(spec.name)} must be a number, got '${v}'`);
    return n;
  });
}

export function addSelectCommand(ctx: CommandContext): void {
  const { program, io, result } = ctx;
  const specs = strategyOptionSpecs();
  const cmd = program
    .command('select')
    .description("pick the next batch to label from any model's softmax probabilities (N × C: .npy, .npz, .csv, .tsv, .jsonl)")
    .argument('<probabilities>', 'N × C probabilities (rows = unlabelled pool points); archive.npz:name for one array of an .npz')
    .requiredOption('-q, --batch-size <n>', 'points to pick', positiveInt('--batch-size'))
    .option('-s, --strategy <name>', `acquisition strategy: ${listStrategies().map((s) => s.name).join(', ')}`, 'falcun')
    .option('--seed <n>', 'random seed (same inputs and seed, same batch)', seedValue, 0)
    .option('--logits', 'the file holds logits: apply a softmax per row first')
    .option('--labeled <file>', 'rows already labelled (ids, or 0-based row numbers without an id column; or an earlier select output); repeatable', collect, [])
    .option('--exclude <file>', 'rows never to pick, same format as --labeled; repeatable', collect, [])
    .option('--embeddings <file>', 'N × D embeddings, same rows and order (badge, clue, kcenter)')
    .option('--key <name>', '.npz: the array to read (default: the only one, or "probs")')
    .addOption(new Option('--format <format>', 'input format instead of the extension\'s').choices([...MATRIX_FORMATS]))
    .option('--header', 'CSV/TSV: the first line is a header (default: detected)')
    .option('--no-header', 'CSV/TSV: the first line is data')
    .option('--id-column <column>', 'CSV/TSV: the id column, by header name or 1-based number (default: a column named "id", or the one non-numeric column)')
    .option('-o, --out <file>', 'write the batch here (default: stdout)')
    .addOption(new Option('--output-format <format>', 'csv or json (default: from --out\'s extension, else csv)').choices([...BATCH_FORMATS]));
  for (const [, { spec, strategies }] of specs) cmd.addOption(optionFlag(spec, strategies));
  cmd.addHelpText(
    'after',
    '\nOutput columns: pick (1-based order), row (0-based row of the input), id (when the input has ids),\n' +
      "relevance and drawProbability (FALCUN: r = u + d of the pick just before it was picked, and its draw probability).\n" +
      'Example: falcun-lab select probs.npy --batch-size 100 --labeled labeled.txt --out batch.csv',
  );
  cmd.action(async (file: string, flags: SelectFlags) => {
    try {
      const strategy = flags.strategy;
      const info = listStrategies().find((s) => s.name === strategy.trim().toLowerCase() || s.aliases.includes(strategy.trim().toLowerCase()));
      const options: Record<string, unknown> = {};
      for (const [name, { strategies }] of specs) {
        if (flags[name] === undefined) continue;
        if (info !== undefined && !strategies.includes(info.name)) {
          throw new SelectUsageError(`--${kebab(name)} is not an option of strategy '${info.name}' (it is one of ${strategies.join(', ')})`);
        }
        options[name] = flags[name];
      }
      const probabilities = await readMatrix(file, { format: flags.format, key: flags.key, header: flags.header, idColumn: flags.idColumn });
      const embeddings = flags.embeddings !== undefined ? await readMatrix(flags.embeddings, { header: flags.header, idColumn: flags.idColumn }) : undefined;
      const concat = (files: string[]) => Int32Array.from(files.flatMap((f) => [...readRowList(f, probabilities)]));
      const batch = selectBatch({
        probabilities,
        logits: flags.logits === true,
        ...(embeddings !== undefined ? { embeddings } : {}),
        labeled: concat(flags.labeled),
        excluded: concat(flags.exclude),
        strategy,
        options,
        batchSize: flags.batchSize,
        seed: flags.seed,
      });
      const format: BatchFormat = flags.outputFormat ?? (flags.out !== undefined && extname(flags.out).toLowerCase() === '.json' ? 'json' : 'csv');
      const text = format === 'json' ? batchToJson(batch) : batchToCsv(batch);
      if (flags.out === undefined) io.out(text);
      else {
        const tmp = `${flags.out}.tmp-${process.pid}`;
        writeFileSync(tmp, text);
        renameSync(tmp, flags.out);
        io.err(`${batch.picks.length} picks (${batch.strategy}, seed ${batch.seed}, ${batch.candidates} of ${batch.rows} rows left) → ${flags.out}\n`);
      }
    } catch (e) {
      if (e instanceof DataFileError) {
        io.err(`falcun-lab select: ${e.message}\n`);
        result.code = 1;
      } else if (e instanceof SelectUsageError || e instanceof RangeError || e instanceof TypeError) {
        io.err(`falcun-lab select: ${e.message}\n`);
        result.code = 2;
      } else throw e;
    }
  });
}
