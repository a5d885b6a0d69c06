/**
 * What γ did to accuracy in the Table 3 (ablation) runs, for the γ explorer's side panel: one learning
 * curve (mean test accuracy over seeds vs labels) per γ with relevance u + d, plus deterministic picks,
 * for one dataset. The page highlights the curve of the slider's γ, so it answers "which γ should I use?".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { learningCurves } from '../analysis/learningCurves.ts';
import { loadResults, resolveResultsDir } from '../results/loadResults.ts';
import { REPRODUCTION_DIRS } from '../results/reproductionDirs.ts';
import type { RoundRecord } from '../results/roundRecord.ts';
import type { ExplorerPageOptions } from './gammaExplorer.ts';

export interface ExplorerCurve {
  /** γ, or null for deterministic picks. */
  readonly gamma: number | null;
  readonly label: string;
  /** [labels, mean accuracy] in label order. */
  readonly points: ReadonlyArray<readonly [number, number]>;
}

export interface ExplorerCurves {
  readonly dataset: string;
  /** Where the records came from (shown under the panel). */
  readonly source: string;
  /** Seeds behind each mean (the most any curve has). */
  readonly seeds: number;
  readonly curves: readonly ExplorerCurve[];
}

/** 'falcun-g10-ud' → 10, 'falcun-g0' → 0, 'falcun-det-ud' → null; other labels (u or d only, other strategies) → undefined. */
export function curveGamma(label: string): number | null | undefined {
  const m = /^falcun-(?:g(\d+(?:\.\d+)?)|(det))(?:-(ud))?$/.exec(label);
  if (m === null) return undefined;
  if (m[1] === '0') return 0;
  if (m[3] !== 'ud') return undefined;
  return m[2] === 'det' ? null : Number(m[1]);
}

/**
 * The per-γ curves of one dataset of ablation records (default: 'mnist' when present, else the first
 * dataset in name order). Curves are ordered by γ, deterministic last.
 * Cost: O(records).
 * @throws RangeError when the records hold no ablation variant with u + d for that dataset (naming it).
 */
export function explorerCurves(records: readonly RoundRecord[], source: string, dataset?: string): ExplorerCurves {
  const datasets = [...new Set(records.map((r) => r.dataset))].sort();
  // The stored pool is MNIST: its curves first, then RepeatedMNIST's, then whatever there is.
  const d = dataset ?? ['mnist', 'repeated-mnist'].find((x) => datasets.includes(x)) ?? datasets[0];
  const mine = records.filter((r) => r.dataset === d && curveGamma(r.strategy) !== undefined);
  if (d === undefined || mine.length === 0) {
    throw new RangeError(`explorerCurves: no FALCUN ablation runs with u + d (falcun-g<γ>-ud, falcun-g0, falcun-det-ud) for dataset '${d ?? '(none)'}' in ${source}; datasets there: ${datasets.join(', ') || 'none'}`);
  }
  const byStrategy = new Map<string, Array<readonly [number, number]>>();
  let seeds = 0;
  for (const p of learningCurves(mine)) {
    const list = byStrategy.get(p.strategy) ?? [];
    list.push([p.numLabeled, p.mean]);
    byStrategy.set(p.strategy, list);
    seeds = Math.max(seeds, p.n);
  }
  const curves = [...byStrategy.entries()]
    .map(([label, points]) => ({ gamma: curveGamma(label)!, label, points: points.sort((a, b) => a[0] - b[0]) }))
    .sort((a, b) => (a.gamma ?? Infinity) - (b.gamma ?? Infinity));
  return { dataset: d, source, seeds, curves };
}

/**
 * The curves panel of the explorer page for `results`: 'committed' (the reproduction's Table 3 runs,
 * results/repro-ablation) or any ablation results directory; when there are none, the reason, which the
 * page shows instead. Never throws for absent or unsuitable results.
 */
export function explorerPageOptions(results = 'committed', dataset?: string): ExplorerPageOptions {
  const dir = results === 'committed' ? REPRODUCTION_DIRS.ablation : results;
  if (!existsSync(join(resolveResultsDir(dir), 'runs'))) {
    return { curvesMissing: results === 'committed' ? `The committed Table 3 results (${dir}/) are not in this checkout, so there are no curves to show.` : `${dir} holds no runs/ folder.` };
  }
  try {
    return { curves: explorerCurves(loadResults(dir), results === 'committed' ? `the committed ${dir}/` : dir, dataset) };
  } catch (e) {
    return { curvesMissing: (e as Error).message };
  }
}
