/**
 * The `falcun-lab` command line (bin/falcun-lab.js runs this through tsx):
 *
 *   falcun-lab run <config|preset> [--out dir] [--workers n] [--backend b]   run / resume an experiment grid
 *   falcun-lab run-cell <dir> --index i [--backend b]          one cell (a Slurm array task)
 *   falcun-lab status <dir>                                    what is done, what remains
 *   falcun-lab export-csv <dir> [--out file]                   records as CSV for pandas / R
 *   falcun-lab report <dir>                                    CSV + learning-curve figure
 *   falcun-lab repair <dir> [--dry-run]                        keep the intact records of a damaged run file
 *   falcun-lab list                                            datasets, strategies, presets
 *   falcun-lab slurm <config> --out <dir> [--submit]           the grid as Slurm job arrays (src/slurm)
 *   falcun-lab select <probs> --batch-size q [...]            next batch from any model's probabilities (src/select)
 *
 * One module per command (<name>Command.ts); this file builds the program and maps errors to exit codes.
 * The backend rule (`--backend` > config > FALCUN_BACKEND > auto; what a directory keeps) lives in
 * experiment/backendRule.ts: the CLI only parses the flag.
 *
 * Exit codes: 0 success; 1 a run failed or an error; 2 bad usage or an invalid config;
 * 130 stopped by Ctrl-C (re-run the same command to resume); 143 stopped by SIGTERM (re-run or requeue).
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../experiment/config.ts';
import { DEFAULT_DEPENDENCIES, EXIT, stdio, type CliIo, type CommandContext } from './context.ts';
import { addExportCsvCommand } from './exportCsvCommand.ts';
import { addListCommand } from './listCommand.ts';
import { addRepairCommand } from './repairCommand.ts';
import { addReportCommand } from './reportCommand.ts';
import { addRunCellCommand } from './runCellCommand.ts';
import { addRunCommand } from './runCommand.ts';
import { addSelectCommand } from './selectCommand.ts';
import { addSlurmCommand } from './slurmCommand.ts';
import { addStatusCommand } from './statusCommand.ts';

export { EXIT, type CliIo };

/** Builds the commander program; each action stores its exit code in `result.code`. */
export function buildProgram(io: CliIo = stdio, result: { code: number } = { code: 0 }): Command {
  const program = new Command();
  program
    .name('falcun-lab')
    .description('Deep active learning experiments: FALCUN and its competitors (paper, Algorithm 1), with resumable results')
    .option('--verbose', 'print stack traces with errors')
    .addOption(new Option('--dependencies <module>', 'module exporting the runner dependencies (tests use fakes)').default(DEFAULT_DEPENDENCIES).hideHelp())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  const ctx: CommandContext = { program, io, result };
  for (const add of [addRunCommand, addRunCellCommand, addStatusCommand, addExportCsvCommand, addReportCommand, addRepairCommand, addSlurmCommand, addSelectCommand, addListCommand]) add(ctx);
  return program;
}

/**
 * Runs the CLI on `argv` (node-style: [node, script, ...args]) and returns the exit code.
 * Errors are printed (no stack for expected ones) and mapped to exit codes.
 */
export async function main(argv: readonly string[], io: CliIo = stdio): Promise<number> {
  const result = { code: EXIT.ok as number };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync([...argv]);
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; usage errors were already printed by commander.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof ConfigError) {
      io.err(`${e.message}\n`);
      return EXIT.usage;
    }
    // Expected errors (bad names, a busy directory, a damaged file, a full disk) are one clear message;
    // --verbose adds the stack.
    const verbose = argv.includes('--verbose');
    io.err(`falcun-lab: ${e instanceof Error ? e.message : String(e)}\n`);
    if (verbose && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT.failed;
  }
}
