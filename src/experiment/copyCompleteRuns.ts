/**
 * Copies the complete runs of an experiment directory into another one with the same plan: how a long grid
 * that writes to a scratch folder (`npm run reproduce:grid -- --out DIR`) lands its finished cells in the
 * committed results/ without ever putting a half-written run file there (`npm run reproduce:collect`).
 * A run file already in the target is never overwritten: the same bytes count as already there, other bytes
 * are reported as a conflict (the target keeps its copy) so that a committed result is never lost.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { manifestPath, readManifest } from './manifest.ts';
import { runFile } from '../results/resultStore.ts';
import { experimentStatus } from './status.ts';

export interface CopyReport {
  /** Run ids copied now. */
  readonly copied: readonly string[];
  /** Complete runs the target already held with the same bytes. */
  readonly alreadyThere: number;
  /** Complete runs whose file in the target differs (left as it was). */
  readonly conflicts: readonly string[];
  /** Runs of the source that are not complete yet (not copied). */
  readonly unfinished: number;
}

/**
 * Copies every complete run file of `from` into `to` (creating `to` with `from`'s manifest when it has none).
 * @throws Error naming both folders when their plans differ, and the errors of reading the source's manifest.
 */
export function copyCompleteRuns(from: string, to: string): CopyReport {
  const source = readManifest(from);
  if (existsSync(manifestPath(to))) {
    const target = readManifest(to);
    if (target.planHash !== source.planHash) {
      throw new Error(`copyCompleteRuns: ${from} holds experiment '${source.plan.name}' (plan ${source.planHash.slice(0, 12)}) but ${to} holds '${target.plan.name}' (plan ${target.planHash.slice(0, 12)}); refusing to mix results`);
    }
  } else {
    mkdirSync(to, { recursive: true });
    copyFileSync(manifestPath(from), manifestPath(to));
  }
  const status = experimentStatus(from);
  const copied: string[] = [];
  const conflicts: string[] = [];
  let alreadyThere = 0;
  for (const cell of status.cells.filter((c) => c.state === 'done')) {
    const src = runFile(from, cell.runId);
    const dst = runFile(to, cell.runId);
    if (existsSync(dst)) {
      if (readFileSync(dst).equals(readFileSync(src))) alreadyThere++;
      else conflicts.push(cell.runId);
      continue;
    }
    mkdirSync(dirname(dst), { recursive: true });
    // Through a temporary name and a rename, so the target never holds part of a file.
    const tmp = join(dirname(dst), `.${cell.runId}.jsonl.copying`);
    copyFileSync(src, tmp);
    renameSync(tmp, dst);
    copied.push(cell.runId);
  }
  return { copied, alreadyThere, conflicts, unfinished: status.cells.length - status.done };
}
