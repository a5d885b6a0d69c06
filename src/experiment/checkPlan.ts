/**
 * The checks of a plan that need the rest of falcun-lab, done before an experiment directory is created:
 * strategy names and options (by constructing each strategy), dataset names, option keys and values, model
 * names, and the sizes that depend on the data (Q, the budget and the subsets against the dataset's real
 * number of training / test rows). config.ts checks everything the config says by itself; together they
 * mean an invalid config is refused with exit 2 before `manifest.json` or anything else is written.
 */
import { ConfigError, type ExperimentPlan } from './config.ts';
import type { RunnerDependencies } from './dependencies.ts';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * @throws ConfigError naming every offending field of the config (strategies, datasets, sizes).
 */
export async function checkPlan(plan: ExperimentPlan, deps: RunnerDependencies, source: string): Promise<void> {
  const issues: string[] = [];
  plan.strategies.forEach((s, i) => {
    try {
      deps.createStrategy(s.name, s.options);
    } catch (e) {
      issues.push(`config.strategies[${i}]: ${message(e)}`);
    }
  });
  for (const [i, d] of plan.datasets.entries()) {
    const at = `config.datasets[${i}]`;
    if (d.model !== null && deps.modelNames !== undefined && !deps.modelNames.includes(d.model)) {
      issues.push(`${at}.model: unknown model '${d.model}'; use one of ${deps.modelNames.join(', ')} (or leave it out for the dataset's default)`);
    }
    if (deps.describeDataset === undefined) continue;
    let size: { train: number; test: number } | undefined;
    try {
      size = await deps.describeDataset(d.name, d.options);
    } catch (e) {
      issues.push(`${at}: ${message(e)}`);
      continue;
    }
    if (size === undefined) continue; // sizes known only once loaded (the user's own files: checkOwnData)
    if (d.trainSubset !== null && d.trainSubset > size.train) {
      issues.push(`${at}.trainSubset: ${d.trainSubset} is more than the ${size.train} training rows of '${d.name}'; lower it or leave it out`);
      continue;
    }
    if (d.testSubset !== null && d.testSubset > size.test) {
      issues.push(`${at}.testSubset: ${d.testSubset} is more than the ${size.test} test rows of '${d.name}'; lower it or leave it out`);
    }
    const pool = d.trainSubset ?? size.train;
    if (d.querySize > pool || d.budget > pool) {
      issues.push(
        `${at}: querySize ${d.querySize} and budget ${d.budget} must not exceed the training pool of ${pool} rows` +
          `${d.trainSubset === null ? ` ('${d.name}')` : ' (trainSubset)'}; lower them${d.trainSubset === null ? '' : ' or raise trainSubset'}`,
      );
    }
  }
  if (issues.length > 0) throw new ConfigError(source, issues);
}
