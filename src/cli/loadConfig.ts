/**
 * Where `falcun-lab run <config|preset>` gets its config: a preset name, a JSON file, or a TypeScript /
 * JavaScript module whose default export (or `config` export) is the config object.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveExperiment, type ExperimentPlan } from '../experiment/config.ts';
import { PRESETS, presetConfig } from '../experiment/presets.ts';

export interface LoadedConfig {
  readonly plan: ExperimentPlan;
  /** 'preset:smoke' or the file's absolute path. */
  readonly source: string;
}

/**
 * Resolves a preset name or a config file into a validated plan.
 * @throws Error naming the file when it is missing or not valid JSON; ConfigError naming each bad field.
 */
export async function loadConfig(arg: string): Promise<LoadedConfig> {
  if (Object.hasOwn(PRESETS, arg)) return { plan: resolveExperiment(presetConfig(arg), `preset ${arg}`), source: `preset:${arg}` };
  const file = resolve(arg);
  if (!existsSync(file)) {
    throw new Error(`'${arg}' is neither a preset (${Object.keys(PRESETS).join(', ')}) nor an existing config file`);
  }
  const ext = extname(file).toLowerCase();
  let input: unknown;
  if (ext === '.json') {
    try {
      input = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`config file ${file} is not valid JSON: ${(e as Error).message}`);
    }
  } else if (['.ts', '.mts', '.js', '.mjs'].includes(ext)) {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown; config?: unknown };
    input = mod.default ?? mod.config;
    if (input === undefined) throw new Error(`config module ${file} has no default export and no 'config' export`);
  } else {
    throw new Error(`config file ${basename(file)}: expected .json, .ts or .js, got '${ext || 'no extension'}'`);
  }
  return { plan: resolveExperiment(input, file), source: file };
}
