/**
 * Before `run` creates or resumes an experiment directory: every dataset of the plan that reads the user's
 * own files (registry entries with `check`: csv, numpy, arff, image-folder) is loaded and checked once, so
 * a missing label column, a row of another width, an unknown class or an image that does not decode is
 * reported (file and row named) before anything is written.
 */
import { listDatasets } from '../data/registry.ts';
import type { ExperimentPlan } from '../experiment/config.ts';

/** One line per dataset whose files do not load: `config.datasets[i] ('label'): <the loader's message>`. */
export async function checkOwnData(plan: Pick<ExperimentPlan, 'datasets'>): Promise<string[]> {
  const issues: string[] = [];
  const entries = listDatasets();
  for (const [i, d] of plan.datasets.entries()) {
    const entry = entries.find((e) => e.name === d.name);
    if (entry?.check === undefined) continue;
    try {
      await entry.check(d.options);
    } catch (e) {
      issues.push(`config.datasets[${i}] ('${d.label}'): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return issues;
}
