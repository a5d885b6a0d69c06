/**
 * What every command of the CLI shares: where output goes, the exit code an action sets, and the runner
 * dependencies (the real ones, or a test's fakes named by the hidden `--dependencies` option).
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { envValue } from '../environmentVariables.ts';
import type { RunnerDependencies } from '../experiment/dependencies.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

export const stdio: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** The module the runner's real dependencies come from (what `--dependencies` defaults to). */
export const DEFAULT_DEPENDENCIES = fileURLToPath(new URL('../experiment/defaultDependencies.ts', import.meta.url));

export interface CommandContext {
  readonly program: Command;
  readonly io: CliIo;
  /** The exit code `main` returns; actions set it. */
  readonly result: { code: number };
}

/** The `--dependencies` module in force (a path or file: URL). */
export function dependenciesModule(ctx: CommandContext): string {
  return ctx.program.opts<{ dependencies: string }>().dependencies;
}

/** Imports the runner dependencies of `--dependencies`. @throws Error when the module exports none. */
export async function loadDependencies(ctx: CommandContext): Promise<RunnerDependencies> {
  const module = dependenciesModule(ctx);
  const url = module.startsWith('file:') ? module : pathToFileURL(resolve(module)).href;
  const deps = (await import(url)).dependencies as RunnerDependencies | undefined;
  if (!deps) throw new Error(`${module} does not export 'dependencies'`);
  return deps;
}

/** After SIGTERM the rounds in progress may finish for `defaultMs` (the runner's 20 s), or FALCUN_STOP_GRACE_S seconds. */
export function stopGraceMs(defaultMs: number): number {
  const raw = envValue('FALCUN_STOP_GRACE_S');
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(v) && v >= 0 ? v * 1000 : defaultMs;
}

/** Whether `--verbose` was given (stack traces with errors). */
export function isVerbose(ctx: CommandContext): boolean {
  return Boolean(ctx.program.opts<{ verbose?: boolean }>().verbose);
}

/**
 * An error text from a worker for the terminal: without `verbose`, its stack frames are dropped and each
 * line is cut at 300 characters (a line of minified tfjs source can be 80 KB).
 */
export function errorText(message: string, verbose: boolean): string {
  if (verbose) return message;
  return message
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l))
    .join('\n')
    .trimEnd();
}
