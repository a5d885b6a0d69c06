/**
 * Where `falcun-lab run <config|preset>` gets its config: a preset name, a JSON file, or a TypeScript /
 * JavaScript module whose default export (or `config` export) is the config object. Modules are loaded
 * with tsx's `tsImport`, so a `.ts` or `.js` config works wherever it lives (also outside a package with
 * `"type": "module"`), and `good.js` is read as itself even when a `good.ts` sits beside it.
 * Every way a config can be unusable (missing, a folder, empty, invalid JSON, invalid fields) is a
 * ConfigError, which the CLI turns into exit 2.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { closestName } from '../closestName.ts';
import { ConfigError, resolveExperiment, type ExperimentPlan } from '../experiment/config.ts';
import { PRESETS, presetConfig } from '../experiment/presets.ts';

export interface LoadedConfig {
  readonly plan: ExperimentPlan;
  /** 'preset:smoke' or the file's absolute path. */
  readonly source: string;
}

/** A module's config: its default export (unwrapping CommonJS interop's `{ default }`) or its `config` export. */
function configExport(mod: Record<string, unknown>): unknown {
  let v: unknown = mod.default ?? mod.config;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (!('name' in o) && ('default' in o || 'config' in o)) v = o.default ?? o.config;
  }
  return v;
}

/**
 * Resolves a preset name or a config file into a validated plan.
 * @throws ConfigError naming the file when it is missing, a folder, empty or not valid JSON, and each
 *   bad field otherwise.
 */
export async function loadConfig(arg: string): Promise<LoadedConfig> {
  if (Object.hasOwn(PRESETS, arg)) return { plan: resolveExperiment(presetConfig(arg), `preset ${arg}`), source: `preset:${arg}` };
  const file = resolve(arg);
  if (!existsSync(file)) {
    const near = closestName(arg, Object.keys(PRESETS));
    throw new ConfigError(arg, [
      `'${arg}' is neither a preset (${Object.keys(PRESETS).join(', ')}) nor an existing config file${near ? `; did you mean '${near}'?` : ''}`,
    ]);
  }
  if (statSync(file).isDirectory()) throw new ConfigError(file, [`${file} is a folder, not a config file (.json, .ts or .js)`]);
  const ext = extname(file).toLowerCase();
  let input: unknown;
  if (ext === '.json') {
    const text = readFileSync(file, 'utf8');
    if (text.trim() === '') throw new ConfigError(file, [`config file ${file} is empty`]);
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(file, [`config file ${file} is not valid JSON: ${(e as Error).message}`]);
    }
  } else if (['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].includes(ext)) {
    const { tsImport } = await import('tsx/esm/api');
    let mod: Record<string, unknown>;
    try {
      mod = (await tsImport(file, import.meta.url)) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(file, [`config module ${file} could not be loaded: ${(e as Error).message.split('\n')[0]}`]);
    }
    input = configExport(mod);
    if (input === undefined) throw new ConfigError(file, [`config module ${file} has no default export and no 'config' export`]);
  } else {
    throw new ConfigError(file, [`config file ${basename(file)}: expected .json, .ts or .js, got '${ext || 'no extension'}'`]);
  }
  return { plan: resolveExperiment(input, file), source: file };
}
