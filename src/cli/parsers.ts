/** commander argument parsers shared by the commands: each throws InvalidArgumentError naming the value. */
import { InvalidArgumentError } from 'commander';
import { BACKEND_REQUESTS, backendRequestOf, type BackendRequest } from '../backend/backendInfo.ts';

/** An integer >= 1; `name` is the option, for the message. */
export function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer, got '${v}'`);
    return n;
  };
}

/** An integer >= 0. */
export function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`must be an integer >= 0, got '${v}'`);
  return n;
}

/** A repeatable option's values, in order. */
export function collect(v: string, acc: string[]): string[] {
  return [...acc, v];
}

/** NAME=VALUE pairs into an environment object. */
export function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw new InvalidArgumentError(`--env expects NAME=VALUE, got '${p}'`);
    env[p.slice(0, i)] = p.slice(i + 1);
  }
  return env;
}

/** `--backend`: one of the backend requests (case-insensitive; 'gpu' and 'node' as FALCUN_BACKEND allows). */
export function parseBackendFlag(v: string): BackendRequest {
  const b = backendRequestOf(v);
  if (b === undefined) throw new InvalidArgumentError(`unknown backend '${v}'; use one of ${BACKEND_REQUESTS.join(', ')}`);
  return b;
}

/** Help of `run --backend` (the rule: experiment/backendRule.ts). */
export const BACKEND_FLAG_HELP = `tfjs backend: ${BACKEND_REQUESTS.join(', ')}; wins over the config's 'backend' and FALCUN_BACKEND`;
/** Help of `run-cell --backend`. */
export const BACKEND_FLAG_HELP_CELL = `tfjs backend: ${BACKEND_REQUESTS.join(', ')}; the directory's, or any for an 'auto' one; wins over FALCUN_BACKEND`;
